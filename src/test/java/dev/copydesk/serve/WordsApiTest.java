package dev.copydesk.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.copydesk.engine.Config;
import dev.copydesk.engine.DictionaryFile;
import dev.copydesk.engine.Engines;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.languagetool.remote.RemoteLanguageTool;
import org.languagetool.remote.RemoteRuleMatch;

/**
 * LanguageTool's user-dictionary API on {@code copydesk serve}: words listed, added and deleted
 * over plain HTTP, as LanguageTool's server answers them (its Java client has no call for them),
 * and the change seen by LanguageTool's own client on its next {@code /v2/check}.
 */
class WordsApiTest {

  private static final String DRAFT = "The council adopted the zorblat plan on Monday.";

  @TempDir Path folder;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private Server start(Path dictionary, String token) throws Exception {
    DictionaryFile file = new DictionaryFile(dictionary);
    Config config = Config.defaults().plusDictionaries(List.of(file.path()));
    Server.Settings settings = new Server.Settings("127.0.0.1", 0, 1, 4, 64 * 1024, false, null, null);
    return Server.start(settings, Engines.of(config, null), "test", new PrintWriter(new StringWriter(), true),
        new WordsApi.Words(file, token, () -> Engines.of(config, null)));
  }

  private HttpResponse<String> post(Server server, String path, Map<String, String> form, String authorization) throws Exception {
    StringBuilder body = new StringBuilder();
    for (Map.Entry<String, String> entry : form.entrySet()) {
      body.append(body.length() == 0 ? "" : "&").append(entry.getKey()).append('=')
          .append(URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode get(Server server, String pathAndQuery) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return LanguageToolApi.JSON.readTree(response.body());
  }

  private static boolean flagged(Server server, String word) throws Exception {
    List<RemoteRuleMatch> matches = new RemoteLanguageTool(new URL("http://127.0.0.1:" + server.port())).check(DRAFT, "en-US").getMatches();
    return matches.stream().anyMatch(m -> DRAFT.substring(m.getErrorOffset(), m.getErrorOffset() + m.getErrorLength()).equals(word));
  }

  @Test
  void aWordAddedThroughTheApiIsListedAcceptedByTheNextCheckAndDeletedAgain() throws Exception {
    Path dictionary = folder.resolve("desk-words.txt");
    Files.writeString(dictionary, "# the desk's names\nIlves\n");
    Server server = start(dictionary, null);
    try {
      assertTrue(flagged(server, "zorblat"), "LanguageTool's client sees the unknown word flagged");
      assertEquals("[\"Ilves\"]", get(server, "/v2/words").get("words").toString());

      HttpResponse<String> added = post(server, "/v2/words/add", Map.of("word", "zorblat", "username", "desk"), null);
      assertEquals(200, added.statusCode(), added.body());
      assertEquals("{\"added\":true}", added.body());
      assertEquals("{\"added\":false}", post(server, "/v2/words/add", Map.of("word", "zorblat"), null).body(), "already there");
      assertEquals(List.of("# the desk's names", "Ilves", "zorblat"), Files.readAllLines(dictionary), "comments and order kept");
      assertEquals("[\"Ilves\",\"zorblat\"]", get(server, "/v2/words?offset=0&limit=10").get("words").toString());
      assertEquals("[\"zorblat\"]", get(server, "/v2/words?offset=1&limit=1").get("words").toString());
      assertFalse(flagged(server, "zorblat"), "the next check accepts the word");

      HttpResponse<String> deleted = post(server, "/v2/words/delete", Map.of("word", "zorblat"), null);
      assertEquals("{\"deleted\":true}", deleted.body());
      assertEquals(List.of("# the desk's names", "Ilves"), Files.readAllLines(dictionary));
      assertTrue(flagged(server, "zorblat"), "flagged again once deleted");

      assertEquals(400, post(server, "/v2/words/add", Map.of("word", "two words\nand a line"), null).statusCode());
      assertEquals(400, post(server, "/v2/words/add", Map.of(), null).statusCode());
      assertEquals(405, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v2/words/add")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode());
      assertEquals(400, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v2/words?limit=-1")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode());
      assertEquals("ok", get(server, "/health").path("status").asText(), "the server goes on after refusals");
    } finally {
      server.stop(Duration.ofSeconds(5));
    }
  }

  @Test
  void concurrentAddsAreAllKeptAndTheFileIsAlwaysWhole() throws Exception {
    Path dictionary = folder.resolve("words.txt");
    Files.writeString(dictionary, "");
    Server server = start(dictionary, null);
    try {
      List<CompletableFuture<Integer>> adds = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        String word = "Zorblat" + (char) ('a' + i);
        adds.add(CompletableFuture.supplyAsync(() -> {
          try {
            return post(server, "/v2/words/add", Map.of("word", word), null).statusCode();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }));
      }
      for (CompletableFuture<Integer> add : adds) {
        assertEquals(200, add.get());
      }
      assertEquals(12, new TreeSet<>(Files.readAllLines(dictionary)).size());
      try (var leftovers = Files.list(folder)) {
        assertEquals(List.of(dictionary), leftovers.toList(), "no temporary file left beside it");
      }
    } finally {
      server.stop(Duration.ofSeconds(5));
    }
  }

  @Test
  void writingNeedsTheTokenWhenOneWasGiven() throws Exception {
    Path dictionary = folder.resolve("words.txt");
    Files.writeString(dictionary, "");
    Server server = start(dictionary, "s3cret-token");
    try {
      assertEquals(403, post(server, "/v2/words/add", Map.of("word", "zorblat"), null).statusCode());
      assertEquals(403, post(server, "/v2/words/add", Map.of("word", "zorblat", "apiKey", "guess"), null).statusCode());
      assertEquals(200, post(server, "/v2/words/add", Map.of("word", "zorblat", "apiKey", "s3cret-token"), null).statusCode());
      assertEquals(200, post(server, "/v2/words/delete", Map.of("word", "zorblat"), "Bearer s3cret-token").statusCode());
      assertEquals(0, get(server, "/v2/words").path("words").size(), "reading needs no token");
    } finally {
      server.stop(Duration.ofSeconds(5));
    }
  }

  @Test
  void beyondLoopbackWithoutATokenEveryWriteIsRefused() throws Exception {
    WordsApi.Words words = new WordsApi.Words(new DictionaryFile(folder.resolve("words.txt")), null, () -> null);
    Map<String, String> form = new HashMap<>(Map.of("word", "zorblat"));
    RequestException refused = org.junit.jupiter.api.Assertions.assertThrows(RequestException.class,
        () -> WordsApi.answer(words, false, "/v2/words/add", "POST", form, null, engines -> {}));
    assertEquals(403, refused.status());
    assertFalse(Files.exists(folder.resolve("words.txt")));
    assertEquals(404, org.junit.jupiter.api.Assertions.assertThrows(RequestException.class,
        () -> WordsApi.answer(null, true, "/v2/words", "GET", Map.of(), null, engines -> {})).status());
  }
}
