package dev.copydesk.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Runs an audit for a test and reads back what it wrote as JSON Lines. */
final class AuditOutputs {

  static final ObjectMapper JSON = new ObjectMapper();

  /** An audit's exit code and its standard error. */
  record Run(int exitCode, String err) {}

  private AuditOutputs() {}

  static Run audit(String... args) {
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--master", "local[2]"));
    int code = AuditCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err), all.toArray(String[]::new));
    return new Run(code, err.toString());
  }

  /** Every row of one output table (findings, summary, errors) written as JSON Lines. */
  static List<JsonNode> rows(Path output, String table) throws IOException {
    List<JsonNode> rows = new ArrayList<>();
    try (Stream<Path> files = Files.list(output.resolve(table))) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
        for (String line : Files.readAllLines(file)) {
          if (!line.isBlank()) {
            rows.add(JSON.readTree(line));
          }
        }
      }
    }
    return rows;
  }
}
