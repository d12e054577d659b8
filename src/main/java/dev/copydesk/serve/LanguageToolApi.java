package dev.copydesk.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.copydesk.core.Document;
import dev.copydesk.core.FileReport;
import dev.copydesk.core.Finding;
import dev.copydesk.core.RuleDescription;
import dev.copydesk.core.Span;
import dev.copydesk.core.Variant;
import dev.copydesk.engine.Config;
import dev.copydesk.input.AnnotatedText;
import dev.copydesk.input.DraftFormat;
import dev.copydesk.input.DraftReader;
import dev.copydesk.report.ReportContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * LanguageTool's HTTP API (version 2) as its clients use it: the parameters of {@code POST
 * /v2/check} read into a document and a filter, and copydesk's findings written back as
 * LanguageTool's matches, so browser add-ons, LTeX and editor plug-ins show them unchanged.
 *
 * <p>copydesk's own rules keep their ids ({@code spelling}, {@code unattributed-claim}) under the
 * category {@code COPYDESK} (spelling under {@code TYPOS}, as LanguageTool files its speller);
 * LanguageTool's rules keep LanguageTool's ids ({@code COMMA_COMPOUND_SENTENCE}), so a client's
 * "disable this rule" sends back an id the server knows. Either form, {@code lt:ID} or {@code ID},
 * is accepted in {@code enabledRules} and {@code disabledRules}.
 */
final class LanguageToolApi {

  static final ObjectMapper JSON = new ObjectMapper();

  /** The codes that leave the variant to the draft: LanguageTool's "auto", and "en" for any English. */
  private static final Set<String> ANY_VARIANT = Set.of(Config.AUTO, "en");

  /** The codes a request may give, for its error messages. */
  private static final String CODES = "auto, en, " + Variant.codes().replace(", ", " or ").replaceFirst(" or ", ", ");

  /** What a check request asks for: the document and which findings to answer with. */
  record Request(Document document, Set<String> enabledRules, Set<String> disabledRules,
      Set<String> enabledCategories, Set<String> disabledCategories, boolean enabledOnly) {

    /** True when the client wants this finding back; rules are named either way, {@code lt:ID} or {@code ID}. */
    boolean wants(Finding finding, ReportContext rules) {
      String id = finding.ruleId();
      RuleDescription rule = rules.describe(id);
      String bare = clientId(id, rules);
      String category = rule.api().categoryId();
      if (disabledRules.contains(id) || disabledRules.contains(bare) || disabledCategories.contains(category)) {
        return false;
      }
      return !enabledOnly || enabledRules.contains(id) || enabledRules.contains(bare) || enabledCategories.contains(category);
    }
  }

  private LanguageToolApi() {}

  /** Reads a check request's parameters; a request LanguageTool would refuse is refused alike. */
  static Request request(Map<String, String> parameters, long maxBytes) throws RequestException {
    String text = parameters.get("text");
    String data = parameters.get("data");
    if (text == null && data == null) {
      throw new RequestException(400, "missing 'text' or 'data' parameter");
    }
    if (text != null && data != null) {
      throw new RequestException(400, "give 'text' or 'data', not both");
    }
    String languageCode = parameters.get("language");
    if (languageCode == null || languageCode.isBlank()) {
      throw new RequestException(400, "missing 'language' parameter (copydesk checks " + CODES.replace(" or ", " and ") + ")");
    }
    boolean anyVariant = ANY_VARIANT.contains(languageCode.trim().toLowerCase(Locale.ROOT));
    Variant variant = anyVariant ? null : Variant.of(languageCode).orElseThrow(() ->
        new RequestException(400, "'" + languageCode + "' is not a language copydesk checks: use " + CODES));
    Document document = text != null
        ? DraftReader.parse("request.txt", text, DraftFormat.TEXT)
        : AnnotatedText.parse("request.txt", annotation(data));
    long bytes = document.source().getBytes(StandardCharsets.UTF_8).length;
    if (bytes > maxBytes) {
      throw new RequestException(413, "the text is " + bytes + " bytes, over the server's limit of " + maxBytes);
    }
    if (variant != null) {
      document = document.withLanguage(variant);
    }
    boolean enabledOnly = "true".equalsIgnoreCase(parameters.getOrDefault("enabledOnly", "false"));
    Set<String> enabledRules = list(parameters.get("enabledRules"));
    Set<String> enabledCategories = list(parameters.get("enabledCategories"));
    if (enabledOnly && enabledRules.isEmpty() && enabledCategories.isEmpty()) {
      throw new RequestException(400, "enabledOnly=true needs enabledRules or enabledCategories");
    }
    return new Request(document, enabledRules, list(parameters.get("disabledRules")),
        enabledCategories, list(parameters.get("disabledCategories")), enabledOnly);
  }

