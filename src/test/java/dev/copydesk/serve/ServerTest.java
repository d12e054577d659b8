package dev.copydesk.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.copydesk.TestEngine;
import dev.copydesk.core.Document;
import dev.copydesk.core.FileReport;
import dev.copydesk.core.Finding;
import dev.copydesk.core.Span;
import dev.copydesk.input.DraftReader;
import dev.copydesk.engine.Config;
import dev.copydesk.engine.Engines;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.languagetool.remote.RemoteLanguageTool;
import org.languagetool.remote.RemoteResult;
import org.languagetool.remote.RemoteRuleMatch;

/**
 * A running server, spoken to as its clients do: LanguageTool's own Java client on
 * {@code /v2/check}, copydesk's {@link RemoteChecker} on the native endpoint, and plain HTTP for
 * the requests a server must refuse without falling over.
 */
class ServerTest {

  /** Small, so the size limit is quick to reach. */
  private static final long MAX_BYTES = 64 * 1024;

  private static Server server;
  private static URI base;
  private static final StringWriter LOG = new StringWriter();

  @BeforeAll
  static void start() throws Exception {
    Server.Settings settings = new Server.Settings("127.0.0.1", 0, 1, 1, MAX_BYTES, false, null, null);
    server = Server.start(settings, Engines.of(Config.defaults(), null), "test", new PrintWriter(LOG, true));
    base = URI.create("http://127.0.0.1:" + server.port());
  }

  @AfterAll
  static void stop() {
    server.stop(Duration.ofSeconds(5));
  }

  /** The plain-text fixture with its inline expectations taken out, as a writer's draft. */
  private static String portStrike() throws IOException {
    return Files.readString(Path.of("fixtures/port-strike.txt")).replaceAll("(?m)\\s+// expect:.*$", "");
  }

  @Test
  void languageToolsOwnClientGetsTheEditorialFindings() throws Exception {
    String text = portStrike();
    RemoteResult result = new RemoteLanguageTool(new URL(base.toString())).check(text, "auto");
    Map<String, List<String>> found = new TreeMap<>();
    for (RemoteRuleMatch match : result.getMatches()) {
      String matched = text.substring(match.getErrorOffset(), match.getErrorOffset() + match.getErrorLength());
      found.computeIfAbsent(match.getRuleId(), id -> new ArrayList<>()).add(matched);
    }
    assertEquals(List.of("Minsiter"), found.get("spelling"), found.toString());
    assertEquals(List.of("the the", "the they"), found.get("duplicated-word"), found.toString());
    assertEquals(2, found.get("unattributed-claim").size(), found.toString());
    assertTrue(found.get("promo-block").get(0).startsWith("Read more"), found.toString());
    assertEquals("en-GB", result.getLanguageCode());
    RemoteRuleMatch spelling = result.getMatches().stream().filter(m -> m.getRuleId().equals("spelling")).findFirst().orElseThrow();
    assertEquals("Minister", spelling.getReplacements().orElseThrow().get(0));
    assertEquals("TYPOS", spelling.getCategoryId().orElse(""));
  }

  @Test
  void rulesCanBeSwitchedOffAndOnAsClientsDo() throws Exception {
    RemoteLanguageTool client = new RemoteLanguageTool(new URL(base.toString()));
    String text = portStrike();
    Set<String> withoutSpelling = ids(client.check(text, "en-GB", Map.of("disabledRules", "spelling,COMMA_COMPOUND_SENTENCE")));
    assertFalse(withoutSpelling.contains("spelling"), withoutSpelling.toString());
    assertTrue(withoutSpelling.contains("duplicated-word"), withoutSpelling.toString());
    Set<String> only = ids(client.check(text, "en-GB", Map.of("enabledRules", "promo-block", "enabledOnly", "true")));
    assertEquals(Set.of("promo-block"), only);
  }

  private static Set<String> ids(RemoteResult result) {
    return result.getMatches().stream().map(RemoteRuleMatch::getRuleId).collect(Collectors.toSet());
  }

