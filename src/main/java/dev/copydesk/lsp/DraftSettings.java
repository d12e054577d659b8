package dev.copydesk.lsp;

import dev.copydesk.core.RuleDescription;
import dev.copydesk.engine.Config;
import dev.copydesk.engine.ConfigException;
import dev.copydesk.engine.DictionaryFile;
import dev.copydesk.engine.Engine;
import dev.copydesk.engine.Engines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The settings each open draft is checked with: the nearest {@code .copydesk.yml} to the draft
 * (or the one {@code --config} names), the command line's options over it, and the engines built
 * from them, kept while the config and its dictionaries are unchanged on disk.
 *
 * <p>Each check asks afresh, so an edited config or dictionary is read by the next check; a
 * config that no longer loads is the draft's diagnostic until it is mended. Each worker thread
 * keeps an engine of its own for each set of engines (LanguageTool is not thread-safe).
 */
final class DraftSettings {

  /**
   * What a draft is checked with.
   *
   * @param configFile the config file read, if any
   * @param config the settings, the command line's over the file's
   * @param engines the engines built from them
   * @param stamp the config's and dictionaries' sizes and times when read
   */
  record Settings(Optional<Path> configFile, Config config, Engines engines, List<RuleDescription> rules,
      Map<String, Path> ruleFiles, Set<String> fixedByDefault, List<Long> stamp) {

    /** What the reports say about a finding's rule. */
    RuleDescription describe(String findingId) {
      for (RuleDescription rule : rules) {
        if (rule.owns(findingId)) {
          return rule.ofFinding(findingId);
        }
      }
      return RuleDescription.unknown(findingId);
    }

    /** The folder a draft's name is made relative to, for the config's {@code overrides}. */
    Optional<Path> base() {
      return configFile.map(file -> file.toAbsolutePath().getParent());
    }
  }

  /** Settings that cannot be built: the config or a rule file is bad. */
  static final class SettingsException extends Exception {
    SettingsException(String message) {
      super(message);
    }
  }

  private final LspOptions options;
  /** By config file, or by the empty path for drafts with none. */
  private final Map<Path, Settings> byConfig = new ConcurrentHashMap<>();
  private final ThreadLocal<Map<Engines, Engine>> engines = ThreadLocal.withInitial(WeakHashMap::new);

  DraftSettings(LspOptions options) {
    this.options = options;
  }

  /** The config file in force for a draft in {@code folder}: --config's, none, or the nearest. */
  Optional<Path> configFileFor(Path folder) {
    if (options.noConfig()) {
      return Optional.empty();
    }
    if (options.configFile().isPresent()) {
      return options.configFile().map(Path::toAbsolutePath);
    }
    return folder == null ? Optional.empty() : Config.find(folder);
  }

  /** The settings for a draft in {@code folder} (null for a draft with no file, such as an untitled one). */
  Settings settingsFor(Path folder) throws SettingsException {
    Optional<Path> configFile = configFileFor(folder);
    Path key = configFile.orElse(Path.of(""));
    Settings known = byConfig.get(key);
    if (known != null && known.stamp().equals(stamp(configFile, known.config().dictionaries()))) {
      return known;
    }
    synchronized (this) {
      known = byConfig.get(key);
      if (known != null && known.stamp().equals(stamp(configFile, known.config().dictionaries()))) {
        return known;
      }
      Settings fresh = read(configFile);
      byConfig.put(key, fresh);
      return fresh;
    }
  }

  /** The calling worker's engine for the settings, built on its first need. */
  Engine engine(Settings settings) {
    return engines.get().computeIfAbsent(settings.engines(), Engines::forThread);
  }

  /** Forgets every config read, so the next check of each draft reads its config and dictionaries again. */
  void forget() {
    byConfig.clear();
  }

  /**
   * The file "add to the dictionary" writes to for a draft in {@code folder}: the config's first
   * dictionary, else one beside the config. With no config at all, one is made in {@code
   * workspace} (the draft's folder when it is in none), naming nothing but defaults, so that every
   * copydesk command there reads the new dictionary, not only this server.
   */
  DictionaryFile dictionaryFor(Path folder, Path workspace) throws SettingsException, IOException {
    Optional<Path> configFile = configFileFor(folder);
    try {
      if (configFile.isPresent()) {
        return DictionaryFile.forConfig(configFile.get());
      }
    } catch (ConfigException e) {
      throw new SettingsException(e.getMessage());
    }
    if (options.noConfig()) {
      throw new SettingsException("the server runs with --no-config: no dictionary file to add words to");
    }
    Path home = workspace != null ? workspace : folder;
    if (home == null) {
      throw new SettingsException("the draft has no folder on disk: save it first");
    }
    Path config = home.resolve(Config.FILE_NAME);
    Files.writeString(config, "# copydesk's settings (README \"Configuration\"). Created when a word was added to the dictionary\n"
        + "# from an editor; the words are in " + DictionaryFile.BESIDE_CONFIG + ", read beside this file.\n");
    forget();
    return new DictionaryFile(home.resolve(DictionaryFile.BESIDE_CONFIG));
  }

  private Settings read(Optional<Path> configFile) throws SettingsException {
    Config config;
    try {
      config = configFile.isPresent() ? Config.read(configFile.get()) : Config.defaults();
      config = options.commandLine().apply(config);
    } catch (ConfigException | IllegalArgumentException e) {
      throw new SettingsException(e.getMessage());
    }
    List<Long> stamp = stamp(configFile, config.dictionaries());
    Engines built;
    try {
      built = options.engines().build(config);
    } catch (RuntimeException e) {
      throw new SettingsException("cannot build the rules: " + e);
    } catch (Exception e) {
      throw new SettingsException(e.getMessage());
    }
    return new Settings(configFile, config, built, built.rules(), built.ruleFiles(), Set.copyOf(built.fixedByDefault()), stamp);
  }

  /**
   * The size and modification time of the config and of every dictionary it names, and whether a
   * dictionary sits beside it (read from then on, though no config line names it).
   */
  private static List<Long> stamp(Optional<Path> configFile, List<Path> dictionaries) {
    List<Path> files = new ArrayList<>();
    configFile.ifPresent(files::add);
    configFile.ifPresent(file -> files.add(file.toAbsolutePath().getParent().resolve(DictionaryFile.BESIDE_CONFIG)));
    files.addAll(dictionaries);
    List<Long> stamp = new ArrayList<>();
    for (Path file : files) {
      try {
        stamp.add(Files.size(file));
        stamp.add(Files.getLastModifiedTime(file).toMillis());
      } catch (IOException e) {
        stamp.add(-1L);
        stamp.add(-1L);
      }
    }
    return stamp;
  }
}
