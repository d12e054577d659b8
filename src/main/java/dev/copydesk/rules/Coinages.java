package dev.copydesk.rules;

import dev.copydesk.core.Analysis;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Words news copy coins by a productive prefix on a word the speller knows ("uncrewed",
 * "megabanks", "polysilicon", "teleclasses"): no dictionary can list them all, and a reader
 * understands each, so whether to close them up or hyphenate them is house style's question, not
 * a misspelling. So are a known word with a suffix hyphenated on ("veggie-fy") and a word
 * doubled for its sound ("clackety-clack", "tick-tock"). The affixes are the rule file's data
 * ({@code coinage-prefixes}, {@code coinage-suffixes}).
 */
final class Coinages {

  /**
   * The fewest letters the known word after the prefix must have: "un" + "till" ("untill") or
   * "de" + "side" ("deside") are slips of one word far more often than coinages.
   */
  private static final int MIN_STEM_LENGTH = 5;

  /** The fewest letters of each half of a doubled word ("tick-tock"); "a-a" is no coinage. */
  private static final int MIN_ECHO = 3;

  private final WordLists.Lists wordLists;
  private final WordShapes shapes;
  /** Longest first, so "micro" is tried before "mi..." would be and "inter" before "in". */
  private final List<String> prefixes;
  private final Set<String> suffixes;

  Coinages(WordLists.Lists wordLists, WordShapes shapes, List<String> prefixes, List<String> suffixes) {
    this.wordLists = wordLists;
    this.shapes = shapes;
    this.suffixes = Set.copyOf(suffixes.stream().map(Text::lower).toList());
    this.prefixes = prefixes.stream().map(Text::lower).sorted(Comparator.comparingInt(String::length).reversed()).toList();
  }

  /**
   * The prefix and the common word (SCOWL's level 50 or below) a lower-case unknown word is made
   * of, hyphenated ("mega-banks"), or null. A rare stem is no evidence: "ecomonic" is no "eco" +
   * "monic", nor "superintendant" "super" + "intendant". Not a coinage when one of the commonest
   * words, or a word commoner than the stem, is a single edit away: "misstake" is "mistake"
   * misspelt, though "stake" is a word; a neighbour as rare as the stem ("unscrewed" for
   * "uncrewed") does not outweigh a prefix on a common word.
   */
  String prefixed(String word, List<String> suggestions, Analysis analysis) {
    if (!Text.isLowerCase(word) || word.indexOf('-') >= 0) {
      return null;
    }
    for (String prefix : prefixes) {
      String stem = word.substring(Math.min(prefix.length(), word.length()));
      int stemLevel = wordLists.level(stem);
      if (word.startsWith(prefix) && stem.length() >= MIN_STEM_LENGTH && stemLevel <= WordLists.COMMON_LEVEL
          && analysis.knowsWord(stem) && !nearCommonerWord(word, stemLevel, suggestions, analysis)) {
        return prefix + "-" + stem;
      }
    }
    return null;
  }

  /**
   * True for a hyphenated word coined, not misspelt: a known word with one of the suffixes after
   * the hyphen ("Veggie-fy"), or a word doubled for its sound, the second half the first's start
   * or the first with one letter changed ("clackety-clack", "zig-zag"). Nobody types either by mistake.
   */
  boolean hyphenated(String word, Analysis analysis) {
    String[] parts = Text.lower(word).split("-");
    if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
      return false;
    }
    if (suffixes.contains(parts[1])) {
      String stem = word.substring(0, word.indexOf('-'));
      return analysis.knowsWord(stem) || analysis.knowsWord(parts[0]);
    }
    String first = parts[0];
    String second = parts[1];
    boolean echoed = Math.min(first.length(), second.length()) >= MIN_ECHO && (first.startsWith(second) || second.startsWith(first));
    boolean ablaut = first.length() == second.length() && first.length() >= MIN_ECHO && WordShapes.edits(first, second) == 1
        && first.charAt(0) == second.charAt(0);
    return echoed || ablaut;
  }

  /** True when a word a letter away is one of the commonest, or commoner than the coinage's stem. */
  private boolean nearCommonerWord(String word, int stemLevel, List<String> suggestions, Analysis analysis) {
    int commoner = Math.max(WordLists.COMMONEST_LEVEL, stemLevel - 1);
    for (String suggestion : Findings.firstFew(suggestions)) {
      String lower = Text.lower(suggestion);
      if (WordShapes.edits(word, lower) == 1 && wordLists.level(lower) <= commoner) {
        return true;
      }
    }
    return shapes.commonNeighbours(word, commoner).stream().anyMatch(analysis::knowsWord);
  }
}
