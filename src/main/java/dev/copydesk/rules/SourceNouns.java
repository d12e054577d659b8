package dev.copydesk.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words the phrase layer of unattributed-claim knows for sources: single nouns, anonymous
 * ("source", "insider") or vague ("analysts"), and anonymous phrases ("people familiar"), where a
 * "..." stands for up to two describing words ("people with ... knowledge" is also "people with
 * direct knowledge", "people with first-hand knowledge").
 */
final class SourceNouns {

  /** How unnamed a source noun is. */
  enum Cue {
    ANONYMOUS,
    VAGUE
  }

  /** A source found at a word: its kind and how many words it takes. */
  record Match(Cue cue, int length) {}

  private static final String GAP = "...";
  private static final int MOST_GAP_WORDS = 2;

  private final Map<String, Cue> singleWords = new HashMap<>();
  private final List<List<String>> phrases = new ArrayList<>();

  SourceNouns(List<String> anonymous, List<String> vague) {
    anonymous.forEach(source -> add(source, Cue.ANONYMOUS));
    vague.forEach(source -> add(source, Cue.VAGUE));
  }

  private void add(String source, Cue cue) {
    List<String> words = List.of(Text.lower(source.strip()).split("\\s+"));
    if (words.size() == 1) {
      singleWords.put(words.get(0), cue);
    } else {
      phrases.add(words); // every phrase is a person or people with access: anonymous
    }
  }

  /** True when the (lower-case) word is a source noun by itself. */
  boolean isSingleWord(String lower) {
    return singleWords.containsKey(lower);
  }

  /** The source starting at word i of the lower-case words, or null. */
  Match at(List<String> lower, int i) {
    Cue single = singleWords.get(lower.get(i));
    if (single != null) {
      return new Match(single, 1);
    }
    for (List<String> phrase : phrases) {
      int end = matchFrom(phrase, 0, lower, i);
      if (end > 0) {
        return new Match(Cue.ANONYMOUS, end - i);
      }
    }
    return null;
  }

  /** The word after a match of the phrase (from its word {@code from}) at word i, or 0. */
  private static int matchFrom(List<String> phrase, int from, List<String> lower, int i) {
    if (from == phrase.size()) {
      return i;
    }
    if (phrase.get(from).equals(GAP)) {
      for (int skip = 0; skip <= MOST_GAP_WORDS && i + skip < lower.size(); skip++) {
        int end = matchFrom(phrase, from + 1, lower, i + skip);
        if (end > 0) {
          return end;
        }
      }
      return 0;
    }
    return i < lower.size() && lower.get(i).equals(phrase.get(from)) ? matchFrom(phrase, from + 1, lower, i + 1) : 0;
  }
}
