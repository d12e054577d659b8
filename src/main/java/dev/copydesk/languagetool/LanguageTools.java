package dev.copydesk.languagetool;

import java.util.HashMap;
import java.util.Map;

/**
 * The LanguageTool checkers one thread uses, one per language variant, each built the first time
 * a draft in that variant needs it; a run of British drafts never pays for an American checker.
 */
public final class LanguageTools {

  private final Map<String, LanguageToolChecker> checkers = new HashMap<>();
  private long deadline = Long.MAX_VALUE;
  private int threads = 1;
  private final MatchCache cache;

  /** Checkers with no cache. */
  public LanguageTools() {
    this(null);
  }

  /** Checkers that keep paragraphs' matches in {@code cache} (null for none). */
  public LanguageTools(MatchCache cache) {
    this.cache = cache;
  }

  public LanguageToolChecker checkerFor(String variant) {
    LanguageToolChecker checker = checkers.computeIfAbsent(variant, v -> {
      LanguageToolChecker created = new LanguageToolChecker(v);
      created.setCache(cache);
      created.setThreads(threads);
      return created;
    });
    checker.setDeadline(deadline);
    return checker;
  }

  /**
   * How many threads may check one draft's paragraphs at once: more than one only when the run
   * has cores to spare, such as one draft on a machine of several cores.
   */
  public void setThreads(int threads) {
    this.threads = threads;
    checkers.values().forEach(checker -> checker.setThreads(threads));
  }

  /** Sets when the checks of the current draft must stop ({@code Long.MAX_VALUE}: never). */
  public void setDeadline(long nanoTime) {
    deadline = nanoTime;
    checkers.values().forEach(checker -> checker.setDeadline(nanoTime));
  }

  /** True when a check of this document stopped at the deadline. */
  public boolean cutOff(dev.copydesk.core.Document document) {
    return checkers.values().stream().anyMatch(checker -> checker.cutOff(document));
  }
}
