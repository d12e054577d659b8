package dev.copydesk.rules;

import static dev.copydesk.rules.AttributionWords.has;

import dev.copydesk.core.Span;
import dev.copydesk.core.Token;
import java.util.List;

/**
 * The agentless constructions: a claim made by nobody the grammar names. The passive of a
 * reporting or belief verb ("it was learned", "is widely seen as", "was considered the logical
 * choice"), the reduced passive ("Kansas, regarded as tops"), "there were reports of", an unowned
 * belief ("the feeling was that", "indications are that") and a rumour word before its noun ("the
 * reported plan"). A sentence that carries an attribution of its own owns them (see
 * {@link Attributions.Sentence}).
 */
final class Hedges {

  private final AttributionWords words;
  private final SourceSubjects subjects;

  Hedges(AttributionWords words, SourceSubjects subjects) {
    this.words = words;
    this.subjects = subjects;
  }

  /**
   * The agentless passive of a reporting or belief verb: "it was learned that", "is said to",
   * "has long been considered", "is widely seen as", "was considered the logical choice", "is
   * accused of", "was told". A "by" after it names the agent; "told to" is an instruction, not a
   * claim; "expected to" alone is the writer's forecast.
   */
  void passive(TaggedSentence s, int verb, List<Attributions.Attribution> found) {
    int by = -1;
    for (int j = verb + 1; j < Math.min(s.size(), verb + 4) && by < 0; j++) {
      if (s.lower(j).equals("by")) {
        by = j;
      }
      if (s.lower(j).equals("in") && j + 1 < s.size() && (s.token(j + 1).hasTag("PRP$") || s.isName(j + 1))) {
        return; // "has been reported in your newspapers", "was reported in Le Monde": where, named
      }
    }
    Token token = s.token(verb);
    String next = verb + 1 < s.size() ? s.lower(verb + 1) : "";
    String afterAs = verb + 2 < s.size() ? s.lower(verb + 2) : "";
    int start = groupStart(s, verb);
    boolean what = start > 0 && s.lower(start - 1).equals("what");
    if (token.lemmas().contains("know") && next.equals("as") && (what || !words.indefinites().contains(afterAs))) {
      return; // "was known as the Black Death": a name; "is known as a deep thinker" is a reputation
    }
    boolean consensus = consensusBefore(s, verb);
    // "it could be argued that", "it might be said that": the weasel's own form, a claim put in
    // nobody's mouth; a modal otherwise makes a possibility ("would be considered") or the
    // writer's own assertion ("it can be said that").
    boolean weasel = start > 0 && s.lower(start - 1).equals("it") && next.equals("that") && has(token, words.speechVerbs())
        && words.weaselModals().contains(s.lower(start));
    for (int j = start; j < verb && !weasel; j++) {
      if (words.modals().contains(s.lower(j)) || s.lower(j).equals("to")) {
        return;
      }
    }
    if (start > 0 && (s.lower(start - 1).equals("to") || words.modals().contains(s.lower(start - 1)))) {
      return; // "to be seen", "want to be considered"
    }
    if (by >= 0) {
      // "was disclosed today by a responsible source", "is considered by experts": the agent is
      // the source. (Not for a charge: "accused of rape by a woman" is the complaint in a case.)
      SourceSubjects.Subject agent = has(token, words.chargePassives()) ? null : SourceSubjects.subjectStartingAt(s, by + 1);
      Attributions.Source source = agent == null ? null : subjects.judge(s, agent, true);
      if (source != null) {
        Attributions.add(found, new Span(s.start(verb), s.end(agent.end())), source);
      }
      return;
    }
    boolean impersonal = start > 0 && s.lower(start - 1).equals("it");
    boolean infinitive = next.equals("to") && verb + 2 < s.size() && s.token(verb + 2).hasTag("VB");
    boolean clause = next.equals("that") || infinitive || (next.equals("as") && (!token.lemmas().contains("know")
        || words.indefinites().contains(afterAs)));
    // "was considered the logical choice", "were felt necessary": somebody's judgement, unnamed.
    boolean complement = has(token, words.complementPassives()) && verb + 1 < s.size()
        && (s.token(verb + 1).hasTag("JJ") && !s.inNounChunk(verb + 1) || s.token(verb + 1).hasTag("DT")
            && !next.equals("that") && !next.equals("this"));
    // "is accused of", "is credited with": a charge or a credit, laid by nobody.
    // A charge of an act ("is accused of driving the getaway car") is a legal charge, the AP's
    // wording for one, and not a claim the story leaves unsourced.
    boolean charge = has(token, words.chargePassives()) && next.equals("of")
        && !(verb + 2 < s.size() && s.token(verb + 2).hasTag("VBG"))
        || has(token, words.creditPassives()) && (next.equals("with") || next.equals("for") || next.equals("on"));
    // "were reported trying", "have been reported increasing": a report of something going on.
    boolean ongoing = has(token, words.rumourPassives()) && verb + 1 < s.size() && s.token(verb + 1).hasTag("VBG");
    // "Judge Parsons was told", "I am told": told by whom? (But "told to leave" is an order.)
    // (Not a story: "it is told with fire", "the tale which is told" tell of no claim.)
    String beforeGroup = start > 0 ? s.lower(start - 1) : "";
    if (token.lemmas().contains("tell") && (beforeGroup.equals("it") || beforeGroup.equals("which")) && !next.equals("that")) {
      return;
    }
    boolean toldUs = start > 0 && (s.lower(start - 1).equals("i") || s.lower(start - 1).equals("we"));
    // "We've been told about times": whoever told the writer is the source, of whatever.
    boolean told = token.lemmas().contains("tell") && !next.equals("to") && (toldUs || !next.equals("about") && !next.equals("of"));
    boolean passiveVerb = has(token, words.passiveVerbs());
    if (!(impersonal || consensus) && !(passiveVerb && clause) && !complement && !charge && !ongoing && !told) {
      return; // "the incident was reported", "is known": the event, not a claim about it
    }
    if (!passiveVerb && has(token, words.consensusVerbs()) && !(impersonal || consensus)) {
      return; // "was agreed", "was received": a consensus only with "it" or "widely", "generally"
    }
    boolean seeing = token.lemmas().contains("see") || token.lemmas().contains("view");
    if (seeing && !next.equals("as") && !next.equals("to") && !consensus) {
      return; // "was seen leaving": the eyes, not a belief
    }
    if (token.lemmas().contains("tell") && next.equals("to")) {
      return; // "residents were told to leave"
    }
    if (impersonal) {
      start--;
    }
    boolean firstPerson = start > 0 && (s.lower(start - 1).equals("i") || s.lower(start - 1).equals("we"));
    if (told && firstPerson) {
      Attributions.add(found, new Span(s.start(start - 1), s.end(verb)), Attributions.Source.ANONYMOUS); // "I am told": the writer's source
      return;
    }
    boolean rumour = has(token, words.rumourPassives());
    int end = next.equals("that") || impersonal && !clause || complement || told ? verb : verb + 1; // "is said to", "is seen as"
    Attributions.add(found, new Span(s.start(start), s.end(end)), rumour ? Attributions.Source.RUMOUR : Attributions.Source.VAGUE, true);
  }

