package dev.copydesk.rules;

import dev.copydesk.core.Analysis;
import java.text.Normalizer;
import java.util.List;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * What the shape of an unknown word says, beside any list: a swap of neighbouring letters, a
 * missing accent, two words closed up, a hyphenated coinage, a foreign-looking word.
 */
final class WordShapes {

  private static final LevenshteinDistance ANY_EDITS = LevenshteinDistance.getDefaultInstance();

  private final WordLists.Lists wordLists;

  WordShapes(WordLists.Lists wordLists) {
    this.wordLists = wordLists;
  }

  /** True when b is a with two neighbouring letters swapped ("presdient" and "president"). */
  static boolean isAdjacentTransposition(String a, String b) {
    if (a.length() != b.length() || a.equals(b)) {
      return false;
    }
    int first = 0;
    while (a.charAt(first) == b.charAt(first)) {
      first++;
    }
    return first + 1 < a.length()
        && a.charAt(first) == b.charAt(first + 1)
        && a.charAt(first + 1) == b.charAt(first)
        && a.substring(first + 2).equals(b.substring(first + 2));
  }

  /** Edits from a to b, a swap of neighbours counting as one. */
  static int edits(String a, String b) {
    if (isAdjacentTransposition(a, b)) {
      return 1;
    }
    return ANY_EDITS.apply(a, b);
  }

  /** True when every letter of a appears in b, in order. */
  static boolean isSubsequence(String a, String b) {
    int found = 0;
    for (int i = 0; i < b.length() && found < a.length(); i++) {
      if (b.charAt(i) == a.charAt(found)) {
        found++;
      }
    }
    return found == a.length();
  }

  static boolean hasDigit(String word) {
    return word.chars().anyMatch(Character::isDigit);
  }

  /** The speller's suggestion that is the word with its accents ("appliqués" for "appliques"). */
  static String accentedForm(String word, List<String> suggestions) {
    for (String suggestion : Findings.firstFew(suggestions)) {
      if (!suggestion.equals(word) && withoutAccents(suggestion).equals(word)) {
        return suggestion;
      }
    }
    return null;
  }

  private static String withoutAccents(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
  }

  /**
   * A lower-case hyphenated word whose first part is a word and that no suggestion mends in two
   * edits ("self-crimination", "neo-stagnationist").
   */
  static boolean hyphenatedCoinage(String word, List<String> suggestions, Analysis analysis) {
    for (String suggestion : Findings.firstFew(suggestions)) {
      if (edits(Text.lower(word), Text.lower(suggestion)) <= 2) {
        return false; // "court-lenght": a typo in one of the parts, which the speller can mend
      }
    }
    String[] parts = word.split("-");
    if (parts.length < 2 || !analysis.knowsWord(Text.lower(parts[0]))) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty() || Text.isCapitalised(part)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The two words a closed-up compound is made of ("right field" for "rightfield"), when the
   * speller's own first suggestion is not a one-letter fix: both halves common words of three
   * letters or more.
   */
  String closedCompound(String word, List<String> suggestions, Analysis analysis) {
    if (word.length() < 6) {
      return null;
    }
    String lowerWord = Text.lower(word);
    for (String suggestion : suggestions.subList(0, Math.min(2, suggestions.size()))) {
      String lowerSuggestion = Text.lower(suggestion);
      if (edits(lowerWord, lowerSuggestion) == 1 && wordLists.level(lowerSuggestion) <= WordLists.COMMON_LEVEL
          && !suggestion.contains(" ") && !suggestion.contains("-")) {
        return null; // "alltogether": a common word one letter away is the likelier reading
      }
    }
    for (int cut = 2; cut <= word.length() - 2; cut++) {
      String first = lowerWord.substring(0, cut);
      String second = lowerWord.substring(cut);
      // Two-letter halves only of the commonest words ("built in", "put out"), else "a lot" too.
      int most = Math.min(first.length(), second.length()) < 3 ? WordLists.COMMONEST_LEVEL : WordLists.COMMON_LEVEL;
      if (wordLists.level(first) <= most && wordLists.level(second) <= most
          && analysis.knowsWord(first) && analysis.knowsWord(second)) {
        return first + " " + second;
      }
    }
    return null;
  }

  /** Lower case, and no common word one edit away: "contendere", not "atributed". */
  boolean foreignLooking(String word, List<String> suggestions) {
    if (Text.isCapitalised(word)) {
      return false;
    }
    for (String suggestion : Findings.firstFew(suggestions)) {
      if (edits(Text.lower(word), Text.lower(suggestion)) == 1 && wordLists.level(Text.lower(suggestion)) <= WordLists.COMMON_LEVEL) {
        return false;
      }
    }
    return true;
  }
}
