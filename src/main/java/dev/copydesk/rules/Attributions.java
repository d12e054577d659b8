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
    NAMED
  }

  /**
   * A sentence's unnamed attributions, and the attributions that are its own (named or not), which
   * own a hedge outside them: "allegedly unhappy ..., the source claimed" is one source, reported
   * once. A hedge inside one is the attribution's own: "bosses reportedly expect".
   */
  record Sentence(List<Attribution> unnamed, List<Span> owners) {
    boolean owns(Span hedge) {
      return owners.stream().anyMatch(owner -> !owner.overlaps(hedge));
    }
  }

  /**
   * One reporting construction: where it is, who it pins the claim on, and whether it is
   * agentless (a passive, a hedge word), which a named source in the same sentence owns.
   */
  record Attribution(Span span, Source source, boolean agentless) {}

  private final AttributionWords words;
  private final SourceSubjects subjects;
  private final Hedges hedges;

  Attributions(AttributionWords words) {
    this.words = words;
    this.subjects = new SourceSubjects(words);
    this.hedges = new Hedges(words, subjects);
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
          || has(s.token(i), words.creditPassives()))) {
        hedges.passive(s, i, found);
      } else if (hedges.reducedPassive(s, i)) {
        boolean rumour = has(s.token(i), words.rumourPassives());
        add(found, new Span(s.start(i), s.end(i + 1)), rumour ? Source.RUMOUR : Source.VAGUE, true);
      } else if (hedges.rumourModifier(s, i)) {
        add(found, new Span(s.start(i), s.end(i)), Source.RUMOUR, true);
      } else if (hedges.beliefNoun(s, i)) {
        beliefNounClause(s, i, found);
      } else if (s.lower(i).equals("there")) {
        hedges.existential(s, i, found);
      } else if (Hedges.clauseStart(s, i) && (s.lower(i).equals("the") || s.token(i).hasTag("NNS")
          && (has(s.token(i), words.beliefNouns()) || has(s.token(i), words.evidenceNouns()))
          || has(s.token(i), words.rumourNouns()) && s.token(i).hasTag("NN"))) {
        hedges.unownedBelief(s, i, found);
      } else if (Hedges.clauseStart(s, i) && (s.lower(i).equals("to") || s.lower(i).equals("for"))) {
        subjects.crowdJudgement(s, i, found);
      } else if (words.hearsaySubjects().contains(s.lower(i))) {
        subjects.hearsay(s, i, found);
      } else if (has(s.token(i), words.citingVerbs()) && !s.passiveAt(i)) {
        sourceObject(s, i, i + 1, found); // "citing an anonymous government source": the object is the source
      } else if (crowdRelative(s, i)) {
        relativeCrowd(s, i, found);
      } else if (beliefAdjective(s, i)) {
        int copula = i - 1;
        while (copula > 0 && s.isAdverb(copula)) {
          copula--;
        }
        attributeToSubject(s, copula, i, true, found);
      } else if (subjects.quotedAsSaying(s, i)) {
        attributeToSubject(s, SourceSubjects.verbGroupStart(s, i - 2), i, true, found);
      } else if (subjects.genericThey(s, i)) {
        add(found, new Span(s.start(i - 1), s.end(i + 1)), Source.VAGUE);
      } else if (sharedBelief(s, i)) {
        sharer(s, i, found);
      } else if (isReportingVerb(s, i) && !s.passiveAt(i)) {
        active(s, i, has(s.token(i), words.speechVerbs()), found);
      } else if (judgementFrame(s, i)) {
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
    Sentence sentenceOwners = new Sentence(List.of(), owners);
    for (Attribution attribution : found) {
      if (attribution.source() != Source.NAMED && !(attribution.agentless() && sentenceOwners.owns(attribution.span()))) {
        unnamed.add(attribution);
      }
    }
    return new Sentence(unnamed, owners);
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
    for (Attribution earlier : found) {
      if (earlier.span().overlaps(span)) {
        return;
      }
    }
    found.add(new Attribution(span, source, agentless));
  }

  /**
   * "as did most others", "as do many economists": after a clause of belief, a crowd that shares
   * it. The "as" and a form of "do" right before a crowd.
   */
  private boolean sharedBelief(TaggedSentence s, int i) {
    return i > 0 && s.isPunctuation(i - 1) && s.lower(i).equals("as") && i + 2 < s.size()
        && s.token(i + 1).lemmas().contains("do");
  }

  private void sharer(TaggedSentence s, int as, List<Attribution> found) {
    SourceSubjects.Subject crowd = SourceSubjects.subjectStartingAt(s, as + 2);
    if (crowd == null) {
      return;
    }
    boolean belief = false;
    for (int j = as - 1; j >= 0 && !belief; j--) {
      belief = isReportingVerb(s, j) && has(s.token(j), words.speechVerbs()) || judgementFrame(s, j)
          || has(s.token(j), words.judgementVerbs()) && finite(s, j);
    }
    Source source = belief ? subjects.judge(s, crowd, true) : null;
    if (source == Source.VAGUE) {
      add(found, new Span(s.start(as), s.end(crowd.end())), source);
    }
  }

  /** A finite reporting verb, or one after an auxiliary: "said", "has argued"; never "statements indicating". */
  private boolean isReportingVerb(TaggedSentence s, int i) {
    Token token = s.token(i);
    return finite(s, i) && has(token, words.reportingVerbs());
  }

  /** A verb with a subject of its own: finite, after an auxiliary, or progressive ("are urging"). */
  private static boolean finite(TaggedSentence s, int i) {
    Token token = s.token(i);
    boolean finite = token.tags().stream().anyMatch(tag -> tag.equals("VBD") || tag.equals("VBZ") || tag.equals("VBP")
        || tag.equals("VB") || tag.equals("VBN"));
    boolean progressive = token.hasTag("VBG") && i > 0 && s.inVerbChunk(i - 1)
        && s.token(i - 1).lemmas().contains("be");
    return (finite || progressive) && s.inVerbChunk(i);
  }

  /**
   * A verb of judgement or perception in the frame that makes it a belief: "see the move as",
   * "take these signs to mean", "realize that". Without it the verb is an act: "saw flames".
   */
  private boolean judgementFrame(TaggedSentence s, int i) {
    Token token = s.token(i);
    if (!finite(s, i) || s.passiveAt(i) || !has(token, words.judgementVerbs())) {
      return false;
    }
    if (i + 1 < s.size() && s.lower(i + 1).equals("that")) {
      return true;
    }
    if (token.lemmas().contains("know")) {
      return false; // "known as": a name, not a belief
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

  /** A reporting verb in the active voice: its subject before it, or after it at a clause's end. */
  private void active(TaggedSentence s, int verb, boolean speech, List<Attribution> found) {
    if (!reportsClaim(s, verb)) {
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
    }
    int groupStart = SourceSubjects.verbGroupStart(s, groupEnd);
    if (attributeToSubject(s, groupStart, verb, speech, found)) {
      return;
    }
    // "..., said a source." / "say officials": the subject after the verb, the clause over.
    // A sentence's tokens leave its quotations out: '"...", said one military man' starts at "said".
    if ((groupStart == 0 || s.isPunctuation(groupStart - 1) || s.lower(groupStart - 1).equals("\"")) && verb + 1 < s.size()) {
      SourceSubjects.Subject after = SourceSubjects.subjectStartingAt(s, verb + 1);
      if (after != null && (after.end() + 1 >= s.size() || s.isPunctuation(after.end() + 1))) {
        Source source = SourceSubjects.appositiveName(s, after.end() + 1) ? Source.NAMED : subjects.judge(s, after, speech);
        if (source != null) {
          add(found, new Span(s.start(verb), s.end(after.end())), source);
        }
      }
    }
  }

  /**
   * False where the verb's complement makes it an act or a plan rather than a claim: "users
   * expect to pick up" (an intention verb before "to"), "found the car", "assumed her duties" (a
   * verb that reports only with "that": "found that").
   */
  private boolean reportsClaim(TaggedSentence s, int verb) {
    Token token = s.token(verb);
    String next = verb + 1 < s.size() ? s.lower(verb + 1) : "";
    if (has(token, words.intentionVerbs()) && next.equals("to")) {
      return false;
    }
    return !has(token, words.clauseVerbs()) || next.equals("that") || next.equals(",");
  }

  /**
   * Judges the subject before the verb group starting at {@code groupStart} (past an aside
   * between commas) and, when it is unnamed, adds the construction up to {@code end}.
   */
  private boolean attributeToSubject(TaggedSentence s, int groupStart, int end, boolean speech, List<Attribution> found) {
    int subjectEnd = SourceSubjects.skipAsideBefore(s, groupStart);
    SourceSubjects.Subject subject = SourceSubjects.subjectEndingAt(s, subjectEnd);
    if (subject == null || nestedInAnother(s, subject.start())) {
      return false; // "sources said at least two members had argued": the members are the sources' claim
    }
    Source source = subjects.judge(s, subject, speech);
    if (source == null) {
      return false;
    }
    add(found, new Span(s.start(subject.start()), s.end(end)), source);
    return true;
  }

  /** True when a subject opens the clause reported by another verb: "said (that) two members argued". */
  private boolean nestedInAnother(TaggedSentence s, int subjectStart) {
    int before = subjectStart - 1;
    if (before >= 0 && s.lower(before).equals("that")) {
      before--;
    }
    return before >= 0 && isReportingVerb(s, before);
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
   * "those who", "everyone who", "legislators who": a crowd defined by what it did or thinks. After
   * a verb other than "be" it is that verb's object: "corrected those who said".
   */
  private boolean crowdRelative(TaggedSentence s, int i) {
    int relative = i + 1 < s.size() && s.lower(i + 1).equals(",") ? i + 2 : i + 1; // "innumerable postmen, who"
    if (relative >= s.size()) {
      return false;
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
    boolean pronoun = words.crowdPronouns().contains(s.lower(i));
    boolean barePlural = s.token(i).hasTag("NNS") && !s.isName(i) && (i == 0 || !s.inNounChunk(i - 1)
        || !s.isDeterminer(i - 1) && !s.token(i - 1).hasTag("NN"));
    return pronoun || barePlural && !has(s.token(i), words.institutionNouns());
  }

  /**
   * The crowd's first reporting or judging verb, in its relative clause ("others who feel", "those
   * who predict") or after it ("those who backed the plan hailed it"), within the clause.
   */
  private void relativeCrowd(TaggedSentence s, int crowd, List<Attribution> found) {
    for (int j = crowd + 2; j < s.size() && j <= crowd + 18; j++) {
      if (j == crowd + 2 && s.lower(crowd + 1).equals(",")) {
        continue; // the relative pronoun after the comma
      }
      if (s.lower(j).equals(".") || s.lower(j).equals(";") || s.lower(j).equals(":")) {
        return;
      }
      boolean reporting = isReportingVerb(s, j) && !s.passiveAt(j) && reportsClaim(s, j) && (has(s.token(j), words.speechVerbs())
          || words.crowdPronouns().contains(s.lower(crowd)) || has(s.token(j), words.reportingVerbs()));
      if (reporting || judgementFrame(s, j) || beliefAdjective(s, j)) {
        add(found, new Span(s.start(crowd), s.end(j)), Source.VAGUE);
        return;
      }
    }
  }

  /** "are optimistic that", "remain skeptical of", "were all agreed": a belief stated as a state of mind. */
  private boolean beliefAdjective(TaggedSentence s, int i) {
    boolean beliefWord = has(s.token(i), words.beliefAdjectives()) || words.beliefAdjectives().contains(s.lower(i));
    if (i == 0 || !beliefWord || s.inNounChunk(i) && !s.token(i).hasTag("VBN")
        && i + 1 < s.size() && s.token(i + 1).hasTag("NN")) {
      return false; // "a confident smile": the adjective of a noun
    }
    int copula = i - 1;
    while (copula > 0 && s.isAdverb(copula) || copula > 0 && s.lower(copula).equals("all")) {
      copula--;
    }
    return has(s.token(copula), words.copulas()) && s.inVerbChunk(copula);
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
    if (verb >= 0 && s.inVerbChunk(verb) && !participle && !s.token(verb).lemmas().contains("be") && !rumour) {
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