  /** "is widely expected", "are generally tipped": a consensus adverb in the passive's verb group. */
  boolean consensusBefore(TaggedSentence s, int verb) {
    for (int j = groupStart(s, verb); j < verb; j++) {
      if (words.consensusAdverbs().contains(s.lower(j))) {
        return true;
      }
    }
    return false;
  }

  /** A "that" opening a clause in {@code [from, to)}, with only a noun phrase before it: "in the market that". */
  private static boolean clauseWithin(TaggedSentence s, int from, int to) {
    for (int j = from; j < Math.min(to, s.size()); j++) {
      if (s.lower(j).equals("that")) {
        return true;
      }
      if (!s.inNounChunk(j) || s.isPunctuation(j)) {
        return false;
      }
    }
    return false;
  }

  /** The first token of the verb group a passive participle ends, adverbs included: "is widely". */
  private static int groupStart(TaggedSentence s, int verb) {
    int start = verb;
    while (start > 0 && (s.inVerbChunk(start - 1) || s.isAdverb(start - 1)) && !s.isPunctuation(start - 1)) {
      start--;
    }
    return start;
  }

  /**
   * "There were reports of", "there is growing concern that", "there was reason to believe":
   * a belief, talk or evidence that exists with nobody holding it.
   */
  void existential(TaggedSentence s, int there, List<Attributions.Attribution> found) {
    int j = there + 1;
    while (j < s.size() && (s.isAdverb(j) || words.modals().contains(s.lower(j)))) {
      j++;
    }
    if (j >= s.size() || !(s.token(j).lemmas().contains("be") || s.token(j).lemmas().contains("remain"))) {
      return;
    }
    for (int k = j + 1; k < s.size() && k <= j + 5 && !s.isPunctuation(k); k++) {
      Token noun = s.token(k);
      if (s.token(k).hasTag("PRP$") || s.token(k).hasTag("POS") || s.isName(k)) {
        return; // "there was Smith's view that": somebody's
      }
      if (words.negations().contains(s.lower(k))) {
        return; // "there is no reason to think", "there can be no doubt": the writer's own judgement
      }
      if (!noun.hasTag("NN") || k + 1 < s.size() && s.inNounChunk(k + 1) && !s.beginsNounChunk(k + 1)
          && s.token(k + 1).hasTag("NN")) {
        continue; // "some avant garde indication that": the chunk's last noun decides
      }
      String after = k + 1 < s.size() ? s.lower(k + 1) : "";
      boolean talk = has(noun, words.rumourNouns()) || has(noun, words.beliefNouns());
      boolean evidence = has(noun, words.evidenceNouns());
      // "there is speculation in the market that": where the talk is, between it and its clause.
      boolean placed = words.placePrepositions().contains(after) && clauseWithin(s, k + 2, k + 7);
      boolean held = talk && (after.equals("that") || after.equals("of") || after.equals("about") || after.equals("among") || placed);
      boolean shown = evidence && (after.equals("that") || after.equals("to") && k + 2 < s.size()
          && has(s.token(k + 2), words.reportingVerbs()));
      if (held || shown) {
        Attributions.add(found, new Span(s.start(there), s.end(k)), has(noun, words.rumourNouns()) ? Attributions.Source.RUMOUR : Attributions.Source.VAGUE, true);
      }
      return; // the first noun decides: "there were three reports" is a count, not talk
    }
  }

