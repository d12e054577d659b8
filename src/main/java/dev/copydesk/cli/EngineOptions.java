package dev.copydesk.cli;

import dev.copydesk.engine.Config;
import dev.copydesk.engine.ConfigException;
import dev.copydesk.engine.Engine;
import dev.copydesk.languagetool.LanguageTools;
import dev.copydesk.rules.Dictionary;
import dev.copydesk.rules.LoadedRule;
import dev.copydesk.rules.RuleContext;
import dev.copydesk.rules.RuleFileException;
import dev.copydesk.rules.RuleLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options that decide how drafts are checked (config, language, dictionaries, house rules),
 * shared by every command that checks, and the engine they build.
 */
final class EngineOptions {

  @Option(names = "--lang", paramLabel = "LANG",
      description = "Language variant: en-GB, en-US or auto (default: auto, decided from each draft's own spellings).")
  String language;

  @Option(names = "--fail-on", paramLabel = "SEVERITY",
      description = "Exit 1 when a finding is at or above: error, warning, suggestion or never (default: error).")
  String failOn;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Config file (default: the nearest .copydesk.yml in the current folder or above).")
  Path configFile;

  @Option(names = "--dictionary", paramLabel = "FILE",
      description = "A dictionary of accepted words, one per line; may be repeated.")
  List<Path> dictionaries = new ArrayList<>();

  @Option(names = "--rules", paramLabel = "FOLDER",
      description = "A folder of house rule files, read after the built-in ones; may be repeated.")
  List<Path> ruleFolders = new ArrayList<>();

  /** The config file's settings with the command line's on top. */
  Config config(CommandLine commandLine) throws ConfigException {
    if (configFile != null && !configFile.toFile().isFile()) {
      throw new ConfigException(configFile + ": no such config file");
    }
    Optional<Path> file = configFile != null ? Optional.of(configFile) : Config.find(Path.of(""));
    Config config = file.isPresent() ? Config.read(file.get()) : Config.defaults();
    try {
      if (language != null) {
        config = config.withLanguage(Config.checkLanguage(language));
      }
      if (failOn != null) {
        config = config.withFailOn(Config.parseFailOn(failOn));
      }
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandLine, e.getMessage());
    }
    return config.plusDictionaries(dictionaries).plusRulePaths(ruleFolders);
  }

  /** The rules the config names, built for this thread. */
  static List<LoadedRule> rules(Config config) throws ConfigException, RuleFileException {
    Dictionary userDictionary = Dictionary.read(config.dictionaries());
    RuleContext context = new RuleContext(new LanguageTools(), userDictionary);
    return RuleLoader.build(RuleLoader.readRuleFiles(config.rulePaths()), context);
  }

  static Engine engine(Config config) throws ConfigException, RuleFileException {
    return new Engine(rules(config), config);
  }
}
