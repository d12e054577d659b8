package dev.copydesk.rules;

import static dev.copydesk.rules.AttributionWords.has;

import dev.copydesk.core.Span;
import java.util.List;

/**
 * Crowds defined by a clause rather than by a noun: "those who backed the plan hailed it",
 * "others who feel", "by some who believe", and a crowd sharing the belief of the clause before
 * it, "as did most others". Each is vague: nobody in it can be called.
 */
final class Crowds {

  private final AttributionWords words;
  private final SourceSubjects subjects;
  private final ClaimVerbs verbs;

  Crowds(AttributionWords words, SourceSubjects subjects, ClaimVerbs verbs) {
    this.words = words;
    this.subjects = subjects;
    this.verbs = verbs;
  }

  /**
   * "as did most others", "as do many economists": after a clause of belief, a crowd that shares
   * it. The "as" and a form of "do" right before a crowd.
   */
  boolean sharedBelief(TaggedSentence s, int i) {
    return i > 0 && s.isPunctuation(i - 1) && s.lower(i).equals("as") && i + 2 < s.size()
        && s.token(i + 1).lemmas().contains("do");
  }

  void sharer(TaggedSentence s, int as, List<Attributions.Attribution> found) {
    SourceSubjects.Subject crowd = SourceSubjects.subjectStartingAt(s, as + 2);
    if (crowd == null) {
      return;
    }
    boolean belief = false;
    for (int j = as - 1; j >= 0 && !belief; j--) {
      belief = verbs.isReportingVerb(s, j) && has(s.token(j), words.speechVerbs()) || verbs.judgementFrame(s, j)
          || has(s.token(j), words.judgementVerbs()) && ClaimVerbs.finite(s, j);
    }
    Attributions.Source source = belief ? subjects.judge(s, crowd, true) : null;
    if (source == Attributions.Source.VAGUE) {
      Attributions.add(found, new Span(s.start(as), s.end(crowd.end())), source);
    }
  }

  /**
   * An aside between a crowd and its verb that names some of it: "Critics, including the Harbour
   * Trust, say", "Opponents, led by Senator Holm, argue". The crowd is on the record through the
   * members it names. {@code from} is the aside's opening comma or first word.
   */
  boolean namingAside(TaggedSentence s, int from, int to) {
    int first = from < to && s.lower(from).equals(",") ? from + 1 : from;
    if (first >= to) {
      return false;
    }
    String opening = s.lower(first);
    String twoWords = first + 1 < to ? opening + " " + s.lower(first + 1) : opening;
    if (!words.namingAsides().contains(opening) && !words.namingAsides().contains(twoWords)) {
      return false;
    }
    for (int j = first + 1; j < to; j++) {
      if (s.isName(j) && !words.unaffiliated().contains(s.lower(j))) {
        return true;
      }
    }
    return false;
  }

  /**
   * "concern among investors", "the consensus among economists is", "opinion among bankers is
   * divided": a belief placed in a crowd, which holds it with nobody in it named. Judged like a
   * subject: "among Fed officials" is as unnamed as "Fed officials said", "among OPEC members" is not.
   */
  boolean beliefAmong(TaggedSentence s, int i) {
    return i + 2 < s.size() && s.lower(i + 1).equals("among") && has(s.token(i), words.beliefNouns())
        && (s.token(i).hasTag("NN") || s.token(i).hasTag("NNS")) && !s.inVerbChunk(i);
  }

  void believers(TaggedSentence s, int noun, List<Attributions.Attribution> found) {
    for (int j = noun - 1; j >= 0 && s.inNounChunk(j) && !s.isPunctuation(j); j--) {
      if (s.token(j).hasTag("PRP$") || s.token(j).hasTag("POS")) {
        return; // "his standing among voters": somebody's
      }
    }
    SourceSubjects.Subject crowd = SourceSubjects.subjectStartingAt(s, noun + 2);
    Attributions.Source source = crowd == null ? null : subjects.judge(s, crowd, true);
    if (source == Attributions.Source.VAGUE || source == Attributions.Source.ANONYMOUS) {
      Attributions.add(found, new Span(s.start(noun), s.end(crowd.end())), source);
    }
  }