  /** True at a clause's first token: the sentence's, or after punctuation or a conjunction. */
  static boolean clauseStart(TaggedSentence s, int i) {
    return i == 0 || s.isPunctuation(i - 1) || s.token(i - 1).hasTag("CC");
  }

  /**
   * "The feeling was that", "the prevailing attitude seemed to be that", "indications are that",
   * "the argument went": a belief, talk or evidence with no holder, the subject of "be" (or
   * "seem", "appear") with a clause, or of "go" closing a clause. Only where a clause begins:
   * "confirms the belief that" is the writer's object.
   */
  void unownedBelief(TaggedSentence s, int first, List<Attributions.Attribution> found) {
    int noun = first;
    boolean possessed = s.lower(first).equals("their");
    if (s.lower(first).equals("the") || s.lower(first).equals("a") || s.lower(first).equals("an") || possessed
        || s.token(first).hasTag("JJ")) {
      noun = first + 1;
      while (noun + 1 < s.size() && s.inNounChunk(noun + 1) && !s.beginsNounChunk(noun + 1)) {
        noun++; // "the prevailing official attitude": the chunk's last noun is its head
      }
    }
    boolean belief = noun < s.size() && has(s.token(noun), words.beliefNouns());
    boolean evidence = noun < s.size() && first == noun && has(s.token(noun), words.evidenceNouns());
    if (!(belief || evidence) || noun + 1 >= s.size()) {
      return;
    }
    for (int i = possessed ? first + 1 : first; i <= noun; i++) {
      if (s.token(i).hasTag("PRP$") || s.token(i).hasTag("POS") || s.isName(i)) {
        return; // "Smith's view is that": somebody's ("Their view is that" is whoever spoke last)
      }
    }
    int verb = noun + 1;
    if (verb + 1 < s.size() && words.placePrepositions().contains(s.lower(verb)) && s.inNounChunk(verb + 1)) {
      // "the general view in the market was that", "talk on the floor was that": where it is held
      verb++;
      while (verb < s.size() && s.inNounChunk(verb)) {
        verb++;
      }
    }
    while (verb < s.size() && s.isAdverb(verb)) {
      verb++;
    }
    if (verb >= s.size()) {
      return;
    }
    Token token = s.token(verb);
    String after = verb + 1 < s.size() ? s.lower(verb + 1) : "";
    boolean seeming = (token.lemmas().contains("seem") || token.lemmas().contains("appear"))
        && (after.equals("to") || after.equals("that")); // "recent impressions appear that"
    // "The impression was unmistakable that": an adjective between "be" and the clause.
    boolean judged = verb + 2 < s.size() && s.token(verb + 1).hasTag("JJ") && s.lower(verb + 2).equals("that");
    boolean copular = token.lemmas().contains("be") && (after.equals("that") || after.equals("to") || judged) || seeming;
    boolean going = token.lemmas().contains("go") && (verb + 1 >= s.size() || s.isPunctuation(verb + 1));
    // "Rumours swept the City that", "Speculation grew that": talk with any verb, and its claim.
    // "A strong conviction grew that": a belief, unowned, with any verb and its claim.
    boolean talkThat = (has(s.token(noun), words.rumourNouns()) || !s.lower(first).equals("the") && belief)
        && s.inVerbChunk(verb) && thatClauseAfter(s, verb);
    boolean indefinite = s.lower(first).equals("a") || s.lower(first).equals("an");
    if (possessed && copular) {
      found.add(new Attributions.Attribution(new Span(s.start(first), s.end(noun)), Attributions.Source.CONTINUED, false, true));
    } else if (copular && !indefinite || going || talkThat) {
      Attributions.add(found, new Span(s.start(first), s.end(noun)), has(s.token(noun), words.rumourNouns()) ? Attributions.Source.RUMOUR : Attributions.Source.VAGUE,
          true);
    }
  }

