package dev.copydesk.cli;

import dev.copydesk.core.Document;
import dev.copydesk.core.FileReport;
import dev.copydesk.core.Finding;
import dev.copydesk.core.Severity;
import dev.copydesk.engine.Config;
import dev.copydesk.engine.ConfigException;
import dev.copydesk.engine.DiskCache;
import dev.copydesk.engine.Engine;
import dev.copydesk.languagetool.MatchCache;
import dev.copydesk.input.InputException;
import dev.copydesk.report.ReportContext;
import dev.copydesk.report.RuleDescription;
import dev.copydesk.rules.LoadedRule;
import java.nio.file.Path;
import dev.copydesk.rules.RuleFileException;
import java.io.InputStream;
import java.io.PrintWriter;
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

  @Option(names = "--cache-dir", paramLabel = "FOLDER",
      description = "Keep LanguageTool's results per paragraph here, so unchanged paragraphs are not checked again (default: $XDG_CACHE_HOME/copydesk or ~/.cache/copydesk).")
  Path cacheDir;

  @Option(names = "--no-cache", description = "Neither read nor write the result cache.")
  boolean noCache;

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
    Outputs outputs;
    try {
      outputs = Outputs.parse(formats, output);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    if (jobs < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--jobs must be at least 1");
    }
    Config config;
    Engine engine;
    MatchCache cache = noCache ? null : new DiskCache(cacheDir != null ? cacheDir : DiskCache.defaultFolder());
    try {
      config = engineOptions.config(spec.commandLine());
      engine = EngineOptions.engine(config, cache);
    } catch (ConfigException | RuleFileException e) {
      err.println("copydesk: " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }

    Inputs inputs = Inputs.expand(paths, stdinName);
    boolean inputProblem = !inputs.problems().isEmpty();
    inputs.problems().forEach(problem -> err.println("copydesk: " + problem));
    engineOptions.charset(spec.commandLine());
    List<Outcome> outcomes = checkAll(inputs.drafts(), config, engine, cache);
    List<FileReport> reports = new ArrayList<>();
    for (Outcome outcome : outcomes) {
      outcome.problems().forEach(problem -> err.println("copydesk: " + problem));
      inputProblem |= !outcome.problems().isEmpty();
      if (outcome.report() != null) {
        reports.add(outcome.report());
      }
    }
    if (!reports.isEmpty() || !inputProblem) {
      // When nothing could be read, the problem lines say all there is; a summary of
      // "no problems" would read as a clean bill of health.
      ReportContext context = new ReportContext(Main.version(), describe(engine.enabledRules()), config.failOn());
      for (Outputs.Output destination : outputs.outputs()) {
        if (destination.file() == null) {
          destination.reporter().write(reports, context, out);
          out.flush();
        } else {
          try {
            Outputs.writeAtomically(destination.file(), writer -> destination.reporter().write(reports, context, writer));
          } catch (java.io.IOException e) {
            err.println("copydesk: " + destination.file() + ": cannot write the " + destination.format() + " report (" + e.getMessage() + ")");
            return ExitCode.BAD_INPUT;
          }
        }
      }
    }
    if (inputProblem) {
      return ExitCode.BAD_INPUT;
    }
    return failed(reports, config.failOn()) ? ExitCode.FINDINGS : ExitCode.CLEAN;
  }

  /** One draft's result: its report (null if it could not be read) and its problem lines. */
  private record Outcome(FileReport report, List<String> problems) {}

  /**
   * Checks the drafts, on as many threads as --jobs allows, each thread with its own engine
   * (LanguageTool is not thread-safe); the outcomes come back in the order of the drafts, so the
   * report is the same whatever the number of threads.
   */
  private List<Outcome> checkAll(List<Inputs.Input> drafts, Config config, Engine first, MatchCache cache)
      throws InterruptedException {
    int threads = Math.min(jobs, drafts.size());
    if (threads <= 1) {
      List<Outcome> outcomes = new ArrayList<>();
      for (Inputs.Input input : drafts) {
        outcomes.add(checkOne(input, config, first));
      }
      return outcomes;
    }
    ThreadLocal<Engine> engines = ThreadLocal.withInitial(() -> {
      try {
        return EngineOptions.engine(config, cache);
      } catch (RuleFileException e) {
        throw new IllegalStateException("rule files changed during the run: " + e.getMessage(), e);
      }
    });
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, task -> {
      Thread thread = new Thread(task, "copydesk-worker");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<java.util.concurrent.Future<Outcome>> futures = new ArrayList<>();
      for (Inputs.Input input : drafts) {
        futures.add(pool.submit(() -> checkOne(input, config, engines.get())));
      }
      List<Outcome> outcomes = new ArrayList<>();
      for (java.util.concurrent.Future<Outcome> future : futures) {
        try {
          outcomes.add(future.get());
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException(e.getCause());
        }
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  private Outcome checkOne(Inputs.Input input, Config config, Engine engine) {
    Document document;
    try {
      document = engineOptions.read(input, stdin, config, spec.commandLine());
    } catch (InputException e) {
      return new Outcome(null, List.of(input.name() + ": " + e.getMessage()));
    }
    FileReport report = engine.check(document);
    if (!report.complete()) {
      return new Outcome(report, List.of(input.name() + ": not fully checked: its time budget of "
          + config.timeBudget().toSeconds() + " s ran out (--time-budget); the findings so far are reported"));
    }
    return new Outcome(report, List.of());
  }

  private static java.util.Map<String, RuleDescription> describe(List<LoadedRule> rules) {
    java.util.Map<String, RuleDescription> described = new java.util.LinkedHashMap<>();
    for (LoadedRule rule : rules) {
      described.put(rule.id(), new RuleDescription(rule.id(), rule.description(), rule.severity()));
    }
    return described;
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
      if (type == FixCommand.class) {
        return type.cast(new FixCommand(stdin));
      }
      return CommandLine.defaultFactory().create(type);
    }
  }
}
