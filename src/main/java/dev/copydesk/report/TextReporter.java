package dev.copydesk.report;

import dev.copydesk.core.FileReport;
import dev.copydesk.core.Finding;
import dev.copydesk.core.Position;
import dev.copydesk.core.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The lint-style format editors and CI logs read: {@code path:line:col: severity: message
 * [rule-id]}, one finding a line in order of position, then one summary line.
 */
final class TextReporter implements Reporter {

  @Override
  public void write(List<FileReport> reports, ReportContext context, Writer out) throws IOException {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (FileReport report : reports) {
      for (Finding finding : report.findings()) {
        Position start = report.document().start(finding.span());
        out.write(report.path() + ":" + start.line() + ":" + start.column() + ": "
            + finding.severity().label() + ": " + oneLine(finding.message())
            + " [" + finding.ruleId() + "]\n");
        counts.merge(finding.severity(), 1, Integer::sum);
      }
    }
    out.write(summary(counts, reports.size()) + "\n");
  }

  static String summary(Map<Severity, Integer> counts, int files) {
    String checked = files + (files == 1 ? " file" : " files") + " checked";
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    if (total == 0) {
      return "No problems; " + checked + ".";
    }
    return count(counts, Severity.ERROR, "error") + ", "
        + count(counts, Severity.WARNING, "warning") + ", "
        + count(counts, Severity.SUGGESTION, "suggestion") + "; " + checked + ".";
  }

  private static String count(Map<Severity, Integer> counts, Severity severity, String noun) {
    int n = counts.getOrDefault(severity, 0);
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String oneLine(String message) {
    return message.replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }
}
