package dev.copydesk.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.copydesk.engine.DictionaryFile;
import dev.copydesk.engine.Engines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

/**
 * LanguageTool's user-dictionary API, {@code GET /v2/words}, {@code POST /v2/words/add} and
 * {@code POST /v2/words/delete}, over the dictionary file the server was given ({@code copydesk
 * serve --dictionary-file}), so a LanguageTool client's "add to dictionary" reaches the words
 * every copydesk check reads.
 *
 * <p>Each change is written atomically ({@link DictionaryFile}) and the server's engines are
 * rebuilt from it before the answer, so the next check accepts the word. Writing needs the
 * token given at start, sent as LanguageTool's clients send their key ({@code apiKey}) or as
 * {@code Authorization: Bearer}; a server that listens beyond loopback without one refuses
 * every write, since anyone who can reach it could otherwise whitelist a typo for a whole desk.
 */
public final class WordsApi {

  /**
   * How the server's dictionary is kept.
   *
   * @param file the dictionary file, read by the engines as one of their dictionaries
   * @param token the secret a write must carry; null for none
   * @param rebuild builds engines that read the file as it now is
   */
  public record Words(DictionaryFile file, String token, Rebuild rebuild) {}

  /** Builds the server's engines anew (with the same config, cache and dictionary file). */
  @FunctionalInterface
  public interface Rebuild {
    Engines build() throws Exception;
  }

  static final String PATH = "/v2/words";

  /** LanguageTool's clients page through a dictionary; its server's default page. */
  private static final int DEFAULT_LIMIT = 10;

  private WordsApi() {}

  /**
   * Answers one request; {@code install} receives the rebuilt engines after a change.
   *
   * @param loopbackOnly true when the server listens on loopback only
   */
  static JsonNode answer(Words words, boolean loopbackOnly, String path, String method, Map<String, String> parameters,
      String authorization, java.util.function.Consumer<Engines> install) throws RequestException {
    if (words == null) {
      throw new RequestException(404, "this server keeps no dictionary: start it with --dictionary-file FILE");
    }
    try {
      switch (path) {
        case PATH -> {
          requireMethod(method, "GET", "POST");
          List<String> all = words.file().words();
          int offset = number(parameters, "offset", 0);
          int limit = number(parameters, "limit", DEFAULT_LIMIT);
          ArrayNode page = LanguageToolApi.JSON.createArrayNode();
          all.stream().skip(offset).limit(limit).forEach(page::add);
          ObjectNode answer = LanguageToolApi.JSON.createObjectNode();
          answer.set("words", page);
          return answer;
        }
        case PATH + "/add", PATH + "/delete" -> {
          requireMethod(method, "POST");
          authorise(words, loopbackOnly, parameters, authorization);
          String word = parameters.get("word");
          if (word == null || word.isBlank()) {
            throw new RequestException(400, "missing 'word'");
          }
          boolean add = path.endsWith("/add");
          boolean changed;
          try {
            changed = add ? words.file().add(word) : words.file().delete(word);
          } catch (IllegalArgumentException e) {
            throw new RequestException(400, e.getMessage());
          }
          if (changed) {
            try {
              install.accept(words.rebuild().build());
            } catch (Exception e) {
              throw new RequestException(500, "the word was written, but the rules could not be rebuilt: " + e.getMessage());
            }
          }
          return LanguageToolApi.JSON.createObjectNode().put(add ? "added" : "deleted", changed);
        }
        default -> throw new RequestException(404, "no such endpoint: " + path + " (GET " + PATH + ", POST " + PATH + "/add, POST " + PATH + "/delete)");
      }
    } catch (IOException e) {
      throw new RequestException(500, "cannot read or write " + words.file().path() + ": " + e.getMessage());
    }
  }

  private static void authorise(Words words, boolean loopbackOnly, Map<String, String> parameters, String authorization)
      throws RequestException {
    if (words.token() == null) {
      if (!loopbackOnly) {
        throw new RequestException(403, "this server listens beyond loopback: writing words needs a token (copydesk serve --words-token)");
      }
      return;
    }
    String given = parameters.get("apiKey");
    if (given == null && authorization != null && authorization.startsWith("Bearer ")) {
      given = authorization.substring("Bearer ".length()).strip();
    }
    // A comparison that takes as long whatever the guess, so the token cannot be found a character at a time.
    if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), words.token().getBytes(StandardCharsets.UTF_8))) {
      throw new RequestException(403, "writing words needs the server's token, as apiKey or Authorization: Bearer");
    }
  }

  private static int number(Map<String, String> parameters, String name, int fallback) throws RequestException {
    String value = parameters.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value.strip());
      if (number >= 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new RequestException(400, "'" + name + "' must be a number of at least 0, not '" + value + "'");
  }

  private static void requireMethod(String method, String... allowed) throws RequestException {
    if (!List.of(allowed).contains(method)) {
      throw new RequestException(405, method + " is not allowed here (use " + String.join(" or ", allowed) + ")");
    }
  }
}