  @Test
  void annotatedDataCountsOffsetsAcrossTheMarkup() throws Exception {
    String data = "{\"annotation\": [{\"markup\": \"<p>\"}, {\"text\": \"The minister said the the talks would resume.\"},"
        + " {\"markup\": \"</p>\", \"interpretAs\": \"\\n\\n\"}]}";
    JsonNode answer = json(post("/v2/check", form(Map.of("data", data, "language", "en-US"))));
    JsonNode match = answer.get("matches").get(0);
    assertEquals("duplicated-word", match.get("rule").get("id").asText());
    assertEquals(3 + "The minister said ".length(), match.get("offset").asInt());
    assertEquals("the the".length(), match.get("length").asInt());
  }

  @Test
  void theNativeEndpointGivesTheLocalFindings() throws Exception {
    RemoteChecker remote = new RemoteChecker(base, "auto", Duration.ofSeconds(120));
    List<Path> fixtures;
    try (Stream<Path> files = Files.list(Path.of("fixtures"))) {
      fixtures = files.filter(file -> !file.getFileName().toString().equals("README.md")).sorted().toList();
    }
    for (Path fixture : fixtures) {
      Document document = DraftReader.read(fixture, fixture.toString());
      FileReport local = TestEngine.check(document);
      FileReport remoteReport = remote.check(document);
      assertEquals(sourceView(local), sourceView(remoteReport), fixture.toString());
    }
    assertTrue(remote.rules().stream().anyMatch(rule -> rule.id().equals("unattributed-claim")), remote.rules().toString());
    assertEquals(List.of("promo-block", "promo-line"), remote.fixedByDefault().stream().sorted().toList(),
        "the rules copydesk fix applies when named none, for a fix through the server");
  }

