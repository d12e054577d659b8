package dev.copydesk.rules;

import static dev.copydesk.rules.CountedPhrases.agentAfter;
import static dev.copydesk.rules.CountedPhrases.agentBefore;
import static dev.copydesk.rules.CountedPhrases.degree;
import static dev.copydesk.rules.CountedPhrases.isAuxiliary;
import static dev.copydesk.rules.CountedPhrases.lemmaOf;
import static dev.copydesk.rules.CountedPhrases.lemmaOrWord;
import static dev.copydesk.rules.CountedPhrases.nounHead;
import static dev.copydesk.rules.CountedPhrases.tokenAt;

import dev.copydesk.core.Span;
import dev.copydesk.core.Token;
import dev.copydesk.rules.StatedFigures.Figure;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The counts a story states, for the figure-consistency rule: which figures are exact counts (not
 * approximate, a range, money, a time, a year, a part of a group), and what each counts, by its
 * noun and its verb or role ("37 people were killed", "killed 37 people", "the 35 killed", "a
 * death toll of 37").
 */
final class StatedCounts {

  /** The counts the rule takes as one: the counted noun's lemma (or null) and the verb's or role's. */
  record CountKey(String noun, String role) {}

  /**
   * A figure given as a count of something, in the sentence it stands in; its agent is who did
   * what the verb says when the sentence names it ("police arrested 12", "12 were arrested by
   * soldiers"), null when it does not.
   */
  record Count(Figure figure, CountKey key, int sentence, boolean definite, Span cue, String agent) {}

  private static final Set<String> AUXILIARIES = Set.of("be", "have", "do", "get", "will", "would", "can", "could",
      "may", "might", "shall", "should", "must");

  private static final Pattern RANGE_AFTER = Pattern.compile(
      "\\s*(?:-|\u2013|\u2014|to|or|through|and)\\s*(?:\\d|[a-z]+(?:\\s|[-,.]|$))", Pattern.CASE_INSENSITIVE);
  private static final Pattern RANGE_BEFORE = Pattern.compile(
      "(?:\\b(?:between|from)|\\d\\s*(?:-|\u2013|to|or|and))\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern NOT_A_COUNT_AFTER = Pattern.compile(
      "(?:\\s*(?:%|percent\\b|per\\s?cent\\b|per\\b|a\\.m\\.|p\\.m\\.|am\\b|pm\\b|o'clock|GMT|BST|EST|ET\\b|[\\p{Sc}])"
          + "|-\\p{L}|/|\\s*[-\u2013]\\s*\\d)", Pattern.CASE_INSENSITIVE);

  private final Pattern approximateBefore;
  private final Pattern approximateAfter;
  private final Set<String> subsetWords;
  private final Set<String> subsetAfter;
  private final Set<String> definiteWords;
  private final Set<String> changeVerbs;
  private final Set<String> roleAdjectives;
  private final Set<String> tallyNouns;
  private final Set<String> timeWords;

  /** With the word lists of the rule file, and its verbs of change, which are no count's role. */
  StatedCounts(RuleFile file, Set<String> changeVerbs) throws RuleFileException {
    approximateBefore = endingWith(file.strings("approximate-words"));
    approximateAfter = startingWith(file.strings("approximate-after"));
    subsetWords = Text.lowerSet(file.strings("subset-words"));
    subsetAfter = Text.lowerSet(file.strings("subset-after"));
    definiteWords = Text.lowerSet(file.strings("definite-words"));
    roleAdjectives = Text.lowerSet(file.strings("role-adjectives"));
    tallyNouns = Text.lowerSet(file.strings("tally-nouns"));
    this.changeVerbs = changeVerbs;
    timeWords = Text.lowerSet(file.strings("time-words"));
  }

  /** Matches text ending with one of the phrases (as whole words), case aside. */
  static Pattern endingWith(List<String> phrases) {
    Pattern any = Text.phrasePattern(phrases);
    return any == null ? null : Pattern.compile("(?:" + any.pattern() + ")\\s*$", any.flags());
  }

  /** Matches text starting with one of the phrases (as whole words), case aside. */
  static Pattern startingWith(List<String> phrases) {
    Pattern any = Text.phrasePattern(phrases);
    return any == null ? null : Pattern.compile("^\\s*(?:" + any.pattern() + ")", any.flags());
  }

  /** True when the figure is stated as an exact count: not approximate, a range, money, a time, a year or a compound. */
  boolean exact(String text, Span sentence, Figure figure) {
    String before = text.substring(sentence.start(), figure.span().start());
    String after = text.substring(figure.span().end(), sentence.end());
    if (!figure.whole() || figure.value() < 1) {
      return false;
    }
    if (!figure.spelled() && figure.value() >= 1500 && figure.value() <= 2100 && !figure.shown(text).contains(",")) {
      return false; // a year
    }
    if (!before.isEmpty() && (Character.getType(before.charAt(before.length() - 1)) == Character.CURRENCY_SYMBOL
        || before.endsWith("#") || before.endsWith("No.") || before.endsWith("no."))) {
      return false;
    }
    if (approximateBefore != null && approximateBefore.matcher(before).find()) {
      return false;
    }
    if (approximateAfter != null && approximateAfter.matcher(after).find()) {
      return false;
    }
    if (after.startsWith("+") || RANGE_BEFORE.matcher(before).find() || NOT_A_COUNT_AFTER.matcher(after).lookingAt()) {
      return false;
    }
    Matcher range = RANGE_AFTER.matcher(after);
    if (range.lookingAt()) {
      // "35 to 40", "35 or forty": another figure right after the connecting word makes a range.
      List<Figure> following = StatedFigures.in(after, new Span(0, after.length()));
      return following.isEmpty() || following.get(0).span().start() > range.end();
    }
    return true;
  }

  /**
   * The figure as a count, or null: a number before its counted noun and the verb or role that
   * counts it ("37 people were killed", "37 people died", "the 35 people killed", "37 dead"), a
   * number after a verb that counts it ("killed 37 people"), a definite back-reference ("the 35
   * killed"), or a tally noun's figure ("a death toll of 37", "the toll stood at 37").
   */
  Count count(String text, Span sentence, TaggedSentence s, Figure figure, int n) {
    if (!exact(text, sentence, figure)) {
      return null;
    }
    int after = tokenAt(s, figure.span().end());
    int first = tokenAt(s, figure.span().start());
    int before = first - 1;
    if (first >= s.size() || s.start(first) != figure.span().start()) {
      return null; // the tagger split the sentence elsewhere
    }
    if (after < s.size() && (s.lower(after).equals("of") || s.lower(after).equals("out"))) {
      return null; // "two of the 37": a part of a group, not its count
    }
    if (after < s.size() && subsetAfter.contains(s.lower(after))) {
      return null; // "two others injured", "eight other defendants"
    }
    if (before >= 0 && subsetWords.contains(s.lower(before))) {
      return null; // "another 12", "the other three", "the first 20"
    }
    if (before >= 1 && s.lower(before).equals("the") && subsetWords.contains(s.lower(before - 1))) {
      return null;
    }
    boolean definite = before >= 0 && definiteWords.contains(s.lower(before));
    int head = nounHead(s, after);
    String noun = head >= 0 ? lemmaOrWord(s, head, "NN") : null;
    if (noun != null && (timeWords.contains(noun) || noun.matches("(?:year|month|week|day|hour|minute|second|time|percent)s?"))) {
      return null; // "three days", "two years": a duration, not a count of things
    }
    int roleAt = head >= 0 ? head + 1 : after;
    int roleIndex = roleAfter(s, roleAt, head >= 0);
    String role = roleIndex < 0 ? null : degree(s, roleIndex) + roleOf(s, roleIndex);
    if (role == null && before >= 0) {
      // A tally noun just before: "a death toll of 37", "the toll stood at 37", "toll was 37".
      for (int j = before; j >= 0 && j >= before - 3; j--) {
        String word = s.lower(j);
        if (tallyNouns.contains(word) || tallyNouns.contains(lemmaOrWord(s, j, "NN"))) {
          String modifier = j > 0 && s.token(j - 1).hasTag("NN") ? s.lower(j - 1) : "";
          // The key is the tally noun alone: "the death toll" and "the toll" are one count.
          return new Count(figure, new CountKey(lemmaOrWord(s, j, "NN"), ""), n, true,
              new Span(s.start(j > 0 && !modifier.isEmpty() ? j - 1 : j), figure.span().end()), null);
        }
        if (!word.equals("of") && !word.equals("at") && !s.token(j).hasTag("VB")) {
          break;
        }
      }
    }
    // A participle right after a noun is that noun's modifier ("seven cases involving 35 persons"):
    // its figure counts a part of the cases' story, not the whole. After a comma it states the count
    // ("a blast on Friday, killing 37 people").
    boolean modifierParticiple = before >= 1 && s.token(before).hasTag("VBG") && !s.token(before).hasTag("VBD")
        && !s.token(before).hasTag("VBZ") && !s.lower(before - 1).equals(",");
    if (role == null && before >= 0 && head >= 0 && s.token(before).hasTag("VB") && !modifierParticiple) {
      String verb = lemmaOf(s.token(before), "VB");
      if (verb != null && !AUXILIARIES.contains(verb) && !changeVerbs.contains(verb)) {
        role = verb; // "killed 37 people", "injuring 12 people"
        roleIndex = before;
      }
    }
    if (role == null) {
      return null;
    }
    int cueStart = roleIndex < first ? s.start(roleIndex) : figure.span().start();
    int cueEnd = Math.max(figure.span().end(), s.end(Math.max(roleIndex, head)));
    String agent = roleIndex == before ? agentBefore(s, before) : agentAfter(s, roleIndex + 1);
    return new Count(figure, new CountKey(noun, role), n, definite, new Span(Math.min(cueStart, figure.span().start()), cueEnd),
        agent);
  }

  /**
   * The verb or role of a count after its noun: "were killed", "who died", "have been arrested",
   * "killed", "dead", "missing". After a number with no noun, only a participle or a role
   * adjective right after it: "the 35 killed", "37 dead".
   */
  private int roleAfter(TaggedSentence s, int i, boolean afterNoun) {
    if (afterNoun) {
      if (i < s.size() && (s.lower(i).equals("who") || s.lower(i).equals("that"))) {
        i++;
      }
      int skipped = 0;
      while (i < s.size() && skipped < 4 && (isAuxiliary(s, i) || s.isAdverb(i) && !s.token(i).hasTag("VB"))) {
        i++;
        skipped++;
      }
    }
    if (i >= s.size()) {
      return -1;
    }
    if (roleAdjectives.contains(s.lower(i))) {
      return i;
    }
    Token token = s.token(i);
    if (token.hasTag("VBN") || token.hasTag("VBD")) {
      String verb = lemmaOf(token, token.hasTag("VBN") ? "VBN" : "VBD");
      if (verb != null && !AUXILIARIES.contains(verb) && !changeVerbs.contains(verb)) {
        return i;
      }
    }
    return -1;
  }

  /** The role's name: a role adjective as written, a verb by its lemma. */
  private String roleOf(TaggedSentence s, int i) {
    if (roleAdjectives.contains(s.lower(i))) {
      return s.lower(i);
    }
    Token token = s.token(i);
    return lemmaOf(token, token.hasTag("VBN") ? "VBN" : "VBD");
  }
}