  /** The parts of a {@code data} parameter: {@code {"annotation": [{"text"} or {"markup", "interpretAs"}]}}. */
  private static List<AnnotatedText.Part> annotation(String data) throws RequestException {
    JsonNode root;
    try {
      root = JSON.readTree(data);
    } catch (JsonProcessingException e) {
      throw new RequestException(400, "'data' is not JSON: " + e.getOriginalMessage());
    }
    JsonNode annotation = root == null ? null : root.get("annotation");
    if (annotation == null || !annotation.isArray()) {
      throw new RequestException(400, "'data' needs an \"annotation\" array of {\"text\"} and {\"markup\", \"interpretAs\"} objects");
    }
    List<AnnotatedText.Part> parts = new ArrayList<>();
    for (JsonNode part : annotation) {
      JsonNode text = part.get("text");
      JsonNode markup = part.get("markup");
      if (text != null && text.isTextual() && markup == null) {
        parts.add(AnnotatedText.Part.text(text.asText()));
      } else if (markup != null && markup.isTextual() && text == null) {
        JsonNode interpretAs = part.get("interpretAs");
        parts.add(AnnotatedText.Part.markup(markup.asText(), interpretAs == null ? null : interpretAs.asText()));
      } else {
        throw new RequestException(400, "'data' annotation item " + parts.size() + " needs a \"text\" or a \"markup\" string, not both");
      }
    }
    return parts;
  }

  private static Set<String> list(String value) {
    if (value == null || value.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(value.split(",")).map(String::trim).filter(id -> !id.isEmpty()).collect(Collectors.toSet());
  }

  /** The answer to a check, in LanguageTool's response format. */
  static ObjectNode response(FileReport report, Request request, ReportContext rules) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode software = root.putObject("software");
    software.put("name", "copydesk");
    software.put("version", rules.version());
    software.put("buildDate", "");
    software.put("apiVersion", 1);
    software.put("premium", false);
    software.put("status", "");
    root.putObject("warnings").put("incompleteResults", !report.complete());
    Document document = report.document();
    Variant language = report.language();
    ObjectNode languageNode = root.putObject("language");
    languageNode.put("name", language.displayName());
    languageNode.put("code", language.code());
    ObjectNode detected = languageNode.putObject("detectedLanguage");
    detected.put("name", language.displayName());
    detected.put("code", language.code());
    detected.put("confidence", 1.0);
    ArrayNode matches = root.putArray("matches");
    for (Finding finding : report.findings()) {
      if (request.wants(finding, rules)) {
        match(matches.addObject(), finding, document, rules);
      }
    }
    return root;
  }

  private static void match(ObjectNode match, Finding finding, Document document, ReportContext rules) {
    RuleDescription owner = rules.ownerOf(finding.ruleId()).orElseGet(() -> RuleDescription.unknown(finding.ruleId()));
    Span source = document.sourceSpan(finding.span());
    match.put("message", finding.message());
    match.put("shortMessage", "");
    ArrayNode replacements = match.putArray("replacements");
    finding.suggestions().forEach(suggestion -> replacements.addObject().put("value", suggestion));
    match.put("offset", source.start());
    match.put("length", source.length());
    context(match.putObject("context"), document.source(), source);
    match.put("sentence", paragraphOf(document, finding.span()));
    match.putObject("type").put("typeName", owner.api().typeName());
    ObjectNode rule = match.putObject("rule");
    String id = clientId(finding.ruleId(), rules);
    rule.put("id", id);
    rule.put("description", owner.tool() + " rule " + id);
    rule.put("issueType", owner.issueType(finding.severity()));
    rule.putObject("category").put("id", owner.api().categoryId()).put("name", owner.api().categoryName());
    match.put("ignoreForIncompleteSentence", false);
    match.put("contextForSureMatch", 0);
  }

  /** The id a client sees: LanguageTool's own for its rules ({@code DT_PRP}), copydesk's for the others. */
  static String clientId(String findingId, ReportContext rules) {
    return rules.ownerOf(findingId).map(owner -> owner.bareId(findingId)).orElse(findingId);
  }

  /** Up to 40 characters either side of the match, on one line, as LanguageTool shows it. */
  private static void context(ObjectNode context, String source, Span span) {
    int radius = 40;
    int from = Math.max(0, span.start() - radius);
    int to = Math.min(source.length(), span.end() + radius);
    String prefix = from > 0 ? "..." : "";
    String suffix = to < source.length() ? "..." : "";
    String text = prefix + source.substring(from, to).replace('\n', ' ').replace('\r', ' ') + suffix;
    context.put("text", text);
    context.put("offset", prefix.length() + span.start() - from);
    context.put("length", span.length());
  }

  private static String paragraphOf(Document document, Span span) {
    for (Span paragraph : document.paragraphs()) {
      if (paragraph.start() <= span.start() && span.start() <= paragraph.end()) {
        return document.text(paragraph);
      }
    }
    return "";
  }

  /** {@code GET /v2/languages}: the languages copydesk checks, in LanguageTool's format. */
  static ArrayNode languages() {
    ArrayNode languages = JSON.createArrayNode();
    languages.addObject().put("name", "English").put("code", "en").put("longCode", "en");
    for (Variant variant : Variant.values()) {
      languages.addObject().put("name", variant.displayName()).put("code", "en").put("longCode", variant.code());
    }
    return languages;
  }
}
