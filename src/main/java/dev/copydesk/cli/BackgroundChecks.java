package dev.copydesk.cli;

import dev.copydesk.core.Document;
import dev.copydesk.core.FileReport;
import dev.copydesk.core.RuleDescription;
import dev.copydesk.engine.Config;
import dev.copydesk.engine.Engine;
import dev.copydesk.engine.Engines;
import dev.copydesk.rules.RuleFileException;
import dev.copydesk.serve.Daemon;
import dev.copydesk.serve.RemoteChecker;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Checks on the background server for the run's settings ({@link Daemon}), and in this process
 * whenever it cannot: a server that cannot start, has died, stops answering mid-run or answers
 * for other settings is never trusted. The run says why in one line on standard error and checks
 * the remaining drafts itself, so the report is the same either way.
 */
final class BackgroundChecks {

  /** What a person sees once, when their first run starts the server. */
  static final String STARTING = "copydesk: starting a background checker; --no-daemon to run in process";

  private final RemoteChecker remote;
  private final Config config;
  private final CacheOptions cacheOptions;
  private final PrintWriter err;
  private final AtomicBoolean failed = new AtomicBoolean();
  private Engines engines;

  private BackgroundChecks(RemoteChecker remote, Config config, CacheOptions cacheOptions, PrintWriter err) {
    this.remote = remote;
    this.config = config;
    this.cacheOptions = cacheOptions;
    this.err = err;
  }

  /**
   * The background server for the run's settings, started if need be (saying so when the run did
   * not ask for it); null, after one line on {@code err}, when there is none to trust.
   *
   * <p>The server is started with the run's settings and cache ({@code copydesk serve} arguments
   * from the options), and keyed by them and the contents of the files they name.
   */
  static BackgroundChecks connect(DaemonOptions.Use use, Config config, EngineOptions engineOptions, CacheOptions cacheOptions,
      int maxDaemons, PrintWriter err) {
    List<String> serveArguments = new ArrayList<>(engineOptions.serveArguments());
    serveArguments.addAll(cacheOptions.serveArguments());
    Duration timeout = config.timeBudget().plusSeconds(60);
    Runnable starting = () -> {
      if (use == DaemonOptions.Use.BY_DEFAULT) {
        err.println(STARTING);
        err.flush();
      }
    };
    try {
      String key = Daemon.key(Main.version(), serveArguments, config);
      URI url = Daemon.connect(Daemon.folder(cacheOptions.folder()), key, Main.class.getName(), serveArguments, maxDaemons, starting);
      return new BackgroundChecks(new RemoteChecker(url, config.language(), timeout, key), config, cacheOptions, err);
    } catch (IOException e) {
      inProcess(err, e);
      return null;
    }
  }

  private static void inProcess(PrintWriter err, IOException why) {
    err.println("copydesk: checking in process: " + reason(why));
    err.flush();
  }

  /** Why, in words: the JDK's file exceptions often carry no more than the file's name. */
  private static String reason(IOException e) {
    if (e instanceof FileSystemException problem && problem.getReason() == null) {
      String what = problem instanceof FileAlreadyExistsException ? "a file is in the way"
          : problem instanceof AccessDeniedException ? "permission denied"
          : problem instanceof NoSuchFileException ? "no such file or folder"
          : problem.getClass().getSimpleName();
      return "cannot use " + problem.getFile() + " for the background server (" + what + ")";
    }
    return e.getMessage();
  }

  /**
   * A checker for one thread: the server's answer while it gives good ones; from the first
   * failure on (in any thread), this thread's own engine.
   */
  DraftChecks.Checker forThread() {
    return new DraftChecks.Checker() {
      private Engine engine;

      @Override
      public FileReport check(Document document) throws IOException {
        if (!failed.get()) {
          try {
            return remote.check(document);
          } catch (IOException e) {
            if (failed.compareAndSet(false, true)) {
              inProcess(err, e);
            }
          }
        }
        if (engine == null) {
          engine = localEngines().forThread();
        }
        return engine.check(document);
      }
    };
  }

  private synchronized Engines localEngines() throws IOException {
    if (engines == null) {
      try {
        // The cache is opened here, not before: a check through a warm server never starts Jackson.
        engines = Engines.of(config, cacheOptions.cache());
      } catch (RuleFileException e) {
        throw new IOException(e.getMessage(), e);
      }
    }
    return engines;
  }

  private synchronized Engines localEnginesIfBuilt() {
    return engines;
  }

  /** What the report says of the rules: the local engines' if a draft was checked here, else the server's. */
  List<RuleDescription> rules() {
    Engines built = localEnginesIfBuilt();
    return built != null ? built.rules() : remote.rules();
  }

  /** The rules {@code fix} applies when named none, from the same source as {@link #rules}. */
  List<String> fixedByDefault() {
    Engines built = localEnginesIfBuilt();
    return built != null ? built.fixedByDefault() : remote.fixedByDefault();
  }
}
