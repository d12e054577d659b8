package dev.copydesk.report;

import dev.copydesk.core.FileReport;
import dev.copydesk.core.Finding;
import dev.copydesk.core.Position;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * GitHub Actions workflow commands, which GitHub shows as annotations on the pull request:
 * {@code ::error file=...,line=...,col=...,endLine=...,endColumn=...,title=...::message}.
 * Suggestions are notices. Values are escaped as the runner requires: {@code %}, CR and LF
 * everywhere, and {@code :} and {@code ,} in properties as well.
 */
final class GithubReporter implements Reporter {

  @Override
  public void write(List<FileReport> reports, ReportContext context, Writer out) throws IOException {
    for (FileReport report : reports) {
      for (Finding finding : report.findings()) {
        Position start = report.document().start(finding.span());
        Position end = report.document().end(finding.span());
        String command = switch (finding.severity()) {
          case ERROR -> "error";
          case WARNING -> "warning";
          case SUGGESTION -> "notice";
        };
        out.write("::" + command
            + " file=" + property(report.path())
            + ",line=" + start.line()
            + ",col=" + start.column()
            + ",endLine=" + end.line()
            + ",endColumn=" + end.column()
            + ",title=" + property("copydesk " + finding.ruleId())
            + "::" + data(finding.message()) + "\n");
      }
    }
  }

  static String data(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }
}
