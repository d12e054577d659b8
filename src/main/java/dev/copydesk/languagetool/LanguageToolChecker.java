package dev.copydesk.languagetool;

import dev.copydesk.core.Document;
import dev.copydesk.core.LanguageToolMatch;
import dev.copydesk.core.Span;
import dev.copydesk.core.Token;
import dev.copydesk.core.Variant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.languagetool.AnalyzedSentence;
import org.languagetool.AnalyzedToken;
import org.languagetool.AnalyzedTokenReadings;
import org.languagetool.JLanguageTool;
import org.languagetool.chunking.ChunkTag;
import org.languagetool.rules.Rule;
import org.languagetool.rules.RuleMatch;
import org.languagetool.rules.spelling.SpellingCheckRule;

/**
 * LanguageTool for one variant on one thread: it checks a draft's prose a piece at a time (see
 * {@link Chunks}), with the pieces' matches kept in a {@link MatchCache}, answers whether its
 * speller knows a word, and tags the prose. It hands back plain {@link LanguageToolMatch} and
 * {@link Token} values with offsets into the prose.
 *
 * <p>A {@link JLanguageTool} is not thread-safe and costs seconds to build, so an instance of this
 * class belongs to one thread and is built once per run per variant, never per file; LanguageTool
 * itself is built the first time a piece or a word is not in the cache.
 */
final class LanguageToolChecker {

  /** What a check found, and whether it reached the draft's end before its deadline. */
  record Checked(List<LanguageToolMatch> matches, boolean complete) {}

  private static final Pattern SUGGESTION_MARKUP = Pattern.compile("</?suggestion>");

  private final Variant variant;
  private final MatchCache cache;
  /** How many threads may check one document's pieces at once; 1: the caller's alone. */
  private int threads = 1;
  /** Built on first need: a run whose paragraphs and words all come from the cache never pays for it. */
  private JLanguageTool languageTool;
  /** LanguageTool being built on loading threads, from the first draft with a paragraph not in the cache. */
  private CompletableFuture<JLanguageTool> building;
  private SpellingCheckRule speller;
  private final Map<String, Boolean> knownWords = new HashMap<>();

  /** A checker for the variant, keeping pieces' matches in {@code cache} (null for none). */
  LanguageToolChecker(Variant variant, MatchCache cache) {
    this.variant = variant;
    this.cache = cache;
  }

  void setThreads(int threads) {
    this.threads = Math.max(1, threads);
  }

  /**
   * Starts building LanguageTool on loading threads when a piece of the document is not in the
   * cache, so that it loads while the editorial rules run; the check then waits only for what is
   * left of the loading. A document whose pieces are all cached starts nothing.
   */
  void prepare(Document document) {
    if (building != null) {
      return;
    }
    String text = document.text();
    for (Span chunk : Chunks.of(document)) {
      if (cache == null || !cache.contains(cacheKey(piece(text, chunk)))) {
        building = LanguageToolLoading.startBuilding(variant.code());
        return;
      }
    }
  }

