package dev.copydesk.rules;

import dev.copydesk.core.Analysis;
import dev.copydesk.core.Span;
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

  /**
   * The common words one edit from a lower-case word (a swap of neighbours, a letter dropped,
   * added or changed), at most {@code maxLevel} in SCOWL's levels: swaps first, then the
   * commonest. LanguageTool's speller suggests poorly for words in capitals ("JUYR": just, July;
   * "YAERS": ya ers), so these are weighed beside its suggestions.
   */
  List<String> commonNeighbours(String lowerWord, int maxLevel) {
    java.util.Set<String> found = new java.util.LinkedHashSet<>();
    for (int i = 0; i + 1 < lowerWord.length(); i++) {
      found.add(lowerWord.substring(0, i) + lowerWord.charAt(i + 1) + lowerWord.charAt(i) + lowerWord.substring(i + 2));
    }
    java.util.List<String> others = new java.util.ArrayList<>();
    for (int i = 0; i <= lowerWord.length(); i++) {
      if (i < lowerWord.length()) {
        others.add(lowerWord.substring(0, i) + lowerWord.substring(i + 1));
      }
      for (char c = 'a'; c <= 'z'; c++) {
        others.add(lowerWord.substring(0, i) + c + lowerWord.substring(i));
        if (i < lowerWord.length() && c != lowerWord.charAt(i)) {
          others.add(lowerWord.substring(0, i) + c + lowerWord.substring(i + 1));
        }
      }
    }
    others.sort(java.util.Comparator.comparingInt(wordLists::level));
    found.addAll(others);
    found.remove(lowerWord);
    return found.stream().filter(word -> wordLists.level(word) <= maxLevel).toList();
  }

  /**
   * The words at most {@code maxLevel} in SCOWL's levels whose letters are the word's, rearranged
   * by two swaps of neighbours or one letter moved ("owudl": would; "yersa": years): the slips of
   * a typist whose hands ran out of step, which one edit does not reach and the speller's
   * suggestions in capitals miss.
   */
  List<String> rearrangedNeighbours(String lowerWord, int maxLevel) {
    java.util.Set<String> found = new java.util.LinkedHashSet<>();
    int n = lowerWord.length();
    for (int i = 0; i + 1 < n; i++) {
      String once = swap(lowerWord, i);
      for (int j = i + 2; j + 1 < n; j++) {
        found.add(swap(once, j));
      }
    }
    for (int from = 0; from < n; from++) {
      String without = lowerWord.substring(0, from) + lowerWord.substring(from + 1);
      for (int to = 0; to < n; to++) {
        if (Math.abs(to - from) > 1) {
          found.add(without.substring(0, to) + lowerWord.charAt(from) + without.substring(to));
        }
      }
    }
    found.remove(lowerWord);
    return found.stream().filter(word -> wordLists.level(word) <= maxLevel)
        .sorted(java.util.Comparator.comparingInt(wordLists::level)).toList();
  }

  private static String swap(String word, int i) {
    return word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2);
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

  /**
   * The most letters of an all-capitals word read as an acronym by its length alone ("NYT",
   * "CEO"): three-letter runs are initials far more often than typos, except a swap in one of
   * the commonest words ("TEH"), which {@link #isAdjacentTransposition} still finds.
   */
  static final int ACRONYM_LENGTH = 3;

  /**
   * True when an all-capitals word is shaped like an acronym, whatever the lists say: dotted
   * ("U.N.", "N.Y"), short ({@link #ACRONYM_LENGTH} letters or fewer), or without a vowel ("NBC",
   * "CFPB"), which no English word spelt out in capitals lacks.
   */
  static boolean acronymShaped(String word) {
    String letters = word.replaceAll("[^\\p{L}]", "");
    if (word.indexOf('.') >= 0 || letters.length() <= ACRONYM_LENGTH) {
      return true;
    }
    return letters.chars().noneMatch(c -> "AEIOUY".indexOf(Character.toUpperCase(c)) >= 0);
  }

  /** The least share of a line's words in capitals for it to be a line set in capitals (a headline, a slug). */
  private static final double CAPITALS_LINE_SHARE = 0.8;

  /**
   * True when the word stands in a line set in capitals: a wire headline or slug ("MERGER TALKS
   * STALL"), where words in capitals are words, not acronyms. Three words at least, four in
   * five of them in capitals, figures apart.
   */
  static boolean inCapitalsLine(String text, Span span) {
    int start = text.lastIndexOf('\n', span.start() - 1) + 1;
    int end = text.indexOf('\n', span.end());
    // Figures have no case: "JULY 2018 WE RECOMMENDED A $5.1 MILLION GRANT" is set in capitals throughout.
    List<String> words = Text.words(text, new Span(start, end < 0 ? text.length() : end)).stream()
        .map(word -> text.substring(word.start(), word.end()))
        .filter(word -> word.chars().anyMatch(Character::isLetter))
        .toList();
    long capitals = words.stream().filter(Text::isAllCapitals).count();
    return words.size() >= 3 && capitals >= CAPITALS_LINE_SHARE * words.size();
  }

  /** The least share of a capitals line's other words that are common words for it to be a line of common words. */
  private static final double COMMON_WORDS_SHARE = 2.0 / 3;

  /**
   * True when the other words of the word's line are mostly common words the speller knows in
   * lower case ("A SOOTHING PILLOW AND WARM DUVET MGHT NOT ALWAYS"): a headline spelt out, where
   * a word in capitals is a word too, not an acronym or a name, whatever its shape.
   */
  boolean amongCommonWordsInLine(Analysis analysis, Span span) {
    String text = analysis.document().text();
    int start = text.lastIndexOf('\n', span.start() - 1) + 1;
    int end = text.indexOf('\n', span.end());
    int others = 0;
    int common = 0;
    for (Span word : Text.words(text, new Span(start, end < 0 ? text.length() : end))) {
      String written = text.substring(word.start(), word.end()).replaceFirst("['\u2019][Ss]$", "");
      // A word with a figure ("ID.3", "5G") is a model's name, no word either way.
      if (word.equals(span) || written.chars().noneMatch(Character::isLetter) || hasDigit(written)) {
        continue;
      }
      others++;
      // A compound of common words ("ALL-ELECTRIC") is as common as its parts.
      boolean everyPartCommon = true;
      for (String part : Text.lower(written).split("-")) {
        everyPartCommon &= !part.isEmpty() && wordLists.level(part) <= WordLists.COMMON_LEVEL && analysis.knowsWord(part);
      }
      if (everyPartCommon) {
        common++;
      }
    }
    return others > 0 && common >= COMMON_WORDS_SHARE * others;
  }

  /**
   * True when a capital follows a lower-case letter inside the word: a brand's or a name's
   * styling ("iFixit", "eGPU", "SunShot", "DeKalb"). A capital after a hyphen ("ex-Natioanl") or
   * a capital pair opening the word ("THe", a slip of the shift key) is not styling.
   */
  static boolean brandStyled(String word) {
    for (int i = 1; i < word.length(); i++) {
      if (Character.isUpperCase(word.charAt(i)) && Character.isLowerCase(word.charAt(i - 1))) {
        return true;
      }
    }
    return false;
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

  /** The least length of a hyphenated word's part for a common word one edit away to mend it. */
  private static final int MIN_MENDED_PART = 5;

  /**
   * The hyphenated word with its one part the speller does not know mended to a common word one
   * edit away that it knows ("two-three" for "two-threee"), or null: a slip in a part, which the
   * speller's suggestions for the whole miss ("two-tiered"), not a coinage. Short parts
   * ("-ish", "zig-") have too many neighbours to tell.
   */
  String mendedPart(String word, Analysis analysis) {
    String[] parts = word.split("-");
    String mended = null;
    int offset = 0;
    for (String part : parts) {
      if (!part.isEmpty() && !analysis.knowsWord(part) && !analysis.knowsWord(Text.lower(part))) {
        // The other variant's spelling ("well-realised" in American copy) is a question of variant, not a slip.
        if (mended != null || part.length() < MIN_MENDED_PART || !Text.isLowerCase(part) || analysis.variantOfSpelling(part) != null) {
          return null;
        }
        for (String neighbour : commonNeighbours(part, WordLists.COMMON_LEVEL)) {
          if (analysis.knowsWord(neighbour)) {
            mended = word.substring(0, offset) + neighbour + word.substring(offset + part.length());
            break;
          }
        }
        if (mended == null) {
          return null;
        }
      }
      offset += part.length() + 1;
    }
    return mended;
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
