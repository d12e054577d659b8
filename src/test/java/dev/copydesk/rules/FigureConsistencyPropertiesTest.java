package dev.copydesk.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.copydesk.TestEngine;
import dev.copydesk.core.Document;
import dev.copydesk.core.Finding;
import dev.copydesk.input.DraftFormat;
import dev.copydesk.input.DraftReader;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Drafts made of the pieces figures come in (numbers spelled and in digits, hyphenated ages,
 * lists, tallies, brackets, quotations) in random order: the figure-consistency rule never
 * throws, and every finding it makes covers a figure inside the prose.
 */
class FigureConsistencyPropertiesTest {

  private static final List<String> PIECES = List.of(
      "37", " 35 ", "thirty-seven", " two hundred and ", "1.2 million", "1,200", "15-year-old", "-year-old ",
      " people ", " were killed", " killed", " the ", " The ", " of the ", " and ", ", ", ": ", " (", ")", ". ",
      "\n\n", " in all", " a total of ", " three men", " two women", " six", " Okafor", "Ruth Okafor, ", " aged ",
      " 46,", " death toll of ", " rose to ", " at least ", " between ", " to ", "\u201C", "\u201D", "\"", " dead",
      " floating dock ", " make ", " arrested by police", " Police arrested ", "%", "$", " Mr ", "-", "\u2013");

  @Provide
  Arbitrary<String> drafts() {
    return Arbitraries.of(PIECES).list().ofMinSize(1).ofMaxSize(60).map(list -> String.join("", list));
  }

  @Property(tries = 200)
  void neverThrowsAndEveryFindingCoversAFigure(@ForAll("drafts") String source) {
    Document document = DraftReader.parse("draft.txt", source, DraftFormat.TEXT);
    LoadedRule rule = TestEngine.rules().stream().filter(r -> r.id().equals("figure-consistency")).findFirst().orElseThrow();
    for (Finding finding : rule.rule().check(TestEngine.analyse(document))) {
      assertTrue(finding.span().end() <= document.text().length(), "inside the prose: " + finding);
      String found = document.text(finding.span());
      assertTrue(found.chars().anyMatch(Character::isLetterOrDigit), "covers a figure: " + finding);
    }
  }
}
