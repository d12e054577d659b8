package dev.copydesk.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.copydesk.engine.Engines;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * copydesk's language server as an editor meets it: LSP4J's own client launcher talks to the
 * server over a pair of pipes, in JSON-RPC, exactly as over standard input and output.
 */
class LanguageServerTest {

  /** The first check of a test JVM loads LanguageTool; later ones take a fraction of a second. */
  private static final long WAIT_SECONDS = 120;

  @TempDir Path workspace;

  private final List<Connection> connections = new ArrayList<>();

  /** A client connected to a fresh server, and what the server sent it. */
  private static final class Connection {
    final LanguageServer server;
    final List<PublishDiagnosticsParams> all = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<String> messages = java.util.Collections.synchronizedList(new ArrayList<>());
    final CompletableFuture<Integer> exitCode = new CompletableFuture<>();

    Connection(LspOptions options) throws IOException {
      Pipe toServer = Pipe.open();
      Pipe toClient = Pipe.open();
      CopydeskLanguageServer.serve(Channels.newInputStream(toServer.source()), Channels.newOutputStream(toClient.sink()),
          options, "test", exitCode::complete);
      LanguageClient client = new LanguageClient() {
        @Override
        public void telemetryEvent(Object object) {}

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
          synchronized (all) {
            all.add(diagnostics);
            all.notifyAll();
          }
        }

        @Override
        public void showMessage(MessageParams message) {
          messages.add(message.getMessage());
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams request) {
          return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams message) {
          messages.add(message.getMessage());
        }
      };
      Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client,
          Channels.newInputStream(toClient.source()), Channels.newOutputStream(toServer.sink()));
      launcher.startListening();
      server = launcher.getRemoteProxy();
    }

    /** How many of each draft's publications the test has looked at already. */
    final java.util.Map<String, Integer> seen = new java.util.HashMap<>();

    /**
     * Waits for the next diagnostics of {@code uri} that satisfy {@code wanted}, after those
     * already looked at for that draft (another draft's are kept for their own wait).
     */
    PublishDiagnosticsParams await(String uri, Predicate<PublishDiagnosticsParams> wanted) throws InterruptedException {
      long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
      synchronized (all) {
        while (true) {
          List<PublishDiagnosticsParams> mine = all.stream().filter(p -> p.getUri().equals(uri)).toList();
          for (int i = seen.getOrDefault(uri, 0); i < mine.size(); i++) {
            seen.put(uri, i + 1);
            if (wanted.test(mine.get(i))) {
              return mine.get(i);
            }
          }
          long left = TimeUnit.NANOSECONDS.toMillis(giveUp - System.nanoTime());
          if (left <= 0) {
            throw new AssertionError("no such diagnostics for " + uri + " within " + WAIT_SECONDS + " s; got " + mine);
          }
          all.wait(Math.min(left, 1000));
        }
      }
    }

    PublishDiagnosticsParams awaitVersion(String uri, int version) throws InterruptedException {
      return await(uri, p -> p.getVersion() != null && p.getVersion() == version);
    }
  }

  private Connection start(Path root) throws Exception {
    return start(root, Duration.ofMillis(50), 2, null);
  }

  private Connection start(Path root, Duration debounce, int workers, Long processId) throws Exception {
    LspOptions options = new LspOptions(Optional.empty(), false, config -> config, config -> Engines.of(config, null), workers, debounce);
    Connection connection = new Connection(options);
    connections.add(connection);
    InitializeParams params = new InitializeParams();
    params.setWorkspaceFolders(List.of(new WorkspaceFolder(root.toUri().toString(), "drafts")));
    ClientCapabilities capabilities = new ClientCapabilities();
    params.setCapabilities(capabilities);
    if (processId != null) {
      params.setProcessId(processId.intValue());
    }
    connection.server.initialize(params).get(WAIT_SECONDS, TimeUnit.SECONDS);
    connection.server.initialized(new InitializedParams());
    return connection;
  }

  @AfterEach
  void stopServers() throws Exception {
    for (Connection connection : connections) {
      if (!connection.exitCode.isDone()) {
        connection.server.shutdown().get(10, TimeUnit.SECONDS);
        connection.server.exit();
        assertEquals(0, connection.exitCode.get(10, TimeUnit.SECONDS), "exit after shutdown is exit code 0");
      }
    }
  }

  private static String open(Connection connection, Path file, String languageId, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
    String uri = file.toUri().toString();
    connection.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, languageId, 1, text)));
    return uri;
  }

  private static void change(Connection connection, String uri, int version, String text) {
    connection.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
        new VersionedTextDocumentIdentifier(uri, version), List.of(new TextDocumentContentChangeEvent(text))));
  }

  /** The draft's text a diagnostic flags, as the server sends it in the diagnostic's data. */
  private static String flagged(Diagnostic diagnostic) {
    return diagnostic.getData() instanceof JsonObject data && data.has("text") ? data.get("text").getAsString() : "";
  }

  private static Set<String> codes(PublishDiagnosticsParams published) {
    return published.getDiagnostics().stream().map(Diagnostics::code).flatMap(Optional::stream).collect(Collectors.toSet());
  }

  private static Diagnostic diagnostic(PublishDiagnosticsParams published, String code) {
    return published.getDiagnostics().stream().filter(d -> Diagnostics.code(d).filter(code::equals).isPresent())
        .findFirst().orElseThrow(() -> new AssertionError("no " + code + " diagnostic in " + published.getDiagnostics()));
  }

  private static List<CodeAction> actions(Connection connection, String uri, Diagnostic diagnostic) throws Exception {
    List<Either<org.eclipse.lsp4j.Command, CodeAction>> answer = connection.server.getTextDocumentService()
        .codeAction(new CodeActionParams(new TextDocumentIdentifier(uri), diagnostic.getRange(), new CodeActionContext(List.of(diagnostic))))
        .get(WAIT_SECONDS, TimeUnit.SECONDS);
    return answer.stream().map(Either::getRight).toList();
  }

  private static CodeAction titled(List<CodeAction> actions, String title) {
    return actions.stream().filter(a -> a.getTitle().equals(title)).findFirst()
        .orElseThrow(() -> new AssertionError("no action '" + title + "' in " + actions.stream().map(CodeAction::getTitle).toList()));
  }

  /** The text after an action's edits to one document, applied as an editor applies them. */
  private static String apply(String text, CodeAction action, String uri) {
    List<TextEdit> edits = action.getEdit().getChanges() != null ? action.getEdit().getChanges().get(uri)
        : action.getEdit().getDocumentChanges().get(0).getLeft().getEdits();
    List<TextEdit> backwards = new ArrayList<>(edits);
    backwards.sort(Comparator.comparing((TextEdit e) -> offset(text, e.getRange().getStart())).reversed());
    StringBuilder result = new StringBuilder(text);
    for (TextEdit edit : backwards) {
      result.replace(offset(text, edit.getRange().getStart()), offset(text, edit.getRange().getEnd()), edit.getNewText());
    }
    return result.toString();
  }

  private static int offset(String text, Position position) {
    int offset = 0;
    for (int line = 0; line < position.getLine(); line++) {
      offset = text.indexOf('\n', offset) + 1;
    }
    return offset + position.getCharacter();
  }

  private static String envoyVisit() throws IOException {
    return Files.readString(Path.of("fixtures/envoy-visit.md"), StandardCharsets.UTF_8);
  }

  @Test
  void aMarkdownDraftGetsEachRulesDiagnosticWithItsCodeLinkSeverityAndFinding() throws Exception {
    Connection connection = start(workspace);
    String uri = open(connection, workspace.resolve("envoy-visit.md"), "markdown", envoyVisit());
    PublishDiagnosticsParams published = connection.awaitVersion(uri, 1);

    assertTrue(codes(published).containsAll(Set.of("spelling", "duplicated-word", "unattributed-claim", "promo-block")), codes(published).toString());
    Diagnostic spelling = diagnostic(published, "spelling");
    assertEquals(DiagnosticSeverity.Error, spelling.getSeverity());
    assertEquals("copydesk", spelling.getSource());
    assertEquals(new Range(new Position(6, 15), new Position(6, 24)), spelling.getRange(), "line 7, 'Presdient', 0-based");
    assertTrue(spelling.getCodeDescription().getHref().endsWith("/spelling.yml"), spelling.getCodeDescription().getHref());
    JsonObject data = (JsonObject) spelling.getData();
    assertEquals("Presdient", data.get("text").getAsString());
    assertEquals("President", data.getAsJsonArray("suggestions").get(0).getAsString());
    assertEquals(DiagnosticSeverity.Warning, diagnostic(published, "unattributed-claim").getSeverity());
    Diagnostic promo = diagnostic(published, "promo-block");
    assertEquals(14, promo.getRange().getStart().getLine(), "the block starts at its header");
  }

  @Test
  void theSeedArticleAsPlainTextAndAsMarkdownGetsTheFourEditorialRulesAndTheTyposFix() throws Exception {
    Path seed = Path.of("../shared/seed-article.txt");
    Assumptions.assumeTrue(Files.isRegularFile(seed), "the shared seed article is beside the clone");
    String text = Files.readString(seed, StandardCharsets.UTF_8);
    Connection connection = start(workspace);
    String plain = open(connection, workspace.resolve("seed.txt"), "plaintext", text);
    PublishDiagnosticsParams published = connection.awaitVersion(plain, 1);
    assertTrue(codes(published).containsAll(Set.of("spelling", "duplicated-word", "unattributed-claim", "promo-block")), codes(published).toString());

    // The case: an editor that opens the seed as Markdown, fixes "Presdient" with the
    // code action and gets the diagnostics without it.
    String markdown = open(connection, workspace.resolve("seed.md"), "markdown", text);
    PublishDiagnosticsParams asMarkdown = connection.awaitVersion(markdown, 1);
    assertTrue(codes(asMarkdown).containsAll(Set.of("spelling", "duplicated-word", "unattributed-claim", "promo-block")), codes(asMarkdown).toString());
    Diagnostic typo = asMarkdown.getDiagnostics().stream()
        .filter(d -> Diagnostics.code(d).equals(Optional.of("spelling")) && flagged(d).equals("Presdient"))
        .findFirst().orElseThrow();
    String fixed = apply(text, titled(actions(connection, markdown, typo), "Replace with 'President'"), markdown);
    assertEquals(text.replace("Presdient", "President"), fixed, "only the typo changes");
    change(connection, markdown, 2, fixed);
    PublishDiagnosticsParams afterFix = connection.awaitVersion(markdown, 2);
    assertTrue(afterFix.getDiagnostics().stream().noneMatch(d -> flagged(d).equals("Presdient")),
        afterFix.getDiagnostics().toString());
  }

  @Test
  void quickFixesReplaceTheTypoDeleteTheBlockAndSuppressARule() throws Exception {
    Connection connection = start(workspace);
    String text = envoyVisit();
    String uri = open(connection, workspace.resolve("envoy-visit.md"), "markdown", text);
    PublishDiagnosticsParams published = connection.awaitVersion(uri, 1);

    List<CodeAction> onTypo = actions(connection, uri, diagnostic(published, "spelling"));
    CodeAction replace = titled(onTypo, "Replace with 'President'");
    assertTrue(replace.getIsPreferred());
    String fixed = apply(text, replace, uri);
    assertTrue(fixed.contains("The Portuguese President has said"), fixed);
    assertEquals(text.replace("Presdient", "President"), fixed, "only the typo changes");
    assertTrue(onTypo.stream().anyMatch(a -> a.getTitle().equals("Add 'Presdient' to the dictionary")));

    change(connection, uri, 2, fixed);
    PublishDiagnosticsParams afterFix = connection.awaitVersion(uri, 2);
    assertFalse(codes(afterFix).contains("spelling"), afterFix.getDiagnostics().toString());

    List<CodeAction> onBlock = actions(connection, uri, diagnostic(afterFix, "promo-block"));
    String withoutBlock = apply(fixed, titled(onBlock, "Delete the promotional text (5 lines)"), uri);
    assertFalse(withoutBlock.contains("You may also like"));
    assertFalse(withoutBlock.contains("example.org"), "the block's list goes with it, no bullet left");
    assertTrue(withoutBlock.endsWith("none on the line of control.\n\n"), withoutBlock);

    List<CodeAction> onRepeat = actions(connection, uri, diagnostic(afterFix, "duplicated-word"));
    String suppressed = apply(fixed, titled(onRepeat, "Disable duplicated-word for this line (a copydesk-disable-next-line comment)"), uri);
    assertTrue(suppressed.contains("<!-- copydesk-disable-next-line duplicated-word -->\nIlves said the the next round"), suppressed);
    change(connection, uri, 3, suppressed);
    PublishDiagnosticsParams afterSuppression = connection.awaitVersion(uri, 3);
    assertFalse(codes(afterSuppression).contains("duplicated-word"), afterSuppression.getDiagnostics().toString());
    assertTrue(codes(afterSuppression).contains("promo-block"));
  }

  @Test
  void addingAWordToTheDictionaryClearsItInEveryOpenDraftAndOutlivesTheServer() throws Exception {
    Files.writeString(workspace.resolve(".copydesk.yml"), "rules:\n  unattributed-claim: off\n");
    Path desk = Files.createDirectories(workspace.resolve("desk"));
    Connection connection = start(workspace);
    String first = open(connection, desk.resolve("one.md"), "markdown", "The council adopted the zorblat plan on Monday.\n");
    String second = open(connection, workspace.resolve("two.txt"), "plaintext", "Residents say the zorblat plan came too late.\n");
    Diagnostic unknown = diagnostic(connection.awaitVersion(first, 1), "spelling");
    assertTrue(codes(connection.awaitVersion(second, 1)).contains("spelling"));

    CodeAction add = titled(actions(connection, first, unknown), "Add 'zorblat' to the dictionary");
    assertEquals(QuickFixes.ADD_TO_DICTIONARY, add.getCommand().getCommand());
    connection.server.getWorkspaceService().executeCommand(
        new ExecuteCommandParams(add.getCommand().getCommand(), add.getCommand().getArguments())).get(WAIT_SECONDS, TimeUnit.SECONDS);

    assertFalse(codes(connection.await(first, p -> !codes(p).contains("spelling"))).contains("spelling"));
    assertFalse(codes(connection.await(second, p -> !codes(p).contains("spelling"))).contains("spelling"));
    Path dictionary = workspace.resolve(".copydesk-dictionary.txt");
    assertEquals(List.of("zorblat"), Files.readAllLines(dictionary));

    Connection restarted = start(workspace);
    String again = open(restarted, desk.resolve("three.md"), "markdown", "The zorblat plan was adopted.\n");
    assertFalse(codes(restarted.awaitVersion(again, 1)).contains("spelling"), "the word is still accepted after a restart");
  }

  @Test
  void theWordGoesToTheConfigsFirstDictionaryOrANewConfigWhenThereIsNone() throws Exception {
    Path named = Files.createDirectories(workspace.resolve("named"));
    Files.writeString(named.resolve(".copydesk.yml"), "dictionaries: [names.txt, more.txt]\n");
    Files.writeString(named.resolve("names.txt"), "# the desk's names\nIlves\n");
    Files.writeString(named.resolve("more.txt"), "");
    Path bare = Files.createDirectories(workspace.resolve("bare"));
    Connection connection = start(bare);
    connection.server.getWorkspaceService().executeCommand(new ExecuteCommandParams(QuickFixes.ADD_TO_DICTIONARY,
        List.of(named.resolve("a.md").toUri().toString(), "Zorblat"))).get(WAIT_SECONDS, TimeUnit.SECONDS);
    assertEquals(List.of("# the desk's names", "Ilves", "Zorblat"), Files.readAllLines(named.resolve("names.txt")));

    connection.server.getWorkspaceService().executeCommand(new ExecuteCommandParams(QuickFixes.ADD_TO_DICTIONARY,
        List.of(bare.resolve("b.md").toUri().toString(), "zorblat"))).get(WAIT_SECONDS, TimeUnit.SECONDS);
    assertTrue(Files.isRegularFile(bare.resolve(".copydesk.yml")), "a config, so every command reads the new dictionary");
    assertEquals(List.of("zorblat"), Files.readAllLines(bare.resolve(".copydesk-dictionary.txt")));

    ExecutionException refused = assertThrows(ExecutionException.class, () -> connection.server.getWorkspaceService()
        .executeCommand(new ExecuteCommandParams(QuickFixes.ADD_TO_DICTIONARY, List.of(bare.resolve("b.md").toUri().toString(), "two\nlines")))
        .get(WAIT_SECONDS, TimeUnit.SECONDS));
    assertTrue(refused.getCause() instanceof ResponseErrorException, refused.toString());
  }

  @Test
  void aStaleCheckIsNeverPublished() throws Exception {
    Connection connection = start(workspace, Duration.ZERO, 2, null);
    String warm = open(connection, workspace.resolve("warm.md"), "markdown", "The mayor spoke.\n");
    connection.awaitVersion(warm, 1); // LanguageTool loaded: version 1 below starts at once
    // Version 1 is long (a few seconds to check with no cache), version 2 short: version 1's
    // check is still running when version 2 arrives, and finishes after version 2's.
    StringBuilder longDraft = new StringBuilder();
    for (int i = 0; i < 150; i++) {
      longDraft.append("Paragraph ").append(i).append(" says the Presdient of the board met the the mayor on a Monday.\n\n");
    }
    String uri = open(connection, workspace.resolve("stale.md"), "markdown", longDraft.toString());
    Thread.sleep(300); // version 1's check has started
    change(connection, uri, 2, "The President of the board met the mayor.\n");
    PublishDiagnosticsParams second = connection.awaitVersion(uri, 2);
    assertFalse(codes(second).contains("spelling"));
    Thread.sleep(3000); // time for version 1's check to end, and to be dropped
    List<Integer> versions;
    synchronized (connection.all) {
      versions = connection.all.stream().filter(p -> p.getUri().equals(uri)).map(PublishDiagnosticsParams::getVersion).toList();
    }
    assertEquals(List.of(2), versions, "only the newest version is ever published");
  }

  @Test
  void aDraftThatCannotBeCheckedGetsADiagnosticAndTheServerGoesOn() throws Exception {
    Path small = Files.createDirectories(workspace.resolve("small"));
    Files.writeString(small.resolve(".copydesk.yml"), "max-size: 1KB\n");
    Path broken = Files.createDirectories(workspace.resolve("broken"));
    Files.writeString(broken.resolve(".copydesk.yml"), "rulez:\n  spelling: off\n");
    Connection connection = start(workspace);

    String binary = open(connection, workspace.resolve("photo.txt"), "plaintext", "JFIF\0\0\u0001binary");
    assertTrue(only(connection.awaitVersion(binary, 1)).contains("looks like a binary file"));
    String large = open(connection, small.resolve("long.md"), "markdown", "The minister spoke. ".repeat(100));
    assertTrue(only(connection.awaitVersion(large, 1)).contains("over the limit of 1024"));
    String misconfigured = open(connection, broken.resolve("draft.md"), "markdown", "The Presdient spoke.\n");
    assertTrue(only(connection.awaitVersion(misconfigured, 1)).contains("unknown key 'rulez'"));

    assertThrows(ExecutionException.class, () -> connection.server.getWorkspaceService()
        .executeCommand(new ExecuteCommandParams("copydesk.noSuchCommand", List.of())).get(WAIT_SECONDS, TimeUnit.SECONDS));
    assertEquals(List.of(), connection.server.getTextDocumentService().codeAction(new CodeActionParams(
        new TextDocumentIdentifier(workspace.resolve("never-opened.md").toUri().toString()),
        new Range(new Position(0, 0), new Position(0, 1)), new CodeActionContext(List.of()))).get(WAIT_SECONDS, TimeUnit.SECONDS));

    Files.writeString(broken.resolve(".copydesk.yml"), "rules:\n  spelling: on\n");
    change(connection, misconfigured, 2, "The Presdient spoke.\n");
    assertTrue(codes(connection.awaitVersion(misconfigured, 2)).contains("spelling"), "a mended config is read by the next check");
    String good = open(connection, workspace.resolve("good.md"), "markdown", "The Presdient spoke.\n");
    assertTrue(codes(connection.awaitVersion(good, 1)).contains("spelling"), "the server still checks drafts");
  }

  private static String only(PublishDiagnosticsParams published) {
    assertEquals(1, published.getDiagnostics().size(), published.getDiagnostics().toString());
    Diagnostic diagnostic = published.getDiagnostics().get(0);
    assertEquals(DiagnosticSeverity.Error, diagnostic.getSeverity());
    return diagnostic.getMessage();
  }

  @Test
  void exitWithoutShutdownIsExitCodeOne() throws Exception {
    Connection connection = start(workspace);
    connection.server.exit();
    assertEquals(1, connection.exitCode.get(10, TimeUnit.SECONDS));
  }

  @Test
  void theServerEndsWhenTheClientsProcessIsGone() throws Exception {
    Process editor = new ProcessBuilder("sleep", "120").start();
    try {
      Connection connection = start(workspace, Duration.ofMillis(50), 1, editor.pid());
      assertFalse(connection.exitCode.isDone());
      editor.destroy();
      assertEquals(1, connection.exitCode.get(20, TimeUnit.SECONDS));
    } finally {
      editor.destroyForcibly();
    }
  }

  @Test
  void theCodeOfAForeignDiagnosticIsNotTakenForARule() {
    Diagnostic foreign = new Diagnostic(new Range(new Position(0, 0), new Position(0, 1)), "x", DiagnosticSeverity.Error, "vale", "spelling");
    assertEquals(Optional.empty(), Diagnostics.code(foreign));
    assertNotNull(Diagnostics.notChecked("why").getMessage());
  }
}
