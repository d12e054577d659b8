package dev.copydesk.languagetool;

import dev.copydesk.core.Document;
import dev.copydesk.core.Span;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.languagetool.AnalyzedSentence;
import org.languagetool.JLanguageTool;
import org.languagetool.Language;
import org.languagetool.Languages;
import org.languagetool.rules.Rule;
import org.languagetool.rules.RuleMatch;
import org.languagetool.rules.TextLevelRule;
import org.languagetool.rules.spelling.SpellingCheckRule;

/**
 * The one class that talks to LanguageTool: it checks a document's prose and hands back plain
 * {@link LanguageToolMatch} values with offsets into that prose.
 *
 * <p>A {@link JLanguageTool} is not thread-safe and costs seconds to build, so an instance of this
 * class belongs to one thread and is built once per run per language variant, never per file.
 * Two rules (spelling and LanguageTool's own grammar rules) read the same check, so the result of
 * the last document checked is kept and handed out again.
 */
public final class LanguageToolChecker {

  /** The language variants copydesk checks in, by LanguageTool short code. */
  public static final List<String> VARIANTS = List.of("en-GB", "en-US");

  private static final Pattern SUGGESTION_MARKUP = Pattern.compile("</?suggestion>");

  private final String variant;
  /** Built on first need: a run whose paragraphs and words all come from the cache never pays for it. */
  private JLanguageTool languageTool;
  /** LanguageTool being built on helper threads, from the first draft with a paragraph not in the cache. */
  private CompletableFuture<JLanguageTool> building;
  private SpellingCheckRule speller;
  private final Map<String, Boolean> knownWords = new HashMap<>();
  private MatchCache cache;
  private Document lastDocument;
  private List<LanguageToolMatch> lastMatches;
  /** When the check under way must stop, as {@link System#nanoTime()}; Long.MAX_VALUE for never. */
  private volatile long deadline = Long.MAX_VALUE;
  private boolean lastCutOff;

  /**
   * A checker for a variant such as {@code en-GB}. LanguageTool itself, the slow part of a run,
   * is built the first time a paragraph or a word is not in the cache.
   */
  public LanguageToolChecker(String variant) {
    if (!VARIANTS.contains(variant)) {
      throw new IllegalArgumentException("unsupported language '" + variant + "'");
    }
    this.variant = variant;
  }

  /**
   * Starts building LanguageTool on helper threads when a paragraph of the document is not in the
   * cache, so that it loads while the editorial rules run; the check then waits only for what is
   * left of the loading. A document whose paragraphs are all cached starts nothing.
   */
  public void prepare(Document document) {
    if (building != null) {
      return;
    }
    String text = document.text();
    for (Span chunk : chunks(document)) {
      if (cache == null || !cache.contains(cacheKey(text.substring(chunk.start(), chunk.end())))) {
        building = startBuilding();
        return;
      }
    }
  }

