package dev.copydesk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.copydesk.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit's findings are check's: the same drafts (the fixtures, and a sample of the Brown
 * press articles in ../shared when it is there) through {@code copydesk check --no-cache --format
 * json} in this JVM and through the Spark job in local mode on two cores give the same findings,
 * field for field, under the same paths.
 *
 * <p>check runs with {@code --jobs 2} here, a draft a thread as the audit's two tasks check them:
 * with fewer drafts than cores, check gives a draft's paragraphs to several LanguageTools at
 * once, and a LanguageTool rule that reads the text around it (EN_DATE_WEEKDAY_CURRENTYEAR, which
 * looks for a year elsewhere in the text) can then see less of the draft.
 */
class AuditMatchesCheckTest {

  private static final Path BROWN = Path.of("../../shared/corpus/brown-press");

  @TempDir Path output;

  @Test
  void findingsAreChecksFindingsFieldForField() throws IOException {
    List<String> paths = new ArrayList<>(List.of("../fixtures"));
    if (Files.isDirectory(BROWN)) {
      for (String name : List.of("ca01_news.txt", "ca17_news.txt", "ca33_news.txt", "ca44_news.txt")) {
        paths.add(BROWN.resolve(name).toString());
      }
    }
    List<String> checkArgs = new ArrayList<>(List.of("check", "--no-cache", "--no-config", "--format", "json", "--jobs", "2"));
    checkArgs.addAll(paths);
    StringWriter checkOut = new StringWriter();
    int checkCode = Main.run(new PrintWriter(checkOut), new PrintWriter(new StringWriter()), checkArgs.toArray(String[]::new));
    assertEquals(1, checkCode, "the fixtures have errors, so check exits 1");
    Set<String> expected = new TreeSet<>();
    for (JsonNode file : AuditOutputs.JSON.readTree(checkOut.toString()).get("files")) {
      for (JsonNode finding : file.get("findings")) {
        expected.add(key(file.get("path").asText(), finding));
      }
    }

    List<String> auditArgs = new ArrayList<>(paths);
    auditArgs.addAll(List.of("--output", output.toString(), "--format", "jsonl", "--no-config"));
    AuditOutputs.Run run = AuditOutputs.audit(auditArgs.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.err());
    Set<String> actual = new TreeSet<>();
    for (JsonNode finding : AuditOutputs.rows(output, "findings")) {
      actual.add(key(finding.get("id").asText(), finding));
    }

    assertTrue(expected.size() > 40, "the drafts have findings to compare: " + expected.size());
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(actual);
    Set<String> extra = new TreeSet<>(actual);
    extra.removeAll(expected);
    assertEquals(Set.of(), missing, "check's findings the audit lacks");
    assertEquals(Set.of(), extra, "the audit's findings check lacks");
    assertEquals(List.of(), AuditOutputs.rows(output, "errors"));
    // The summary's totals over the whole archive add up to the findings.
    long summed = AuditOutputs.rows(output, "summary").stream()
        .filter(row -> row.get("grouping").asText().equals("all")).mapToLong(row -> row.get("findings").asLong()).sum();
    assertEquals(expected.size(), summed);
  }

  /** A finding as one comparable line: the path and every field --format json writes. */
  private static String key(String path, JsonNode finding) {
    StringBuilder key = new StringBuilder(path);
    for (String field : AuditRecords.FINDING_COLUMNS) {
      key.append('\t').append(finding.get(field));
    }
    return key.toString();
  }
}
