package dev.copydesk.engine;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.copydesk.core.Severity;
import dev.copydesk.core.Variant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run's settings, from {@code .copydesk.yml} and the command line.
 *
 * @param language {@code auto}, {@code en-GB} or {@code en-US}
 * @param failOn the least severity that fails the run; empty for {@code never}
 * @param rules per rule or finding id (a trailing {@code *} matches any ending): {@code off},
 *     {@code on}, or a severity
 * @param dictionaries user dictionary files
 * @param rulePaths folders of house rule files, read after the built-in ones
 * @param maxBytes the largest draft checked; a bigger one is reported and skipped
 * @param timeBudget how long one draft may take before it is reported as not fully checked
 * @param overrides rule settings for drafts whose path matches a glob, applied over {@code rules}
 * @param daemon whether a person's runs (at a terminal, outside CI) may check on a background
 *     server: {@code daemon: auto} (the default) or {@code off}; never decides a CI run
 * @param maxDaemons how many background servers may be alive at once; starting one more stops the
 *     least recently used first
 */
public record Config(
    String language,
    Optional<Severity> failOn,
    Map<String, String> rules,
    List<Path> dictionaries,
    List<Path> rulePaths,
    long maxBytes,
    Duration timeBudget,
    List<Override> overrides,
    boolean daemon,
    int maxDaemons) {

  /** Rule settings for the drafts whose path matches one of the globs ({@code sport/**}). */
  public record Override(List<String> paths, Map<String, String> rules) {

    public Override {
      paths = List.copyOf(paths);
      rules = Map.copyOf(rules);
    }

    /** True when the draft's path, as given, matches one of the globs. */
    public boolean matches(String draftPath) {
      Path path = Path.of(draftPath.replaceFirst("^\\./", "")).normalize();
      for (String glob : paths) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        if (matcher.matches(path) || (!glob.contains("/") && path.getFileName() != null && matcher.matches(path.getFileName()))) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * 5 MB is some fifty times the longest news feature, and a minute is ten times what a long
   * draft takes on a slow machine: generous for copy, short enough to keep a CI job alive.
   */
  public static final long DEFAULT_MAX_BYTES = 5L * 1024 * 1024;

  public static final Duration DEFAULT_TIME_BUDGET = Duration.ofSeconds(60);

  /**
   * A warm background server holds about half a gigabyte (README "Server"): two let a person
   * switch between two projects' settings without a restart, in about a gigabyte.
   */
  public static final int DEFAULT_MAX_DAEMONS = 2;

  public static final String FILE_NAME = ".copydesk.yml";
  /** The language setting that lets each draft's own spellings decide its variant. */
  public static final String AUTO = "auto";

  /** The languages a config may name: {@code auto}, then every {@link Variant}. */
  public static final List<String> LANGUAGES = languages();

  private static List<String> languages() {
    List<String> languages = new ArrayList<>(List.of(AUTO));
    for (Variant variant : Variant.values()) {
      languages.add(variant.code());
    }
    return List.copyOf(languages);
  }

  /** The configured variant; null for {@code auto}, which each draft decides for itself. */
  public Variant variant() {
    return Variant.of(language).orElse(null);
  }

  /** The rule settings for a draft at {@code path}: the config's, with every matching override's on top. */
  public RuleSettings settingsFor(String path) {
    if (overrides.isEmpty()) {
      return new RuleSettings(rules);
    }
    Map<String, String> merged = new java.util.HashMap<>(rules);
    for (Override override : overrides) {
      if (override.matches(path)) {
        merged.putAll(override.rules());
      }
    }
    return new RuleSettings(merged);
  }

  public Config {
    overrides = List.copyOf(overrides);
    rules = Map.copyOf(rules);
    dictionaries = List.copyOf(dictionaries);
    rulePaths = List.copyOf(rulePaths);
  }

  public static Config defaults() {
    return new Config(
        AUTO, Optional.of(Severity.ERROR), Map.of(), List.of(), List.of(), DEFAULT_MAX_BYTES, DEFAULT_TIME_BUDGET, List.of(),
        true, DEFAULT_MAX_DAEMONS);
  }

  /** The file as written; every key is known, or loading fails naming it. */
  private record ConfigFile(
      @JsonProperty("language") String language,
      @JsonProperty("fail-on") String failOn,
      @JsonProperty("rules") Map<String, String> rules,
      @JsonProperty("dictionaries") List<String> dictionaries,
      @JsonProperty("rule-paths") List<String> rulePaths,
      @JsonProperty("max-size") String maxSize,
      @JsonProperty("time-budget") String timeBudget,
      @JsonProperty("overrides") List<OverrideFile> overrides,
      @JsonProperty("daemon") String daemon,
      @JsonProperty("max-daemons") String maxDaemons) {}

  private record OverrideFile(
      @JsonProperty("paths") List<String> paths, @JsonProperty("rules") Map<String, String> rules) {}

  /**
   * Built on first use: a run with no config file (a check through a warm server, say) should
   * not pay for starting a YAML mapper it never uses.
   */
  private static final class Yaml {
    static final YAMLMapper MAPPER =
        YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  }

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
      parsed = text.isBlank() ? null : Yaml.MAPPER.readValue(text, ConfigFile.class);
    } catch (UnrecognizedPropertyException e) {
      throw new ConfigException(
          file + ":" + lineOfKey(text, e.getPropertyName(), e.getLocation().getLineNr()) + ": unknown key '" + e.getPropertyName()
              + "' (known: language, fail-on, rules, dictionaries, rule-paths, max-size, time-budget, overrides, daemon, max-daemons)");
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
    // The words a writer adds from the editor (copydesk lsp, /v2/words/add) go to the config's
    // first dictionary, or to this file beside it when it names none; read here, every command
    // accepts them, not only the server that wrote them.
    Path added = base.resolve(DictionaryFile.BESIDE_CONFIG);
    if (Files.isRegularFile(added) && !dictionaries.contains(added)) {
      dictionaries.add(added);
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
          rulePaths,
          parsed.maxSize() == null ? config.maxBytes() : parseSize(parsed.maxSize()),
          parsed.timeBudget() == null ? config.timeBudget() : parseDuration(parsed.timeBudget()),
          overrides(parsed.overrides()),
          parsed.daemon() == null ? config.daemon() : parseDaemon(parsed.daemon()),
          parsed.maxDaemons() == null ? config.maxDaemons() : parseMaxDaemons(parsed.maxDaemons()));
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

  /**
   * {@code auto} (true) or {@code off} (false; YAML's {@code false} and {@code no} too). There is
   * no {@code on}: a config is shared with CI, where a background server would outlive the job, so
   * only the command line ({@code --daemon}) can ask for one everywhere.
   */
  public static boolean parseDaemon(String text) {
    return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "auto" -> true;
      case "off", "false", "no" -> false;
      default -> throw new IllegalArgumentException("daemon: '" + text
          + "' is not one of auto, off (to use a background server in CI too, pass --daemon)");
    };
  }

  /** A number of background servers, at least 1. */
  public static int parseMaxDaemons(String text) {
    try {
      int number = Integer.parseInt(text.trim());
      if (number >= 1) {
        return number;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new IllegalArgumentException("max-daemons '" + text + "' is not a number of at least 1");
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

  private static List<Override> overrides(List<OverrideFile> files) {
    List<Override> overrides = new ArrayList<>();
    for (OverrideFile file : files == null ? List.<OverrideFile>of() : files) {
      if (file == null || file.paths() == null || file.paths().isEmpty() || file.rules() == null) {
        throw new IllegalArgumentException("each entry under overrides needs 'paths' (a list of globs) and 'rules'");
      }
      overrides.add(new Override(file.paths(), checkRuleSettings(file.rules())));
    }
    return overrides;
  }

  /** A size such as {@code 5MB}, {@code 500KB} or a number of bytes. */
  public static long parseSize(String text) {
    Matcher m = Pattern.compile("(?i)\\s*(\\d+)\\s*(b|kb|k|mb|m|gb|g)?\\s*").matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("max-size '" + text + "' is not a size such as 5MB, 500KB or 1048576");
    }
    long number = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(java.util.Locale.ROOT);
    return switch (unit.charAt(0)) {
      case 'k' -> number * 1024;
      case 'm' -> number * 1024 * 1024;
      case 'g' -> number * 1024 * 1024 * 1024;
      default -> number;
    };
  }

  /** A duration such as {@code 60s}, {@code 2m} or a number of seconds. */
  public static Duration parseDuration(String text) {
    Matcher m = Pattern.compile("(?i)\\s*(\\d+)\\s*(s|m)?\\s*").matcher(text);
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw new IllegalArgumentException("time-budget '" + text + "' is not a duration such as 60s or 2m");
    }
    long number = Long.parseLong(m.group(1));
    return "m".equalsIgnoreCase(m.group(2)) ? Duration.ofMinutes(number) : Duration.ofSeconds(number);
  }

  public Config withLanguage(String newLanguage) {
    return new Config(newLanguage, failOn, rules, dictionaries, rulePaths, maxBytes, timeBudget, overrides, daemon, maxDaemons);
  }

  public Config withFailOn(Optional<Severity> newFailOn) {
    return new Config(language, newFailOn, rules, dictionaries, rulePaths, maxBytes, timeBudget, overrides, daemon, maxDaemons);
  }

  public Config withMaxBytes(long newMaxBytes) {
    return new Config(language, failOn, rules, dictionaries, rulePaths, newMaxBytes, timeBudget, overrides, daemon, maxDaemons);
  }

  public Config withTimeBudget(Duration newTimeBudget) {
    return new Config(language, failOn, rules, dictionaries, rulePaths, maxBytes, newTimeBudget, overrides, daemon, maxDaemons);
  }

  public Config withMaxDaemons(int newMaxDaemons) {
    return new Config(language, failOn, rules, dictionaries, rulePaths, maxBytes, timeBudget, overrides, daemon, newMaxDaemons);
  }

  public Config plusDictionaries(List<Path> more) {
    List<Path> all = new ArrayList<>(dictionaries);
    all.addAll(more);
    return new Config(language, failOn, rules, all, rulePaths, maxBytes, timeBudget, overrides, daemon, maxDaemons);
  }

  public Config plusRulePaths(List<Path> more) {
    List<Path> all = new ArrayList<>(rulePaths);
    all.addAll(more);
    return new Config(language, failOn, rules, dictionaries, all, maxBytes, timeBudget, overrides, daemon, maxDaemons);
  }
}
