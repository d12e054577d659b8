package dev.copydesk.languagetool;

import dev.copydesk.core.Variant;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.languagetool.AnalyzedSentence;
import org.languagetool.JLanguageTool;
import org.languagetool.Language;
import org.languagetool.Languages;
import org.languagetool.rules.Rule;
import org.languagetool.rules.RuleMatch;
import org.languagetool.rules.TextLevelRule;
import org.languagetool.rules.spelling.SpellingCheckRule;

/**
 * How LanguageTool is brought up: its instances built on loading threads while the editorial
 * rules run, and the data its language shares between instances loaded once a run, in pieces
 * side by side.
 *
 * <p>Most of LanguageTool's start-up loads data that belongs to the language, not to an instance,
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
final class LanguageToolLoading {

  private LanguageToolLoading() {}

  private static final Map<String, CompletableFuture<Void>> SHARED_LOADING = new ConcurrentHashMap<>();

  /** Words that take the rules down their loading paths: a typo, a name, a hyphen, a dash, quotes. */
  private static final String SAMPLE =
      "The minister's well-known plan - announced on Monday by Smithsonn in \"Berlin\" - was a teh surprise.";

  /** A new instance for the variant, built on a loading thread once the language's shared data is loaded. */
  static CompletableFuture<JLanguageTool> startBuilding(String variant) {
    Language language = Languages.getLanguageForShortCode(variant);
    CompletableFuture<JLanguageTool> tool = onLoadingThread(() -> new JLanguageTool(language));
    CompletableFuture<Void> shared = SHARED_LOADING.computeIfAbsent(variant, v -> startSharedLoading(language));
    return tool.thenCombine(shared, (built, loaded) -> built);
  }

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
  static synchronized void startLoadingEnglish() {
    if (englishLoading == null) {
      englishLoading = onLoadingThread(() -> analyser(Languages.getLanguageForShortCode(Variant.EN_US.code())).getAnalyzedSentence(SAMPLE));
    }
  }

  /**
   * Runs the work on a loading thread once English's shared data has loaded, if a run started
   * that early: its pieces are loaded lazily and not all under a lock (the chunker's models), so
   * two threads loading them at once would do the work twice.
   */
  private static synchronized CompletableFuture<Object> afterEnglishLoading(Callable<Object> work) {
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
  static JLanguageTool analyser(Language language) {
    return new JLanguageTool(language, List.of(), null, null, null, null, true, true, List.of());
  }

  /** The result of work done on a loading thread, its failure rethrown as this thread's own. */
  static <T> T joined(CompletableFuture<T> work) {
    try {
      return work.join();
    } catch (CompletionException e) {
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
  static <T> CompletableFuture<T> onLoadingThread(Callable<T> work) {
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

  /** The loading threads, which also check a draft's paragraphs beside its worker when cores are spare. */
  static final ExecutorService LOADING_THREADS =
      Executors.newFixedThreadPool(
          Math.max(2, Math.min(Runtime.getRuntime().availableProcessors(), 4)),
          task -> {
            Thread thread = new Thread(task, "languagetool-loading");
            thread.setDaemon(true);
            return thread;
          });

  /**
   * The loading thread's own instance for the variant. A second instance is cheap once the first
   * is built (a few milliseconds: the language's data is loaded and shared), and LanguageTool is
   * not thread-safe, so each loading thread that helps check keeps one.
   */
  static JLanguageTool helperInstance(String variant) {
    return HELPER_INSTANCES.get().computeIfAbsent(variant, v -> new JLanguageTool(Languages.getLanguageForShortCode(v)));
  }

  private static final ThreadLocal<Map<String, JLanguageTool>> HELPER_INSTANCES = ThreadLocal.withInitial(HashMap::new);
}
