package dev.copydesk.cli;

import dev.copydesk.engine.Config;
import dev.copydesk.engine.ConfigException;
import dev.copydesk.engine.Engines;
import dev.copydesk.lsp.CopydeskLanguageServer;
import dev.copydesk.lsp.LspOptions;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code copydesk lsp}: a Language Server Protocol server on standard input and output, for editors. */
@Command(
    name = "lsp",
    mixinStandardHelpOptions = true,
    description = {
        "Serve the Language Server Protocol on standard input and output: editors get copydesk's findings as "
            + "diagnostics on plain text, Markdown and HTML drafts as they are typed, quick fixes, and "
            + "\"add to the dictionary\".",
        "Each draft is checked with the nearest .copydesk.yml to it, the options below over it.",
        "Ends on the client's shutdown and exit, when standard input closes, or when the client's process is gone."})
final class LspCommand implements Callable<Integer> {

  /** As for {@code copydesk serve}: each worker holds its own LanguageTool, the language's data shared. */
  private static final int MAX_DEFAULT_WORKERS = 4;

  @Option(names = "--workers", paramLabel = "N",
      description = "Drafts checked at once (default: the number of cores, at most 4).")
  int workers = Math.min(Runtime.getRuntime().availableProcessors(), MAX_DEFAULT_WORKERS);

  /**
   * Editors send a change a keystroke; a check takes a tenth of a second or more warm. 150 ms of
   * quiet is shorter than a pause between words and longer than one between letters, and leaves
   * most of the half second the README promises for the check itself.
   */
  @Option(names = "--debounce", paramLabel = "MILLISECONDS", defaultValue = "150",
      description = "Check a draft once it has been unchanged this long (default: ${DEFAULT-VALUE} ms).")
  long debounceMillis;

  @CommandLine.Mixin CacheOptions cacheOptions = new CacheOptions();

  @CommandLine.Mixin EngineOptions engineOptions = new EngineOptions();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    if (workers < 1 || debounceMillis < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--workers must be at least 1, --debounce at least 0");
    }
    CommandLine commandLine = spec.commandLine();
    try {
      engineOptions.overlay(Config.defaults(), commandLine); // a bad --lang or --max-size stops the start, not a check
      if (engineOptions.configFile != null) {
        engineOptions.config(commandLine);
      }
    } catch (ConfigException e) {
      err.println("copydesk: " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    var cache = cacheOptions.cache();
    LspOptions options = new LspOptions(
        Optional.ofNullable(engineOptions.configFile), engineOptions.noConfig,
        config -> engineOptions.overlay(config, commandLine),
        config -> Engines.of(config, cache), workers, Duration.ofMillis(debounceMillis));

    // Standard output is the protocol's: anything else printed there (a library's stray line)
    // would corrupt it, so System.out goes to standard error from here on.
    OutputStream protocol = new FileOutputStream(FileDescriptor.out);
    System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, java.nio.charset.StandardCharsets.UTF_8));
    CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    Future<Void> listening = CopydeskLanguageServer.serve(new FileInputStream(FileDescriptor.in), protocol, options, Main.version(),
        exitCode::complete);
    CompletableFuture.runAsync(() -> {
      try {
        listening.get();
      } catch (InterruptedException | ExecutionException | java.util.concurrent.CancellationException e) {
        // the stream failed: the client is gone all the same
      }
      exitCode.complete(1); // standard input ended without exit: the client is gone
    });
    return exitCode.get();
  }
}
