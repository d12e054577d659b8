package dev.copydesk.core;

import java.util.List;

/**
 * Everything a rule may know about one draft, handed to it as the one argument of {@link
 * Rule#check}: the document, the variant it is checked in (decided before any rule runs), its
 * sentences, and what LanguageTool makes of it. What costs time (LanguageTool's check, its
 * tagging) is computed on the first question and then shared by every rule that asks.
 *
 * <p>An analysis belongs to the one check of one draft, on one thread.
 */
public interface Analysis {

  Document document();

  /** The variant the draft is checked in: the one it asked for, the config's, or its own spellings'. */
  Variant language();

  /** The sentences of every paragraph of the prose, in order, trailing white space left out. */
  List<Span> sentences();

  /**
   * LanguageTool's tokens of the prose, in order, with their tags and chunks; white space left
   * out. When the time budget runs out first, those of the paragraphs reached by then.
   */
  List<Token> tokens();

  /**
   * All of LanguageTool's matches in the prose, its speller's included. When the draft's time
   * budget runs out first, the matches of the paragraphs checked by then, and {@link
   * #languageToolComplete()} is false.
   */
  List<LanguageToolMatch> languageToolMatches();

  /** False when LanguageTool's check or tagging of the draft stopped at the time budget before its end. */
  boolean languageToolComplete();

  /** True when the speller of the draft's variant accepts the word exactly as written. */
  boolean knowsWord(String word);

  /**
   * The variant a word's spelling belongs to when the variants spell it differently ("colour" is
   * en-GB, "color" en-US); null for a word spelt alike in both.
   */
  Variant variantOfSpelling(String word);
}