  private JLanguageTool languageTool() {
    if (languageTool == null) {
      if (building == null) {
        building = LanguageToolLoading.startBuilding(variant.code());
      }
      languageTool = LanguageToolLoading.joined(building);
      speller =
          languageTool.getAllRules().stream()
              .filter(rule -> rule instanceof SpellingCheckRule && rule.isDictionaryBasedSpellingRule())
              .map(SpellingCheckRule.class::cast)
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("LanguageTool has no speller for " + variant));
    }
    return languageTool;
  }

  /**
   * True when this variant's speller accepts the word exactly as written. The answers are kept
   * in the cache beside the pieces' matches (an empty entry for a known word, one marker match
   * for an unknown one), so a cached run asks LanguageTool nothing.
   */
  boolean knowsWord(String word) {
    return knownWords.computeIfAbsent(word, this::askSpeller);
  }

  private boolean askSpeller(String word) {
    String key = cacheKey(WORD_KEY + word);
    List<LanguageToolMatch> cached = cache == null ? null : cache.get(key);
    if (cached != null) {
      return cached.isEmpty();
    }
    boolean known;
    try {
      languageTool();
      known = !speller.isMisspelled(word);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (cache != null) {
      cache.put(key, known ? List.of() : List.of(UNKNOWN_WORD));
    }
    return known;
  }

  /** Starts a word's cache key; no paragraph of prose can start with a NUL. */
  private static final String WORD_KEY = "\u0000known-word\u0000";

  private static final LanguageToolMatch UNKNOWN_WORD =
      new LanguageToolMatch("UNKNOWN_WORD", "TYPOS", "not in the speller's dictionary", new Span(0, 0), "", List.of(), true);

  /**
   * All of LanguageTool's matches in the document's prose, its speller's included. Pieces not
   * reached by {@code deadline} (as {@link System#nanoTime()}) are left out, and the result says
   * it is not complete. (LanguageTool's own cancel callback was tried and fails inside
   * LanguageTool 6.8 with an IndexOutOfBoundsException.)
   */
  Checked check(Document document, long deadline) {
    String text = document.text();
    List<Span> chunks = Chunks.of(document);
    AtomicReferenceArray<List<LanguageToolMatch>> found = new AtomicReferenceArray<>(chunks.size());
    List<Integer> missing = new ArrayList<>();
    boolean[] checkedNow = new boolean[chunks.size()];
    for (int i = 0; i < chunks.size(); i++) {
      List<LanguageToolMatch> cached = cache == null ? null : cache.get(cacheKey(piece(text, chunks.get(i))));
      if (cached == null) {
        missing.add(i);
        checkedNow[i] = true;
      } else {
        found.set(i, cached);
      }
    }
    if (!missing.isEmpty()) {
      checkMissing(document, chunks, missing, found, deadline);
    }
    List<LanguageToolMatch> matches = new ArrayList<>();
    boolean complete = true;
    for (int i = 0; i < chunks.size(); i++) {
      List<LanguageToolMatch> pieceMatches = found.get(i);
      if (pieceMatches == null) {
        complete = false; // not reached before the deadline
        continue;
      }
      if (cache != null && checkedNow[i]) {
        cache.put(cacheKey(piece(text, chunks.get(i))), pieceMatches);
      }
      for (LanguageToolMatch match : pieceMatches) {
        matches.add(match.shiftedBy(chunks.get(i).start(), chunks.get(i).length()));
      }
    }
    return new Checked(List.copyOf(matches), complete);
  }

  private static String piece(String text, Span chunk) {
    return text.substring(chunk.start(), chunk.end());
  }

  /**
   * Checks the pieces the cache lacks, in order, on this thread and (when {@link #setThreads}
   * allows more than one) on loading threads with instances of their own, each taking the next
   * piece left; a piece not started by the deadline stays null.
   */
  private void checkMissing(Document document, List<Span> chunks, List<Integer> missing,
      AtomicReferenceArray<List<LanguageToolMatch>> found, long deadline) {
    JLanguageTool own = languageTool();
    String text = document.text();
    AtomicInteger next = new AtomicInteger();
    Consumer<JLanguageTool> takeTurns = tool -> {
      for (int k = next.getAndIncrement(); k < missing.size() && System.nanoTime() <= deadline; k = next.getAndIncrement()) {
        int i = missing.get(k);
        found.set(i, matchesIn(tool, piece(text, chunks.get(i)), document));
      }
    };
    List<CompletableFuture<Void>> helpers = new ArrayList<>();
    for (int h = 1; h < Math.min(threads, missing.size()); h++) {
      helpers.add(CompletableFuture.runAsync(
          () -> takeTurns.accept(LanguageToolLoading.helperInstance(variant.code())), LanguageToolLoading.LOADING_THREADS));
    }
    takeTurns.accept(own);
    helpers.forEach(LanguageToolLoading::joined);
  }

  /** LanguageTool's matches in one piece of prose, with spans relative to the piece. */
  private static List<LanguageToolMatch> matchesIn(JLanguageTool tool, String piece, Document document) {
    List<RuleMatch> ruleMatches;
    try {
      ruleMatches = tool.check(piece);
    } catch (IOException e) {
      throw new UncheckedIOException("LanguageTool failed on " + document.name(), e);
    }
    List<LanguageToolMatch> matches = new ArrayList<>(ruleMatches.size());
    for (RuleMatch match : ruleMatches) {
      int from = Math.min(match.getFromPos(), piece.length());
      int to = Math.max(from, Math.min(match.getToPos(), piece.length()));
      Rule rule = match.getRule();
      matches.add(
          new LanguageToolMatch(
              rule.getId(),
              rule.getCategory().getId().toString(),
              rule.getDescription(),
              new Span(from, to),
              SUGGESTION_MARKUP.matcher(match.getMessage()).replaceAll("\""),
              match.getSuggestedReplacements(),
              rule.isDictionaryBasedSpellingRule()));
    }
    return matches;
  }

  /**
   * LanguageTool's tokens of the prose, a piece at a time (each kept in the cache), as its
   * tagger, disambiguator and chunker leave them; white space and LanguageTool's sentence-start
   * marker left out. Pieces not reached by {@code deadline} are left out, and the result says so.
   */
  /** What tagging found, and whether it reached the draft's end before its deadline. */
  record Tagged(List<Token> tokens, boolean complete) {}

  Tagged tokens(Document document, long deadline) {
    List<Token> tokens = new ArrayList<>();
    for (Span chunk : Chunks.of(document)) {
      if (System.nanoTime() > deadline) {
        return new Tagged(tokens, false);
      }
      String piece = piece(document.text(), chunk);
      String key = cacheKey(TOKENS_KEY + piece);
      List<Token> pieceTokens = cache == null ? null : cache.getTokens(key);
      if (pieceTokens == null) {
        pieceTokens = tokensIn(piece, document);
        if (cache != null) {
          cache.putTokens(key, pieceTokens);
        }
      }
      for (Token token : pieceTokens) {
        Span span = new Span(chunk.start() + token.span().start(), chunk.start() + token.span().end());
        tokens.add(new Token(span, token.tags(), token.lemmas(), token.chunks()));
      }
    }
    return new Tagged(tokens, true);
  }

  /** Starts a piece's tokens' cache key. */
  private static final String TOKENS_KEY = "\u0000tokens\u0000";

  /** The tokens of one piece, with spans relative to the piece. */
  private List<Token> tokensIn(String piece, Document document) {
    List<AnalyzedSentence> sentences;
    try {
      sentences = languageTool().analyzeText(piece);
    } catch (IOException e) {
      throw new UncheckedIOException("LanguageTool failed on " + document.name(), e);
    }
    List<Token> tokens = new ArrayList<>();
    int sentenceStart = 0;
    for (AnalyzedSentence sentence : sentences) {
      for (AnalyzedTokenReadings readings : sentence.getTokensWithoutWhitespace()) {
        if (readings.getToken().isBlank()) {
          continue;
        }
        int start = sentenceStart + readings.getStartPos();
        tokens.add(token(readings, new Span(start, start + readings.getToken().length())));
      }
      sentenceStart += sentence.getText().length();
    }
    return tokens;
  }

  private static Token token(AnalyzedTokenReadings readings, Span span) {
    List<String> tags = new ArrayList<>();
    List<String> lemmas = new ArrayList<>();
    for (AnalyzedToken reading : readings.getReadings()) {
      if (reading.getPOSTag() != null) {
        tags.add(reading.getPOSTag());
        lemmas.add(reading.getLemma() == null ? readings.getToken() : reading.getLemma());
      }
    }
    List<String> chunks = readings.getChunkTags().stream().map(ChunkTag::getChunkTag).toList();
    return new Token(span, tags, lemmas, chunks);
  }

  /** What a cached piece's matches depend on: its text, the variant, and both versions. */
  private String cacheKey(String piece) {
    return "copydesk-cache-1\n" + variant.code() + "\n" + JLanguageTool.VERSION + "\n" + piece;
  }
}
