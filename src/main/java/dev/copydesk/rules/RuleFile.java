package dev.copydesk.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.copydesk.core.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A rule file as read from YAML: the keys every rule has, the examples that test it, and the
 * kind-specific settings that its rule class reads.
 *
 * <p>The rule id is the file name without {@code .yml}. Every key is checked: a key the rule's
 * kind does not know is an error naming the file and the key, so a misspelt {@code exeptions:}
 * fails loudly instead of being ignored.
 */
public final class RuleFile {

  /** Keys every kind of rule understands. */
  static final Set<String> COMMON_KEYS =
      Set.of("kind", "description", "severity", "enabled", "supersedes", "examples");

  private final String id;
  private final Path path;
  private final JsonNode body;
  private final String source;

  RuleFile(String id, Path path, JsonNode body, String source) {
    this.id = id;
    this.path = path;
    this.body = body;
    this.source = source;
  }

  public String id() {
    return id;
  }

  /** Where the file was read from, for messages. */
  public String location() {
    return location(path);
  }

  /** A rule file's path for messages; the built-in ones live inside the jar. */
  static String location(Path path) {
    boolean builtIn = path.getFileSystem() != java.nio.file.FileSystems.getDefault();
    return builtIn ? "built-in rules" + path : path.toString();
  }

  /** The folder the file sits in; data files it names are read relative to it. */
  public Path directory() {
    return path.getParent();
  }

  public String kind() throws RuleFileException {
    return requiredText("kind");
  }

  public String description() throws RuleFileException {
    return requiredText("description");
  }

  /**
   * False when the rule is shipped switched off ({@code enabled: "off"}): a house style's check
   * that the config switches on by naming the rule with {@code on} or a severity.
   */
  public boolean enabledByDefault() throws RuleFileException {
    String value = text("enabled", "on");
    if (!value.equals("on") && !value.equals("off")) {
      throw error("enabled", "'" + value + "' is neither \"on\" nor \"off\"");
    }
    return value.equals("on");
  }

  public Severity severity() throws RuleFileException {
    return severity("severity", null);
  }

  /** A severity under {@code key}; the fallback when the key is missing (required if null). */
  public Severity severity(String key, Severity fallback) throws RuleFileException {
    String text = fallback == null ? requiredText(key) : text(key, fallback.label());
    try {
      return Severity.parse(text);
    } catch (IllegalArgumentException e) {
      throw error(key, e.getMessage());
    }
  }

  /**
   * Rule ids (a trailing {@code *} matches any ending) whose findings this rule's findings replace
   * where they overlap: the same problem is reported once, by the more specific rule.
   */
  public List<String> supersedes() throws RuleFileException {
    return strings("supersedes");
  }