  /**
   * A "that" opening a clause within the next few words of the clause that {@code verb} heads, and
   * not another belief's: "Talks stalled amid concerns that" is the concerns' clause.
   */
  private boolean thatClauseAfter(TaggedSentence s, int verb) {
    for (int j = verb + 1; j < s.size() && j <= verb + 6 && !s.isPunctuation(j); j++) {
      if (s.lower(j).equals("that")) {
        return true;
      }
      if (has(s.token(j), words.beliefNouns())) {
        return false;
      }
    }
    return false;
  }

  /**
   * A passive participle with no "be" before it, after a comma or a noun and before "as" or
   * "to": "Kansas, regarded as tops", "a no-hit game, said to be the first". Nobody does the
   * regarding.
   */
  boolean reducedPassive(TaggedSentence s, int i) {
    Token token = s.token(i);
    if (i == 0 || i + 1 >= s.size() || !token.hasTag("VBN") || s.passiveAt(i)
        || !token.lemmas().stream().anyMatch(words.passiveVerbs()::contains)) {
      return false;
    }
    String next = s.lower(i + 1);
    // ("Remarque hoped to tell us": after a name, a past tense with its subject.)
    boolean before = s.lower(i - 1).equals(",") || (s.inNounChunk(i - 1) && !s.token(i - 1).hasTag("PRP") && !s.isName(i - 1));
    boolean previousAuxiliary = s.token(i - 1).lemmas().contains("have") || s.isAdverb(i - 1) && i > 1
        && s.token(i - 2).lemmas().contains("have");
    // "reported to him", "agreed to a series": a finite verb and its object, not "said to be".
    boolean infinitive = next.equals("to") && i + 2 < s.size() && s.token(i + 2).hasTag("VB")
        && !s.token(i + 2).hasTag("VBN") && !s.token(i + 2).hasTag("VBD");
    return before && !previousAuxiliary && (next.equals("as") || infinitive) && !token.lemmas().contains("know");
  }

  /** "the reported plan", "the alleged bribe": a rumour standing before its noun. */
  boolean rumourModifier(TaggedSentence s, int i) {
    return i + 1 < s.size() && words.rumourModifiers().contains(s.lower(i)) && s.inNounChunk(i + 1)
        && !s.inVerbChunk(i) && s.token(i + 1).hasTag("NN");
  }

  /**
   * Talk with nobody's name on it where it stands as a source: "speculation centred on a
   * merger", "the shares rose on takeover speculation", "market talk pointed to a cut". Adds it
   * and returns true; false for talk that is somebody's ("his speculation"), the story's own ("the
   * rumours were denied", "a buzz"), denied ("no speculation"), or the verb ("dockers talk of").
   */
  boolean unownedTalk(TaggedSentence s, int i, List<Attributions.Attribution> found) {
    int start = talkStart(s, i);
    if (start < 0) {
      return false;
    }
    Attributions.add(found, new Span(s.start(start), s.end(i)), Attributions.Source.RUMOUR, true);
    return true;
  }

