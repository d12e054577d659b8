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
    for (LanguageToolMatch match : analysis.languageToolMatches()) {
      LanguageToolMatch word = match.spelling() ? unknownWordOf(analysis, match) : misspeltWordOfPhrase(document, match);
      if (word != null && word.span().length() > 0) {
        words.add(word);
      }
    }
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
