package dev.copydesk.cli;

import dev.copydesk.core.Document;
import dev.copydesk.core.FileReport;
import dev.copydesk.core.Finding;
import dev.copydesk.core.Severity;
import dev.copydesk.engine.Config;
import dev.copydesk.engine.ConfigException;
import dev.copydesk.engine.Engine;
import dev.copydesk.languagetool.LanguageToolChecker;
import dev.copydesk.languagetool.MatchCache;
import dev.copydesk.input.InputException;
import dev.copydesk.report.ReportContext;
import dev.copydesk.report.RuleDescription;
import dev.copydesk.rules.LoadedRule;
import java.nio.file.Path;
import dev.copydesk.rules.RuleFileException;
import dev.copydesk.serve.Daemon;
import dev.copydesk.serve.RemoteChecker;
import java.time.Duration;
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

  @Option(names = "--daemon",
      description = "Check on a background server with this run's settings, started on first use and reused by later runs "
          + "(it stops after an idle hour; 'copydesk serve --stop-daemons' stops it now).")
  boolean daemon;

  @Option(names = "--list-names",
      description = "Print the names in each draft (people, places, organisations), with how often each is used, "
          + "for checking their spelling by hand; nothing is checked.")
  boolean listNames;

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
    if (listNames) {
      return listNames(out, err);
    }
    if (server != null && daemon) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--server and --daemon exclude each other");
    }
    Config config;
    Engine engine = null;
    RemoteChecker remote = null;
    Path cacheFolder = cacheOptions.folder();
    MatchCache cache = null;
    try {
      config = engineOptions.config(spec.commandLine());
      if (server != null || daemon) {
        remote = remoteChecker(config, cacheFolder, err);
      }
      if (remote == null) {
        if (cacheOptions.noCache || !java.nio.file.Files.isDirectory(cacheFolder)) {
          // Nothing can come from a cache, so LanguageTool will be needed: what all English
          // variants share starts loading now, while the rules are built and the drafts read.
          // (Were every rule that uses it turned off, the loading would only cost CPU: it runs
          // on daemon threads that the end of the run does not wait for.)
          LanguageToolChecker.startLoadingEnglish();
        }
        cache = cacheOptions.cache();
        engine = EngineOptions.engine(config, cache);
      }
    } catch (ConfigException | RuleFileException e) {
      err.println("copydesk: " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }

    Inputs inputs = Inputs.expand(paths, stdinName);
    boolean inputProblem = !inputs.problems().isEmpty();
    inputs.problems().forEach(problem -> err.println("copydesk: " + problem));
    engineOptions.charset(spec.commandLine());
    List<Outcome> outcomes = remote != null
        ? checkAll(inputs.drafts(), config, remote::check)
        : checkAll(inputs.drafts(), config, localCheckers(engine, config, cache, threadsPerDraft(inputs.drafts().size())));
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
      List<RuleDescription> rules = remote != null ? remote.rules() : describe(engine.enabledRules());
      ReportContext context = new ReportContext(Main.version(), byId(rules), config.failOn());
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
        dev.copydesk.report.Names.in(document).forEach((name, uses) -> out.println(input.name() + ": " + name + " (" + uses + ")"));
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

  /** Checks one draft, locally or on a server. */
  private interface Checker {
    FileReport check(Document document) throws java.io.IOException;
  }

  /**
   * Checks the drafts, on as many threads as --jobs allows, each thread with the checker
   * {@code checkers} gives it; the outcomes come back in the order of the drafts, so the report
   * is the same whatever the number of threads.
   */
  private List<Outcome> checkAll(List<Inputs.Input> drafts, Config config, java.util.function.Supplier<Checker> checkers)
      throws InterruptedException {
    try (Progress bar = progressBar(drafts.size())) {
      return checkAll(drafts, config, checkers, bar);
    }
  }

  /**
   * A bar on standard error, or null: only for several drafts, and only with a person watching
   * (--progress auto: the launcher sets COPYDESK_STDERR_TERMINAL when standard error is a
   * terminal, which Java cannot tell by itself).
   */
  private Progress progressBar(int drafts) {
    boolean wanted = switch (progress) {
      case always -> true;
      case never -> false;
      case auto -> System.getenv("COPYDESK_STDERR_TERMINAL") != null;
    };
    return wanted && drafts > 1 ? Progress.on(System.err, drafts, Progress.DELAY) : null;
  }

  private List<Outcome> checkAll(List<Inputs.Input> drafts, Config config, java.util.function.Supplier<Checker> checkers,
      Progress bar) throws InterruptedException {
    int threads = Math.min(jobs, drafts.size());
    if (threads <= 1) {
      Checker checker = checkers.get();
      List<Outcome> outcomes = new ArrayList<>();
      for (Inputs.Input input : drafts) {
        outcomes.add(checkOne(input, config, checker, bar));
      }
      return outcomes;
    }
    ThreadLocal<Checker> perThread = ThreadLocal.withInitial(checkers);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, task -> {
      Thread thread = new Thread(task, "copydesk-worker");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<java.util.concurrent.Future<Outcome>> futures = new ArrayList<>();
      for (Inputs.Input input : drafts) {
        futures.add(pool.submit(() -> checkOne(input, config, perThread.get(), bar)));
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

  private List<Outcome> checkAll(List<Inputs.Input> drafts, Config config, Checker shared) throws InterruptedException {
    return checkAll(drafts, config, () -> shared);
  }

  /**
   * The cores the workers leave over, shared out among them: a single draft on two cores is
   * checked two paragraphs at a time; a folder on two cores, a draft a core.
   */
  private int threadsPerDraft(int drafts) {
    int workers = Math.max(1, Math.min(jobs, drafts));
    return Math.max(1, Runtime.getRuntime().availableProcessors() / workers);
  }

  /**
   * Engines for the threads of a local run: the first thread takes the engine already built,
   * every other builds its own (LanguageTool is not thread-safe).
   */
  private static java.util.function.Supplier<Checker> localCheckers(
      Engine first, Config config, MatchCache cache, int threadsPerDraft) {
    java.util.concurrent.atomic.AtomicBoolean firstTaken = new java.util.concurrent.atomic.AtomicBoolean();
    first.setThreadsPerDraft(threadsPerDraft);
    return () -> {
      if (firstTaken.compareAndSet(false, true)) {
        return first::check;
      }
      try {
        Engine engine = EngineOptions.engine(config, cache);
        engine.setThreadsPerDraft(threadsPerDraft);
        return engine::check;
      } catch (RuleFileException e) {
        throw new IllegalStateException("rule files changed during the run: " + e.getMessage(), e);
      }
    };
  }

  /**
   * The checker of --server, or of --daemon (started if need be); null when the daemon cannot
   * start, after saying so, and the run checks locally instead.
   */
  private RemoteChecker remoteChecker(Config config, Path cacheFolder, PrintWriter err) {
    Duration timeout = config.timeBudget().plusSeconds(60);
    if (server != null) {
      return new RemoteChecker(server, config.language(), timeout);
    }
    List<String> serveArguments = engineOptions.serveArguments();
    try {
      String key = daemonKey(serveArguments, config);
      java.net.URI url = Daemon.connect(daemonFolder(cacheFolder), key, serveArguments);
      return new RemoteChecker(url, config.language(), timeout);
    } catch (java.io.IOException e) {
      err.println("copydesk: --daemon: " + e.getMessage() + "; checking without it");
      return null;
    }
  }

  /** Where background servers keep their state files and logs. */
  static Path daemonFolder(Path cacheFolder) {
    return cacheFolder.resolve("daemons");
  }

  /**
   * Names the background server for a set of settings: copydesk's version and class path, the
   * serve arguments, and the contents of every file they read (config, dictionaries, rule files),
   * so an edited dictionary gets a new server rather than a stale one.
   */
  private static String daemonKey(List<String> serveArguments, Config config) throws java.io.IOException {
    // FNV-1a, 64 bits: a name, not a secret, and no security provider to start for it (a
    // message digest's first use costs a check through a warm server a few hundredths).
    long hash = 0xcbf29ce484222325L;
    List<String> parts = new ArrayList<>(List.of(Main.version(), System.getProperty("java.class.path")));
    parts.addAll(serveArguments);
    List<Path> files = new ArrayList<>();
    for (int i = 0; i + 1 < serveArguments.size(); i++) {
      if (serveArguments.get(i).equals("--config")) {
        files.add(Path.of(serveArguments.get(i + 1)));
      }
    }
    files.addAll(config.dictionaries());
    for (Path folder : config.rulePaths()) {
      if (java.nio.file.Files.isDirectory(folder)) {
        try (var walk = java.nio.file.Files.walk(folder)) {
          walk.filter(java.nio.file.Files::isRegularFile).sorted().forEach(files::add);
        }
      } else {
        files.add(folder);
      }
    }
    for (Path file : files) {
      parts.add(file.toAbsolutePath().toString());
    }
    for (String part : parts) {
      hash = fnv(hash, (part + "\0").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    for (Path file : files) {
      if (java.nio.file.Files.isRegularFile(file)) {
        hash = fnv(hash, java.nio.file.Files.readAllBytes(file));
      }
    }
    return String.format("%016x", hash);
  }

  private static long fnv(long hash, byte[] bytes) {
    for (byte b : bytes) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return hash;
  }

  private Outcome checkOne(Inputs.Input input, Config config, Checker checker, Progress bar) {
    Outcome outcome = checkOne(input, config, checker);
    if (bar != null) {
      bar.stepped();
    }
    return outcome;
  }

  private Outcome checkOne(Inputs.Input input, Config config, Checker checker) {
    Document document;
    try {
      document = engineOptions.read(input, stdin, config, spec.commandLine());
    } catch (InputException e) {
      return new Outcome(null, List.of(input.name() + ": " + e.getMessage()));
    }
    FileReport report;
    try {
      report = checker.check(document);
    } catch (java.io.IOException e) {
      return new Outcome(null, List.of(input.name() + ": " + e.getMessage()));
    }
    if (!report.complete()) {
      return new Outcome(report, List.of(input.name() + ": not fully checked: its time budget of "
          + config.timeBudget().toSeconds() + " s ran out (--time-budget); the findings so far are reported"));
    }
    return new Outcome(report, List.of());
  }

  /** What the reports say about the rules an engine runs. */
  static List<RuleDescription> describe(List<LoadedRule> rules) {
    return rules.stream().map(rule -> new RuleDescription(rule.id(), rule.description(), rule.severity())).toList();
  }

  private static java.util.Map<String, RuleDescription> byId(List<RuleDescription> rules) {
    java.util.Map<String, RuleDescription> described = new java.util.LinkedHashMap<>();
    rules.forEach(rule -> described.put(rule.id(), rule));
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
