package dev.copydesk.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.copydesk.engine.DictionaryFile;
import dev.copydesk.input.DraftFormat;
import dev.copydesk.input.DraftReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * {@code copydesk lsp}: the server's life (initialize, shutdown, exit, the client's process
 * watched), its capabilities, and the workspace's side: configuration changes, watched files and
 * the "add to the dictionary" command, which it carries out itself.
 */
public final class CopydeskLanguageServer implements LanguageServer, LanguageClientAware, WorkspaceService {

  /** The sample each worker checks at start, in both variants, so an editor's first draft is not the slow one. */
  private static final String WARM_UP = "The minister said the the talks would resume on Monday, a source said.";

  private final LspOptions options;
  private final String version;
  private final IntConsumer exit;
  private final DraftSettings settings;
  private final ExecutorService workers;
  private final ScheduledExecutorService timer;
  private final OpenDrafts drafts;
  private final AtomicBoolean shutdown = new AtomicBoolean();
  private final List<Path> workspaceFolders = new ArrayList<>();
  private volatile LanguageClient client;

  /**
   * A server that calls {@code exit} with its exit code when it should end: 0 after {@code
   * shutdown} and {@code exit}, 1 on {@code exit} without {@code shutdown} or when the client's
   * process is gone (the protocol's rule).
   */
  public CopydeskLanguageServer(LspOptions options, String version, IntConsumer exit) {
    this.options = options;
    this.version = version;
    this.exit = exit;
    this.settings = new DraftSettings(options);
    this.workers = Executors.newFixedThreadPool(options.workers(), daemonThreads("copydesk-lsp-check"));
    this.timer = Executors.newSingleThreadScheduledExecutor(daemonThreads("copydesk-lsp-debounce"));
    this.drafts = new OpenDrafts(settings, workers, timer, options.debounce(), () -> client);
  }

  /**
   * Serves the protocol on the streams until the client ends it; {@code exit} gets the exit code
   * (also when the input ends: the client is gone). Returns once listening has started.
   */
  public static Future<Void> serve(InputStream in, OutputStream out, LspOptions options, String version, IntConsumer exit) {
    CopydeskLanguageServer server = new CopydeskLanguageServer(options, version, exit);
    Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
    server.connect(launcher.getRemoteProxy());
    return launcher.startListening();
  }

  @Override
  public void connect(LanguageClient languageClient) {
    this.client = languageClient;
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    if (params.getProcessId() != null) {
      // An editor that dies without saying goodbye must not leave a server holding half a gigabyte.
      ProcessHandle.of(params.getProcessId()).ifPresentOrElse(
          process -> process.onExit().thenRun(() -> exit.accept(1)),
          () -> exit.accept(1));
    }
    synchronized (workspaceFolders) {
      if (params.getWorkspaceFolders() != null) {
        for (WorkspaceFolder folder : params.getWorkspaceFolders()) {
          addFolder(folder.getUri());
        }
      } else if (params.getRootUri() != null) {
        addFolder(params.getRootUri());
      }
    }
    drafts.clientPreferences(suggestionSeverity(params.getInitializationOptions()), versionedEdits(params));

    ServerCapabilities capabilities = new ServerCapabilities();
    capabilities.setTextDocumentSync(TextDocumentSyncKind.Full);
    capabilities.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
    capabilities.setExecuteCommandProvider(new ExecuteCommandOptions(List.of(QuickFixes.ADD_TO_DICTIONARY)));
    return CompletableFuture.completedFuture(new InitializeResult(capabilities, new ServerInfo("copydesk", version)));
  }

  @Override
  public void initialized(InitializedParams params) {
    warmUp();
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    shutdown.set(true);
    drafts.cancelPending();
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void exit() {
    workers.shutdownNow();
    timer.shutdownNow();
    exit.accept(shutdown.get() ? 0 : 1);
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return drafts;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return this;
  }

  @Override
  public void didChangeConfiguration(DidChangeConfigurationParams params) {
    settings.forget();
    drafts.recheckAll();
  }

  @Override
  public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
    settings.forget();
    drafts.recheckAll();
  }