  /**
   * "those who", "everyone who", "legislators who": a crowd defined by what it did or thinks. After
   * a verb other than "be" it is that verb's object: "corrected those who said".
   */
  boolean crowdRelative(TaggedSentence s, int i) {
    int relative = i + 1 < s.size() && s.lower(i + 1).equals(",") ? i + 2 : i + 1; // "innumerable postmen, who"
    if (relative >= s.size()) {
      return false;
    }
    if (words.freeChoicePronouns().contains(s.lower(i))) {
      return false; // "anyone who doubted it had only to watch": whoever fits, a condition
    }
    boolean quantifiedNoun = s.token(i).hasTag("NNS") && i > 0 && words.quantifiers().contains(s.lower(i - 1));
    String relativeWord = s.lower(relative);
    if (!(relativeWord.equals("who") || quantifiedNoun && (relativeWord.equals("which") || relativeWord.equals("that")))) {
      return false; // "some clubs which claim": a quantified crowd may be any noun
    }
    for (int j = i - 1; j >= 0 && s.inNounChunk(j); j--) {
      if (words.firstPerson().contains(s.lower(j))) {
        return false; // "we old-fashioned parents, who still feel": the writer's own crowd
      }
    }
    if (quantifiedNoun) {
      return true;
    }
    if (i > 0 && s.inVerbChunk(i - 1) && !s.token(i - 1).lemmas().contains("be")) {
      return false; // "corrected those who said": the crowd is the object ("there are many who" is not)
    }
    boolean pronoun = words.crowdPronouns().contains(s.lower(i))
        || words.quantifiers().contains(s.lower(i)) && s.lower(relative).equals("who"); // "by some who believe"
    boolean barePlural = s.token(i).hasTag("NNS") && !s.isName(i) && (i == 0 || !s.inNounChunk(i - 1)
        || !s.isDeterminer(i - 1) && !s.token(i - 1).hasTag("NN"));
    return pronoun || barePlural && !has(s.token(i), words.institutionNouns());
  }

  /**
   * The crowd's first reporting or judging verb, in its relative clause ("others who feel", "those
   * who predict") or after it ("those who backed the plan hailed it"), within the clause.
   */
  void relativeCrowd(TaggedSentence s, int crowd, List<Attributions.Attribution> found) {
    for (int j = crowd + 2; j < s.size() && j <= crowd + 18; j++) {
      if (j == crowd + 2 && s.lower(crowd + 1).equals(",")) {
        continue; // the relative pronoun after the comma
      }
      if (s.lower(j).equals(".") || s.lower(j).equals(";") || s.lower(j).equals(":")) {
        return;
      }
      boolean reporting = verbs.isReportingVerb(s, j) && !s.passiveAt(j) && verbs.reportsClaim(s, j) && (has(s.token(j), words.speechVerbs())
          || words.crowdPronouns().contains(s.lower(crowd)) || has(s.token(j), words.reportingVerbs()));
      if (reporting || verbs.judgementFrame(s, j) || verbs.beliefAdjective(s, j)) {
        Attributions.add(found, new Span(s.start(crowd), s.end(j)), Attributions.Source.VAGUE);
        return;
      }
    }
  }

  /**
   * "according to IBES data from Refinitiv", "according to a Reuters poll": a named poll or data
   * set in the sentence, whose figures a crowd in it forecast ("analysts had expected").
   */
  boolean polled(TaggedSentence s) {
    for (int i = 0; i + 2 < s.size(); i++) {
      if (s.lower(i).equals("according") && s.lower(i + 1).equals("to")) {
        SourceSubjects.Subject source = SourceSubjects.subjectStartingAt(s, i + 2);
        if (source != null && has(s.token(source.head()), words.pollNouns())) {
          for (int j = source.start(); j <= source.end(); j++) {
            if (s.isName(j) && !words.unaffiliated().contains(s.lower(j))) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }
}
