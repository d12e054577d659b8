package dev.copydesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.copydesk.core.Document;
import dev.copydesk.core.FileReport;
import dev.copydesk.core.Finding;
import dev.copydesk.input.DraftFormat;
import dev.copydesk.input.DraftReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks every article in {@code fixtures/} against the expectations written inline on its lines
 * (see fixtures/README.md), both ways: every expected finding is found on its line, and every
 * finding stands on a line that expects it.
 */
class FixtureTest {

  private static final Path FIXTURES = Path.of("fixtures");
  private static final Pattern MARKUP_MARKER = Pattern.compile("<!--\\s*expect:([^>]*?)-->");
  private static final Pattern TEXT_MARKER = Pattern.compile("\\s+// expect:(.*)$");

  @TestFactory
  Stream<DynamicTest> fixtures() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(FIXTURES)) {
      files = list.filter(p -> DraftFormat.isDraftFileName(p.getFileName().toString()))
          .filter(p -> !p.getFileName().toString().equals("README.md"))
          .sorted()
          .toList();
    }
    assertFalse(files.isEmpty(), "no fixtures found in " + FIXTURES.toAbsolutePath());
    return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
  }

  private static void check(Path file) throws IOException {
    String source = Files.readString(file, StandardCharsets.UTF_8);
    DraftFormat format = DraftFormat.ofFileName(file.getFileName().toString());
    Map<Integer, List<String>> expected = new TreeMap<>();
    String checked = format == DraftFormat.TEXT ? blankTextMarkers(source, expected) : readMarkupMarkers(source, expected);
    Document document = DraftReader.parse(file.toString(), checked, format);
    FileReport report = TestEngine.check(document);
    Map<Integer, List<String>> found = new TreeMap<>();
    for (Finding finding : report.findings()) {
      found.computeIfAbsent(document.start(finding.span()).line(), line -> new ArrayList<>()).add(finding.ruleId());
    }
    found.values().forEach(ids -> ids.sort(null));
    assertEquals(expected, found, file + ": expected rule ids by line, then found (all findings: "
        + describe(report) + ")");
  }

  /** Reads {@code <!-- expect: ... -->} markers; the parser already ignores comments. */
  private static String readMarkupMarkers(String source, Map<Integer, List<String>> expected) {
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher marker = MARKUP_MARKER.matcher(lines[i]);
      while (marker.find()) {
        addIds(expected, i + 1, marker.group(1));
      }
    }
    return source;
  }

  /** Reads {@code // expect: ...} markers and blanks them out so columns stay put. */
  private static String blankTextMarkers(String source, Map<Integer, List<String>> expected) {
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher marker = TEXT_MARKER.matcher(lines[i]);
      if (marker.find()) {
        addIds(expected, i + 1, marker.group(1));
        lines[i] = lines[i].substring(0, marker.start()) + " ".repeat(lines[i].length() - marker.start());
      }
    }
    return String.join("\n", lines);
  }

  private static void addIds(Map<Integer, List<String>> expected, int line, String ids) {
    for (String id : ids.split(",")) {
      if (!id.isBlank()) {
        expected.computeIfAbsent(line, l -> new ArrayList<>()).add(id.strip());
      }
    }
    List<String> list = expected.get(line);
    if (list != null) {
      list.sort(null);
    }
  }

  private static String describe(FileReport report) {
    StringBuilder text = new StringBuilder();
    for (Finding finding : report.findings()) {
      text.append("\n  ").append(report.document().start(finding.span())).append(' ')
          .append(finding.ruleId()).append(' ').append(finding.severity().label()).append(": ")
          .append(finding.message()).append(" «").append(report.document().text(finding.span())).append('»');
    }
    return text.toString();
  }
}
