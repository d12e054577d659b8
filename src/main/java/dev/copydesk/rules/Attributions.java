package dev.copydesk.rules;

import static dev.copydesk.rules.AttributionWords.has;

import dev.copydesk.core.Analysis;
import dev.copydesk.core.Span;
import dev.copydesk.core.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reporting constructions of a draft, found on LanguageTool's tagged and chunked tokens rather
 * than on lists of phrasings: a reporting or belief verb and the noun phrase that is its subject
 * (before it, or after it in "..., said a source"), "according to" and its object, and the
 * agentless passive of a reporting verb ("it was learned", "is said to", "is widely seen as").
 * Each comes with the kind of source it names, judged from the subject's head noun and what is
 * attached to it: an unnamed person or group, a vague crowd, a rumour, or nobody at all.
 *
 * <p>The words (verbs by lemma, nouns by lemma, quantifiers) are the rule file's; the grammar is
 * here.
 */
final class Attributions {

  /** Who a construction pins its claim on. */
  enum Source {
    /** An unnamed person or group who could be named: "officials said", "a person close to the talks". */
    ANONYMOUS,
    /** A crowd nobody can call: "critics argue", "some say", "others fear", "it is widely believed". */
    VAGUE,
    /** Rumour, talk or an unnamed report: "rumours swept the City", "is said to", "according to reports". */
    RUMOUR,
    /**
     * A source the reader can identify: a name, a title with a name, a named body, one the story
     * introduced ("the researchers said", "he said"). Never reported; it owns the agentless hedges
     * of its sentence ("is thought to ..., Blasingame said").
     */
    NAMED,
    /**
     * "They insist", "they concede": a pronoun whose speaker is an earlier sentence's, judged as
     * that speaker was (the rule keeps the thread from sentence to sentence).
     */
    CONTINUED
  }

  /**
   * A sentence's unnamed attributions, and the attributions that are its own (named or not), which
   * own a hedge outside them: "allegedly unhappy ..., the source claimed" is one source, reported
   * once. A hedge inside one is the attribution's own: "bosses reportedly expect". Also the
   * sentence's "they" speakers, and its last speaker with a subject (named or not), whom a "they"
   * in the next sentences may stand for; null when it has none. {@code polled} when a named poll
   * or data set holds the sentence's figures ("according to Refinitiv data"), which makes the
   * crowd that forecast them ("analysts had expected") the poll's.
   */
  record Sentence(List<Attribution> unnamed, List<Span> owners, List<Attribution> continued, Attribution lastSpeaker,
      List<Span> named, boolean polled) {
    boolean owns(Span hedge) {
      return owners.stream().anyMatch(owner -> !owner.overlaps(hedge));
    }

    /**
     * True when a construction the tagged tokens judged named overlaps the span and starts before
     * {@code cue}: a name the words alone do not see ("Commerzbank economists said").
     */
    boolean namedBefore(Span span, int cue) {
      return named.stream().anyMatch(name -> name.overlaps(span) && name.start() < cue);
    }
  }

  /**
   * One reporting construction: where it is, who it pins the claim on, and whether it is
   * agentless (a passive, a hedge word), which a named source in the same sentence owns, and
   * whether its subject is a crowd a later "they" can stand for ("critics argue", "some say").
   */
  record Attribution(Span span, Source source, boolean agentless, boolean crowd) {}

  private final AttributionWords words;
  private final SourceSubjects subjects;
  private final Hedges hedges;
  private final ClaimVerbs verbs;
  private final Crowds crowds;

  Attributions(AttributionWords words) {
    this.words = words;
    this.subjects = new SourceSubjects(words);
    this.hedges = new Hedges(words, subjects);
    this.verbs = new ClaimVerbs(words);
    this.crowds = new Crowds(words, subjects, verbs);
  }

