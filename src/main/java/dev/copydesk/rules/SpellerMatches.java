package dev.copydesk.rules;

import dev.copydesk.core.Analysis;
import dev.copydesk.core.Document;
import dev.copydesk.core.LanguageToolMatch;
import dev.copydesk.core.Span;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * LanguageTool's speller matches narrowed to what the spelling rule weighs: one unknown word a
 * match, with the suggestions for that word alone.
 */
final class SpellerMatches {

  private SpellerMatches() {}

  /** The unknown words of the draft, in order, each as a match of its own. */
  static List<LanguageToolMatch> unknownWords(Analysis analysis) {
    Document document = analysis.document();
    List<LanguageToolMatch> words = new ArrayList<>();
    java.util.Set<Span> spelt = new java.util.HashSet<>();
    for (LanguageToolMatch match : analysis.languageToolMatches()) {
      LanguageToolMatch word = match.spelling() ? unknownWordOf(analysis, match) : misspeltWordOfPhrase(document, match);
      if (word != null && word.span().length() > 0) {
        words.add(word);
        spelt.add(word.span());
      }
    }
    for (LanguageToolMatch match : analysis.languageToolMatches()) {
      LanguageToolMatch word = match.spelling() ? null : claimedUnknownWord(analysis, match);
      if (word != null && spelt.add(word.span())) {
        words.add(word);
      }
    }
    words.sort((a, b) -> Integer.compare(a.span().start(), b.span().start()));
    return words;
  }

  /**
   * The speller's match narrowed to the one word it does not know: it sometimes takes in a
   * neighbour to suggest a split or a join ("lastr at": "last at"; "-- alowed": "- allowed"),
   * and the suggestions are narrowed alike.
   */
  private static LanguageToolMatch unknownWordOf(Analysis analysis, LanguageToolMatch match) {
    Document document = analysis.document();
    List<Span> words = Text.words(document.text(), match.span());
    if (words.size() == 1 && words.get(0).equals(match.span())) {
      return match;
    }
    for (int i = 0; i < words.size(); i++) {
      if (!analysis.knowsWord(document.text(words.get(i)))) {
        List<String> suggestions = new ArrayList<>();
        for (String suggestion : match.suggestions()) {
          List<Span> suggested = Text.words(suggestion, new Span(0, suggestion.length()));
          if (suggested.size() == words.size()) {
            suggestions.add(suggestion.substring(suggested.get(i).start(), suggested.get(i).end()));
          }
        }
        return new LanguageToolMatch(match.ruleId(), match.categoryId(), match.description(), words.get(i),
            match.message(), new ArrayList<>(new LinkedHashSet<>(suggestions)), true);
      }
    }
    return null;
  }

  /**
   * A word the speller does not know that another of LanguageTool's rules claims, one word to the
   * match with a replacement a letter or two away ("bussiness": its list of common misspellings
   * suggests "business"):
   * LanguageTool then drops its speller's match on the word as overlapping, so the word is
   * weighed here as the speller would have reported it, the rule's replacements as suggestions.
   */
  private static LanguageToolMatch claimedUnknownWord(Analysis analysis, LanguageToolMatch match) {
    Document document = analysis.document();
    List<Span> words = Text.words(document.text(), match.span());
    if (words.size() != 1 || !words.get(0).equals(match.span()) || match.suggestions().isEmpty()) {
      return null;
    }
    String word = document.text(match.span());
    // Only a whole word of letters, replaced by a word of letters a letter or two away: part of
    // "isn't" or "tri-motor" is no word the speller would have reported, and "wifi" for "Wi-Fi"
    // is a question of house style, not a misspelling.
    String text = document.text();
    int start = match.span().start();
    int end = match.span().end();
    boolean joined = (start > 0 && "'\u2019-".indexOf(text.charAt(start - 1)) >= 0)
        || (end < text.length() && "'\u2019-".indexOf(text.charAt(end)) >= 0);
    String replacement = match.suggestions().get(0);
    if (joined || !word.chars().allMatch(Character::isLetter) || !replacement.chars().allMatch(Character::isLetter)
        || WordShapes.edits(Text.lower(word), Text.lower(replacement)) > 2
        || analysis.knowsWord(word) || analysis.knowsWord(Text.lower(word))) {
      return null;
    }
    return new LanguageToolMatch(match.ruleId(), match.categoryId(), match.description(), match.span(),
        match.message(), match.suggestions(), true);
  }

  /**
   * LanguageTool's speller of multi-word phrases ("Fulton Counyt": did you mean "Fulton
   * County"?) reports the phrase, and its word speller then stays quiet: the one word that differs
   * is weighed as any other unknown word, with the phrases' versions of it as suggestions.
   */
  private static LanguageToolMatch misspeltWordOfPhrase(Document document, LanguageToolMatch match) {
    if (!match.ruleId().startsWith("EN_MULTITOKEN_SPELLING") || match.suggestions().isEmpty()) {
      return null;
    }
    List<Span> words = Text.words(document.text(), match.span());
    int differing = -1;
    List<String> suggestions = new ArrayList<>();
    for (String suggestion : match.suggestions()) {
      String[] suggested = suggestion.split(" ");
      if (suggested.length != words.size()) {
        continue;
      }
      int differs = -1;
      for (int i = 0; i < suggested.length; i++) {
        if (!suggested[i].equals(document.text(words.get(i)))) {
          differs = differs == -1 ? i : -2;
        }
      }
      if (differs >= 0 && (differing == -1 || differing == differs)) {
        differing = differs;
        suggestions.add(suggested[differs]);
      }
    }
    if (differing < 0) {
      return null;
    }
    return new LanguageToolMatch(match.ruleId(), match.categoryId(), match.description(), words.get(differing),
        match.message(), suggestions, true);
  }
}
