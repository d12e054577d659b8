package dev.copydesk.languagetool;

import java.util.HashMap;
import java.util.Map;

/**
 * The LanguageTool checkers one thread uses, one per language variant, each built the first time
 * a draft in that variant needs it; a run of British drafts never pays for an American checker.
 */
public final class LanguageTools {

  private final Map<String, LanguageToolChecker> checkers = new HashMap<>();

  public LanguageToolChecker checkerFor(String variant) {
    return checkers.computeIfAbsent(variant, LanguageToolChecker::new);
  }
}
