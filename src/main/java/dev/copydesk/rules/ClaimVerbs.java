package dev.copydesk.rules;

import static dev.copydesk.rules.AttributionWords.has;

import dev.copydesk.core.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The verbs that make a claim, judged on a tagged sentence: a finite reporting verb, a verb of
 * judgement in its belief frame ("see the move as"), a belief adjective after a copula ("are
 * optimistic that"), and whether a verb's complement makes it a claim rather than an act or a
 * plan ("found that", not "found the car"). The words are the rule file's.
 */
final class ClaimVerbs {

  /** How far back the first of two conjoined verbs may stand: "came out ... and stated". */
  private static final int MAX_CONJOINED_TOKENS = 15;

  private final AttributionWords words;

  ClaimVerbs(AttributionWords words) {
    this.words = words;
  }

  /** A finite reporting verb, or one after an auxiliary: "said", "has argued"; never "statements indicating". */
  boolean isReportingVerb(TaggedSentence s, int i) {
    Token token = s.token(i);
    return (finite(s, i) || verbTaggedNoun(s, i)) && has(token, words.reportingVerbs());
  }

  /**
   * A word of report the tagger took for a noun at the end of a noun phrase, with a clause after
   * it that has a subject and a tensed verb of its own: "many in the space community note he
   * held", where the noun reading leaves "he held" hanging.
   */
  private static boolean verbTaggedNoun(TaggedSentence s, int i) {
    return i > 0 && i + 2 < s.size() && s.token(i).hasTag("NN") && s.inNounChunk(i) && !s.beginsNounChunk(i)
        && !s.isDeterminer(i - 1) && s.token(i + 1).hasTag("PRP")
        && (s.token(i + 2).hasTag("VBD") || s.token(i + 2).hasTag("VBZ") || s.token(i + 2).hasTag("VBP"));
  }

  /** A verb with a subject of its own: finite, after an auxiliary, or progressive ("are urging"). */
  static boolean finite(TaggedSentence s, int i) {
    Token token = s.token(i);
    boolean finite = token.tags().stream().anyMatch(tag -> tag.equals("VBD") || tag.equals("VBZ") || tag.equals("VBP")
        || tag.equals("VB") || tag.equals("VBN"));
    int auxiliary = i - 1;
    while (auxiliary > 0 && s.isAdverb(auxiliary)) {
      auxiliary--; // "are now proposing"
    }
    boolean progressive = token.hasTag("VBG") && auxiliary >= 0 && s.inVerbChunk(auxiliary)
        && s.token(auxiliary).lemmas().contains("be");
    return (finite || progressive) && s.inVerbChunk(i) || runOnVerb(s, i);
  }

  /**
   * A present or past verb the chunker ran into the noun phrase before it, which a clause then
   * follows: "diplomats in the region note that", "many in the industry note he". ("a note
   * that" is the noun: a determiner before it.)
   */
  private static boolean runOnVerb(TaggedSentence s, int i) {
    Token token = s.token(i);
    boolean tensed = token.hasTag("VBP") || token.hasTag("VBZ") || token.hasTag("VBD");
    return tensed && i > 0 && i + 1 < s.size() && s.inNounChunk(i) && !s.beginsNounChunk(i) && !s.isDeterminer(i - 1)
        && (s.lower(i + 1).equals("that") || s.token(i + 1).hasTag("PRP"));
  }

  /** The first word of a finite verb group: "came", "left" (a past tense too), not "satisfied" alone. */
  static boolean opensFiniteGroup(TaggedSentence s, int j) {
    boolean past = s.token(j).hasTag("VBD") || !s.token(j).hasTag("VBN");
    return ClaimVerbs.finite(s, j) && past && (j == 0 || !s.inVerbChunk(j - 1));
  }

  /**
   * A verb of judgement or perception in the frame that makes it a belief: "see the move as",
   * "take these signs to mean", "realize that". Without it the verb is an act: "saw flames".
   */
  boolean judgementFrame(TaggedSentence s, int i) {
    Token token = s.token(i);
    if (finite(s, i) && !s.passiveAt(i) && has(token, words.estimateVerbs()) && figureAfter(s, i)) {
      return true; // "analysts put the loss at 50 mln dlrs", "economists see growth of two pct": an estimate
    }
    if (!finite(s, i) || s.passiveAt(i) || !has(token, words.judgementVerbs())) {
      return false;
    }
    if (i + 1 < s.size() && s.lower(i + 1).equals("that")) {
      return true;
    }
    if (token.lemmas().contains("know")) {
      return false; // "known as": a name, not a belief
    }
    if (i + 1 < s.size() && s.lower(i + 1).equals("in")) {
      return true; // "saw in the program an opportunity": a quality seen in something
    }
    if (smallClause(s, i)) {
      return true;
    }
    for (int j = i + 1; j < s.size() && j <= i + 8 && !s.isPunctuation(j); j++) {
      if (s.lower(j).equals("as") || s.lower(j).equals("to") && j + 1 < s.size() && s.lower(j + 1).equals("mean")) {
        return true;
      }
      if (j > i + 1 && finite(s, j) && !s.token(j).hasTag("VBN")) {
        return false;
      }
    }
    return false;
  }

  /** A figure the verb's object is put at or of, within the clause: "the deficit at 10 billion", "growth of two pct". */
  private static boolean figureAfter(TaggedSentence s, int verb) {
    for (int j = verb + 2; j + 1 < s.size() && j <= verb + 6 && !s.isPunctuation(j); j++) {
      if ((s.lower(j).equals("at") || s.lower(j).equals("of")) && (s.token(j + 1).hasTag("CD") || s.lower(j + 1).startsWith("$"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * "would consider the chair more important", "find it strange": a judgement verb, its object
   * and an adjective that is the judgement. "found the car" has none.
   */
  private boolean smallClause(TaggedSentence s, int verb) {
    if (!has(s.token(verb), words.complementPassives()) && !s.token(verb).lemmas().contains("find")) {
      return false;
    }
    int j = verb + 1;
    if (j < s.size() && (s.lower(j).equals("more") || s.lower(j).equals("less")) && j + 1 < s.size() && s.token(j + 1).hasTag("JJ")) {
      return true; // "a rarity many antiquarians would consider more important": the object is the rarity
    }
    if (j >= s.size() || !s.inNounChunk(j)) {
      return false;
    }
    while (j + 1 < s.size() && s.inNounChunk(j + 1) && !s.beginsNounChunk(j + 1)) {
      j++;
    }
    int after = j + 1;
    while (after < s.size() && s.isAdverb(after)) {
      after++;
    }
    return after < s.size() && !s.inNounChunk(after) && (s.token(after).hasTag("JJ") || s.lower(after).equals("more")
        || s.lower(after).equals("less"));
  }

  /**
   * False where the verb's complement makes it an act or a plan rather than a claim: "users
   * expect to pick up" (an intention verb before "to"), "found the car", "assumed her duties" (a
   * verb that reports only with "that": "found that").
   */
  boolean reportsClaim(TaggedSentence s, int verb) {
    Token token = s.token(verb);
    String next = verb + 1 < s.size() ? s.lower(verb + 1) : "";
    if (has(token, words.intentionVerbs()) && next.equals("to")) {
      return false;
    }
    if (has(token, words.topicVerbs()) && (next.equals("about") || next.equals("of"))) {
      return false; // "people were still thinking about the champion": a topic, not a claim
    }
    return !has(token, words.clauseVerbs()) || next.equals("that") || next.equals(",") || next.equals("whether");
  }

  /**
   * A verb group that makes no claim whatever its verb: an inability ("cannot tell", "could not
   * say when") or the writer's advice ("others should welcome it", "those who represent us should
   * agree"); "tell them when" and "tell them how" are instructions.
   */
  boolean noClaimInGroup(TaggedSentence s, int groupStart, int verb) {
    List<String> before = new ArrayList<>();
    for (int j = groupStart; j < verb; j++) {
      before.add(s.lower(j));
    }
    boolean instruction = s.token(verb).lemmas().contains("tell") && verb + 2 < s.size()
        && s.token(verb + 1).hasTag("PRP") && s.token(verb + 2).hasTag("W");
    return inabilityOrAdvice(before, words.adviceModals()) || instruction;
  }

  /**
   * True when the words before a verb, lower-cased, make it an inability ("could not", "cannot")
   * or the writer's advice (a modal of advice): the tagged layer's test and the phrase layer's.
   */
  static boolean inabilityOrAdvice(List<String> before, Set<String> adviceModals) {
    boolean able = false;
    boolean negated = false;
    for (String word : before) {
      able |= word.equals("can") || word.equals("could") || word.equals("cannot");
      negated |= word.equals("not") || word.equals("cannot") || word.endsWith("n't");
      if (adviceModals.contains(word)) {
        return true;
      }
    }
    return able && negated;
  }

  /** "are optimistic that", "remain skeptical of", "were all agreed": a belief stated as a state of mind. */
  boolean beliefAdjective(TaggedSentence s, int i) {
    boolean beliefWord = has(s.token(i), words.beliefAdjectives()) || words.beliefAdjectives().contains(s.lower(i));
    if (i == 0 || !beliefWord || s.inNounChunk(i) && !s.token(i).hasTag("VBN")
        && i + 1 < s.size() && s.token(i + 1).hasTag("NN")) {
      return false; // "a confident smile": the adjective of a noun
    }
    int copula = copulaBefore(s, i);
    return has(s.token(copula), words.copulas()) && s.inVerbChunk(copula);
  }

  /** The verb before an adjective, past adverbs and "all": "were all agreed", "are now optimistic". */
  static int copulaBefore(TaggedSentence s, int adjective) {
    int copula = adjective - 1;
    while (copula > 0 && s.isAdverb(copula) || copula > 0 && s.lower(copula).equals("all")) {
      copula--;
    }
    return copula;
  }

  /**
   * ", claiming that", ", warning that": a verb of speech in a participle clause after a comma,
   * with a claim of its own; its speaker is the main clause's subject ("defenders took to social
   * media, claiming that").
   */
  boolean speechParticiple(TaggedSentence s, int i) {
    return i > 1 && i + 1 < s.size() && s.token(i).hasTag("VBG") && s.lower(i - 1).equals(",")
        && has(s.token(i), words.speechVerbs()) && s.lower(i + 1).equals("that");
  }

  /**
   * The finite verb of the clause before {@code end}, the first of its group, not an infinitive's
   * ("took to social media apparently to discredit her, claiming": "took"), or -1.
   */
  static int mainVerb(TaggedSentence s, int end) {
    for (int j = end - 1; j > 0; j--) {
      String word = s.lower(j);
      if (word.equals(";") || word.equals(":") || word.equals("that")) {
        return -1;
      }
      if (opensFiniteGroup(s, j) && !s.lower(j - 1).equals("to")) {
        return j;
      }
    }
    return -1;
  }

  /**
   * The finite verb of the clause whose predicate {@code groupStart}'s "and" or "but" continues,
   * within the clause ("came out of the final meeting apparently satisfied and stated"), or -1.
   */
  static int conjoinedVerb(TaggedSentence s, int groupStart) {
    int conjunction = groupStart - 1;
    if (conjunction < 1 || !s.token(conjunction).hasTag("CC")) {
      return -1;
    }
    for (int j = conjunction - 1; j >= 0 && conjunction - j <= MAX_CONJOINED_TOKENS; j--) {
      String word = s.lower(j);
      if (word.equals(";") || word.equals(":") || word.equals("that") || s.token(j).hasTag("CC") || s.token(j).hasTag("WP")) {
        return -1;
      }
      if (opensFiniteGroup(s, j)) {
        return j;
      }
    }
    return -1;
  }
}