  /** The constructions of one sentence, outside the quotations given. */
  Sentence in(Analysis analysis, Span sentence, List<Span> quotes, Set<String> properWords) {
    // The draft's tokens are in order: the sentence's start from a binary search, not a scan of
    // every token for every sentence, which a draft of many sentences would make quadratic.
    List<Token> all = analysis.tokens();
    int low = 0;
    int high = all.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (all.get(mid).span().start() < sentence.start()) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    List<Token> tokens = new ArrayList<>();
    for (int i = low; i < all.size() && all.get(i).span().start() < sentence.end(); i++) {
      Token token = all.get(i);
      if (sentence.contains(token.span()) && !quoted(token.span(), quotes)) {
        tokens.add(token);
      }
    }
    TaggedSentence s = new TaggedSentence(analysis, tokens, properWords);
    List<Attribution> found = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (s.lower(i).equals("according") && i + 1 < tokens.size() && s.lower(i + 1).equals("to")) {
        sourceObject(s, i, i + 2, found);
      } else if (s.passiveAt(i) && (has(s.token(i), words.passiveVerbs()) || has(s.token(i), words.consensusVerbs())
          || has(s.token(i), words.complementPassives()) || has(s.token(i), words.chargePassives())
          || has(s.token(i), words.creditPassives())
          || has(s.token(i), words.speechVerbs()) && hedges.consensusBefore(s, i))) { // "is widely expected"
        hedges.passive(s, i, found);
      } else if (hedges.reducedPassive(s, i)) {
        boolean rumour = has(s.token(i), words.rumourPassives());
        add(found, new Span(s.start(i), s.end(i + 1)), rumour ? Source.RUMOUR : Source.VAGUE, true);
      } else if (hedges.rumourModifier(s, i)) {
        add(found, new Span(s.start(i), s.end(i)), Source.RUMOUR, true);
      } else if (crowds.beliefAmong(s, i)) {
        crowds.believers(s, i, found);
      } else if (hedges.beliefNoun(s, i)) {
        beliefNounClause(s, i, found);
      } else if (hedges.unownedTalk(s, i, found)) {
        continue; // added by the test, which finds its phrase once
      } else if (s.lower(i).equals("there")) {
        hedges.existential(s, i, found);
      } else if (Hedges.clauseStart(s, i) && (s.lower(i).equals("the") || s.lower(i).equals("a") || s.lower(i).equals("an")
          || s.lower(i).equals("their") || s.token(i).hasTag("JJ") && s.inNounChunk(i) || s.token(i).hasTag("NNS")
          && (has(s.token(i), words.beliefNouns()) || has(s.token(i), words.evidenceNouns()))
          || has(s.token(i), words.rumourNouns()) && s.token(i).hasTag("NN"))) {
        hedges.unownedBelief(s, i, found);
      } else if (Hedges.clauseStart(s, i) && (s.lower(i).equals("to") || s.lower(i).equals("for"))) {
        subjects.crowdJudgement(s, i, found);
      } else if (words.hearsaySubjects().contains(s.lower(i))) {
        subjects.hearsay(s, i, found);
      } else if (has(s.token(i), words.citingVerbs()) && !s.passiveAt(i)) {
        sourceObject(s, i, i + 1, found); // "citing an anonymous government source": the object is the source
      } else if (crowds.crowdRelative(s, i)) {
        crowds.relativeCrowd(s, i, found);
      } else if (verbs.beliefAdjective(s, i)) {
        attributeToSubject(s, ClaimVerbs.copulaBefore(s, i), i, true, found);
      } else if (subjects.quotedAsSaying(s, i)) {
        attributeToSubject(s, SourceSubjects.verbGroupStart(s, i - 2), i, true, found);
      } else if (subjects.genericThey(s, i)) {
        add(found, new Span(s.start(i - 1), s.end(i + 1)), Source.VAGUE);
      } else if (crowds.sharedBelief(s, i)) {
        crowds.sharer(s, i, found);
      } else if (verbs.speechParticiple(s, i)) {
        int main = ClaimVerbs.mainVerb(s, i - 1);
        if (main >= 0) {
          attributeToSubject(s, SourceSubjects.verbGroupStart(s, main), i, true, found);
        }
      } else if (statementBy(s, i)) {
        statementMaker(s, i, found);
      } else if (verbs.isReportingVerb(s, i) && !s.passiveAt(i)) {
        active(s, i, has(s.token(i), words.speechVerbs()), found);
      } else if (verbs.judgementFrame(s, i)) {
        active(s, i, true, found);
      }
    }
    List<Span> owners = new ArrayList<>();
    for (Attribution attribution : found) {
      if (!attribution.agentless() && ownsSentence(s, attribution.span())) {
        owners.add(attribution.span());
      }
    }
    List<Attribution> unnamed = new ArrayList<>();
    List<Attribution> continued = new ArrayList<>();
    Attribution lastSpeaker = null;
    List<Span> named = new ArrayList<>();
    Sentence sentenceOwners = new Sentence(List.of(), owners, List.of(), null, List.of(), false);
    boolean polled = crowds.polled(s);
    for (Attribution attribution : found) {
      if (attribution.source() == Source.NAMED) {
        named.add(attribution.span());
      }
      if (attribution.source() == Source.CONTINUED) {
        continued.add(attribution);
      } else if (attribution.source() != Source.NAMED && !(attribution.agentless() && sentenceOwners.owns(attribution.span()))
          && !(polled && attribution.source() == Source.VAGUE && attribution.crowd())) {
        unnamed.add(attribution);
      }
      if (attribution.source() != Source.CONTINUED && !attribution.agentless()
          && (lastSpeaker == null || lastSpeaker.span().start() < attribution.span().start())) {
        lastSpeaker = attribution;
      }
    }
    return new Sentence(unnamed, owners, continued, lastSpeaker, named, polled);
  }

  /**
   * True when an attribution is the sentence's own, not one nested in its claim: it opens
   * the sentence ("Smith said the plan is thought to ..."), closes it after a comma ("..., the
   * authors said"), or is "according to". "It is now known that Pope John sees ... as" keeps its
   * hedge: the Pope is what is known, not who knows it.
   */
  private static boolean ownsSentence(TaggedSentence s, Span span) {
    int first = 0;
    while (first < s.size() && s.start(first) < span.start()) {
      first++;
    }
    if (first >= s.size()) {
      return false;
    }
    return first == 0 || s.lower(first).equals("according") || s.lower(first - 1).equals(",")
        || s.lower(first - 1).equals("\"") || s.isPunctuation(first - 1);
  }

  /** Adds a construction with a subject unless one already found covers part of it: one finding a construction. */
  static void add(List<Attribution> found, Span span, Source source) {
    add(found, span, source, false);
  }

  static void add(List<Attribution> found, Span span, Source source, boolean agentless) {
    add(found, new Attribution(span, source, agentless, false));
  }

  private static void add(List<Attribution> found, Attribution attribution) {
    for (Attribution earlier : found) {
      if (earlier.span().overlaps(attribution.span())) {
        return;
      }
    }
    found.add(attribution);
  }

  /**
   * An aside between a subject and its verb that keeps the subject's name out of the story: "who
   * asked not to be named", "speaking on condition of anonymity", "speaking privately".
   */
  private boolean anonymityAside(TaggedSentence s, int from, int to) {
    for (int j = from; j < to; j++) {
      boolean verb = s.token(j).hasTag("VB");
      if (has(s.token(j), words.anonymityWords()) && (!verb || s.token(j).hasTag("VBN"))) {
        return true;
      }
    }
    return false;
  }

  /** A reporting verb in the active voice: its subject before it, or after it at a clause's end. */
  private void active(TaggedSentence s, int verb, boolean speech, List<Attribution> found) {
    if (!verbs.reportsClaim(s, verb)) {
      // A finding with no "that" still reports when its subject is evidence: "polls show a lead".
      SourceSubjects.Subject subject = SourceSubjects.subjectEndingAt(s, SourceSubjects.skipAsideBefore(s, SourceSubjects.verbGroupStart(s, verb)));
      boolean evidence = subject != null && has(s.token(subject.head()), words.evidenceNouns());
      if (!evidence || has(s.token(verb), words.intentionVerbs())) {
        return;
      }
    }
    int groupEnd = verb;
    if (verb > 0 && s.lower(verb - 1).equals("to")) {
      if (verb < 2 || !has(s.token(verb - 2), words.raisingVerbs())) {
        return; // "declined to say": the verb has no subject of its own here
      }
      groupEnd = verb - 2; // "are beginning to feel": the subject is the raising verb's
      if (s.token(groupEnd).hasTag("JJ") && groupEnd > 0 && has(s.token(groupEnd - 1), words.copulas())) {
        groupEnd--; // "were quick to point out": the subject is the copula's
      }
    }
    int groupStart = SourceSubjects.verbGroupStart(s, groupEnd);
    if (verbs.noClaimInGroup(s, groupStart, verb)) {
      return; // "cannot tell", "should welcome": an inability or the writer's advice
    }
    if (groupStart > 0 && s.lower(groupStart - 1).equals(",") && verb + 1 < s.size() && s.isName(verb + 1)) {
      // "..., eaten in normal amounts, says Dr. Keys": the name after the verb is the speaker.
      add(found, new Span(s.start(verb), s.end(verb + 1)), Source.NAMED);
      return;
    }
    if (attributeToSubject(s, groupStart, verb, speech, found)) {
      return;
    }
    int conjoined = ClaimVerbs.conjoinedVerb(s, groupStart);
    if (conjoined >= 0) {
      // "Party leaders came out of the meeting and stated that": the first verb's subject.
      attributeToSubject(s, SourceSubjects.verbGroupStart(s, conjoined), verb, speech, found);
      return;
    }
    // "..., said a source." / "say officials": the subject after the verb, the clause over.
    // A sentence's tokens leave its quotations out: '"...", said one military man' starts at "said".
    if ((groupStart == 0 || s.isPunctuation(groupStart - 1) || s.lower(groupStart - 1).equals("\"")) && verb + 1 < s.size()) {
      SourceSubjects.Subject after = SourceSubjects.subjectStartingAt(s, verb + 1);
      boolean clauseOver = after != null && (after.end() + 1 >= s.size() || s.isPunctuation(after.end() + 1)
          || s.lower(after.end() + 1).equals("who")); // "..., says a sportswriter who knows both men."
      if (clauseOver) {
        Source source = SourceSubjects.appositiveName(s, after.end() + 1) ? Source.NAMED : subjects.judge(s, after, speech);
        if (source != null) {
          add(found, new Span(s.start(verb), s.end(after.end())), source);
        }
      }
    }
  }

  /**
   * Judges the subject before the verb group starting at {@code groupStart} (past an aside
   * between commas) and, when it is unnamed, adds the construction up to {@code end}.
   */
  private boolean attributeToSubject(TaggedSentence s, int groupStart, int end, boolean speech, List<Attribution> found) {
    int subjectEnd = SourceSubjects.skipRelativeBefore(s, SourceSubjects.skipAsideBefore(s, groupStart));
    if (talkBeforeRelative(s, subjectEnd, groupStart)) {
      subjectEnd--; // "claims made in a viral post that said": the relative pronoun stands for the post
    }
    SourceSubjects.Subject subject = SourceSubjects.subjectEndingAt(s, subjectEnd);
    if (subject == null || nestedInAnother(s, subject.start())) {
      return false; // "sources said at least two members had argued": the members are the sources' claim
    }
    Source source = subjects.judge(s, subject, speech);
    if (source == Source.NAMED && anonymityAside(s, subject.end() + 1, groupStart) && !has(s.token(subject.head()), words.spokespersonNouns())) {
      // "Government officials, who asked not to be named, said": unnamed by their own wish (a
      // spokesperson who will not be named still speaks for the body, on the record)
      source = Source.ANONYMOUS;
    } else if ((source == Source.VAGUE || source == Source.ANONYMOUS) && crowds.namingAside(s, subject.end() + 1, groupStart)) {
      source = Source.NAMED; // "Critics, including the Harbour Trust, say": named through its members
    }
    Span span = new Span(s.start(subject.start()), s.end(end));
    if (source == null && speech && subject.start() == subject.end() && s.lower(subject.start()).equals("they")) {
      add(found, new Attribution(span, Source.CONTINUED, false, true)); // whoever spoke last speaks again
      return true;
    }
    if (source == null) {
      return false;
    }
    String first = s.lower(subject.start());
    boolean crowd = s.token(subject.head()).hasTag("NNS") || words.quantifiers().contains(first)
        || words.crowdPronouns().contains(s.lower(subject.head()));
    add(found, new Attribution(span, source, false, crowd));
    return true;
  }

  /** "statements by other legislators", "warnings from economists": a statement and who made it. */
  private boolean statementBy(TaggedSentence s, int i) {
    return i + 2 < s.size() && s.token(i).hasTag("NN") && has(s.token(i), words.speechNouns())
        && (s.lower(i + 1).equals("by") || s.lower(i + 1).equals("from"));
  }

  private void statementMaker(TaggedSentence s, int noun, List<Attribution> found) {
    SourceSubjects.Subject maker = SourceSubjects.subjectStartingAt(s, noun + 2);
    Source source = maker == null ? null : subjects.judge(s, maker, true);
    int end = noun + 2;
    while (end + 1 < s.size() && s.inNounChunk(end + 1) && (!s.beginsNounChunk(end + 1) || s.token(end + 1).hasTag("POS"))) {
      end++; // the maker's own noun phrase: "by other legislators", not the claim after it
    }
    if (source != null && source != Source.NAMED) {
      add(found, new Span(s.start(noun), s.end(end)), source);
    }
  }

  /**
   * A "that" or "which" before the verb standing for talk or an outlet that nobody handed on:
   * "claims made in a viral post that said". A law, a motion or a story that "says" is no source,
   * and "published a blog post that said" is the publisher's.
   */
  private boolean talkBeforeRelative(TaggedSentence s, int subjectEnd, int groupStart) {
    if (subjectEnd < 2 || subjectEnd != groupStart
        || !(s.lower(subjectEnd - 1).equals("that") || s.lower(subjectEnd - 1).equals("which"))) {
      return false;
    }
    SourceSubjects.Subject antecedent = SourceSubjects.subjectEndingAt(s, subjectEnd - 1);
    if (antecedent == null) {
      return false;
    }
    Token head = s.token(antecedent.head());
    boolean talk = has(head, words.rumourNouns()) || has(head, words.publicationNouns());
    int before = antecedent.start() - 1;
    return talk && !(before >= 0 && s.inVerbChunk(before));
  }

  /** True when a subject opens the clause reported by another verb: "said (that) two members argued". */
  private boolean nestedInAnother(TaggedSentence s, int subjectStart) {
    int before = subjectStart - 1;
    if (before >= 0 && s.lower(before).equals("that")) {
      before--;
    }
    return before >= 0 && verbs.isReportingVerb(s, before);
  }

  /**
   * "according to people familiar with the matter", "according to reports", "citing an anonymous
   * source": the construction from {@code start}, its source the noun phrase at {@code object}.
   */
  private void sourceObject(TaggedSentence s, int start, int object, List<Attribution> found) {
    SourceSubjects.Subject source = SourceSubjects.subjectStartingAt(s, object);
    if (source == null) {
      return;
    }
    Source kind = subjects.judge(s, source, false);
    if (kind != null) {
      add(found, new Span(s.start(start), s.end(source.end())), kind);
    }
  }

  /**
   * A belief noun's claim: nobody's ("amid growing concerns that"), or, as the object of a verb
   * of holding ("have strong suspicions that", "voiced concerns that"), that verb's subject's.
   * The object of any other verb is the writer's narration: "confirms the belief that". Talk is
   * talk whoever handles it: "denied reports that" is still a rumour.
   */
  private void beliefNounClause(TaggedSentence s, int noun, List<Attribution> found) {
    int start = noun;
    while (start > 0 && s.inNounChunk(start - 1) && !s.beginsNounChunk(start) && !s.isDeterminer(start - 1)) {
      start--; // "growing concerns that"
    }
    int phraseStart = start;
    while (phraseStart > 0 && s.inNounChunk(phraseStart - 1) && !s.beginsNounChunk(phraseStart)) {
      phraseStart--;
    }
    int verb = phraseStart - 1;
    boolean rumour = has(s.token(noun), words.rumourNouns());
    boolean participle = verb >= 0 && s.token(verb).hasTag("VBG"); // "amid growing concerns that"
    // "you've probably heard predictions that": a belief the hearer did not hold, nobody's.
    boolean heard = verb >= 0 && has(s.token(verb), words.hearsayVerbs());
    if (verb >= 0 && s.inVerbChunk(verb) && !participle && !heard && !s.token(verb).lemmas().contains("be") && !rumour) {
      if (has(s.token(verb), words.holdingVerbs())) {
        attributeToSubject(s, SourceSubjects.verbGroupStart(s, verb), noun + 1, true, found);
      }
      return;
    }
    add(found, new Span(s.start(start), s.end(noun + 1)), rumour ? Source.RUMOUR : Source.VAGUE, true);
  }

  private static boolean quoted(Span span, List<Span> quotes) {
    for (Span quote : quotes) {
      if (quote.contains(span)) {
        return true;
      }
    }
    return false;
  }
}
