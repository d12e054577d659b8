package dev.copydesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line through {@link Main#run}, as a user or CI would use it. */
class MainTest {

  private static final String STORY = "fixtures/port-strike.txt";

  @TempDir Path temp;

  /** The outcome of one run: exit code, standard output, standard error. */
  record Result(int code, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }
  }

  /**
   * A run as a script or CI job makes it: no terminal, whatever the environment the tests run in,
   * so it checks in process ({@link DaemonRunsTest} runs as a person at a terminal).
   */
  static Result runWithStdin(String stdin, String... args) {
    return runIn(Map.of(), stdin, args);
  }

  /** A run with these environment variables and nothing else. */
  static Result runIn(Map<String, String> environment, String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), environment, args);
    return new Result(code, out.toString(), err.toString());
  }

  static Result run(String... args) {
    return runWithStdin("", args);
  }

  @Test
  void textReportListsFindingsInOrderThenASummaryAndExitsOne() {
    Result result = run("check", STORY);
    assertEquals(1, result.code(), result.err());
    List<String> lines = result.out().lines().toList();
    assertTrue(lines.contains(STORY + ":5:11: error: 'Minsiter' looks like a typo of 'Minister'. [spelling]"), result.out());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith(STORY + ":10:1: error: ") && l.endsWith("[promo-block]")), result.out());
    assertTrue(lines.get(lines.size() - 1).matches("\\d+ errors?, \\d+ warnings?, \\d+ suggestions?; 1 file checked\\."), result.out());
    List<String> findings = lines.subList(0, lines.size() - 1);
    List<Integer> order = new ArrayList<>();
    for (String line : findings) {
      String[] parts = line.split(":");
      order.add(Integer.parseInt(parts[1]) * 10_000 + Integer.parseInt(parts[2]));
    }
    assertEquals(order.stream().sorted().toList(), order, "findings are ordered by position");
    assertEquals("", result.err());
  }

  @Test
  void jsonReportHoldsTheSameFindingsWithOffsetsIntoTheSource() throws IOException {
    Result text = run("check", STORY);
    Result json = run("check", "--format", "json", STORY);
    assertEquals(1, json.code());
    JsonNode root = new ObjectMapper().readTree(json.out());
    JsonNode findings = root.get("files").get(0).get("findings");
    assertEquals(text.out().lines().count() - 1, findings.size());
    String source = Files.readString(Path.of(STORY));
    for (JsonNode finding : findings) {
      int offset = finding.get("offset").asInt();
      int length = finding.get("length").asInt();
      assertEquals(finding.get("text").asText(), source.substring(offset, offset + length));
      String[] lines = source.split("\n", -1);
      int line = finding.get("line").asInt();
      int column = finding.get("column").asInt();
      int lineStart = 0;
      for (int i = 0; i < line - 1; i++) {
        lineStart += lines[i].length() + 1;
      }
      assertEquals(offset, lineStart + column - 1, "line and column agree with the offset: " + finding);
    }
    JsonNode typo = findings.get(0).get("rule").asText().equals("spelling") ? findings.get(0) : null;
    for (JsonNode finding : findings) {
      if (finding.get("text").asText().equals("Minsiter")) {
        typo = finding;
      }
    }
    assertEquals("Minister", typo.get("suggestions").get(0).asText());
    assertEquals(5, typo.get("line").asInt());
    assertEquals(11, typo.get("column").asInt());
    assertEquals(19, typo.get("endColumn").asInt());
  }

  @Test
  void missingFileIsOneLineOnStderrAndExitTwo() {
    Result result = run("check", "no-such-draft.txt");
    assertEquals(2, result.code());
    assertEquals(List.of("copydesk: no-such-draft.txt: no such file or folder"), result.errLines());
    assertEquals("", result.out(), "nothing was checked, so there is no report");
  }

  @Test
  void folderWithoutDraftsIsExitTwo() throws IOException {
    Files.writeString(temp.resolve("notes.csv"), "a,b\n");
    Result result = run("check", temp.toString());
    assertEquals(2, result.code());
    assertEquals(1, result.errLines().size(), result.err());
    assertTrue(result.err().contains("holds no drafts"), result.err());
  }

  @Test
  void unknownOptionIsOneLineAndExitTwo() {
    Result result = run("check", "--colour", STORY);
    assertEquals(2, result.code());
    assertEquals(1, result.errLines().size(), result.err());
    assertTrue(result.err().startsWith("copydesk: Unknown option: '--colour'"), result.err());
    assertFalse(result.err().contains("Exception"));
  }

  @Test
  void badInputIsReportedAndTheOtherFilesAreStillChecked() throws IOException {
    Path good = temp.resolve("good.txt");
    Files.writeString(good, "The minister said the the talks would resume.\n");
    Path binary = temp.resolve("photo.txt");
    Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
    Result result = run("check", binary.toString(), good.toString());
    assertEquals(2, result.code(), "an input that could not be checked makes the run exit 2");
    assertEquals(1, result.errLines().size(), result.err());
    assertTrue(result.err().contains("photo.txt: looks like a binary file"), result.err());
    assertTrue(result.out().contains("good.txt:1:19: error: 'the the' repeats a word"), result.out());
  }

  @Test
  void standardInputTakesItsNameAndFormatFromStdinName() {
    String markdown = "# Budget\n\nThe council said the the budget was set.\n\n```\nthe the\n```\n";
    Result result = runWithStdin(markdown, "check", "--stdin-name", "budget.md", "-");
    assertEquals(1, result.code(), result.err());
    assertEquals(List.of("budget.md:3:18: error: 'the the' repeats a word; did you mean 'the'? [duplicated-word]"),
        result.out().lines().filter(l -> l.contains("[duplicated-word]")).toList());
  }

  @Test
  void failOnDecidesTheExitCode() throws IOException {
    Path draft = temp.resolve("draft.txt");
    Files.writeString(draft, "The plan will reportedly be published on Monday.\n");
    assertEquals(0, run("check", draft.toString()).code(), "a suggestion does not fail by default");
    assertEquals(1, run("check", "--fail-on", "suggestion", draft.toString()).code());
    assertEquals(0, run("check", "--fail-on", "never", STORY).code());
    assertEquals(2, run("check", "--fail-on", "sometimes", draft.toString()).code());
  }

  @Test
  void configTurnsRulesOffAndChangesSeverity() throws IOException {
    Path config = temp.resolve(".copydesk.yml");
    Files.writeString(config, "fail-on: warning\nrules:\n  duplicated-word: off\n  unattributed-claim: error\n");
    Path draft = temp.resolve("draft.txt");
    Files.writeString(draft, "The the plan was leaked, analysts say.\n");
    Result result = run("check", "--config", config.toString(), draft.toString());
    assertEquals(1, result.code());
    assertFalse(result.out().contains("[duplicated-word]"), result.out());
    assertTrue(result.out().contains(": error: Claim attributed to a vague source"), result.out());
  }

  @Test
  void aRuleShippedOffRunsOnlyWhenTheConfigNamesIt() throws IOException {
    Path draft = temp.resolve("draft.txt");
    Files.writeString(draft, "Published: 3 March 2026\n\nThe ministers met yesterday in Brussels.\n");
    Result quiet = run("check", "--no-config", "--fail-on", "suggestion", draft.toString());
    assertFalse(quiet.out().contains("[relative-days]"), quiet.out());
    Path config = temp.resolve(".copydesk.yml");
    Files.writeString(config, "rules:\n  relative-days: error\n");
    Result named = run("check", "--config", config.toString(), draft.toString());
    assertEquals(1, named.code(), named.out());
    assertTrue(named.out().contains("draft.txt:3:19: error: House style names the day: Monday, not 'yesterday'. [relative-days]"),
        named.out());
    Files.writeString(config, "rules:\n  relative-days: off\n");
    assertFalse(run("check", "--config", config.toString(), draft.toString()).out().contains("[relative-days]"));
  }

  @Test
  void badConfigNamesTheFileAndTheKey() throws IOException {
    Path config = temp.resolve("bad.yml");
    Files.writeString(config, "language: en-GB\nfail_on: error\n");
    Result result = run("check", "--config", config.toString(), STORY);
    assertEquals(2, result.code());
    assertEquals(List.of("copydesk: " + config + ":2: unknown key 'fail_on' (known: language, fail-on, rules, dictionaries, rule-paths, max-size, time-budget, overrides, daemon, max-daemons)"),
        result.errLines());
  }

  @Test
  void houseRuleFolderOverridesABuiltInRuleAndAddsItsOwn() throws IOException {
    Path house = Files.createDirectory(temp.resolve("house"));
    Files.writeString(house.resolve("house-style.yml"), String.join("\n",
        "kind: phrase",
        "description: Our house style.",
        "severity: warning",
        "message: \"House style: '${replacement}', not '${match}'.\"",
        "phrases:",
        "  utilise: use",
        "examples:",
        "  - bad: \"We [[utilise]] it.\"",
        "  - good: \"We use it.\"",
        ""));
    Files.writeString(house.resolve("duplicated-word.yml"), "kind: duplicated-word\nexeptions: [had had]\n");
    Result rules = run("rules", "--rules", house.toString());
    assertEquals(2, rules.code(), "the misspelt key in the overriding file is an error");
    assertTrue(rules.err().contains("duplicated-word.yml") && rules.err().contains("unknown key 'exeptions'"), rules.err());

    Files.delete(house.resolve("duplicated-word.yml"));
    Path draft = temp.resolve("draft.txt");
    Files.writeString(draft, "Councils utilise the fund.\n");
    Result result = run("check", "--rules", house.toString(), draft.toString());
    assertTrue(result.out().contains("draft.txt:1:10: warning: House style: 'use', not 'utilise'. [house-style]"), result.out());
  }

  @Test
  void rulesListsEveryRuleWithSeverityAndDescription() {
    Result result = run("rules");
    assertEquals(0, result.code(), result.err());
    for (String id : List.of("spelling", "duplicated-word", "unattributed-claim", "promo-block", "languagetool")) {
      assertTrue(result.out().lines().anyMatch(l -> l.startsWith(id + " ")), id + " in:\n" + result.out());
    }
  }

  @Test
  void helpListsTheExitCodes() {
    Result result = run("check", "--help");
    assertEquals(0, result.code());
    assertTrue(result.out().contains("Exit codes:"), result.out());
    assertTrue(result.out().contains("3   an internal error"), result.out());
  }

  @Test
  void fixWritesTheDraftWithoutItsPromotionalBlockToStandardOutput() throws IOException {
    Path draft = temp.resolve("draft.md");
    String article = "# Talks end\n\nThe talks ended without a deal on Friday.\n\n";
    String block = "**You may also like**\n\n- [Ferry firm fined](https://example.org/a)\n- [Best markets](https://example.org/b)\n- [Keeper signs deal](https://example.org/c)\n";
    Files.writeString(draft, article + block);
    Result result = run("fix", draft.toString());
    assertEquals(0, result.code(), result.err());
    assertEquals(article, result.out());
    assertEquals(List.of(draft + ":5:3: fixed [promo-block]"), result.errLines());
    assertEquals(article + block, Files.readString(draft), "without --in-place the draft is untouched");
  }

  @Test
  void fixInPlaceKeepsTheOriginalAndRefusesToOverwriteABackup() throws IOException {
    Path draft = temp.resolve("draft.txt");
    String original = "The minister resigned on Friday.\nREAD MORE: Ten cabinet exits that shook the country\nHer deputy will take over.\n";
    Files.writeString(draft, original);
    Result result = run("fix", "--in-place", draft.toString());
    assertEquals(0, result.code(), result.err());
    assertEquals("The minister resigned on Friday.\nHer deputy will take over.\n", Files.readString(draft));
    assertEquals(original, Files.readString(temp.resolve("draft.txt.orig")));
    Files.writeString(draft, original);
    Result again = run("fix", "--in-place", draft.toString());
    assertEquals(2, again.code());
    assertTrue(again.err().contains("draft.txt.orig already exists"), again.err());
    assertEquals(original, Files.readString(draft), "a refused fix leaves the draft alone");
  }

  @Test
  void overridesSwitchRulesByPathGlob() throws IOException {
    Path sport = Files.createDirectories(temp.resolve("sport"));
    Path news = Files.createDirectories(temp.resolve("news"));
    String copy = "The striker will reportedly sign on Friday.\n";
    Files.writeString(sport.resolve("transfer.txt"), copy);
    Files.writeString(news.resolve("transfer.txt"), copy);
    Path config = temp.resolve(".copydesk.yml");
    Files.writeString(config, String.join("\n",
        "overrides:",
        "  - paths: [\"**/sport/**\"]",
        "    rules:",
        "      unattributed-claim: off",
        ""));
    Result result = run("check", "--config", config.toString(), sport.toString(), news.toString());
    assertTrue(result.out().contains("news/transfer.txt:1:18: suggestion:"), result.out());
    assertFalse(result.out().contains("sport/transfer.txt"), result.out());
  }

  @Test
  void findingsAreTheSameWithAndWithoutTheCacheAndOnOneOrManyThreads() throws IOException {
    Path cache = temp.resolve("cache");
    String oneThreadNoCache = run("check", "--format", "json", "--jobs", "1", "--no-cache", "fixtures").out();
    String twoThreadsColdCache = run("check", "--format", "json", "--jobs", "2", "--cache-dir", cache.toString(), "fixtures").out();
    String twoThreadsWarmCache = run("check", "--format", "json", "--jobs", "2", "--cache-dir", cache.toString(), "fixtures").out();
    assertTrue(oneThreadNoCache.contains("\"promo-block\""), oneThreadNoCache);
    assertEquals(oneThreadNoCache, twoThreadsColdCache);
    assertEquals(oneThreadNoCache, twoThreadsWarmCache);

    List<Path> entries;
    try (var files = Files.walk(cache)) {
      entries = files.filter(p -> p.toString().endsWith(".json")).toList();
    }
    assertFalse(entries.isEmpty(), "the cache holds entries");
    for (int i = 0; i < entries.size(); i++) {
      // Corrupt half, and make the others foreign: each claims another paragraph's key.
      Files.writeString(entries.get(i), i % 2 == 0 ? "{not json" : "{\"key\":\"other\",\"matches\":[]}");
    }
    assertEquals(oneThreadNoCache, run("check", "--format", "json", "--jobs", "1", "--cache-dir", cache.toString(), "fixtures").out(),
        "corrupt and foreign entries are ignored, never trusted");
  }

  @Test
  void aServerThatDoesNotAnswerIsOneLineAndExitTwo() {
    Result result = run("check", "--server", "http://127.0.0.1:1", STORY);
    assertEquals(2, result.code(), result.err());
    assertEquals(1, result.errLines().size(), result.err());
    assertTrue(result.err().startsWith("copydesk: " + STORY + ": no copydesk server answers at http://127.0.0.1:1"), result.err());
  }

  @Test
  void serveRefusesAnImpossiblePortBeforeStarting() {
    Result result = run("serve", "--port", "70000");
    assertEquals(2, result.code(), result.err());
    assertTrue(result.err().contains("--port 0 to 65535"), result.err());
  }

  @Test
  void listNamesPrintsEachDraftsNamesWithTheirUsesAndChecksNothing() {
    Result result = run("check", "--list-names", "fixtures/name-spellings.txt");
    assertEquals(0, result.code(), result.err());
    List<String> lines = result.out().lines().toList();
    assertTrue(lines.contains("fixtures/name-spellings.txt: Maarja Kuusk (1)"), result.out());
    assertTrue(lines.contains("fixtures/name-spellings.txt: Toomas Vahtra (1)"), result.out());
    assertTrue(lines.contains("fixtures/name-spellings.txt: Tallinn (1)"), result.out());
    assertFalse(result.out().contains("Thursday"), "days and months are no names");
  }

  @Test
  void listNamesKeepsANameWithItsJoiningWordsWhole() {
    Result result = run("check", "--list-names", "fixtures/names-organisations.txt");
    assertEquals(0, result.code(), result.err());
    List<String> names = result.out().lines().map(line -> line.substring(line.indexOf(": ") + 2)).toList();
    for (String whole : List.of("Center for Strategic and International Studies (1)", "Department of the Interior (1)",
        "Bank of Finland (1)", "University of Tartu (1)", "Annika von Berg (1)", "Stockholm Institute for Peace Research (1)",
        "Markus de la Cruz (1)", "Trump (1)")) {
      assertTrue(names.contains(whole), whole + " in " + names);
    }
    assertFalse(names.stream().anyMatch(name -> name.startsWith("Strategic") || name.startsWith("International")), names.toString());
    assertFalse(names.stream().anyMatch(name -> name.contains(" and Trump")), "two names joined by 'and' stay two: " + names);
  }

  @Test
  void coinagesAndBrandStylingsAreStyleQuestionsAndTheSlipsBesideThemAreNot() throws IOException {
    Path draft = temp.resolve("spelling-news.txt");
    Files.writeString(draft, Files.readString(Path.of("fixtures/spelling-news.txt")).replaceAll(" *// expect:[^\n]*", ""));
    Result result = run("check", "--format", "json", "--fail-on", "never", draft.toString());
    JsonNode findings = new ObjectMapper().readTree(result.out()).get("files").get(0).get("findings");
    Map<String, String> spelling = new java.util.HashMap<>();
    findings.forEach(f -> {
      if (f.get("rule").asText().equals("spelling")) {
        spelling.put(f.get("text").asText(), f.get("severity").asText());
      }
    });
    // A prefix on a known word, a phrase hyphenated, a brand in lower case: below warning.
    for (String style : List.of("uncrewed", "teleclinics", "microgrants", "quid-pro-quo", "karvo")) {
      assertEquals("suggestion", spelling.get(style), style + " in " + spelling);
    }
    // The slips in the same copy: at warning or above.
    for (String slip : List.of("MGHT", "TIMNE", "Agian", "Wingre", "Degnue", "Patry-led", "Tarde", "Dseign")) {
      assertTrue(List.of("warning", "error").contains(spelling.get(slip)), slip + " in " + spelling);
    }
    assertFalse(spelling.containsKey("Taek") || spelling.containsKey("NTSB"), "a credited name and an acronym: " + spelling);
  }

  @Test
  void theSeedsTypoIsAnErrorAndItsNamesAreNot() throws IOException {
    Path seed = Path.of("../shared/seed-article.txt");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(seed), "../shared beside the project");
    Result result = run("check", "--format", "json", seed.toString());
    JsonNode findings = new ObjectMapper().readTree(result.out()).get("files").get(0).get("findings");
    List<String> spelling = new ArrayList<>();
    findings.forEach(f -> {
      if (f.get("rule").asText().equals("spelling") || f.get("rule").asText().equals("name-consistency")) {
        spelling.add(f.get("text").asText() + " " + f.get("severity").asText());
      }
    });
    assertEquals(List.of("Presdient error"), spelling);
    Path changed = temp.resolve("seed-witkof.txt");
    Files.writeString(changed, Files.readString(seed).replaceFirst("Witkoff took", "Witkof took"));
    Result witkof = run("check", changed.toString());
    assertTrue(witkof.out().contains("'Witkof' is spelt 'Witkoff' elsewhere in this draft"), witkof.out());
  }
}
