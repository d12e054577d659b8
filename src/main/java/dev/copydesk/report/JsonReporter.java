package dev.copydesk.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.copydesk.core.Document;
import dev.copydesk.core.FileReport;
import dev.copydesk.core.Finding;
import dev.copydesk.core.Position;
import dev.copydesk.core.Span;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * copydesk's own JSON: {@code {"files": [{"path", "findings": [...]}]}}. Lines and columns are
 * 1-based and count UTF-16 code units of the decoded source, {@code endColumn} exclusive;
 * {@code offset} and {@code length} are in the same units, into the decoded source file.
 */
public final class JsonReporter implements Reporter {

  /**
   * Indented for people; the writer belongs to the caller, so Jackson must not close it. Shared
   * with the SARIF reporter.
   */
  static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

  @Override
  public void write(List<FileReport> reports, ReportContext context, Writer out) throws IOException {
    JSON.writeValue(out, tree(reports));
    out.write("\n");
  }

  /** The report as a JSON tree, for a caller that adds to it (the server's native endpoint). */
  public static ObjectNode tree(List<FileReport> reports) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode files = root.putArray("files");
    for (FileReport report : reports) {
      ObjectNode file = files.addObject();
      file.put("path", report.path());
      ArrayNode findings = file.putArray("findings");
      Document document = report.document();
      for (Finding finding : report.findings()) {
        Span source = document.sourceSpan(finding.span());
        Position start = document.positionOfSource(source.start());
        Position end = document.positionOfSource(source.end());
        ObjectNode node = findings.addObject();
        node.put("rule", finding.ruleId());
        node.put("severity", finding.severity().label());
        node.put("line", start.line());
        node.put("column", start.column());
        node.put("endLine", end.line());
        node.put("endColumn", end.column());
        node.put("offset", source.start());
        node.put("length", source.length());
        node.put("text", document.source().substring(source.start(), source.end()));
        node.put("message", finding.message());
        ArrayNode suggestions = node.putArray("suggestions");
        finding.suggestions().forEach(suggestions::add);
      }
    }
    return root;
  }
}