  private JLanguageTool languageTool() {
    if (languageTool == null) {
      if (building == null) {
        building = startBuilding();
      }
      languageTool = joined(building);
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
   * Most of LanguageTool's start-up loads data that belongs to the language, not to an instance,
   * and is kept in shared caches (LanguageTool's own server shares them between its threads; the
   * one plain map among them, the speller's, is filled here before any check can read it, since
   * a check waits for all of the loading): the pattern rules (about 1.4 s on this project's
   * 2-core machine), the tagger, disambiguator and chunkers (1.3 s), the speller's dictionaries
   * (0.9 s, 0.15 s from the launcher's {@link SpellerArchive}) and the other Java rules' word
   * lists and tries (0.8 s). A first check would load them one after another; here helper
   * threads load them at once: one builds the instance (which loads the pattern rules), one
   * analyses a sample sentence, and throwaway sets of the speller and of the other Java rules run
   * on it. The shared part is loaded once per variant per run, whatever the number of workers.
   */
  private CompletableFuture<JLanguageTool> startBuilding() {
    Language language = Languages.getLanguageForShortCode(variant);
    CompletableFuture<JLanguageTool> tool = onLoadingThread(() -> new JLanguageTool(language));
    CompletableFuture<Void> shared = SHARED_LOADING.computeIfAbsent(variant, v -> startSharedLoading(language));
    return tool.thenCombine(shared, (built, loaded) -> built);
  }

  private static final Map<String, CompletableFuture<Void>> SHARED_LOADING = new ConcurrentHashMap<>();

  /** Words that take the rules down their loading paths: a typo, a name, a hyphen, a dash, quotes. */
  private static final String SAMPLE =
      "The minister's well-known plan - announced on Monday by Smithsonn in \"Berlin\" - was a teh surprise.";

  private static CompletableFuture<Void> startSharedLoading(Language language) {
    ResourceBundle messages = JLanguageTool.getMessageBundle(language);
    CompletableFuture<Object> analysis = afterEnglishLoading(() -> analyser(language).getAnalyzedSentence(SAMPLE));
    // The speller (a "language-model capable" rule, which JLanguageTool adds apart from the
    // others) loads its dictionaries on its first question, which needs no analysed sentence;
    // the part LanguageTool builds at every start comes from the launcher's archive when it has one.
    CompletableFuture<Object> speller = onLoadingThread(() -> {
      SpellerArchive archive = SpellerArchive.fromSystemProperty();
      String variant = language.getShortCodeWithCountryAndVariant();
      if (archive != null) {
        archive.restore(variant);
      }
      List<Rule> spellers = language.getRelevantLanguageModelCapableRules(messages, null, null, null, null, List.of());
      for (Rule rule : spellers) {
        if (rule instanceof SpellingCheckRule spelling) {
          spelling.isMisspelled("teh");
        }
      }
      if (archive != null) {
        archive.save(variant);
      }
      return warm(spellers, analyser(language).getRawAnalyzedSentence(SAMPLE));
    });
    CompletableFuture<Object> rules = onLoadingThread(() ->
        warm(language.getRelevantRules(messages, null, null, List.of()), analyser(language).getRawAnalyzedSentence(SAMPLE)));
    // A failure of the loading is left for the real check to meet and report.
    return CompletableFuture.allOf(analysis, speller, rules).handle((done, failure) -> null);
  }

  /** English's shared data being loaded ahead of any draft, or null when no run asked for it. */
  private static CompletableFuture<Object> englishLoading;

  /**
   * Starts loading what every English variant shares, before any draft is read: the language
   * registry, the tagger's dictionary, the chunker's models, the multi-word lists and most of the
   * disambiguator, by analysing a sample as American English. That is about 1.8 s of CPU of the
   * 2 s a first analysis costs: measured, a British analysis after an American one takes 0.2 s.
   * For a run that will surely need LanguageTool, so that this loads while copydesk builds its
   * rules (a quarter of a second) instead of after; the variant's own part follows once a draft
   * says which variant it is.
   */
  public static synchronized void startLoadingEnglish() {
    if (englishLoading == null) {
      englishLoading = onLoadingThread(() -> analyser(Languages.getLanguageForShortCode("en-US")).getAnalyzedSentence(SAMPLE));
    }
  }

  /**
   * Runs the work on a loading thread once English's shared data has loaded, if a run started
   * that early: its pieces are loaded lazily and not all under a lock (the chunker's models), so
   * two threads loading them at once would do the work twice.
   */
  private static synchronized CompletableFuture<Object> afterEnglishLoading(java.util.concurrent.Callable<Object> work) {
    if (englishLoading == null) {
      return onLoadingThread(work);
    }
    return englishLoading.handle((done, failure) -> null).thenCompose(ignored -> onLoadingThread(work));
  }

  /** Runs throwaway rules on the sample, for the data they load on their first match. */
  private static Object warm(List<Rule> rules, AnalyzedSentence sentence) {
    for (Rule rule : rules) {
      try {
        RuleMatch[] matches =
            rule instanceof TextLevelRule textRule ? textRule.match(List.of(sentence)) : rule.match(sentence);
        for (RuleMatch match : matches) {
          match.getSuggestedReplacements(); // computed lazily, from more data
        }
      } catch (IOException | RuntimeException e) {
        // Loading ahead only saves time: a rule that fails on the sample fails again in the real
        // check, which reports it.
      }
    }
    return sentence;
  }

  /** An instance with no rules, which LanguageTool builds at once: it tokenizes, tags and disambiguates. */
  private static JLanguageTool analyser(Language language) {
    return new JLanguageTool(language, List.of(), null, null, null, null, true, true, List.of());
  }

  /** The result of work done on a loading thread, its failure rethrown as this thread's own. */
  private static <T> T joined(CompletableFuture<T> work) {
    try {
      return work.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error cause) {
        throw cause;
      }
      throw new IllegalStateException("LanguageTool failed: " + e.getCause(), e.getCause());
    }
  }

  /**
   * Runs the work on the loading threads, one a core (at least two, at most four), longest
   * pieces submitted first: on two cores the pattern rules and the analysis load side by side and
   * the rest follows on whichever finishes first, where a thread a piece had them all share the
   * cores and the longest finish last. Daemon threads: a run that ends first does not wait.
   */
  private static <T> CompletableFuture<T> onLoadingThread(java.util.concurrent.Callable<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    LOADING_THREADS.execute(() -> {
      try {
        result.complete(work.call());
      } catch (Exception | Error e) {
        result.completeExceptionally(e);
      }
    });
    return result;
  }

  private static final java.util.concurrent.ExecutorService LOADING_THREADS =
      java.util.concurrent.Executors.newFixedThreadPool(
          Math.max(2, Math.min(Runtime.getRuntime().availableProcessors(), 4)),
          task -> {
            Thread thread = new Thread(task, "languagetool-loading");
            thread.setDaemon(true);
            return thread;
          });

  /**
   * True when this variant's speller accepts the word exactly as written. The answers are kept
   * in the cache beside the paragraphs' matches (an empty entry for a known word, one marker
   * match for an unknown one), so a cached run asks LanguageTool nothing.
   */
  public boolean knowsWord(String word) {
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

  public String variant() {
    return variant;
  }

  /**
   * Sets when checks must stop, as {@link System#nanoTime()} ({@code Long.MAX_VALUE}: never).
   * A check stopped early keeps the matches found so far, and {@link #cutOff} says so.
   */
  public void setDeadline(long nanoTime) {
    this.deadline = nanoTime;
  }

  /** Keeps paragraphs' matches in this cache, and takes them from it; null for none. */
  public void setCache(MatchCache cache) {
    this.cache = cache;
  }

  /** True when the check of this document stopped at the deadline before reaching its end. */
  public boolean cutOff(Document document) {
    return document == lastDocument && lastCutOff;
  }

  /** All of LanguageTool's matches in the document's prose, its speller's included. */
  public List<LanguageToolMatch> check(Document document) {
    if (document == lastDocument) {
      return lastMatches;
    }
    // The prose goes to LanguageTool a paragraph at a time (a very long one in pieces), which
    // lets an unchanged paragraph come from the cache and the deadline be checked between
    // paragraphs: a draft that would take longer than its time budget stops there with the
    // matches found so far. (LanguageTool's own cancel callback was tried and fails inside
    // LanguageTool 6.8 with an IndexOutOfBoundsException.)
    String text = document.text();
    List<Span> chunks = chunks(document);
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
      checkMissing(document, chunks, missing, found);
    }
    List<LanguageToolMatch> matches = new ArrayList<>();
    boolean cutOff = false;
    for (int i = 0; i < chunks.size(); i++) {
      List<LanguageToolMatch> pieceMatches = found.get(i);
      if (pieceMatches == null) {
        cutOff = true; // not reached before the deadline
        continue;
      }
      if (cache != null && checkedNow[i]) {
        cache.put(cacheKey(piece(text, chunks.get(i))), pieceMatches);
      }
      for (LanguageToolMatch match : pieceMatches) {
        matches.add(match.shiftedBy(chunks.get(i).start(), chunks.get(i).length()));
      }
    }
    lastDocument = document;
    lastMatches = List.copyOf(matches);
    lastCutOff = cutOff;
    return lastMatches;
  }

  private static String piece(String text, Span chunk) {
    return text.substring(chunk.start(), chunk.end());
  }

  /**
   * Checks the pieces the cache lacks, in order, on this thread and (when {@link #setThreads}
   * allows more than one) on loading threads with instances of their own, each taking the next
   * piece left; a piece not started by the deadline stays null.
   */
  private void checkMissing(
      Document document, List<Span> chunks, List<Integer> missing, AtomicReferenceArray<List<LanguageToolMatch>> found) {
    JLanguageTool own = languageTool();
    String text = document.text();
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    java.util.function.Consumer<JLanguageTool> takeTurns = tool -> {
      for (int k = next.getAndIncrement(); k < missing.size() && System.nanoTime() <= deadline; k = next.getAndIncrement()) {
        int i = missing.get(k);
        found.set(i, matchesIn(tool, piece(text, chunks.get(i)), document));
      }
    };
    List<CompletableFuture<Void>> helpers = new ArrayList<>();
    for (int h = 1; h < Math.min(threads, missing.size()); h++) {
      helpers.add(CompletableFuture.runAsync(() -> takeTurns.accept(helperInstance(variant)), LOADING_THREADS));
    }
    takeTurns.accept(own);
    helpers.forEach(LanguageToolChecker::joined);
  }

  /** How many threads may check one document's paragraphs at once; 1 (the default): the caller's alone. */
  public void setThreads(int threads) {
    this.threads = Math.max(1, threads);
  }

  private int threads = 1;

  /**
   * The loading thread's own instance for the variant. A second instance is cheap once the first
   * is built (a few milliseconds: the language's data is loaded and shared), and LanguageTool is
   * not thread-safe, so each loading thread that helps check keeps one.
   */
  private static JLanguageTool helperInstance(String variant) {
    return HELPER_INSTANCES.get().computeIfAbsent(variant, v -> new JLanguageTool(Languages.getLanguageForShortCode(v)));
  }

  private static final ThreadLocal<Map<String, JLanguageTool>> HELPER_INSTANCES = ThreadLocal.withInitial(HashMap::new);

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

  /** What a cached piece's matches depend on: its text, the variant, and both versions. */
  private String cacheKey(String piece) {
    return "copydesk-cache-1\n" + variant + "\n" + JLanguageTool.VERSION + "\n" + piece;
  }

  /**
   * About two pages of copy: the longest piece of one paragraph checked in one call, so a draft
   * on one line stops within moments of its deadline and is checked in time linear in its length.
   */
  private static final int CHUNK_CHARS = 10_000;

  /**
   * The prose cut into paragraphs; a paragraph longer than {@link #CHUNK_CHARS} characters (a
   * whole draft on one line) is cut after a sentence, or failing that at a space.
   */
  static List<Span> chunks(Document document) {
    String text = document.text();
    List<Span> pieces = new ArrayList<>();
    for (Span paragraph : document.paragraphs()) {
      int start = paragraph.start();
      while (paragraph.end() - start > CHUNK_CHARS) {
        int cut = cutPoint(text, start, start + CHUNK_CHARS);
        pieces.add(new Span(start, cut));
        start = cut;
      }
      pieces.add(new Span(start, paragraph.end()));
    }
    return pieces;
  }

  /** Where to cut a long paragraph before {@code limit}: after a sentence, else at a space. */
  private static int cutPoint(String text, int start, int limit) {
    int space = -1;
    for (int i = limit - 1; i > start + CHUNK_CHARS / 2; i--) {
      char c = text.charAt(i);
      if (c == ' ' && ".!?".indexOf(text.charAt(i - 1)) >= 0) {
        return i + 1;
      }
      if (space < 0 && c == ' ') {
        space = i + 1;
      }
    }
    return space > 0 ? space : limit;
  }

  /**
   * Guesses whether prose is British or American English from its own spellings (colour/color,
   * defence/defense, -ise/-ize...), using LanguageTool's list of 4,800 US/GB word pairs.
   * Returns {@code fallback} when the draft gives no evidence either way or an even split.
   */
  public static String guessVariant(String prose, String fallback) {
    Map<String, Boolean> spellings = variantSpellings();
    int british = 0;
    int american = 0;
    Matcher words = WORD.matcher(prose);
    while (words.find()) {
      Boolean isBritish = spellings.get(words.group().toLowerCase(Locale.ROOT));
      if (isBritish == null) {
        continue;
      }
      if (isBritish) {
        british++;
      } else {
        american++;
      }
    }
    if (british == american) {
      return fallback;
    }
    return british > american ? "en-GB" : "en-US";
  }

  /**
   * The variant a word's spelling belongs to when the two variants spell it differently
   * ({@code "colour"} is en-GB, {@code "color"} en-US), or null for a word spelt alike in both.
   */
  public static String variantOfSpelling(String word) {
    Boolean british = variantSpellings().get(word.toLowerCase(Locale.ROOT));
    if (british == null) {
      return null;
    }
    return british ? "en-GB" : "en-US";
  }

  private static final Pattern WORD = Pattern.compile("\\p{L}+");
  private static volatile Map<String, Boolean> variantSpellings;

  /** Each word that is spelled differently in the two variants, mapped to true if British. */
  private static Map<String, Boolean> variantSpellings() {
    Map<String, Boolean> result = variantSpellings;
    if (result != null) {
      return result;
    }
    result = new HashMap<>();
    String resource = "/org/languagetool/resource/en/en-US-GB.txt";
    try (InputStream in = JLanguageTool.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("LanguageTool resource missing: " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.startsWith("#") || !line.contains(";")) {
          continue;
        }
        String[] pair = line.split(";", 2);
        String us = pair[0].trim().toLowerCase(Locale.ROOT);
        String gb = pair[1].trim().toLowerCase(Locale.ROOT);
        // A few pairs differ only in a form both variants accept (-ize is also Oxford British);
        // count a word only when it belongs to one side.
        if (!us.equals(gb)) {
          result.putIfAbsent(us, false);
          result.putIfAbsent(gb, true);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    variantSpellings = Map.copyOf(result);
    return variantSpellings;
  }
}
