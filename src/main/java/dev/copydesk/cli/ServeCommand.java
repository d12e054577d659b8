package dev.copydesk.cli;

import dev.copydesk.engine.Config;
import dev.copydesk.engine.ConfigException;
import dev.copydesk.engine.Engines;
import dev.copydesk.rules.RuleFileException;
import dev.copydesk.serve.Daemon;
import dev.copydesk.serve.Server;
import dev.copydesk.serve.WordsApi;
import dev.copydesk.engine.DictionaryFile;
import java.nio.file.Files;
import java.util.List;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code copydesk serve}: checks drafts for HTTP clients, LanguageTool's among them. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
        "Serve checks over HTTP: LanguageTool's API (POST /v2/check, GET /v2/languages, and /v2/words with "
            + "--dictionary-file), copydesk's own (POST /copydesk/v1/check?path=NAME, the draft as the body) and GET /health.",
        "Stops cleanly on SIGTERM or Ctrl-C, letting the checks in progress finish."})
final class ServeCommand implements Callable<Integer> {

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every network).")
  String host;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8081",
      description = "The port to listen on, 0 for any free one (default: ${DEFAULT-VALUE}, LanguageTool's).")
  int port;

  /**
   * Each worker holds its own LanguageTool instance, but the language's data is loaded once and
   * shared: warm in both variants, one worker peaked at 464 MB and four at 475 MB. The cap keeps
   * a background daemon on a many-core laptop from taking every core.
   */
  private static final int MAX_DEFAULT_WORKERS = 4;

  @Option(names = "--workers", paramLabel = "N",
      description = "Checks run at once, each worker with its own LanguageTool instance "
          + "(default: the number of cores, at most 4; a worker adds a few MB, the language's data being shared).")
  int workers = Math.min(Runtime.getRuntime().availableProcessors(), MAX_DEFAULT_WORKERS);

  @Option(names = "--queue", paramLabel = "N", defaultValue = "16",
      description = "Checks that may wait for a worker; beyond that requests get 503 (default: ${DEFAULT-VALUE}).")
  int queue;

  @Option(names = "--log-text", description = "Show the start of each request's text in the access log (off: drafts are confidential).")
  boolean logText;

  @Option(names = "--idle-timeout", paramLabel = "DURATION",
      description = "Stop after this long without a request, such as 30m (default: never).")
  String idleTimeout;

  @CommandLine.Mixin CacheOptions cacheOptions = new CacheOptions();

  @Option(names = "--stop-daemons", description = "Stop the background servers 'copydesk check --daemon' started, and exit.")
  boolean stopDaemons;

  @Option(names = "--state-file", hidden = true, description = "Where a background server records its port and process id.")
  Path stateFile;

  @Option(names = "--daemon-key", hidden = true, description = "The settings key a background server names in its answers.")
  String daemonKey;

  @Option(names = "--dictionary-file", paramLabel = "FILE",
      description = "The dictionary LanguageTool's /v2/words, /v2/words/add and /v2/words/delete read and write "
          + "(created if missing, written atomically); checks accept its words.")
  Path dictionaryFile;

  @Option(names = "--words-token", paramLabel = "TOKEN",
      description = "The secret /v2/words/add and /delete need (as apiKey or Authorization: Bearer); "
          + "without one, a server beyond loopback refuses to write words. Also from COPYDESK_WORDS_TOKEN.")
  String wordsToken = System.getenv("COPYDESK_WORDS_TOKEN");

  @CommandLine.Mixin EngineOptions engineOptions = new EngineOptions();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Path cacheFolder = cacheOptions.folder();
    if (stopDaemons) {
      int stopped = Daemon.stopAll(Daemon.folder(cacheFolder));
      err.println("copydesk: stopped " + stopped + " background server" + (stopped == 1 ? "" : "s"));
      return ExitCode.CLEAN;
    }
    if (workers < 1 || queue < 0 || port < 0 || port > 65535) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--workers must be at least 1, --queue at least 0, --port 0 to 65535");
    }
    Duration idle;
    try {
      idle = idleTimeout == null ? null : Config.parseDuration(idleTimeout);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    Config config;
    Engines engines;
    WordsApi.Words words = null;
    try {
      config = engineOptions.config(spec.commandLine());
      if (dictionaryFile != null) {
        DictionaryFile file = new DictionaryFile(dictionaryFile);
        if (!Files.exists(file.path())) {
          Files.createDirectories(file.path().getParent());
          Files.writeString(file.path(), "# words added through copydesk serve's /v2/words/add\n");
        }
        config = config.plusDictionaries(List.of(file.path()));
        Config withFile = config;
        var cache = cacheOptions.cache();
        words = new WordsApi.Words(file, wordsToken == null || wordsToken.isEmpty() ? null : wordsToken,
            () -> Engines.of(withFile, cache));
      }
      // The first worker's engine is built here, so a bad rule file stops the start.
      engines = Engines.of(config, cacheOptions.cache());
    } catch (ConfigException | RuleFileException e) {
      err.println("copydesk: " + e.getMessage());
      return ExitCode.BAD_INPUT;
    } catch (java.io.IOException e) {
      err.println("copydesk: " + dictionaryFile + ": cannot create the dictionary file (" + e.getMessage() + ")");
      return ExitCode.BAD_INPUT;
    }
    Server.Settings settings = new Server.Settings(host, port, workers, queue, config.maxBytes(), logText, idle, daemonKey);
    Server server;
    try {
      server = Server.start(settings, engines, Main.version(), err, words);
    } catch (java.net.BindException e) {
      err.println("copydesk: cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")");
      return ExitCode.BAD_INPUT;
    } catch (java.net.UnknownHostException | java.nio.channels.UnresolvedAddressException e) {
      err.println("copydesk: cannot listen on " + host + ": unknown address");
      return ExitCode.BAD_INPUT;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      // The state file goes first, so no new client picks a server that is stopping.
      if (stateFile != null) {
        Daemon.removeState(stateFile);
      }
      err.println("copydesk: stopping; checks in progress have up to 30 s to finish");
      err.flush();
      server.stop(Duration.ofSeconds(30));
      err.println("copydesk: stopped");
      err.flush();
    }, "copydesk-shutdown"));
    if (!InetAddress.getByName(host).isLoopbackAddress()) {
      err.println("copydesk: listening beyond this machine (" + host + "): anyone who can reach it can send drafts");
      if (words != null && words.token() == null) {
        err.println("copydesk: no --words-token: /v2/words/add and /v2/words/delete refuse every write");
      }
    }
    err.println("copydesk " + Main.version() + ": serving on http://" + host + ":" + server.port()
        + " with " + workers + " workers (LanguageTool API at /v2/check)");
    err.flush();
    if (stateFile != null) {
      Daemon.writeState(stateFile, server.port());
    }
    server.awaitStop();
    if (stateFile != null) {
      Daemon.removeState(stateFile);
    }
    return ExitCode.CLEAN;
  }
}