  @Test
  void aCheckerForOneSetOfSettingsRefusesAnswersForOthers() throws Exception {
    Document document = DraftReader.read(Path.of("fixtures/port-strike.txt"), "port-strike.txt");
    RemoteChecker expectingKey = new RemoteChecker(base, "auto", Duration.ofSeconds(120), "0123456789abcdef");
    IOException refused = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> expectingKey.check(document));
    assertTrue(refused.getMessage().contains("answers for other settings (none named, not 0123456789abcdef)"), refused.getMessage());
  }

  /** Findings as a report prints them: by source span, so prose offsets on either side don't matter. */
  private static List<String> sourceView(FileReport report) {
    List<String> lines = new ArrayList<>();
    for (Finding finding : report.findings()) {
      Span source = report.document().sourceSpan(finding.span());
      lines.add(source + " " + finding.ruleId() + " " + finding.severity() + " " + finding.message() + " " + finding.suggestions());
    }
    return lines;
  }

  @Test
  void badRequestsAreRefusedClearlyAndTheServerKeepsServing() throws Exception {
    assertStatus(400, "missing 'text' or 'data'", post("/v2/check", form(Map.of("language", "en-US"))));
    assertStatus(400, "'de-DE' is not a language copydesk checks", post("/v2/check", form(Map.of("text", "Hallo Welt.", "language", "de-DE"))));
    assertStatus(400, "missing 'language'", post("/v2/check", form(Map.of("text", "Hello."))));
    assertStatus(400, "'data' is not JSON", post("/v2/check", form(Map.of("data", "{\"annotation\": [", "language", "en-US"))));
    assertStatus(400, "annotation", post("/v2/check", form(Map.of("data", "{\"annotation\": [{\"text\": 1}]}", "language", "en-US"))));
    assertStatus(400, "enabledOnly=true needs", post("/v2/check", form(Map.of("text", "Hello.", "language", "en-US", "enabledOnly", "true"))));
    assertStatus(400, "malformed form encoding", post("/v2/check", "text=%zz&language=en-US".getBytes(StandardCharsets.UTF_8)));
    // Bodies over the limit but within what the server drains before answering (4 times it):
    // one larger still is cut off by design, and the client may then see a reset, not the 413.
    assertStatus(413, "over the server's limit", post("/v2/check", form(Map.of("text", "word ".repeat((int) MAX_BYTES / 2), "language", "en-US"))));
    assertStatus(413, "over the server's limit", post(NativeApi.PATH + "?path=big.txt", "word ".repeat((int) MAX_BYTES / 2).getBytes(StandardCharsets.UTF_8)));
    assertStatus(400, "not valid", post(NativeApi.PATH + "?path=bad.txt", new byte[] {'a', (byte) 0xC3, 0x28, 'b'}));
    assertStatus(404, "no such endpoint", get("/v3/check"));
    assertStatus(405, "not allowed", get(NativeApi.PATH));
    Response fine = post("/v2/check", form(Map.of("text", "The minister said the the talks would resume.", "language", "en-US")));
    assertEquals(200, fine.status(), fine.body());
    assertEquals(200, get("/health").status());
    assertTrue(LOG.toString().contains("\"POST /v2/check\" 413"), LOG.toString());
    assertFalse(LOG.toString().contains("the the talks"), "no draft text in the access log by default");
  }

  @Test
  void languagesAreListedInLanguageToolsFormat() throws Exception {
    JsonNode languages = json(get("/v2/languages"));
    List<String> codes = new ArrayList<>();
    languages.forEach(language -> codes.add(language.get("longCode").asText()));
    assertEquals(List.of("en", "en-US", "en-GB"), codes);
  }

  @Test
  void aFullServerAnswers503AtOnceInsteadOfQueueingWithoutBound() throws Exception {
    // One worker and a queue of one: a long check holds the worker, a second fills the queue,
    // and a third must be refused at once.
    String longDraft = portStrike().repeat(12) + "\nThe closing paragraph is new.";
    CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> postUnchecked("/v2/check", form(Map.of("text", longDraft, "language", "en-GB"))));
    waitFor("\"checking\":1");
    CompletableFuture<Response> second = CompletableFuture.supplyAsync(() -> postUnchecked("/v2/check", form(Map.of("text", longDraft + " Another.", "language", "en-GB"))));
    waitFor("\"queued\":1");
    Response third = post("/v2/check", form(Map.of("text", "Hello there.", "language", "en-GB")));
    assertStatus(503, "busy", third);
    assertEquals(200, first.get().status());
    assertEquals(200, second.get().status());
  }

  private static void waitFor(String healthFragment) throws Exception {
    long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < giveUp) {
      if (get("/health").body().contains(healthFragment)) {
        return;
      }
      Thread.sleep(5);
    }
    throw new AssertionError("the server never reported " + healthFragment);
  }

  private record Response(int status, String body) {}

  private static void assertStatus(int status, String fragment, Response response) {
    assertEquals(status, response.status(), response.body());
    assertTrue(response.body().contains(fragment), response.body());
  }

  private static JsonNode json(Response response) throws IOException {
    assertEquals(200, response.status(), response.body());
    return LanguageToolApi.JSON.readTree(response.body());
  }

  private static byte[] form(Map<String, String> parameters) {
    return parameters.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"))
        .getBytes(StandardCharsets.UTF_8);
  }

  private static Response get(String path) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) base.resolve(path).toURL().openConnection();
    return read(connection);
  }

  private static Response postUnchecked(String path, byte[] body) {
    try {
      return post(path, body);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Response post(String path, byte[] body) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) base.resolve(path).toURL().openConnection();
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.setFixedLengthStreamingMode(body.length);
    connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
    try (OutputStream out = connection.getOutputStream()) {
      out.write(body);
    } catch (IOException e) {
      // A server refusing a large body may close before reading it all; its answer still stands.
    }
    return read(connection);
  }

  private static Response read(HttpURLConnection connection) throws IOException {
    int status = connection.getResponseCode();
    InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (in != null) {
      try (in) {
        in.transferTo(body);
      }
    }
    return new Response(status, body.toString(StandardCharsets.UTF_8));
  }
}
