package dev.copydesk.rules;

import dev.copydesk.core.Finding;
import dev.copydesk.core.Severity;
import dev.copydesk.core.Span;
import java.util.List;
import java.util.Map;
import org.apache.commons.text.StringSubstitutor;

/**
 * How every rule builds its findings: the message from its rule file's template, its
 * suggestions capped at {@link #MAX_SUGGESTIONS}.
 */
final class Findings {

  /** No editor shows more than a handful of replacements; LanguageTool's speller offers dozens. */
  static final int MAX_SUGGESTIONS = 5;

  private Findings() {}

  /**
   * A finding whose message is the template with {@code ${name}} filled in from {@code values}.
   * Only a plain map substitution: a template is text a newsroom can edit, and Commons Text's
   * interpolator would run the lookups it names (CVE-2022-42889).
   */
  static Finding of(String ruleId, Severity severity, Span span, String template, Map<String, String> values,
      List<String> suggestions) {
    return withMessage(ruleId, severity, span, new StringSubstitutor(values).replace(template), suggestions);
  }

  /** A finding whose message is final text, such as LanguageTool's own: nothing in it is filled in. */
  static Finding withMessage(String ruleId, Severity severity, Span span, String message, List<String> suggestions) {
    return new Finding(ruleId, severity, span, message, firstFew(suggestions));
  }

  /** The first {@link #MAX_SUGGESTIONS} of a rule's candidates, for weighing them. */
  static List<String> firstFew(List<String> suggestions) {
    return suggestions.subList(0, Math.min(MAX_SUGGESTIONS, suggestions.size()));
  }
}
