package dev.copydesk.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.copydesk.core.Document;
import dev.copydesk.core.FileReport;
import dev.copydesk.core.Finding;
import dev.copydesk.core.Position;
import dev.copydesk.core.RuleDescription;
import dev.copydesk.core.Severity;
import dev.copydesk.core.Span;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0, as GitHub code scanning reads it: one run, the rules that fired described in
 * {@code tool.driver.rules}, each result with its region (1-based lines and columns in UTF-16
 * code units, SARIF's default) and, where the finding has a suggestion, a fix.
 */
final class SarifReporter implements Reporter {

  private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  private static final ObjectMapper JSON = JsonReporter.JSON;

  @Override
  public void write(List<FileReport> reports, ReportContext context, Writer out) throws IOException {
    ObjectNode log = JSON.createObjectNode();
    log.put("$schema", SCHEMA);
    log.put("version", "2.1.0");
    ObjectNode run = log.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "copydesk");
    driver.put("version", context.version());
    driver.put("semanticVersion", context.version());
    ArrayNode rules = driver.putArray("rules");
    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    ArrayNode results = run.putArray("results");
    for (FileReport report : reports) {
      for (Finding finding : report.findings()) {
        Integer index = ruleIndex.get(finding.ruleId());
        if (index == null) {
          index = ruleIndex.size();
          ruleIndex.put(finding.ruleId(), index);
          describe(rules.addObject(), context.describe(finding.ruleId()));
        }
        result(results.addObject(), report, finding, index);
      }
    }
    JSON.writeValue(out, log);
    out.write("\n");
  }

  private static void describe(ObjectNode rule, RuleDescription description) {
    rule.put("id", description.id());
    rule.putObject("shortDescription").put("text", description.description());
    rule.putObject("fullDescription").put("text", description.description());
    rule.putObject("help").put("text", description.description()
        + " Configure it under 'rules:' in .copydesk.yml (off, or a severity).");
    rule.putObject("defaultConfiguration").put("level", level(description.severity()));
  }

  private static void result(ObjectNode result, FileReport report, Finding finding, int ruleIndex) {
    result.put("ruleId", finding.ruleId());
    result.put("ruleIndex", ruleIndex);
    result.put("level", level(finding.severity()));
    result.putObject("message").put("text", finding.message());
    ObjectNode location = result.putArray("locations").addObject().putObject("physicalLocation");
    location.putObject("artifactLocation").put("uri", uri(report.path()));
    region(location.putObject("region"), report.document(), finding.span());
    if (!finding.suggestions().isEmpty()) {
      String replacement = finding.suggestions().get(0);
      ObjectNode fix = result.putArray("fixes").addObject();
      fix.putObject("description").put("text", replacement.isEmpty() ? "Delete it" : "Replace with '" + replacement + "'");
      ObjectNode change = fix.putArray("artifactChanges").addObject();
      change.putObject("artifactLocation").put("uri", uri(report.path()));
      ObjectNode edit = change.putArray("replacements").addObject();
      region(edit.putObject("deletedRegion"), report.document(), finding.span());
      edit.putObject("insertedContent").put("text", replacement);
    }
  }

  private static void region(ObjectNode region, Document document, Span span) {
    Position start = document.start(span);
    Position end = document.end(span);
    region.put("startLine", start.line());
    region.put("startColumn", start.column());
    region.put("endLine", end.line());
    region.put("endColumn", end.column());
  }

  static String level(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case SUGGESTION -> "note";
    };
  }

  /** A path as a SARIF artifact URI: relative paths stay relative, with spaces and the like escaped. */
  static String uri(String path) {
    if (path.startsWith("<")) {
      return path.replaceAll("[<>]", "");
    }
    try {
      if (Path.of(path).isAbsolute()) {
        return Path.of(path).toUri().toString();
      }
      return new URI(null, null, path.replace('\\', '/'), null).toASCIIString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return path;
    }
  }
}
