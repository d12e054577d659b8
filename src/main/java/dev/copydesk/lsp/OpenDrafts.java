package dev.copydesk.lsp;

import dev.copydesk.core.Document;
import dev.copydesk.core.FileReport;
import dev.copydesk.input.DraftFormat;
import dev.copydesk.input.DraftReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * The drafts open in the editor, each checked when it opens and again once an edit has settled
 * ({@link LspOptions#debounce}), on the worker pool, with its diagnostics published for the
 * version that was checked.
 *
 * <p>The newest version wins: a check's result is published only if no edit arrived while it
 * ran (the version is compared under the draft's lock, the same lock an edit takes), so a stale
 * result never overwrites a newer one; the edit has its own check scheduled. A draft that cannot
 * be checked (binary, too large, a bad config) gets one diagnostic saying why, and a check that
 * fails for any other reason is logged to the client; neither stops the server.
 */
final class OpenDrafts implements TextDocumentService {

  /** A draft as the editor holds it; every field is read and written under the draft's lock. */
  private static final class Draft {
    final String uri;
    final String languageId;
    int version;
    String text;
    ScheduledFuture<?> pending;
    QuickFixes.Checked checked;
    /** The version last taken up by a check, so two checks scheduled for one version run once. */
    int started = Integer.MIN_VALUE;
    /**
     * Counts the settings changes (a word added, a config re-read): a check begun before one is as
     * stale as one of an old version, even for the same text.
     */
    int generation;

    Draft(String uri, String languageId, int version, String text) {
      this.uri = uri;
      this.languageId = languageId;
      this.version = version;
      this.text = text;
    }
  }

  private final Map<String, Draft> drafts = new ConcurrentHashMap<>();
  private final DraftSettings settings;
  private final ExecutorService workers;
  private final ScheduledExecutorService timer;
  private final Duration debounce;
  private final Supplier<LanguageClient> client;
  private volatile DiagnosticSeverity suggestionSeverity = DiagnosticSeverity.Information;
  private volatile boolean versionedEdits;

  OpenDrafts(DraftSettings settings, ExecutorService workers, ScheduledExecutorService timer, Duration debounce,
      Supplier<LanguageClient> client) {
    this.settings = settings;
    this.workers = workers;
    this.timer = timer;
    this.debounce = debounce;
    this.client = client;
  }

  /** What the client said at {@code initialize}: how to show suggestions, and whether its edits may carry versions. */
  void clientPreferences(DiagnosticSeverity suggestions, boolean versioned) {
    this.suggestionSeverity = suggestions;
    this.versionedEdits = versioned;
  }

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    var item = params.getTextDocument();
    Draft draft = new Draft(item.getUri(), item.getLanguageId(), item.getVersion(), item.getText());
    drafts.put(draft.uri, draft);
    schedule(draft, Duration.ZERO);
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    Draft draft = drafts.get(params.getTextDocument().getUri());
    if (draft == null) {
      return; // a change to a draft never opened: nothing to check it against
    }
    synchronized (draft) {
      // The server asks for whole documents (TextDocumentSyncKind.Full): the last change is the text.
      List<TextDocumentContentChangeEvent> changes = params.getContentChanges();
      if (!changes.isEmpty()) {
        draft.text = changes.get(changes.size() - 1).getText();
      }
      Integer version = params.getTextDocument().getVersion();
      draft.version = version != null ? version : draft.version + 1;
    }
    schedule(draft, debounce);
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    Draft draft = drafts.remove(params.getTextDocument().getUri());
    if (draft != null) {
      synchronized (draft) {
        if (draft.pending != null) {
          draft.pending.cancel(false);
        }
        client.get().publishDiagnostics(new PublishDiagnosticsParams(draft.uri, List.of()));
      }
    }
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    // The text is the editor's, sent with each change: saving changes nothing to check.
  }

  @Override
  public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
    Draft draft = drafts.get(params.getTextDocument().getUri());
    if (draft == null) {
      return CompletableFuture.completedFuture(List.of());
    }
    QuickFixes.Checked checked;
    synchronized (draft) {
      // Fixes are offered only on the text they were found in.
      checked = draft.checked != null && draft.checked.version() == draft.version ? draft.checked : null;
    }
    if (checked == null) {
      return CompletableFuture.completedFuture(List.of());
    }
    List<Diagnostic> diagnostics = params.getContext() == null || params.getContext().getDiagnostics() == null
        ? List.of() : params.getContext().getDiagnostics();
    return CompletableFuture.completedFuture(QuickFixes.actions(checked, params.getRange(), diagnostics, versionedEdits));
  }

  /** Checks every open draft again (after a dictionary or config changed), each publishing anew. */
  void recheckAll() {
    for (Draft draft : drafts.values()) {
      synchronized (draft) {
        draft.started = Integer.MIN_VALUE; // the same version, checked again with the new settings
        draft.generation++;
      }
      schedule(draft, Duration.ZERO);
    }
  }

  /** The URIs of the open drafts. */
  List<String> openUris() {
    return new ArrayList<>(drafts.keySet());
  }

  /** Stops every pending check (the server is shutting down). */
  void cancelPending() {
    for (Draft draft : drafts.values()) {
      synchronized (draft) {
        if (draft.pending != null) {
          draft.pending.cancel(false);
        }
      }
    }
  }

  private void schedule(Draft draft, Duration delay) {
    synchronized (draft) {
      if (draft.pending != null) {
        draft.pending.cancel(false);
      }
      draft.pending = timer.schedule(() -> {
        try {
          workers.execute(() -> check(draft));
        } catch (java.util.concurrent.RejectedExecutionException e) {
          // shutting down
        }
      }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void check(Draft draft) {
    int version;
    int generation;
    String text;
    synchronized (draft) {
      if (drafts.get(draft.uri) != draft || draft.started == draft.version) {
        return; // closed, or this version's check is running or done
      }
      draft.started = draft.version;
      version = draft.version;
      generation = draft.generation;
      text = draft.text;
    }
    List<Diagnostic> diagnostics;
    QuickFixes.Checked checked = null;
    try {
      Path file = path(draft.uri);
      Path folder = file == null ? null : file.getParent();
      DraftSettings.Settings current = settings.settingsFor(folder);
      String problem = problem(text, current.config().maxBytes());
      if (problem != null) {
        diagnostics = List.of(Diagnostics.notChecked(name(draft.uri, file, current) + " " + problem));
      } else {
        DraftFormat format = format(draft.languageId, draft.uri);
        Document document = DraftReader.parse(name(draft.uri, file, current), text, format);
        FileReport report = settings.engine(current).check(document);
        checked = new QuickFixes.Checked(draft.uri, version, format, report, current);
        diagnostics = Diagnostics.of(report, current, suggestionSeverity);
      }
    } catch (DraftSettings.SettingsException e) {
      diagnostics = List.of(Diagnostics.notChecked(e.getMessage()));
    } catch (RuntimeException | StackOverflowError e) {
      diagnostics = List.of(Diagnostics.notChecked("internal error checking this draft: " + e));
      client.get().logMessage(new MessageParams(MessageType.Error, "copydesk: internal error checking " + draft.uri + ": " + e));
    }
    synchronized (draft) {
      if (drafts.get(draft.uri) != draft || draft.version != version || draft.generation != generation) {
        return; // a newer version (or new settings) arrived while this one was checked: its own check publishes
      }
      draft.checked = checked;
      client.get().publishDiagnostics(new PublishDiagnosticsParams(draft.uri, diagnostics, version));
    }
  }

  /** Why a draft's text cannot be checked, or null when it can: binary, or over the size limit. */
  static String problem(String text, long maxBytes) {
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      return "looks like a binary file (a NUL character at offset " + nul + "): not checked";
    }
    // UTF-8 is never shorter than one byte a char, nor longer than three: count only when it matters.
    if ((long) text.length() * 3 > maxBytes) {
      long bytes = text.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > maxBytes) {
        return "is " + bytes + " bytes, over the limit of " + maxBytes + " (max-size: in the config, or --max-size): not checked";
      }
    }
    return null;
  }

  /** How the draft is parsed: by the editor's language id, else by the file name's extension. */
  static DraftFormat format(String languageId, String uri) {
    String id = languageId == null ? "" : languageId.toLowerCase(Locale.ROOT);
    return switch (id) {
      case "markdown", "md" -> DraftFormat.MARKDOWN;
      case "html", "htm" -> DraftFormat.HTML;
      case "plaintext", "text", "txt" -> DraftFormat.TEXT;
      default -> DraftFormat.ofFileName(lastSegment(uri));
    };
  }

  /** The draft's path on disk, or null for a URI that names none (an untitled buffer). */
  static Path path(String uri) {
    try {
      URI parsed = URI.create(uri);
      return "file".equalsIgnoreCase(parsed.getScheme()) ? Path.of(parsed) : null;
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return null;
    }
  }

  /** The draft's name for its config's {@code overrides}: its path from the config's folder, else its file name. */
  private static String name(String uri, Path file, DraftSettings.Settings settings) {
    if (file == null) {
      return lastSegment(uri);
    }
    Path base = settings.base().orElse(null);
    Path absolute = file.toAbsolutePath();
    return base != null && absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.getFileName().toString();
  }

  private static String lastSegment(String uri) {
    int slash = uri.lastIndexOf('/');
    return slash >= 0 ? uri.substring(slash + 1) : uri;
  }
}
