package dev.copydesk.languagetool;

import dev.copydesk.core.LanguageToolMatch;
import dev.copydesk.core.Token;
import java.util.List;

/**
 * Where LanguageTool's matches (and tagged tokens) for a paragraph are kept between runs, so an unchanged paragraph
 * is never checked twice. Keys name the paragraph's text, the language variant and the versions
 * of LanguageTool and copydesk; spans in the stored matches are relative to the paragraph.
 */
public interface MatchCache {

  /** The matches stored under the key, or null when there are none (or they cannot be trusted). */
  List<LanguageToolMatch> get(String key);

  void put(String key, List<LanguageToolMatch> matches);

  /** The tokens stored under the key, or null when there are none (or they cannot be trusted). */
  List<Token> getTokens(String key);

  void putTokens(String key, List<Token> tokens);

  /**
   * True when an entry is stored under the key: a quick look that need not read it, so an entry
   * found here may still turn out unreadable and {@link #get} return null.
   */
  default boolean contains(String key) {
    return get(key) != null;
  }
}