  /** Fails unless every key in the file is a common key or one of {@code kindKeys}. */
  public void checkKeys(Set<String> kindKeys) throws RuleFileException {
    Iterator<String> names = body.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!COMMON_KEYS.contains(name) && !kindKeys.contains(name)) {
        Set<String> known = new TreeSet<>(COMMON_KEYS);
        known.addAll(kindKeys);
        throw error(name, "unknown key '" + name + "' (this kind knows: " + String.join(", ", known) + ")");
      }
    }
  }

  public String text(String key, String fallback) throws RuleFileException {
    JsonNode node = body.get(key);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isValueNode()) {
      throw error(key, "'" + key + "' must be text");
    }
    return node.asText();
  }

  public String requiredText(String key) throws RuleFileException {
    String value = text(key, null);
    if (value == null || value.isBlank()) {
      throw error(key, "missing '" + key + "'");
    }
    return value;
  }

  public int integer(String key, int fallback) throws RuleFileException {
    JsonNode node = body.get(key);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.canConvertToInt()) {
      throw error(key, "'" + key + "' must be a whole number");
    }
    return node.asInt();
  }

  /** A list of strings; a missing key is an empty list. */
  public List<String> strings(String key) throws RuleFileException {
    JsonNode node = body.get(key);
    List<String> values = new ArrayList<>();
    if (node == null || node.isNull()) {
      return values;
    }
    if (!node.isArray()) {
      throw error(key, "'" + key + "' must be a list");
    }
    for (JsonNode item : node) {
      if (item.isBoolean()) {
        // YAML 1.1 reads a bare no, yes, on or off as a boolean, and its text would be "false".
        throw error(key, "'" + key + "' holds an unquoted yes, no, on, off, true or false, which YAML reads as a"
            + " boolean: quote it (\"" + (item.asBoolean() ? "on" : "no") + "\")");
      }
      if (!item.isValueNode() || item.asText().isEmpty()) {
        throw error(key, "'" + key + "' must hold only non-empty text");
      }
      values.add(item.asText());
    }
    return values;
  }

  /** A map of strings to strings; a missing key is an empty map. */
  public Map<String, String> stringMap(String key) throws RuleFileException {
    Map<String, String> values = new LinkedHashMap<>();
    JsonNode node = body.get(key);
    if (node == null || node.isNull()) {
      return values;
    }
    if (!node.isObject()) {
      throw error(key, "'" + key + "' must be a map");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (!entry.getValue().isValueNode()) {
        throw error(key, "'" + key + "." + entry.getKey() + "' must be text");
      }
      values.put(entry.getKey(), entry.getValue().asText());
    }
    return values;
  }

  /** A map of strings to lists of strings; a missing key is an empty map. */
  public Map<String, List<String>> listMap(String key) throws RuleFileException {
    Map<String, List<String>> values = new LinkedHashMap<>();
    JsonNode node = body.get(key);
    if (node == null || node.isNull()) {
      return values;
    }
    if (!node.isObject()) {
      throw error(key, "'" + key + "' must be a map of lists");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      List<String> list = new ArrayList<>();
      if (!entry.getValue().isArray()) {
        throw error(key, "'" + key + "." + entry.getKey() + "' must be a list");
      }
      entry.getValue().forEach(item -> list.add(item.asText()));
      values.put(entry.getKey(), list);
    }
    return values;
  }

  /** The examples, each a map with {@code bad} (and maybe {@code fixed}) or {@code good}. */
  public List<Example> examples() throws RuleFileException {
    JsonNode node = body.get("examples");
    List<Example> examples = new ArrayList<>();
    if (node == null || node.isNull()) {
      return examples;
    }
    if (!node.isArray()) {
      throw error("examples", "'examples' must be a list");
    }
    for (JsonNode item : node) {
      JsonNode bad = item.get("bad");
      JsonNode good = item.get("good");
      JsonNode fixed = item.get("fixed");
      boolean known = item.isObject();
      for (Iterator<String> it = item.fieldNames(); it.hasNext(); ) {
        known &= Set.of("bad", "good", "fixed").contains(it.next());
      }
      if (!known || (bad == null) == (good == null) || (good != null && fixed != null)) {
        throw error("examples", "each example is {bad: ..., fixed: ...} or {good: ...}");
      }
      try {
        Example example =
            bad != null
                ? Example.parse(bad.asText(), fixed == null ? null : fixed.asText())
                : new Example(good.asText(), List.of(), null);
        if (bad != null && !example.isBad()) {
          throw error("examples", "bad example has no [[marked]] span: " + bad.asText());
        }
        examples.add(example);
      } catch (IllegalArgumentException e) {
        throw error("examples", e.getMessage());
      }
    }
    return examples;
  }

  /** An error that names this file and, where it can be found, the line of {@code key}. */
  public RuleFileException error(String key, String problem) {
    return new RuleFileException(location() + lineOf(key) + ": " + problem);
  }

  private String lineOf(String key) {
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith(key + ":") || lines[i].startsWith("\"" + key + "\":")) {
        return ":" + (i + 1);
      }
    }
    return "";
  }
}
