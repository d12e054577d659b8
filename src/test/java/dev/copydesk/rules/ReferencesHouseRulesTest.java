package dev.copydesk.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.copydesk.TestEngine;
import dev.copydesk.core.Finding;
import dev.copydesk.core.Rule;
import dev.copydesk.core.Span;
import dev.copydesk.input.DraftFormat;
import dev.copydesk.input.DraftReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The references rule's house settings, which the built-in file leaves at their defaults (so its
 * examples cannot test them): a newsroom's copy of the file in its rule folder sets them. Each
 * test writes such a copy, the built-in file with one setting changed, and checks marked texts
 * as the rule files' examples are checked.
 */
class ReferencesHouseRulesTest {

  @TempDir
  Path folder;

  @Test
  void requiredCourtesyTitlesFlagASurnameAloneAndSuggestTheTitleTheDraftUses() throws Exception {
    Rule rule = houseRule("courtesy-title-style: \"off\"", "courtesy-title-style: \"required\"");
    assertFinds(rule, "Maria Okafor, the city's engineer, closed the bridge. Ms. Okafor said it was unsafe. [[Okafor]] left.",
        "Ms. Okafor");
    // The first reference and quotations are never checked; a surname no suggestion can give a title to is still flagged.
    assertFinds(rule, "Maria Okafor, the engineer, closed it. \"Okafor was right,\" a neighbour said. [[Okafor]]'s team left.");
    assertFinds(rule, "Maria Okafor, the engineer, closed it. Ms. Okafor said it was unsafe.");
  }

  @Test
  void droppedCourtesyTitlesFlagTheTitleAndSuggestTheSurnameAlone() throws Exception {
    Rule rule = houseRule("courtesy-title-style: \"off\"", "courtesy-title-style: \"dropped\"");
    assertFinds(rule, "Maria Okafor, the city's engineer, closed the bridge. [[Mr. Okafor]] said it was unsafe.", "Okafor");
    assertFinds(rule, "Maria Okafor, the city's engineer, closed the bridge. Okafor said it was unsafe.");
    // Children and relatives sharing the surname are left alone: the title may be what tells them apart.
    assertFinds(rule, "Maria Okafor, the engineer, and her husband, Daniel Okafor, said nothing. Mr. Okafor left.");
  }

  @Test
  void featuresLeaveFirstNamesAlone() throws Exception {
    String story = "Ana Ruiz, who runs the cafe, said trade had halved. Ruiz said she would stay. [[Ana]] smiled.";
    assertFinds(builtIn(), story, "Ruiz");
    assertFinds(houseRule("hard-news: \"on\"", "hard-news: \"off\""), story.replace("[[", "").replace("]]", ""));
  }

  @Test
  void anUnknownStyleIsAnErrorNamingTheFile() throws Exception {
    RuleFileException error = org.junit.jupiter.api.Assertions.assertThrows(RuleFileException.class,
        () -> houseRule("courtesy-title-style: \"off\"", "courtesy-title-style: \"sometimes\""));
    assertTrue(error.getMessage().contains("references.yml") && error.getMessage().contains("courtesy-title-style"),
        error.getMessage());
  }

  private static Rule builtIn() {
    return TestEngine.rules().stream().filter(rule -> rule.id().equals("references")).findFirst().orElseThrow().rule();
  }

  /** The built-in rule file with one line changed, in a newsroom's folder (its word lists read from the built-in folder). */
  private Rule houseRule(String line, String replacement) throws IOException, RuleFileException {
    Path builtIn = RuleLoader.builtinDirectory();
    String source = Files.readString(builtIn.resolve("references.yml"), StandardCharsets.UTF_8);
    assertTrue(source.contains(line), "the built-in file has " + line);
    source = source.replace(line, replacement);
    for (String list : List.of("names.txt.gz", "word-levels.txt.gz", "variants.txt.gz")) {
      Path copy = folder.resolve(list);
      if (!Files.exists(copy)) {
        Files.copy(builtIn.resolve("word-lists").resolve(list), copy);
      }
      source = source.replace("word-lists/" + list, list);
    }
    Path file = folder.resolve("references.yml");
    Files.writeString(file, source, StandardCharsets.UTF_8);
    return RuleLoader.build(RuleLoader.readRuleFile(file), Dictionary.empty()).rule();
  }

  /** The rule finds exactly the marked spans, the first with the given first suggestion. */
  private static void assertFinds(Rule rule, String marked, String... firstSuggestions) {
    Example example = Example.parse(marked, null);
    List<Finding> findings = rule.check(TestEngine.analyse(DraftReader.parse("house.txt", example.text(), DraftFormat.TEXT)))
        .stream().sorted(Comparator.comparingInt((Finding f) -> f.span().start())).toList();
    List<Span> found = findings.stream().map(Finding::span).toList();
    assertEquals(example.expected(), found, "in: " + example.text() + "\nfindings: " + findings);
    for (int i = 0; i < firstSuggestions.length; i++) {
      assertEquals(firstSuggestions[i], findings.get(i).suggestions().get(0), "suggestion in: " + example.text());
    }
  }
}
