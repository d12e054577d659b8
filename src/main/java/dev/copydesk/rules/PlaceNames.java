package dev.copydesk.rules;

import dev.copydesk.rules.SourceSubjects.Subject;
import java.util.Locale;

/**
 * Places in a source's noun phrase: where a crowd stands or which country it is of, which does
 * not name who it speaks for ("traders in Zurich", "Chicago floor traders", "China's health
 * chiefs"), as against the organisation a name stands for ("Kremlin officials", "NASA's scientists").
 */
final class PlaceNames {

  private final AttributionWords words;

  PlaceNames(AttributionWords words) {
    this.words = words;
  }

  /**
   * The name at {@code i} places the crowd rather than naming who it speaks for: "traders in
   * Zurich", "diplomats across Asia", "Wall Street analysts", "Chicago floor traders". After a
   * preposition of place a bare name is a place, and after "the" a listed place or market is
   * ("dealers in the City"); before the head only a listed place or market is, and before a
   * singular head only right before it. A name an
   * organisation word ends is the organisation's ("officials in the Commerce Department").
   */
  boolean placeName(TaggedSentence s, Subject subject, int i) {
    int first = i;
    int last = i;
    while (first > subject.start() && capitalised(s, first - 1)) {
      first--;
    }
    while (last < subject.end() && capitalised(s, last + 1)) {
      last++;
    }
    if (last == subject.head()) {
      return false;
    }
    StringBuilder written = new StringBuilder();
    for (int j = first; j <= last; j++) {
      written.append(j > first ? " " : "").append(s.analysisText(j));
    }
    String run = written.toString();
    int before = first - 1;
    boolean definite = before >= 0 && words.definiteWords().contains(s.lower(before));
    String withArticle = definite ? s.lower(before) + " " + run : run;
    boolean known = words.places().contains(withArticle.toLowerCase(Locale.ROOT)) || words.marketSpeakers().contains(withArticle);
    if (i < subject.head()) {
      // "Chicago floor traders", "one Tokyo dealer"; but "a California transit chief" is the state agency's.
      return known && (s.token(subject.head()).hasTag("NNS") || last + 1 == subject.head());
    }
    if (!known && (words.organisationModifiers().contains(s.lower(last)) || words.organisationHeads().contains(s.lower(last)))) {
      return false;
    }
    if (definite) {
      before--;
    }
    return before > subject.head() && words.placePrepositions().contains(s.lower(before)) && (known || !definite);
  }

  /**
   * A possessive whose owner is a place or a nation: "China's health chiefs", "Britain's
   * bankers" are of a country, which is no organisation; "NASA's scientists" are the agency's.
   */
  boolean placeOwner(TaggedSentence s, Subject subject, int possessive) {
    int first = possessive;
    while (first > subject.start() && capitalised(s, first - 1)) {
      first--;
    }
    if (first == possessive) {
      return false;
    }
    StringBuilder owner = new StringBuilder();
    for (int j = first; j < possessive; j++) {
      owner.append(j > first ? " " : "").append(s.lower(j));
    }
    String written = owner.toString();
    return words.places().contains(written) || words.unaffiliated().contains(written);
  }

  private static boolean capitalised(TaggedSentence s, int i) {
    String word = s.analysisText(i);
    return !word.isEmpty() && Character.isUpperCase(word.charAt(0)) && !s.isDeterminer(i);
  }
}
