package dev.copydesk.core;

import java.util.List;

/**
 * A check that reads one draft's analysis and reports findings.
 *
 * <p>Everything a rule knows of the draft arrives in the {@link Analysis}; nothing reaches it by
 * another way. Rules are stateless between drafts, so one instance may check many; they are not
 * required to be thread-safe (each worker thread builds its own).
 */
public interface Rule {

  /** The rule's stable id, the name of its file in {@code rules/} (such as {@code spelling}). */
  String id();

  /** The findings in the analysed draft, in any order. */
  List<Finding> check(Analysis analysis);

  /**
   * True when a rule id matches a pattern from config or a rule file: the same id, or a pattern
   * ending in {@code *} that matches any ending ({@code lt:*}, {@code EN_DIACRITICS_REPLACE*}).
   */
  static boolean idMatches(String pattern, String id) {
    return pattern.endsWith("*")
        ? id.startsWith(pattern.substring(0, pattern.length() - 1))
        : pattern.equals(id);
  }
}
