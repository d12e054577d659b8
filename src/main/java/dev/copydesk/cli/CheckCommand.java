package dev.copydesk.cli;

import dev.copydesk.core.Document;
import dev.copydesk.core.FileReport;
import dev.copydesk.core.Finding;
import dev.copydesk.core.RuleDescription;
import dev.copydesk.core.Severity;
import dev.copydesk.engine.Config;
import dev.copydesk.engine.ConfigException;
import dev.copydesk.engine.Engine;
import dev.copydesk.engine.Engines;
import dev.copydesk.input.InputException;
import dev.copydesk.languagetool.LanguageTools;
import dev.copydesk.report.Names;
import dev.copydesk.report.ReportContext;
import dev.copydesk.rules.RuleFileException;
import dev.copydesk.serve.RemoteChecker;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
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

  @Option(names = "--format", paramLabel = "FORMAT[=FILE]",
      description = "Output format: text, json, sarif, checkstyle, junit, github or html (default: text). "
          + "Repeat it with =FILE to keep other formats in files: --format text --format sarif=out.sarif.")
  List<String> formats = new ArrayList<>(List.of("text"));

  @Option(names = "--output", paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output, atomically; the exit code is unchanged.")
  Path output;

  @CommandLine.Mixin EngineOptions engineOptions = new EngineOptions();

  @Option(names = "--jobs", paramLabel = "N",
      description = "Check this many drafts at once, each thread with its own LanguageTool (default: the number of cores).")
  int jobs = Runtime.getRuntime().availableProcessors();

  @CommandLine.Mixin CacheOptions cacheOptions = new CacheOptions();

  /** When a run of several drafts draws a progress bar. */
  enum ProgressWhen { auto, always, never }

  @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto",
      description = "A progress bar on standard error for a run of several drafts that lasts over two seconds: "
          + "auto (when standard error is a terminal, which the launcher tells), always, or never (default: ${DEFAULT-VALUE}).")
  ProgressWhen progress;

  @Option(names = "--stdin-name", paramLabel = "NAME", defaultValue = "<stdin>",
      description = "The name standard input goes by in the report; its extension picks the format (default: ${DEFAULT-VALUE}).")
  String stdinName;

  @Option(names = "--server", paramLabel = "URL",
      description = "Check on a running 'copydesk serve' at URL (such as http://127.0.0.1:8081); its settings decide the rules.")
  java.net.URI server;

  @CommandLine.Mixin DaemonOptions daemonOptions = new DaemonOptions();

  @Option(names = "--list-names",
      description = "Print the names in each draft (people, places, organisations), with how often each is used, "
          + "for checking their spelling by hand; nothing is checked.")
  boolean listNames;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final InputStream stdin;
  private final RunEnvironment environment;

  CheckCommand(InputStream stdin, RunEnvironment environment) {
    this.stdin = stdin;
    this.environment = environment;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Outputs outputs;
    try {
      outputs = Outputs.parse(formats, output);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    if (jobs < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--jobs must be at least 1");
    }
    if (listNames) {
      return listNames(out, err);
    }
    if (server != null && Boolean.TRUE.equals(daemonOptions.daemon)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--server and --daemon exclude each other");
    }

    // Options in: the config, and the checkers it gives: on a server, on the background server
    // (falling back to this process), or in this process. A run with no draft to check starts
    // no background server.
    Inputs inputs = Inputs.expand(paths, stdinName);
    Config config;
    Engines engines = null;
    RemoteChecker remote = null;
    BackgroundChecks background = null;
    try {
      config = engineOptions.config(spec.commandLine());
      DaemonOptions.Use use = server != null ? DaemonOptions.Use.IN_PROCESS : daemonOptions.use(config, environment, spec.commandLine());
      if (server != null) {
        remote = new RemoteChecker(server, config.language(), config.timeBudget().plusSeconds(60));
      } else if (use != DaemonOptions.Use.IN_PROCESS && !inputs.drafts().isEmpty()) {
        background = BackgroundChecks.connect(use, config, engineOptions, cacheOptions,
            daemonOptions.maxDaemons(config, spec.commandLine()), err);
      }
      if (remote == null && background == null) {
        if (cacheOptions.noCache || !Files.isDirectory(cacheOptions.folder())) {
          // Nothing can come from a cache, so LanguageTool will be needed: what all English
          // variants share starts loading now, while the rules are built and the drafts read.
          // (Were every rule that uses it turned off, the loading would only cost CPU: it runs
          // on daemon threads that the end of the run does not wait for.)
          LanguageTools.startLoadingEnglish();
        }
        engines = Engines.of(config, cacheOptions.cache());
      }
    } catch (ConfigException | RuleFileException e) {
      err.println("copydesk: " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }

    // The engine called on every draft.
    boolean inputProblem = !inputs.problems().isEmpty();
    inputs.problems().forEach(problem -> err.println("copydesk: " + problem));
    engineOptions.charset(spec.commandLine());
    Supplier<DraftChecks.Checker> checkers = remote != null ? constant(remote::check)
        : background != null ? background::forThread
        : local(engines, inputs.drafts().size());
    List<Outcome> outcomes;
    try (Progress bar = progressBar(inputs.drafts().size())) {
      outcomes = DraftChecks.inOrder(inputs.drafts(), jobs, checkers, bar, (input, checker) -> checkOne(input, config, checker));
    }
    List<FileReport> reports = new ArrayList<>();
    for (Outcome outcome : outcomes) {
      outcome.problems().forEach(problem -> err.println("copydesk: " + problem));
      inputProblem |= !outcome.problems().isEmpty();
      if (outcome.report() != null) {
        reports.add(outcome.report());
      }
    }

    // Reports out. When nothing could be read, the problem lines say all there is; a summary
    // of "no problems" would read as a clean bill of health.
    if (!reports.isEmpty() || !inputProblem) {
      List<RuleDescription> rules = remote != null ? remote.rules() : background != null ? background.rules() : engines.rules();
      if (!outputs.write(reports, ReportContext.of(Main.version(), rules, config.failOn()), out, err)) {
        return ExitCode.BAD_INPUT;
      }
    }
    if (inputProblem) {
      return ExitCode.BAD_INPUT;
    }
    return failed(reports, config.failOn()) ? ExitCode.FINDINGS : ExitCode.CLEAN;
  }

  /** --list-names: "path: name (uses)" a line, in order of first use; exit 2 if a draft was unreadable. */
  private int listNames(PrintWriter out, PrintWriter err) {
    Config config;
    try {
      config = engineOptions.config(spec.commandLine());
    } catch (ConfigException e) {
      err.println("copydesk: " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    Inputs inputs = Inputs.expand(paths, stdinName);
    boolean problem = !inputs.problems().isEmpty();
    inputs.problems().forEach(line -> err.println("copydesk: " + line));
    for (Inputs.Input input : inputs.drafts()) {
      try {
        Document document = engineOptions.read(input, stdin, config, spec.commandLine());
        Names.in(document).forEach((name, uses) -> out.println(input.name() + ": " + name + " (" + uses + ")"));
      } catch (InputException e) {
        err.println("copydesk: " + input.name() + ": " + e.getMessage());
        problem = true;
      }
    }
    out.flush();
    return problem ? ExitCode.BAD_INPUT : ExitCode.CLEAN;
  }

  /** One draft's result: its report (null if it could not be read) and its problem lines. */
  private record Outcome(FileReport report, List<String> problems) {}

  /**
   * A bar on standard error, or null: only for several drafts, and only with a person watching
   * (--progress auto: the launcher sets COPYDESK_STDERR_TERMINAL when standard error is a
   * terminal, which Java cannot tell by itself).
   */
  private Progress progressBar(int drafts) {
    boolean wanted = switch (progress) {
      case always -> true;
      case never -> false;
      case auto -> environment.stderrTerminal();
    };
    return wanted && drafts > 1 ? Progress.on(System.err, drafts, Progress.DELAY) : null;
  }

  private static Supplier<DraftChecks.Checker> constant(DraftChecks.Checker checker) {
    return () -> checker;
  }

  /**
   * An engine for each thread of a local run. The cores the workers leave over are shared out
   * among them: a single draft on two cores is checked two paragraphs at a time; a folder on two
   * cores, a draft a core.
   */
  private Supplier<DraftChecks.Checker> local(Engines engines, int drafts) {
    int workers = Math.max(1, Math.min(jobs, drafts));
    int threadsPerDraft = Math.max(1, Runtime.getRuntime().availableProcessors() / workers);
    return () -> {
      Engine engine = engines.forThread();
      engine.setThreadsPerDraft(threadsPerDraft);
      return engine::check;
    };
  }

  private Outcome checkOne(Inputs.Input input, Config config, DraftChecks.Checker checker) {
    Document document;
    try {
      document = engineOptions.read(input, stdin, config, spec.commandLine());
    } catch (InputException e) {
      return new Outcome(null, List.of(input.name() + ": " + e.getMessage()));
    }
    FileReport report;
    try {
      report = checker.check(document);
    } catch (IOException e) {
      return new Outcome(null, List.of(input.name() + ": " + e.getMessage()));
    }
    if (!report.complete()) {
      return new Outcome(report, List.of(input.name() + ": not fully checked: its time budget of "
          + config.timeBudget().toSeconds() + " s ran out (--time-budget); the findings so far are reported"));
    }
    return new Outcome(report, List.of());
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
}
