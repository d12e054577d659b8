package dev.copydesk.report;

import dev.copydesk.core.FileReport;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes the findings of a run in one output format; the only place that knows the format. */
public interface Reporter {

  void write(List<FileReport> reports, Writer out) throws IOException;

  /** The formats {@link #forFormat} knows, for help and error messages. */
  List<String> FORMATS = List.of("text", "json");

  /** The reporter for a format name, or null if there is none. */
  static Reporter forFormat(String format) {
    return switch (format) {
      case "text" -> new TextReporter();
      case "json" -> new JsonReporter();
      default -> null;
    };
  }
}