  @Override
  public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
    if (!QuickFixes.ADD_TO_DICTIONARY.equals(params.getCommand())) {
      return failed(ResponseErrorCode.InvalidParams, "no such command: " + params.getCommand() + " (known: " + QuickFixes.ADD_TO_DICTIONARY + ")");
    }
    List<Object> arguments = params.getArguments();
    if (arguments == null || arguments.size() != 2) {
      return failed(ResponseErrorCode.InvalidParams, QuickFixes.ADD_TO_DICTIONARY + " takes two arguments: the draft's URI and the word");
    }
    String uri = string(arguments.get(0));
    String word = string(arguments.get(1));
    try {
      Path file = OpenDrafts.path(uri);
      Path folder = file == null ? null : file.getParent();
      DictionaryFile dictionary = settings.dictionaryFor(folder, workspaceOf(file));
      boolean added = dictionary.add(DictionaryFile.checkWord(word));
      settings.forget();
      drafts.recheckAll();
      client.showMessage(new MessageParams(MessageType.Info,
          (added ? "Added '" : "'") + word.strip() + (added ? "' to " : "' is already in ") + dictionary.path()));
      return CompletableFuture.completedFuture(null);
    } catch (IllegalArgumentException | DraftSettings.SettingsException e) {
      return failed(ResponseErrorCode.InvalidParams, e.getMessage());
    } catch (IOException e) {
      return failed(ResponseErrorCode.InternalError, "cannot write the dictionary: " + e.getMessage());
    }
  }

  private static CompletableFuture<Object> failed(ResponseErrorCode code, String message) {
    return CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(code, "copydesk: " + message, null)));
  }

  /** A command argument as text: Gson hands JSON strings over as its own elements. */
  private static String string(Object argument) {
    if (argument instanceof JsonPrimitive primitive && primitive.isString()) {
      return primitive.getAsString();
    }
    return argument instanceof JsonElement element ? element.toString() : String.valueOf(argument);
  }

  /** {@code initializationOptions: {"suggestionSeverity": "hint"}} shows suggestions as hints. */
  private static DiagnosticSeverity suggestionSeverity(Object options) {
    if (options instanceof JsonObject object && object.has("suggestionSeverity")
        && "hint".equalsIgnoreCase(string(object.get("suggestionSeverity")))) {
      return DiagnosticSeverity.Hint;
    }
    return DiagnosticSeverity.Information;
  }

  private static boolean versionedEdits(InitializeParams params) {
    var capabilities = params.getCapabilities();
    if (capabilities == null || capabilities.getWorkspace() == null || capabilities.getWorkspace().getWorkspaceEdit() == null) {
      return false;
    }
    return Boolean.TRUE.equals(capabilities.getWorkspace().getWorkspaceEdit().getDocumentChanges());
  }

  private void addFolder(String uri) {
    Path path = OpenDrafts.path(uri);
    if (path != null) {
      workspaceFolders.add(path);
    }
  }

  /** The workspace folder holding the file (the deepest), or null. */
  private Path workspaceOf(Path file) {
    if (file == null) {
      return null;
    }
    synchronized (workspaceFolders) {
      Path best = null;
      for (Path folder : workspaceFolders) {
        if (file.startsWith(folder) && (best == null || folder.getNameCount() > best.getNameCount())) {
          best = folder;
        }
      }
      return best;
    }
  }

  /**
   * Each worker checks a sample in both variants with the first workspace folder's settings, so
   * LanguageTool is loaded and warm before the first draft; a draft opened meanwhile waits in the
   * queue behind it. A sample that fails (a bad config) is left to the draft's check to report.
   */
  private void warmUp() {
    Path folder;
    synchronized (workspaceFolders) {
      folder = workspaceFolders.isEmpty() ? null : workspaceFolders.get(0);
    }
    CyclicBarrier everyWorker = new CyclicBarrier(options.workers());
    for (int i = 0; i < options.workers(); i++) {
      workers.execute(() -> {
        try {
          everyWorker.await(30, TimeUnit.SECONDS);
          DraftSettings.Settings current = settings.settingsFor(folder);
          var document = DraftReader.parse("warm-up.txt", WARM_UP, DraftFormat.TEXT);
          for (var variant : dev.copydesk.core.Variant.values()) {
            settings.engine(current).check(document.withLanguage(variant));
          }
        } catch (Exception | StackOverflowError e) {
          // reported, if it matters, on the drafts themselves
        }
      });
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
