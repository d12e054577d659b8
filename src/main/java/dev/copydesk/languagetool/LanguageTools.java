package dev.copydesk.languagetool;

import dev.copydesk.core.Document;
import dev.copydesk.core.Variant;
import java.util.EnumMap;
import java.util.Map;

/**
 * One thread's LanguageTool, one checker per variant, each built the first time a draft in that
 * variant needs it (a run of British drafts never pays for an American checker), and the
 * analyses of the drafts the thread checks.
 */
public final class LanguageTools {

  private final Map<Variant, LanguageToolChecker> checkers = new EnumMap<>(Variant.class);
  private final MatchCache cache;
  private int threads = 1;

  /** Checkers with no cache. */
  public LanguageTools() {
    this(null);
  }

  /** Checkers that keep paragraphs' matches in {@code cache} (null for none). */
  public LanguageTools(MatchCache cache) {
    this.cache = cache;
  }

  /**
   * The analysis of a draft, in the variant it asks for, else {@code configured}, else the one
   * its own spellings point to ({@link Variant#FALLBACK} on no evidence). LanguageTool's part of
   * it is computed when a rule first asks, and stops at {@code deadline} ({@link
   * System#nanoTime()}; {@code Long.MAX_VALUE} for never).
   *
   * @param configured the config's variant; null for "auto"
   */
  public DocumentAnalysis analyse(Document document, Variant configured, long deadline) {
    Variant language = document.language() != null ? document.language()
        : configured != null ? configured
        : Variants.guess(document.text(), Variant.FALLBACK);
    LanguageToolChecker checker = checkers.computeIfAbsent(language, variant -> new LanguageToolChecker(variant, cache));
    checker.setThreads(threads);
    return new DocumentAnalysis(document, language, checker, deadline);
  }

  /**
   * How many threads may check one draft's paragraphs at once: more than one only when the run
   * has cores to spare, such as one draft on a machine of several cores.
   */
  public void setThreads(int threads) {
    this.threads = threads;
  }

  /**
   * Starts loading what every English variant shares, before any draft is read, for a run that
   * will surely need LanguageTool: see {@link LanguageToolLoading#startLoadingEnglish}.
   */
  public static void startLoadingEnglish() {
    LanguageToolLoading.startLoadingEnglish();
  }
}
