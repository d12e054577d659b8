package dev.copydesk.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The speller's suggestions put in the order a writer most likely meant them. */
final class SuggestionRanking {

  private final WordLists.Lists wordLists;

  SuggestionRanking(WordLists.Lists wordLists) {
    this.wordLists = wordLists;
  }

  /**
   * The likeliest first: fewest edits (a swap of neighbours counting as one), then the same
   * last letter (a plural stays plural), then the commonest word; otherwise in the speller's
   * order. "employes" gets "employees" before "employs".
   */
  List<String> likeliestFirst(String word, List<String> suggestions) {
    String lowerWord = Text.lower(word);
    List<String> weighed = new ArrayList<>(Findings.firstFew(suggestions));
    weighed.sort(Comparator
        .comparingInt((String suggestion) -> WordShapes.edits(lowerWord, Text.lower(suggestion)))
        .thenComparing(suggestion -> suggestion.charAt(suggestion.length() - 1) != word.charAt(word.length() - 1))
        .thenComparingInt(suggestion -> Math.min(wordLists.level(Text.lower(suggestion)), WordLists.COMMON_LEVEL + 1)));
    List<String> ordered = new ArrayList<>(weighed);
    ordered.addAll(suggestions.subList(weighed.size(), suggestions.size()));
    return ordered;
  }

  /**
   * For a variant spelling ("employes", "altho"), the usual spelling first: it mostly keeps the
   * variant's letters in order ("although", not "alto"), and is one word.
   */
  static List<String> usualSpellingFirst(String variant, List<String> suggestions) {
    String lowerVariant = Text.lower(variant);
    List<String> fuller = new ArrayList<>(suggestions);
    fuller.sort(Comparator.comparing(
        suggestion -> suggestion.contains(" ") || !WordShapes.isSubsequence(lowerVariant, Text.lower(suggestion))));
    return fuller;
  }
}
