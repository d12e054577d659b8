package dev.copydesk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An archive as a table of articles, written here: JSON Lines with id, text, section, published
 * and author, one article of Markdown by its format column, and articles that cannot be
 * checked. The carried columns reach every finding, the summary counts per section and per month
 * what the findings and the articles' words say, the bad articles are rows of errors/ and the
 * audit still completes, and a second run over the same folder leaves the same rows.
 */
class ArchiveTablesTest {

  @TempDir Path folder;

  /** id, section, published, text: each article's problems are known from its own words. */
  private static final String[][] ARTICLES = {
    {"2019/03/port", "business", "2019-03-04", "The port reopened on Monday after the the strike ended. Dockers returned to work at dawn."},
    {"2019/03/budget", "politics", "2019-03-18T09:30:00Z", "The budget passed by four votes. A government source said the vote was never in doubt."},
    {"2019/04/derby", "sport", "2019-04-02", "The derby ended level. Analysts say the the league title is now out of reach for both clubs."},
    {"2019/04/council", "politics", "2019-04-20", "The council met for three hours and agreed the plan for the new library on Elm Street."},
    // Its weekday is wrong only in the year its published column gives.
    {"2019/04/ferry", "business", "2019-04-09", "The ferry sailed on Thursday, April 5, after repairs to its engine."},
  };

  @Test
  void carriedColumnsReachFindingsAndTheSummaryGroupsBySectionAndMonth() throws IOException {
    Path archive = folder.resolve("archive.jsonl");
    StringBuilder lines = new StringBuilder();
    Map<String, Long> wordsBySection = new TreeMap<>();
    Map<String, Long> wordsByMonth = new TreeMap<>();
    for (String[] article : ARTICLES) {
      ObjectNode row = AuditOutputs.JSON.createObjectNode();
      row.put("id", article[0]).put("section", article[1]).put("published", article[2]).put("author", "Desk")
          .put("text", article[3]);
      lines.append(row).append('\n');
      long words = article[3].split("\\s+").length;
      wordsBySection.merge(article[1], words, Long::sum);
      wordsByMonth.merge(article[2].substring(0, 7), words, Long::sum);
    }
    // A Markdown article by its format column: the code span is not prose, so its doubled word is no finding.
    lines.append("{\"id\":\"2019/05/howto\",\"section\":\"tech\",\"author\":\"Desk\",\"published\":\"2019-05-01\",\"format\":\"markdown\","
        + "\"text\":\"# Update\\n\\nRun `the the` to see the the bug.\\n\"}\n");
    // Three that cannot be checked: binary data, no text, and a line that is not JSON.
    lines.append("{\"id\":\"2019/05/binary\",\"section\":\"tech\",\"published\":\"2019-05-02\",\"text\":\"abc\\u0000def\"}\n");
    lines.append("{\"id\":\"2019/05/empty\",\"section\":\"tech\",\"published\":\"2019-05-03\"}\n");
    lines.append("{\"id\": \"2019/05/broken\", \"text\": \n");
    Files.writeString(archive, lines.toString());

    Path output = folder.resolve("out");
    AuditOutputs.Run run = AuditOutputs.audit(archive.toString(), "--output", output.toString(), "--format", "jsonl", "--no-config");
    assertEquals(0, run.exitCode(), run.err());

    List<JsonNode> findings = AuditOutputs.rows(output, "findings");
    Map<String, JsonNode> byId = new HashMap<>();
    for (JsonNode finding : findings) {
      assertEquals("Desk", finding.get("author").asText(), "carried: " + finding);
      byId.putIfAbsent(finding.get("id").asText() + " " + finding.get("rule").asText(), finding);
    }
    JsonNode port = byId.get("2019/03/port duplicated-word");
    assertEquals("business", port.get("section").asText());
    assertEquals("2019-03-04", port.get("published").asText());
    assertEquals("the the", port.get("text").asText());
    assertTrue(byId.containsKey("2019/03/budget unattributed-claim"), findings.toString());
    assertTrue(byId.containsKey("2019/04/derby unattributed-claim"), findings.toString());
    assertTrue(byId.containsKey("2019/04/derby duplicated-word"), findings.toString());
    assertTrue(byId.containsKey("2019/05/howto duplicated-word"), "the prose's doubled word: " + findings);
    assertEquals("Thursday", byId.get("2019/04/ferry date-consistency").get("text").asText(),
        "dated by its published column, the story's April 5 is a Friday: " + findings);
    assertEquals(1, findings.stream().filter(f -> f.get("id").asText().equals("2019/05/howto")).count(),
        "the code span's doubled word is not checked: " + findings);

    // The summary, group by group, is what the findings rows add up to, over the group's words.
    List<JsonNode> summary = AuditOutputs.rows(output, "summary");
    assertGroups(summary, findings, "section", finding -> finding.get("section").asText(), wordsBySection);
    assertGroups(summary, findings, "month", finding -> finding.get("published").asText().substring(0, 7), wordsByMonth);
    JsonNode politics = summary.stream()
        .filter(row -> row.get("grouping").asText().equals("section") && row.get("value").asText().equals("politics"))
        .findFirst().orElseThrow();
    assertEquals(2, politics.get("articles").asInt(), "both politics articles, the clean one too: " + politics);
    assertEquals(politics.get("findings").asDouble() * 10_000 / politics.get("words").asDouble(),
        politics.get("per10kWords").asDouble(), 1e-9);

    Map<String, String> errors = new TreeMap<>();
    for (JsonNode error : AuditOutputs.rows(output, "errors")) {
      errors.put(error.get("id").isNull() ? "(no id)" : error.get("id").asText(), error.get("reason").asText());
    }
    assertEquals(List.of("(no id)", "2019/05/binary", "2019/05/empty"), new ArrayList<>(errors.keySet()), errors.toString());
    assertTrue(errors.get("2019/05/binary").contains("NUL character at offset 3"), errors.toString());
    assertTrue(errors.get("2019/05/empty").contains("has no text"), errors.toString());
    assertTrue(errors.get("(no id)").contains("not a JSON object"), errors.toString());

    // A re-run over the same folder replaces it: the same rows, none twice.
    assertEquals(0, AuditOutputs.audit(archive.toString(), "--output", output.toString(), "--format", "jsonl", "--no-config").exitCode());
    assertEquals(findings.size(), AuditOutputs.rows(output, "findings").size());
    assertEquals(summary.size(), AuditOutputs.rows(output, "summary").size());
  }

