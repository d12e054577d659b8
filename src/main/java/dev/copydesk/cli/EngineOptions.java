package dev.copydesk.cli;

import dev.copydesk.engine.Config;
import dev.copydesk.engine.ConfigException;
import dev.copydesk.core.Document;
import dev.copydesk.input.DraftReader;
import dev.copydesk.input.InputException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options that decide how drafts are checked (config, language, dictionaries, house rules),
 * shared by every command that checks, and the config they make.
 */
final class EngineOptions {

  /** The languages --lang takes, for its help. */
  static final class Languages implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Config.LANGUAGES.iterator();
    }
  }

  @Option(names = "--lang", paramLabel = "LANG",
      description = "Language variant: ${COMPLETION-CANDIDATES} (default: auto, decided from each draft's own spellings).",
      completionCandidates = Languages.class)
  String language;

  @Option(names = "--fail-on", paramLabel = "SEVERITY",
      description = "Exit 1 when a finding is at or above: error, warning, suggestion or never (default: error).")
  String failOn;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Config file (default: the nearest .copydesk.yml in the current folder or above).")
  Path configFile;

  @Option(names = "--no-config", description = "Read no config file, not even a .copydesk.yml found nearby.")
  boolean noConfig;

  @Option(names = "--dictionary", paramLabel = "FILE",
      description = "A dictionary of accepted words, one per line; may be repeated.")
  List<Path> dictionaries = new ArrayList<>();

  @Option(names = "--rules", paramLabel = "FOLDER",
      description = "A folder of house rule files, read after the built-in ones; may be repeated.")
  List<Path> ruleFolders = new ArrayList<>();

  @Option(names = "--max-size", paramLabel = "SIZE",
      description = "Skip drafts larger than this, such as 5MB or 500KB (default: 5MB).")
  String maxSize;

  @Option(names = "--time-budget", paramLabel = "DURATION",
      description = "Stop checking a draft after this long and report it as not fully checked, such as 60s or 2m (default: 60s).")
  String timeBudget;

  @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8",
      description = "The drafts' character encoding, such as windows-1252 (default: ${DEFAULT-VALUE}).")
  String encoding;

  @Option(names = "--verbose", description = "Print a stack trace with an internal error.")
  boolean verbose;

  /** The character set drafts are read in. */
  Charset charset(CommandLine commandLine) {
    try {
      return Charset.forName(encoding);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandLine, "unknown encoding '" + encoding + "'");
    }
  }

  /** Reads one draft with the run's encoding and size limit. */
  Document read(Inputs.Input input, InputStream stdin, Config config, CommandLine commandLine) throws InputException {
    Charset charset = charset(commandLine);
    return input.isStdin()
        ? DraftReader.read(stdin, input.name(), charset, config.maxBytes())
        : DraftReader.read(input.path(), input.name(), charset, config.maxBytes());
  }

  /** The config file's settings with the command line's on top. */
  Config config(CommandLine commandLine) throws ConfigException {
    if (configFile != null && configFile.toFile().isDirectory()) {
      throw new ConfigException(configFile + ": is a folder, not a config file");
    }
    if (configFile != null && !configFile.toFile().isFile()) {
      throw new ConfigException(configFile + ": no such config file");
    }
    Optional<Path> file = configFile();
    return overlay(file.isPresent() ? Config.read(file.get()) : Config.defaults(), commandLine);
  }

  /** A config with the command line's options on top: a language server's, for each config it reads. */
  Config overlay(Config config, CommandLine commandLine) {
    try {
      if (language != null) {
        config = config.withLanguage(Config.checkLanguage(language));
      }
      if (failOn != null) {
        config = config.withFailOn(Config.parseFailOn(failOn));
      }
      if (maxSize != null) {
        config = config.withMaxBytes(Config.parseSize(maxSize));
      }
      if (timeBudget != null) {
        config = config.withTimeBudget(Config.parseDuration(timeBudget));
      }
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandLine, e.getMessage());
    }
    return config.plusDictionaries(dictionaries).plusRulePaths(ruleFolders);
  }

  /** The config file in force: --config's, none with --no-config, or the nearest .copydesk.yml. */
  Optional<Path> configFile() {
    if (noConfig) {
      return Optional.empty();
    }
    return configFile != null ? Optional.of(configFile) : Config.find(Path.of(""));
  }

  /**
   * The {@code copydesk serve} arguments that give a background server this run's settings:
   * every file named absolutely, since the server runs in a folder of its own.
   */
  List<String> serveArguments() {
    List<String> arguments = new ArrayList<>();
    Optional<Path> file = configFile();
    if (file.isPresent()) {
      arguments.addAll(List.of("--config", file.get().toAbsolutePath().toString()));
    } else {
      arguments.add("--no-config");
    }
    dictionaries.forEach(dictionary -> arguments.addAll(List.of("--dictionary", dictionary.toAbsolutePath().toString())));
    ruleFolders.forEach(folder -> arguments.addAll(List.of("--rules", folder.toAbsolutePath().toString())));
    if (language != null) {
      arguments.addAll(List.of("--lang", language));
    }
    if (maxSize != null) {
      arguments.addAll(List.of("--max-size", maxSize));
    }
    if (timeBudget != null) {
      arguments.addAll(List.of("--time-budget", timeBudget));
    }
    return arguments;
  }
}
