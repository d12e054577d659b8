package dev.copydesk.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.copydesk.core.Span;
import dev.copydesk.core.LanguageToolMatch;
import dev.copydesk.core.Token;
import dev.copydesk.languagetool.MatchCache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * LanguageTool's matches and tokens per paragraph, kept in a folder between runs: one small JSON file per
 * paragraph, named by the SHA-256 of its key, in 256 sub-folders. Each file repeats its full key,
 * and an entry whose key differs, or that does not parse, is ignored and checked afresh: a
 * corrupt or foreign cache can cost time, never a wrong finding. Files are written atomically,
 * so threads and concurrent runs can share the folder.
 */
public final class DiskCache implements MatchCache {

  // Per cache, not static: finding the default folder must not start Jackson, which a check
  // through a server never needs.
  private final ObjectMapper json = new ObjectMapper();

  private final Path folder;

  public DiskCache(Path folder) {
    this.folder = folder;
  }

  /** The cache folder when none is configured: $XDG_CACHE_HOME/copydesk, or ~/.cache/copydesk. */
  public static Path defaultFolder() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("copydesk");
  }

  @Override
  public List<LanguageToolMatch> get(String key) {
    JsonNode entries = read(key);
    if (entries == null) {
      return null;
    }
    try {
      List<LanguageToolMatch> matches = new ArrayList<>();
      for (JsonNode m : entries) {
        matches.add(new LanguageToolMatch(
            m.get("rule").asText(), m.get("category").asText(), m.get("description").asText(),
            new Span(m.get("start").asInt(), m.get("end").asInt()), m.get("message").asText(),
            strings(m.get("suggestions")), m.get("speller").asBoolean()));
      }
      return matches;
    } catch (RuntimeException e) {
      return null; // corrupt or foreign: check the paragraph again
    }
  }

  @Override
  public List<Token> getTokens(String key) {
    JsonNode entries = read(key);
    if (entries == null) {
      return null;
    }
    try {
      List<Token> tokens = new ArrayList<>();
      for (JsonNode t : entries) {
        tokens.add(new Token(new Span(t.get("start").asInt(), t.get("end").asInt()),
            strings(t.get("tags")), strings(t.get("lemmas")), strings(t.get("chunks"))));
      }
      return tokens;
    } catch (RuntimeException e) {
      return null; // corrupt or foreign: tag the paragraph again
    }
  }

  @Override
  public boolean contains(String key) {
    return Files.isRegularFile(fileFor(key));
  }

  @Override
  public void put(String key, List<LanguageToolMatch> matches) {
    ArrayNode list = json.createArrayNode();
    for (LanguageToolMatch match : matches) {
      ObjectNode m = list.addObject();
      m.put("rule", match.ruleId());
      m.put("category", match.categoryId());
      m.put("description", match.description());
      m.put("start", match.span().start());
      m.put("end", match.span().end());
      m.put("message", match.message());
      m.put("speller", match.spelling()); // the match is its speller's
      ArrayNode suggestions = m.putArray("suggestions");
      match.suggestions().forEach(suggestions::add);
    }
    write(key, list);
  }

  @Override
  public void putTokens(String key, List<Token> tokens) {
    ArrayNode list = json.createArrayNode();
    for (Token token : tokens) {
      ObjectNode t = list.addObject();
      t.put("start", token.span().start());
      t.put("end", token.span().end());
      token.tags().forEach(t.putArray("tags")::add);
      token.lemmas().forEach(t.putArray("lemmas")::add);
      token.chunks().forEach(t.putArray("chunks")::add);
    }
    write(key, list);
  }

  /** The entries stored under the key, or null when there are none or the file is not this key's. */
  private JsonNode read(String key) {
    Path file = fileFor(key);
    try {
      if (!Files.isRegularFile(file)) {
        return null;
      }
      JsonNode root = json.readTree(Files.readString(file, StandardCharsets.UTF_8));
      if (root == null || !key.equals(root.path("key").asText(null)) || !root.path("matches").isArray()) {
        return null;
      }
      return root.get("matches");
    } catch (IOException | RuntimeException e) {
      return null; // unreadable, corrupt or foreign
    }
  }

  private void write(String key, ArrayNode entries) {
    ObjectNode root = json.createObjectNode();
    root.put("key", key);
    root.set("matches", entries);
    Path file = fileFor(key);
    try {
      Files.createDirectories(file.getParent());
      Path temporary = Files.createTempFile(file.getParent(), ".entry", ".tmp");
      try {
        Files.writeString(temporary, json.writeValueAsString(root), StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      // A cache that cannot be written (read-only home, full disk) only costs time.
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  private Path fileFor(String key) {
    String hash = sha256(key);
    return folder.resolve(hash.substring(0, 2)).resolve(hash.substring(2) + ".json");
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
