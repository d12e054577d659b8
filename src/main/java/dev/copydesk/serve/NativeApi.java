package dev.copydesk.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.copydesk.core.Document;
import dev.copydesk.core.FileReport;
import dev.copydesk.core.Finding;
import dev.copydesk.core.Severity;
import dev.copydesk.core.Span;
import dev.copydesk.core.Variant;
import dev.copydesk.report.JsonReporter;
import dev.copydesk.core.RuleDescription;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * copydesk's own endpoint, {@code POST /copydesk/v1/check?path=NAME[&language=LANG]} with the
 * draft as the body: the answer is {@code --format json}'s, with two additions the command line
 * needs to print any format from it: each file's {@code complete} (false when its time budget
 * ran out) and {@code language} (the variant it was checked in), and the server's {@code rules}
 * with all a report says of them.
 *
 * <p>The draft is parsed by its name's extension on both sides, so the findings' source offsets
 * (the truth in every report) mean the same thing to the server and to the client.
 */
final class NativeApi {

  static final String PATH = "/copydesk/v1/check";

  /** What a stopping server answers with its 503: not busy, so not worth waiting for. */
  static final String STOPPING = "shutting down";

  private static final JsonFactory STREAMING = new JsonFactory();

  private NativeApi() {}

  /**
   * @param fixedByDefault the rules {@code copydesk fix} applies when named none
   * @param settingsKey the key of the settings a background server serves (null for none)
   */
  static ObjectNode response(FileReport report, List<RuleDescription> rules, List<String> fixedByDefault, String settingsKey) {
    ObjectNode root = JsonReporter.tree(List.of(report));
    ((ObjectNode) root.get("files").get(0)).put("complete", report.complete()).put("language", report.language().code());
    if (settingsKey != null) {
      root.put("settingsKey", settingsKey);
    }
    ArrayNode ruleNodes = root.putArray("rules");
    for (RuleDescription rule : rules) {
      ruleNodes.addObject()
          .put("id", rule.id())
          .put("description", rule.description())
          .put("severity", rule.severity().label())
          .put("findingPrefix", rule.findingPrefix())
          .put("blockLevel", rule.blockLevel())
          .put("tool", rule.tool())
          .put("issueType", rule.api().issueType())
          .put("categoryId", rule.api().categoryId())
          .put("categoryName", rule.api().categoryName())
          .put("typeName", rule.api().typeName())
          .put("fixedByDefault", fixedByDefault.contains(rule.id()));
    }
    return root;
  }

  /**
   * What a native answer holds, read with jackson-core's streaming parser: a command-line client
   * through a warm server should finish in a fraction of a second, and the object mapper's start
   * alone would cost it a tenth of one.
   */
  record Answer(List<FileAnswer> files, List<RuleDescription> rules, List<String> fixedByDefault, String settingsKey) {}

  /** One file of an answer: its findings by source offsets, and whether the check completed. */
  record FileAnswer(List<SourceFinding> findings, boolean complete, Variant language) {}

  record SourceFinding(String rule, Severity severity, int offset, int length, String message, List<String> suggestions) {}

  static Answer read(InputStream in) throws IOException {
    List<FileAnswer> files = new ArrayList<>();
    List<RuleDescription> rules = new ArrayList<>();
    List<String> fixedByDefault = new ArrayList<>();
    String settingsKey = null;
    try (JsonParser parser = STREAMING.createParser(in)) {
      expect(parser.nextToken(), JsonToken.START_OBJECT);
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        if (field.equals("files")) {
          while (parser.nextToken() == JsonToken.START_OBJECT) {
            files.add(readFile(parser));
          }
        } else if (field.equals("rules")) {
          while (parser.nextToken() == JsonToken.START_OBJECT) {
            Map<String, String> rule = readStrings(parser);
            rules.add(new RuleDescription(rule.get("id"), rule.get("description"), Severity.parse(rule.get("severity")),
                rule.getOrDefault("findingPrefix", ""), "true".equals(rule.get("blockLevel")), rule.getOrDefault("tool", "copydesk"),
                new RuleDescription.ApiType(rule.get("issueType"), rule.get("categoryId"), rule.get("categoryName"), rule.get("typeName"))));
            if ("true".equals(rule.get("fixedByDefault"))) {
              fixedByDefault.add(rule.get("id"));
            }
          }
        } else if (field.equals("settingsKey")) {
          settingsKey = parser.getText();
        } else {
          parser.skipChildren();
        }
      }
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IOException("the server's answer is not copydesk's JSON (" + e.getMessage() + ")");
    }
    return new Answer(files, rules, fixedByDefault, settingsKey);
  }

  private static FileAnswer readFile(JsonParser parser) throws IOException {
    List<SourceFinding> findings = new ArrayList<>();
    boolean complete = true;
    Variant language = Variant.FALLBACK;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (field.equals("findings")) {
        while (parser.nextToken() == JsonToken.START_OBJECT) {
          findings.add(readFinding(parser));
        }
      } else if (field.equals("complete")) {
        complete = value == JsonToken.VALUE_TRUE;
      } else if (field.equals("language")) {
        language = Variant.of(parser.getText()).orElse(Variant.FALLBACK);
      } else {
        parser.skipChildren();
      }
    }
    return new FileAnswer(findings, complete, language);
  }

  private static SourceFinding readFinding(JsonParser parser) throws IOException {
    String rule = null;
    Severity severity = null;
    int offset = -1;
    int length = -1;
    String message = null;
    List<String> suggestions = new ArrayList<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      switch (field) {
        case "rule" -> rule = parser.getText();
        case "severity" -> severity = Severity.parse(parser.getText());
        case "offset" -> offset = parser.getIntValue();
        case "length" -> length = parser.getIntValue();
        case "message" -> message = parser.getText();
        case "suggestions" -> {
          while (parser.nextToken() == JsonToken.VALUE_STRING) {
            suggestions.add(parser.getText());
          }
        }
        default -> parser.skipChildren();
      }
    }
    if (rule == null || severity == null || offset < 0 || length < 0 || message == null) {
      throw new IOException("the server's answer has a finding without rule, severity, offset, length or message");
    }
    return new SourceFinding(rule, severity, offset, length, message, suggestions);
  }

  private static Map<String, String> readStrings(JsonParser parser) throws IOException {
    Map<String, String> values = new HashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      if (parser.nextToken() != JsonToken.VALUE_NULL) {
        values.put(field, parser.getText());
      }
      parser.skipChildren();
    }
    return values;
  }

  private static void expect(JsonToken token, JsonToken expected) throws IOException {
    if (token != expected) {
      throw new IOException("the server's answer is not copydesk's JSON (" + token + " where " + expected + " belongs)");
    }
  }

  /** The report an answer's file describes, its findings placed on the client's own copy of the draft. */
  static FileReport report(Document document, FileAnswer file) throws IOException {
    List<Finding> findings = new ArrayList<>();
    for (SourceFinding finding : file.findings()) {
      int end = finding.offset() + finding.length();
      if (end > document.source().length()) {
        throw new IOException("the server's answer places a finding past the end of the draft: "
            + "is the server checking the same text (same copydesk version)?");
      }
      Span prose = new Span(document.proseOffsetAt(finding.offset()), document.proseOffsetAt(end));
      findings.add(new Finding(finding.rule(), finding.severity(), prose, finding.message(), finding.suggestions()));
    }
    return new FileReport(document, file.language(), findings, file.complete());
  }
}
