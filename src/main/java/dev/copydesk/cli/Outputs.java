package dev.copydesk.cli;

import dev.copydesk.core.FileReport;
import dev.copydesk.report.ReportContext;
import dev.copydesk.report.Reporter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a run's reports go: {@code --format text --format sarif=out.sarif} prints text and keeps
 * a SARIF file. At most one format goes to standard output, or to {@code --output FILE}.
 * Files are written atomically, so a crash never leaves half a report.
 */
record Outputs(List<Output> outputs) {

  /** One report: its format, and its file (null for standard output). */
  record Output(String format, Reporter reporter, Path file) {}

  /** Parses the {@code --format} values; throws IllegalArgumentException with the reason. */
  static Outputs parse(List<String> formats, Path output) {
    List<Output> outputs = new ArrayList<>();
    int toStdout = 0;
    for (String spec : formats) {
      int equals = spec.indexOf('=');
      String name = equals < 0 ? spec : spec.substring(0, equals);
      Reporter reporter = Reporter.forFormat(name);
      if (reporter == null) {
        throw new IllegalArgumentException(
            "unknown format '" + name + "' (known: " + String.join(", ", Reporter.FORMATS) + ")");
      }
      Path file = equals < 0 ? output : Path.of(spec.substring(equals + 1));
      if (equals < 0 && ++toStdout > 1) {
        throw new IllegalArgumentException(
            "only one format can go to " + (output == null ? "standard output" : output)
                + "; give the others a file: --format " + name + "=FILE");
      }
      outputs.add(new Output(name, reporter, file));
    }
    return new Outputs(outputs);
  }

  /**
   * Writes each report to its destination; a file that cannot be written is one line on {@code
   * err}, and the answer is false.
   */
  boolean write(List<FileReport> reports, ReportContext context, PrintWriter out, PrintWriter err) throws IOException {
    for (Output destination : outputs) {
      if (destination.file() == null) {
        destination.reporter().write(reports, context, out);
        out.flush();
        continue;
      }
      try {
        writeAtomically(destination.file(), writer -> destination.reporter().write(reports, context, writer));
      } catch (IOException e) {
        err.println("copydesk: " + destination.file() + ": cannot write the " + destination.format() + " report (" + e.getMessage() + ")");
        return false;
      }
    }
    return true;
  }

  /**
   * Writes a file atomically: to a temporary file beside it, then renamed over it, so a reader
   * (or a crash) sees the old file or the whole new one. A file that exists keeps its
   * permissions; a new one is readable by all, as any file the user writes.
   */
  static void writeAtomically(Path file, WriterAction action) throws IOException {
    Path absolute = file.toAbsolutePath();
    Path folder = absolute.getParent();
    Files.createDirectories(folder);
    Path temporary = Files.createTempFile(folder, "." + absolute.getFileName(), ".tmp");
    try {
      // createTempFile makes the file private; a report or a fixed draft is for sharing.
      Files.setPosixFilePermissions(temporary, Files.exists(absolute)
          ? Files.getPosixFilePermissions(absolute) : PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: keep its default
    }
    try {
      try (Writer out = new OutputStreamWriter(Files.newOutputStream(temporary), StandardCharsets.UTF_8)) {
        action.write(out);
      }
      Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Something that writes a report. */
  interface WriterAction {
    void write(Writer out) throws IOException;
  }
}