  /** The first token of the unowned talk's noun phrase ending at {@code i}, or -1. */
  private int talkStart(TaggedSentence s, int i) {
    boolean noun = (s.token(i).hasTag("NN") || s.token(i).hasTag("NNS")) && !s.isName(i) && !s.lower(i).equals("talks");
    // (talk that is rumour, not a sound: "whispers" may be a voice; "talks" are negotiations)
    boolean talk = has(s.token(i), words.talkNouns()) && has(s.token(i), words.rumourNouns());
    if (!noun || !talk || s.inVerbChunk(i) || s.token(i).hasTag("VBG")
        || i + 1 < s.size() && s.inNounChunk(i + 1) && !s.beginsNounChunk(i + 1)) {
      return -1; // ("gossip columns": a modifier, not the head)
    }
    if (i > 0 && (s.lower(i - 1).equals("to") || subjectBefore(s, i))) {
      return -1;
    }
    int start = i;
    while (start > 0 && s.inNounChunk(start - 1) && !s.beginsNounChunk(start)) {
      start--;
    }
    for (int j = start; j < i; j++) {
      if (s.isDeterminer(j) || s.token(j).hasTag("POS") || s.isName(j)
          || words.negations().contains(s.lower(j))) {
        return -1;
      }
    }
    // Where talk stands as a source: a clause's subject ("speculation centred on"), or the
    // cause a market moved on ("rose on takeover speculation", "amid rumours"); elsewhere it is
    // talk as a thing ("a lot of talk about", "generated tremendous buzz").
    int verb = i + 1;
    if (verb + 1 < s.size() && (s.lower(verb).equals("about") || s.lower(verb).equals("of")) && s.inNounChunk(verb + 1)) {
      verb += 2; // "speculation about a bid has mounted": what the talk is of, between it and its verb
      while (verb < s.size() && s.inNounChunk(verb) && !s.beginsNounChunk(verb)) {
        verb++;
      }
    }
    boolean subject = clauseStart(s, start) && verb < s.size() && ClaimVerbs.finite(s, verb);
    boolean cause = start > 0 && words.talkPrepositions().contains(s.lower(start - 1));
    return subject || cause ? start : -1;
  }

  /** A plural noun, name or pronoun before a word, which makes it a verb: "dockers talk of", "they talk of". */
  private static boolean subjectBefore(TaggedSentence s, int i) {
    return s.token(i - 1).hasTag("NNS") || s.token(i - 1).hasTag("NNP") || s.token(i - 1).hasTag("NNPS")
        || s.token(i - 1).hasTag("PRP");
  }

  /**
   * A noun of belief or talk with its "that" clause and nobody's name on it: "the feeling that",
   * "growing concerns that", "rumours that". "Smith's belief that", "his view that" have an owner.
   */
  boolean beliefNoun(TaggedSentence s, int i) {
    String next = i + 1 < s.size() ? s.lower(i + 1) : "";
    boolean talk = s.token(i).lemmas().stream().anyMatch(words.rumourNouns()::contains);
    // "rose on rumours of a bid", "amid speculation of a merger": talk of something, nobody's, as
    // much as talk that it is so; but "to talk of", "talking of" are the verb, and "the reports
    // of the committee" are its documents.
    boolean talkOf = next.equals("of") && has(s.token(i), words.talkNouns()) && !s.inVerbChunk(i) && !s.token(i).hasTag("VBG")
        && !(i > 0 && (s.lower(i - 1).equals("to") || s.isDeterminer(i - 1) || subjectBefore(s, i)));
    boolean beliefClause = next.equals("that") && has(s.token(i), words.beliefNouns());
    if (!beliefClause && !talkOf || !s.token(i).hasTag("NN")) {
      return false;
    }
    if (i + 2 < s.size() && (s.inVerbChunk(i + 2) || s.token(i + 2).hasTag("MD"))) {
      return false; // "reports that depicted", "theories that have been circulated": a relative clause
    }
    int phraseStart = i;
    while (phraseStart > 0 && s.inNounChunk(phraseStart - 1) && !s.beginsNounChunk(phraseStart)) {
      phraseStart--;
    }
    // "took the view that", "hold the belief that": the holder is the verb's subject, however the noun is determined.
    boolean held = phraseStart > 0 && has(s.token(phraseStart - 1), words.holdingVerbs()) && s.inVerbChunk(phraseStart - 1)
        && !s.token(phraseStart - 1).hasTag("VBG"); // ("expressing the hope that" is the participle's subject's, not nobody's)
    if (!held && !s.token(i).hasTag("NNS") && !(talk && (i == 0 || !words.definiteWords().contains(s.lower(i - 1))))) {
      return false; // "the impression that", "the report that": one holder's, or one document's
    }
    for (int j = i - 1; j >= phraseStart; j--) {
      if (s.token(j).hasTag("PRP$") || s.token(j).hasTag("POS") || s.isName(j)) {
        return false;
      }
    }
    return true;
  }
}
