package dev.copydesk.cli;

import dev.copydesk.core.Document;
import dev.copydesk.core.FileReport;
import dev.copydesk.core.Finding;
import dev.copydesk.core.Severity;
import dev.copydesk.engine.Config;
import dev.copydesk.engine.ConfigException;
import dev.copydesk.engine.Engine;
import dev.copydesk.input.DraftReader;
import dev.copydesk.input.InputException;
import dev.copydesk.languagetool.LanguageTools;
import dev.copydesk.report.Reporter;
import dev.copydesk.rules.Dictionary;
import dev.copydesk.rules.LoadedRule;
import dev.copydesk.rules.RuleContext;
import dev.copydesk.rules.RuleFileException;
import dev.copydesk.rules.RuleLoader;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code copydesk check}: checks drafts and reports what it finds. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = "Check drafts (plain text, Markdown, HTML) and report their problems.")
final class CheckCommand implements Callable<Integer> {

  @Parameters(
      paramLabel = "PATH",
      arity = "1..*",
      description = "Drafts to check: files, folders (searched for *.txt *.md *.markdown *.html *.htm), or - for standard input.")
  List<String> paths = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Output format: text or json (default: ${DEFAULT-VALUE}).")
  String format;

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

  @Option(names = "--stdin-name", paramLabel = "NAME", defaultValue = "<stdin>",
      description = "The name standard input goes by in the report; its extension picks the format (default: ${DEFAULT-VALUE}).")
  String stdinName;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final InputStream stdin;

  CheckCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Reporter reporter = Reporter.forFormat(format);
    if (reporter == null) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "unknown format '" + format + "' (known: " + String.join(", ", Reporter.FORMATS) + ")");
    }
    Config config;
    List<LoadedRule> rules;
    try {
      config = configure();
      Dictionary userDictionary = Dictionary.read(config.dictionaries());
      RuleContext context = new RuleContext(new LanguageTools(), userDictionary);
      rules = RuleLoader.build(RuleLoader.readRuleFiles(config.rulePaths()), context);
    } catch (ConfigException | RuleFileException e) {
      err.println("copydesk: " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }

    Inputs inputs = Inputs.expand(paths, stdinName);
    boolean inputProblem = !inputs.problems().isEmpty();
    inputs.problems().forEach(problem -> err.println("copydesk: " + problem));
    Engine engine = new Engine(rules, config);
    List<FileReport> reports = new ArrayList<>();
    for (Inputs.Input input : inputs.drafts()) {
      Document document;
      try {
        document = input.isStdin() ? DraftReader.read(stdin, input.name()) : DraftReader.read(input.path(), input.name());
      } catch (InputException e) {
        err.println("copydesk: " + input.name() + ": " + e.getMessage());
        inputProblem = true;
        continue;
      }
      reports.add(engine.check(document));
    }
    if (!reports.isEmpty() || !inputProblem) {
      // When nothing could be read, the problem lines say all there is; a summary of
      // "no problems" would read as a clean bill of health.
      reporter.write(reports, out);
      out.flush();
    }
    if (inputProblem) {
      return ExitCode.BAD_INPUT;
    }
    return failed(reports, config.failOn()) ? ExitCode.FINDINGS : ExitCode.CLEAN;
  }

  /** The config file's settings with the command line's on top. */
  private Config configure() throws ConfigException {
    Optional<Path> file = configFile != null ? Optional.of(configFile) : Config.find(Path.of(""));
    if (configFile != null && !configFile.toFile().isFile()) {
      throw new ConfigException(configFile + ": no such config file");
    }
    Config config = file.isPresent() ? Config.read(file.get()) : Config.defaults();
    try {
      if (language != null) {
        config = config.withLanguage(Config.checkLanguage(language));
      }
      if (failOn != null) {
        config = config.withFailOn(Config.parseFailOn(failOn));
      }
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    return config.plusDictionaries(dictionaries).plusRulePaths(ruleFolders);
  }

  private static boolean failed(List<FileReport> reports, Optional<Severity> failOn) {
    if (failOn.isEmpty()) {
      return false;
    }
    for (FileReport report : reports) {
      for (Finding finding : report.findings()) {
        if (finding.severity().atLeast(failOn.get())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Lets picocli build this command with the standard input {@link Main#run} was given. */
  static final class Factory implements CommandLine.IFactory {
    private final InputStream stdin;

    Factory(InputStream stdin) {
      this.stdin = stdin;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == CheckCommand.class) {
        return type.cast(new CheckCommand(stdin));
      }
      return CommandLine.defaultFactory().create(type);
    }
  }
}
