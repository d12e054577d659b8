package dev.copydesk.engine;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.copydesk.core.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run's settings, from {@code .copydesk.yml} and the command line.
 *
 * @param language {@code auto}, {@code en-GB} or {@code en-US}
 * @param failOn the least severity that fails the run; empty for {@code never}
 * @param rules per rule or finding id (a trailing {@code *} matches any ending): {@code off},
 *     {@code on}, or a severity
 * @param dictionaries user dictionary files
 * @param rulePaths folders of house rule files, read after the built-in ones
 */
public record Config(
    String language,
    Optional<Severity> failOn,
    Map<String, String> rules,
    List<Path> dictionaries,
    List<Path> rulePaths) {

  public static final String FILE_NAME = ".copydesk.yml";
  public static final List<String> LANGUAGES = List.of("auto", "en-GB", "en-US");

  public Config {
    rules = Map.copyOf(rules);
    dictionaries = List.copyOf(dictionaries);
    rulePaths = List.copyOf(rulePaths);
  }

  public static Config defaults() {
    return new Config("auto", Optional.of(Severity.ERROR), Map.of(), List.of(), List.of());
  }

  /** The file as written; every key is known, or loading fails naming it. */
  private record ConfigFile(
      @JsonProperty("language") String language,
      @JsonProperty("fail-on") String failOn,
      @JsonProperty("rules") Map<String, String> rules,
      @JsonProperty("dictionaries") List<String> dictionaries,
      @JsonProperty("rule-paths") List<String> rulePaths) {}

  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /** The nearest {@code .copydesk.yml} in {@code start} or a folder above it. */
  public static Optional<Path> find(Path start) {
    for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(FILE_NAME);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Reads a config file; paths in it are relative to the file's folder. */
  public static Config read(Path file) throws ConfigException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read config (" + e.getMessage() + ")");
    }
    ConfigFile parsed;
    try {
      parsed = text.isBlank() ? null : YAML.readValue(text, ConfigFile.class);
    } catch (UnrecognizedPropertyException e) {
      throw new ConfigException(
          file + ":" + lineOfKey(text, e.getPropertyName(), e.getLocation().getLineNr()) + ": unknown key '" + e.getPropertyName()
              + "' (known: language, fail-on, rules, dictionaries, rule-paths)");
    } catch (JsonMappingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ConfigException(file + (line > 0 ? ":" + line : "") + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ConfigException(file + ": not valid YAML (" + e.getMessage().lines().findFirst().orElse("") + ")");
    }
    Config config = defaults();
    if (parsed == null) {
      return config;
    }
    Path base = file.toAbsolutePath().getParent();
    List<Path> dictionaries = new ArrayList<>();
    for (String dictionary : parsed.dictionaries() == null ? List.<String>of() : parsed.dictionaries()) {
      dictionaries.add(base.resolve(dictionary));
    }
    List<Path> rulePaths = new ArrayList<>();
    for (String folder : parsed.rulePaths() == null ? List.<String>of() : parsed.rulePaths()) {
      rulePaths.add(base.resolve(folder));
    }
    try {
      return new Config(
          parsed.language() == null ? config.language() : checkLanguage(parsed.language()),
          parsed.failOn() == null ? config.failOn() : parseFailOn(parsed.failOn()),
          checkRuleSettings(parsed.rules() == null ? Map.of() : parsed.rules()),
          dictionaries,
          rulePaths);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(file + ": " + e.getMessage());
    }
  }

  /**
   * The line a key is written on. Jackson reports where it stopped reading, which for YAML is
   * often the line after the key; the user needs the key's own line.
   */
  private static int lineOfKey(String text, String key, int fallback) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].stripLeading().startsWith(key + ":")) {
        return i + 1;
      }
    }
    return fallback;
  }

  public static String checkLanguage(String language) {
    for (String known : LANGUAGES) {
      if (known.equalsIgnoreCase(language)) {
        return known;
      }
    }
    throw new IllegalArgumentException(
        "language '" + language + "' is not one of " + String.join(", ", LANGUAGES));
  }

  /** {@code error}, {@code warning}, {@code suggestion}, or {@code never} (empty). */
  public static Optional<Severity> parseFailOn(String text) {
    if (text.equalsIgnoreCase("never")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Severity.parse(text));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("fail-on '" + text + "' is not one of error, warning, suggestion, never");
    }
  }

  /** Normalises YAML's booleans ({@code off} reads as false) and checks every value. */
  private static Map<String, String> checkRuleSettings(Map<String, String> settings) {
    Map<String, String> checked = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : settings.entrySet()) {
      String value = String.valueOf(entry.getValue()).trim().toLowerCase(java.util.Locale.ROOT);
      value = switch (value) {
        case "false", "no" -> "off";
        case "true", "yes" -> "on";
        default -> value;
      };
      if (!List.of("off", "on", "error", "warning", "suggestion").contains(value)) {
        throw new IllegalArgumentException(
            "rules." + entry.getKey() + ": '" + entry.getValue() + "' is not one of off, on, error, warning, suggestion");
      }
      checked.put(entry.getKey(), value);
    }
    return checked;
  }

  public Config withLanguage(String newLanguage) {
    return new Config(newLanguage, failOn, rules, dictionaries, rulePaths);
  }

  public Config withFailOn(Optional<Severity> newFailOn) {
    return new Config(language, newFailOn, rules, dictionaries, rulePaths);
  }

  public Config plusDictionaries(List<Path> more) {
    List<Path> all = new ArrayList<>(dictionaries);
    all.addAll(more);
    return new Config(language, failOn, rules, all, rulePaths);
  }

  public Config plusRulePaths(List<Path> more) {
    List<Path> all = new ArrayList<>(rulePaths);
    all.addAll(more);
    return new Config(language, failOn, rules, dictionaries, all);
  }
}
