package dev.copydesk.cli;

import dev.copydesk.core.Finding;
import dev.copydesk.core.Position;
import dev.copydesk.core.Rule;
import dev.copydesk.engine.Config;
import dev.copydesk.engine.ConfigException;
import dev.copydesk.engine.Engine;
import dev.copydesk.engine.Engines;
import dev.copydesk.engine.Fixes;
import dev.copydesk.core.FileReport;
import dev.copydesk.input.InputException;
import dev.copydesk.rules.RuleFileException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code copydesk fix}: applies the fixes of chosen rules. It writes the fixed draft to standard
 * output, or with {@code --in-place} replaces the file atomically after keeping the original as
 * {@code FILE.orig}; it never changes a draft silently, and lists every fix on standard error.
 */
@Command(
    name = "fix",
    mixinStandardHelpOptions = true,
    description = {
      "Apply the fixes of chosen rules (default: the rules that delete promotional text; 'copydesk rules' lists them all).",
      "Writes the fixed draft to standard output, or with --in-place replaces each file and keeps the original as FILE.orig."
    })
final class FixCommand implements Callable<Integer> {

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Drafts to fix: files, or - for standard input.")
  List<String> paths = new ArrayList<>();

  @Option(names = "--rule", paramLabel = "ID", split = ",",
      description = "A rule whose fixes to apply (a trailing * matches any ending); may be repeated. "
          + "Default: the rules that delete promotional text.")
  List<String> rules = new ArrayList<>();

  @Option(names = "--in-place", description = "Replace each file with its fixed text, keeping the original as FILE.orig.")
  boolean inPlace;

  @Option(names = "--stdin-name", paramLabel = "NAME", defaultValue = "<stdin>",
      description = "The name standard input goes by; its extension picks the format (default: ${DEFAULT-VALUE}).")
  String stdinName;

  @CommandLine.Mixin EngineOptions engineOptions = new EngineOptions();

  @CommandLine.Mixin CacheOptions cacheOptions = new CacheOptions();

  @CommandLine.Mixin DaemonOptions daemonOptions = new DaemonOptions();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final InputStream stdin;
  private final RunEnvironment environment;

  FixCommand(InputStream stdin, RunEnvironment environment) {
    this.stdin = stdin;
    this.environment = environment;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!inPlace && paths.size() != 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "without --in-place, fix takes one draft and writes it to standard output");
    }
    if (inPlace && paths.contains("-")) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--in-place cannot replace standard input");
    }
    // The checker: the background server's (falling back to this process), or this process's.
    Config config;
    DraftChecks.Checker checker;
    java.util.function.Supplier<List<String>> fixedByDefault;
    try {
      config = engineOptions.config(spec.commandLine());
      DaemonOptions.Use use = daemonOptions.use(config, environment, spec.commandLine());
      BackgroundChecks background = null;
      // A run with no draft to read (a misspelt path) starts no background server.
      boolean anyDraft = paths.stream().anyMatch(path -> path.equals("-") || Files.isRegularFile(Path.of(path)));
      if (use != DaemonOptions.Use.IN_PROCESS && anyDraft) {
        background = BackgroundChecks.connect(use, config, engineOptions, cacheOptions,
            daemonOptions.maxDaemons(config, spec.commandLine()), err);
      }
      if (background != null) {
        checker = background.forThread();
        fixedByDefault = background::fixedByDefault;
      } else {
        Engines engines = Engines.of(config, cacheOptions.cache());
        Engine engine = engines.forThread();
        checker = engine::check;
        fixedByDefault = engines::fixedByDefault;
      }
    } catch (ConfigException | RuleFileException e) {
      err.println("copydesk: " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    boolean problem = false;
    for (String path : paths) {
      try {
        Inputs.Input input = path.equals("-") ? new Inputs.Input(null, stdinName) : new Inputs.Input(Path.of(path), path);
        FileReport report;
        try {
          report = checker.check(engineOptions.read(input, stdin, config, spec.commandLine()));
        } catch (IOException e) {
          err.println("copydesk: " + path + ": " + e.getMessage());
          problem = true;
          continue;
        }
        if (rules.isEmpty()) {
          // The default rules, as the checker knows them: a server names them in its answer.
          rules.addAll(fixedByDefault.get());
        }
        if (!report.complete()) {
          err.println("copydesk: " + path + ": not fully checked in its time budget; not fixed");
          problem = true;
          continue;
        }
        Fixes.Result fixed = Fixes.apply(report, this::wanted);
        for (Finding finding : fixed.applied()) {
          Position at = report.document().start(finding.span());
          err.println(report.path() + ":" + at.line() + ":" + at.column() + ": fixed [" + finding.ruleId() + "]");
        }
        if (inPlace) {
          if (!fixed.applied().isEmpty()) {
            replace(Path.of(path), fixed.source());
          }
        } else {
          out.print(fixed.source());
          out.flush();
        }
      } catch (InputException e) {
        err.println("copydesk: " + path + ": " + e.getMessage());
        problem = true;
      } catch (IOException e) {
        err.println("copydesk: " + path + ": cannot write the fixed draft (" + e.getMessage() + ")");
        problem = true;
      }
    }
    return problem ? ExitCode.BAD_INPUT : ExitCode.CLEAN;
  }

  private boolean wanted(Finding finding) {
    return rules.stream().anyMatch(rule -> Rule.idMatches(rule, finding.ruleId()));
  }

  /**
   * Keeps the original as FILE.orig (refusing to overwrite an older backup), then replaces the
   * draft atomically, so a crash leaves either the old draft or the new one, never half of one.
   */
  private static void replace(Path draft, String text) throws IOException {
    Path backup = draft.resolveSibling(draft.getFileName() + ".orig");
    if (Files.exists(backup)) {
      throw new IOException(backup + " already exists; move it away first");
    }
    Files.copy(draft, backup, StandardCopyOption.COPY_ATTRIBUTES);
    Outputs.writeAtomically(draft, out -> out.write(text));
  }
}