  @Test
  void badPathsAndBadConfigExitTwo() throws IOException {
    Path output = folder.resolve("out");
    assertEquals(2, AuditOutputs.audit(folder.resolve("missing").toString(), "--output", output.toString()).exitCode());
    Path config = folder.resolve("bad.yml");
    Files.writeString(config, "exeptions: 1\n");
    Path draft = folder.resolve("draft.txt");
    Files.writeString(draft, "A clean draft.\n");
    AuditOutputs.Run badConfig = AuditOutputs.audit(draft.toString(), "--output", output.toString(), "--config", config.toString());
    assertEquals(2, badConfig.exitCode());
    assertTrue(badConfig.err().contains("unknown key 'exeptions'"), badConfig.err());
    Path noText = folder.resolve("no-text.jsonl");
    Files.writeString(noText, "{\"id\":\"a\",\"body\":\"text under another name\"}\n");
    AuditOutputs.Run table = AuditOutputs.audit(noText.toString(), "--output", output.toString(), "--no-config");
    assertEquals(2, table.exitCode());
    assertTrue(table.err().contains("needs an 'id' and a 'text' column"), table.err());
  }

  private static void assertGroups(List<JsonNode> summary, List<JsonNode> findings, String grouping,
      java.util.function.Function<JsonNode, String> valueOf, Map<String, Long> words) {
    Map<String, Long> expected = new TreeMap<>();
    for (JsonNode finding : findings) {
      if (!finding.get("id").asText().equals("2019/05/howto")) { // Markdown: its words are not counted above
        expected.merge(valueOf.apply(finding) + " " + finding.get("rule").asText() + " " + finding.get("severity").asText(), 1L, Long::sum);
      }
    }
    Map<String, Long> actual = new TreeMap<>();
    for (JsonNode row : summary) {
      if (row.get("grouping").asText().equals(grouping) && words.containsKey(row.get("value").asText())) {
        actual.put(row.get("value").asText() + " " + row.get("rule").asText() + " " + row.get("severity").asText(),
            row.get("findings").asLong());
        assertEquals(words.get(row.get("value").asText()), row.get("words").asLong(), "words of " + row);
      }
    }
    assertEquals(expected, actual);
    assertTrue(actual.size() >= 3, grouping + " groups: " + actual);
  }
}
