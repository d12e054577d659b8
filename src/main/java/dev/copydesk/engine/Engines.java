package dev.copydesk.engine;

import dev.copydesk.core.RuleDescription;
import dev.copydesk.languagetool.LanguageTools;
import dev.copydesk.languagetool.MatchCache;
import dev.copydesk.rules.Dictionary;
import dev.copydesk.rules.LoadedRule;
import dev.copydesk.rules.RuleFileException;
import dev.copydesk.rules.RuleLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one way to build engines from a config, for every command and test: the rule files it
 * names read and built, the user's dictionaries read, and a LanguageTool for each thread.
 *
 * <p>The first engine is built at once, so a bad rule file or dictionary fails the command
 * before any draft is read; each further thread that asks gets one of its own (LanguageTool is
 * not thread-safe). Building an engine builds no LanguageTool: that waits for the first draft
 * whose paragraphs the cache lacks.
 */
public final class Engines {

  private final Config config;
  private final MatchCache cache;
  private final Engine first;
  private final AtomicBoolean firstTaken = new AtomicBoolean();

  private Engines(Config config, MatchCache cache) throws RuleFileException {
    this.config = config;
    this.cache = cache;
    this.first = build();
  }

  /** Engines for the config, keeping LanguageTool's results in {@code cache} (null for none). */
  public static Engines of(Config config, MatchCache cache) throws RuleFileException {
    return new Engines(config, cache);
  }

  /** Every rule the config's rule files define, for listing: nothing is checked, no LanguageTool built. */
  public static List<RuleDescription> describeAll(Config config) throws RuleFileException {
    return read(config, Dictionary.empty()).stream().map(LoadedRule::describe).toList();
  }

  /** What the reports say about the rules the engines run, the config's "off" ones left out. */
  public List<RuleDescription> rules() {
    return first.describeRules();
  }

  /**
   * The ids of the rules {@code copydesk fix} applies when it is named none: those whose kind
   * deletes promotional text, the config's "off" ones included (fixing is not reporting).
   */
  public List<String> fixedByDefault() {
    return first.rules().stream().filter(rule -> rule.kind().fixedByDefault()).map(LoadedRule::id).toList();
  }

  /**
   * Each rule's file, for an editor to open as the rule's documentation (its description and
   * examples): a house rule's own file; a built-in rule's file in the copydesk folder whose
   * {@code target/} holds the running jar, when it is there. Rules with neither are left out.
   */
  public Map<String, Path> ruleFiles() {
    Map<String, Path> files = new LinkedHashMap<>();
    Optional<Path> builtIn = builtInRuleFolder();
    for (LoadedRule rule : first.rules()) {
      String location = rule.location();
      Path file = location.startsWith(BUILT_IN)
          ? builtIn.map(folder -> folder.resolve(rule.id() + ".yml")).orElse(null)
          : Path.of(location).toAbsolutePath();
      if (file != null && Files.isRegularFile(file)) {
        files.put(rule.id(), file);
      }
    }
    return files;
  }

  /** How a built-in rule's location reads (see {@code RuleFile.location}). */
  private static final String BUILT_IN = "built-in rules";

  /** {@code rules/} of the source tree the jar (target/copydesk.jar) or classes (target/classes) were built in. */
  private static Optional<Path> builtInRuleFolder() {
    try {
      java.security.CodeSource source = Engines.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return Optional.empty();
      }
      Path built = Path.of(source.getLocation().toURI());
      Path target = built.getParent();
      Path tree = target == null ? null : target.getParent();
      return tree == null ? Optional.empty() : Optional.of(tree.resolve("rules")).filter(Files::isDirectory);
    } catch (java.net.URISyntaxException | IllegalArgumentException | SecurityException e) {
      return Optional.empty();
    }
  }

  /**
   * An engine for the calling thread to keep: the one built first to the first caller, a new one
   * to each other. The rule files were read once already; one that changed since and no longer
   * loads stops the run.
   */
  public Engine forThread() {
    if (firstTaken.compareAndSet(false, true)) {
      return first;
    }
    try {
      return build();
    } catch (RuleFileException e) {
      throw new IllegalStateException("rule files changed during the run: " + e.getMessage(), e);
    }
  }

  private Engine build() throws RuleFileException {
    return new Engine(read(config, Dictionary.read(config.dictionaries())), config, new LanguageTools(cache));
  }

  private static List<LoadedRule> read(Config config, Dictionary userDictionary) throws RuleFileException {
    return RuleLoader.build(RuleLoader.readRuleFiles(config.rulePaths()), userDictionary);
  }
}
