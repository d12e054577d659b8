package dev.copydesk.report;

import dev.copydesk.core.FileReport;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes the findings of a run in one output format; the only place that knows the format. */
public interface Reporter {

  void write(List<FileReport> reports, ReportContext context, Writer out) throws IOException;

  /** The formats {@link #forFormat} knows, for help and error messages. */
  List<String> FORMATS = List.of("text", "json", "sarif", "checkstyle", "junit", "github", "html");

  /** The reporter for a format name, or null if there is none. */
  static Reporter forFormat(String format) {
    return switch (format) {
      case "text" -> new TextReporter();
      case "json" -> new JsonReporter();
      case "sarif" -> new SarifReporter();
      case "checkstyle" -> new CheckstyleReporter();
      case "junit" -> new JunitReporter();
      case "github" -> new GithubReporter();
      case "html" -> new HtmlReporter();
      default -> null;
    };
  }
}
