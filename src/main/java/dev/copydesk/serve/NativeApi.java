package dev.copydesk.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.copydesk.core.Document;
import dev.copydesk.core.FileReport;
import dev.copydesk.core.Finding;
import dev.copydesk.core.Severity;
import dev.copydesk.core.Span;
import dev.copydesk.report.JsonReporter;
import dev.copydesk.report.RuleDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * copydesk's own endpoint, {@code POST /copydesk/v1/check?path=NAME[&language=LANG]} with the
 * draft as the body: the answer is {@code --format json}'s, with two additions the command line
 * needs to print any format from it: each file's {@code complete} (false when its time budget
 * ran out) and the server's {@code rules}.
 *
 * <p>The draft is parsed by its name's extension on both sides, so the findings' source offsets
 * (the truth in every report) mean the same thing to the server and to the client.
 */
final class NativeApi {

  static final String PATH = "/copydesk/v1/check";

  private NativeApi() {}

  static ObjectNode response(FileReport report, List<RuleDescription> rules) {
    ObjectNode root = JsonReporter.tree(List.of(report));
    ((ObjectNode) root.get("files").get(0)).put("complete", report.complete());
    ArrayNode ruleNodes = root.putArray("rules");
    for (RuleDescription rule : rules) {
      ruleNodes.addObject()
          .put("id", rule.id())
          .put("description", rule.description())
          .put("severity", rule.severity().label());
    }
    return root;
  }

  /** The report a native answer describes, its findings placed back on the client's own copy of the draft. */
  static FileReport report(Document document, JsonNode answer) {
    JsonNode file = answer.get("files").get(0);
    List<Finding> findings = new ArrayList<>();
    for (JsonNode node : file.get("findings")) {
      int offset = node.get("offset").asInt();
      int length = node.get("length").asInt();
      Span prose = new Span(document.proseOffsetAt(offset), document.proseOffsetAt(offset + length));
      List<String> suggestions = new ArrayList<>();
      node.get("suggestions").forEach(suggestion -> suggestions.add(suggestion.asText()));
      findings.add(new Finding(node.get("rule").asText(), Severity.parse(node.get("severity").asText()),
          prose, node.get("message").asText(), suggestions));
    }
    return new FileReport(document, findings, file.path("complete").asBoolean(true));
  }

  /** The rules a native answer names. */
  static List<RuleDescription> rules(JsonNode answer) {
    List<RuleDescription> rules = new ArrayList<>();
    for (JsonNode rule : answer.path("rules")) {
      rules.add(new RuleDescription(rule.get("id").asText(), rule.get("description").asText(),
          Severity.parse(rule.get("severity").asText())));
    }
    return rules;
  }
}
