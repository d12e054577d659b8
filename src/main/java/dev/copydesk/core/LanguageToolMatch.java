package dev.copydesk.core;

import java.util.List;

/**
 * One match LanguageTool reported, in copydesk's terms: its rule and category ids, where in the
 * document's prose it is, its message with LanguageTool's markup turned into quotes, and its
 * suggested replacements. {@code spelling} is true for matches of LanguageTool's speller.
 */
public record LanguageToolMatch(
    String ruleId,
    String categoryId,
    String description,
    Span span,
    String message,
    List<String> suggestions,
    boolean spelling) {

  public LanguageToolMatch {
    suggestions = List.copyOf(suggestions);
  }

  /** The match moved {@code offset} characters on, its span kept within {@code length} of the start. */
  public LanguageToolMatch shiftedBy(int offset, int length) {
    int from = offset + Math.min(span.start(), length);
    int to = Math.max(from, offset + Math.min(span.end(), length));
    return new LanguageToolMatch(ruleId, categoryId, description, new Span(from, to), message, suggestions, spelling);
  }
}
