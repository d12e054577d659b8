package dev.copydesk.rules;

import static dev.copydesk.rules.AttributionWords.has;

import dev.copydesk.core.Span;
import dev.copydesk.core.Token;
import java.util.List;

/**
 * The source of an attribution: the noun phrase that is a reporting verb's subject (before it,
 * past an aside between commas, or after it at a clause's end), or the object of "according to",
 * "citing" or a passive's "by"; and who that is, judged from its head noun and what is attached to
 * it: a name, a title with a name, an institution, an unnamed person, a vague crowd, a rumour.
 * Also the two sources that stand without a verb of their own: a crowd before a comma ("to
 * many,") and the writer's own unnamed informant ("I understand").
 */
final class SourceSubjects {

  /** The longest aside between commas skipped between a subject and its verb ("Officials, though, doubted"). */
  private static final int MAX_ASIDE_TOKENS = 25;

  /** How many tokens a subject complex may run to the left of its verb ("people familiar with the matter"). */
  private static final int MAX_SUBJECT_TOKENS = 12;
  private static final List<String> AUXILIARIES = List.of("be", "have", "do", "get", "become");

  /** A subject complex: its first and last token, and its head noun (the first noun phrase's last noun). */
  record Subject(int start, int end, int head) {}

  private final AttributionWords words;
  private final PlaceNames places;

  SourceSubjects(AttributionWords words) {
    this.words = words;
    this.places = new PlaceNames(words);
  }

  /** Steps back over an aside between commas ("Officials, though, doubted"); the index the subject ends before. */
  static int skipAsideBefore(TaggedSentence s, int verbStart) {
    int end = verbStart;
    while (end > 0 && s.isAdverb(end - 1)) {
      end--;
    }
    if (end > 0 && s.lower(end - 1).equals(",")) {
      for (int j = end - 2; j >= 0 && end - j <= MAX_ASIDE_TOKENS; j--) {
        if (s.lower(j).equals(",")) {
          return j;
        }
      }
    }
    return end;
  }

  /**
   * Steps back over a relative clause between a subject and its verb: "a sportswriter who knows
   * both men says" is the sportswriter's. The index the subject ends before.
   */
  static int skipRelativeBefore(TaggedSentence s, int end) {
    for (int j = end - 2; j > 0 && end - j <= MAX_SUBJECT_TOKENS; j--) {
      if (s.isPunctuation(j) || s.token(j).hasTag("CC")) {
        return end;
      }
      if (s.lower(j).equals("who") && s.inNounChunk(j - 1) && !s.token(j - 1).hasTag("PRP")) {
        return j;
      }
    }
    return end;
  }

  /** The subject complex ending just before {@code end}: noun phrases joined by prepositions and adjectives. */
  static Subject subjectEndingAt(TaggedSentence s, int end) {
    int last = end - 1;
    if (last < 0 || !s.inNounChunk(last)) {
      return null;
    }
    int start = last;
    if (last > 0 && (s.lower(last).endsWith("selves") || s.lower(last).endsWith("self")) && s.inNounChunk(last - 1)) {
      start = last - 1; // "Southern whites themselves": the emphatic pronoun stands with its noun
    }
    int firstPhraseEnd = start;
    while (start > 0 && last - start < MAX_SUBJECT_TOKENS) {
      int previous = start - 1;
      if (s.inNounChunk(previous) && !s.beginsNounChunk(start) && !pronounAfterNoun(s, start)) {
        start = previous; // (but "the moment of truth everyone could see": the pronoun is a phrase of its own)
      } else if (s.token(start).hasTag("POS") && s.inNounChunk(previous)) {
        start = previous; // "the senator's defenders": the possessor is part of the subject
      } else if (s.isLinking(previous) && previous > 0) {
        // "people familiar with the matter", "analysts at Capital Economics": the head is to the left.
        int k = previous;
        while (k > 0 && s.isLinking(k - 1)) {
          k--;
        }
        if (k > 0 && s.inNounChunk(k - 1)) {
          start = k - 1;
          firstPhraseEnd = k - 1;
        } else if (k > 1 && participle(s, k - 1) && s.inNounChunk(k - 2)) {
          // "congressmen returning from recess say", "bankers involved in the talks said": a
          // participle and its phrase qualify the head, which is to their left.
          start = k - 2;
          firstPhraseEnd = k - 2;
        } else {
          break;
        }
      } else {
        break;
      }
    }
    while (start > 0 && s.inNounChunk(start - 1) && !s.beginsNounChunk(start) && !pronounAfterNoun(s, start)) {
      start--;
    }
    return new Subject(start, last, headOf(s, start, firstPhraseEnd));
  }

  /** A pronoun the chunker ran on from a noun before it ("truth everyone"); "no one" is one phrase. */
  private static boolean pronounAfterNoun(TaggedSentence s, int i) {
    return i > 0 && s.token(i).tags().contains("PRP") && !s.isDeterminer(i - 1);
  }

  /** A present or past participle with no auxiliary before it: a reduced relative clause, not the clause's verb. */
  private static boolean participle(TaggedSentence s, int i) {
    return (s.token(i).hasTag("VBG") || s.token(i).hasTag("VBN")) && !s.isPunctuation(i)
        && !(i > 0 && s.inVerbChunk(i - 1) && !s.inNounChunk(i - 1));
  }

  /** The subject complex starting at {@code start}: one noun phrase and what hangs off it. */
  static Subject subjectStartingAt(TaggedSentence s, int start) {
    if (start >= s.size() || !s.inNounChunk(start)) {
      return null;
    }
    int end = start;
    // ("by China's health chiefs": the possessive opens a chunk of its own, not a new phrase)
    while (end + 1 < s.size() && s.inNounChunk(end + 1) && (!s.beginsNounChunk(end + 1) || s.token(end + 1).hasTag("POS"))) {
      end++;
    }
    int phraseEnd = end;
    int j = end + 1;
    if (j < s.size() && s.token(j).hasTag("VBN") && !s.isPunctuation(j)) {
      j++; // "people briefed on the talks": a participle before the phrase that ties them
    }
    while (j < s.size() && s.isLinking(j)) {
      j++;
    }
    if (j > end + 1 && j < s.size() && s.inNounChunk(j)) {
      end = j;
      while (end + 1 < s.size() && s.inNounChunk(end + 1) && !s.beginsNounChunk(end + 1)) {
        end++;
      }
    }
    return new Subject(start, end, headOf(s, start, phraseEnd));
  }

  private static int headOf(TaggedSentence s, int start, int end) {
    if (end > start && (s.lower(end).endsWith("selves") || s.lower(end).endsWith("self"))) {
      end--; // "Southern whites themselves": the emphatic pronoun is not the head
    }
    for (int i = end; i >= start; i--) {
      if (s.token(i).hasTag("NN") || s.token(i).hasTag("PRP") || s.token(i).hasTag("CD")) {
        return i;
      }
    }
    return end;
  }

  /**
   * Who the subject is: {@link Source#NAMED} for a source the reader can identify, null for one
   * that is no source (the writer, a thing) or a pronoun of a crowd's own. Any
   * noun makes a crowd ("pitchers grumble") or somebody ("a sportswriter says") only with a verb
   * of speech or belief ({@code speech}), which wants a person: "blood tests revealed" is no source.
   */
  Attributions.Source judge(TaggedSentence s, Subject subject, boolean speech) {
    if (marketSpeaker(s, subject)) {
      return Attributions.Source.VAGUE; // "Wall Street expects", "according to the City": a market is nobody
    }
    Token head = s.token(subject.head);
    String headWord = s.lower(subject.head);
    // "some church leaders", "many of our readers", "some members of Congress": a crowd by its
    // quantifier, whoever they belong to, with any reporting verb.
    boolean counted = speech && s.token(subject.end).hasTag("NNS") && s.token(subject.start).hasTag("CD") && subject.start + 1 <= subject.end
        && s.lower(subject.start + 1).equals("of"); // "three of the managers said", "two of the witnesses said"
    String opening = s.lower(subject.start) + (subject.start + 1 < s.size() ? " " + s.lower(subject.start + 1) : "");
    // "Does anybody think so?": whoever fits, asked about, holds no view.
    boolean asked = words.freeChoicePronouns().contains(headWord) && s.lower(s.size() - 1).equals("?");
    // "in the moment of truth everyone could see": a crowd pronoun heads its phrase wherever it starts.
    boolean crowdPronoun = words.crowdPronouns().contains(headWord) && (subject.head == subject.start || head.hasTag("PRP"));
    // "a large number of Americans", "the majority of voters": a quantity of people is a crowd.
    boolean quantity = has(head, words.quantityNouns()) && subject.head + 1 <= subject.end && s.lower(subject.head + 1).equals("of");
    boolean quantified = words.quantifiers().contains(s.lower(subject.start)) || crowdPronoun && !asked || quantity || words.crowdPronouns().contains(opening) || counted
        // "Trump's supporters", "his opponents": a following is a crowd whoever it follows
        || has(head, words.followerNouns()) && head.hasTag("NNS") && !words.definiteWords().contains(s.lower(subject.start));
    for (int i = Math.max(0, subject.start - 1); i <= subject.end && !quantified; i++) {
      if (words.firstPerson().contains(s.lower(i))) {
        return null; // "we veterans acknowledge": the writer's own view ("most of us think" is a crowd)
      }
    }
    if (speech && subject.head == subject.start && subject.head == subject.end && memberCrowd(headWord)) {
      // "Republicans say", "Americans believe": the members of a party, faith or nation, a crowd
      // with a capital; "Senate Republicans", "the Russians" (a government) are somebody's.
      return Attributions.Source.VAGUE;
    }
    if (quantified && memberCrowd(headWord)) {
      return Attributions.Source.VAGUE; // "some anti-tax Democrats": a share of a crowd
    }
    if (s.isName(subject.head) && !words.quantifiers().contains(headWord)) {
      return Attributions.Source.NAMED; // a name, even one the tagger takes for a plural ("Sheets said")
    }
    if (has(head, words.institutionNouns()) || has(head, words.spokespersonNouns())
        || has(s.token(subject.end), words.spokespersonNouns())) { // "a board of health spokesman"
      return Attributions.Source.NAMED; // "police said", "prosecutors said": the institution speaks
    }
    if ((has(head, words.rumourNouns()) || has(head, words.evidenceNouns())) && subject.head + 2 < s.size()
        && (s.token(subject.head + 1).hasTag("VBN") || s.token(subject.head + 1).hasTag("VBD")) && s.token(subject.head + 2).hasTag("IN")
        && !s.lower(subject.head + 2).equals("that") && !has(s.token(subject.head + 1), words.speechVerbs())) {
      return Attributions.Source.NAMED; // "evidence presented at trial", "a report filed in court": a record
    }
    boolean evidence = false;
    Attributions.Source source = null;
    if (has(head, words.rumourNouns()) || has(head, words.publicationNouns())) {
      source = Attributions.Source.RUMOUR; // "rumours swept the City", "a French newspaper reported"
    } else if (has(head, words.evidenceNouns())) {
      source = Attributions.Source.VAGUE; // "polls show", "a 2018 analysis found": which?
      evidence = true;
    } else if (has(head, words.personNouns())) {
      source = Attributions.Source.ANONYMOUS;
    } else if (has(head, words.crowdNouns()) || quantified) {
      source = Attributions.Source.VAGUE;
    } else if (speech && head.hasTag("NNS") && (subject.head == subject.start || !s.isDeterminer(subject.start))) {
      source = Attributions.Source.VAGUE; // "pitchers grumble", "business leaders are aware": a crowd of whatever noun
    } else if (speech && head.hasTag("NN") && subject.head > subject.start && words.indefinites().contains(s.lower(subject.start))) {
      source = Attributions.Source.ANONYMOUS; // "a sportswriter says", "one military man said": somebody unnamed
    }
    if (source == null) {
      // "he said", "the mayor said": somebody the story has introduced; "blood tests revealed": nobody.
      boolean pronoun = (headWord.equals("he") || headWord.equals("she")) && subject.head == subject.end;
      boolean definite = words.definiteWords().contains(s.lower(subject.start)) && head.hasTag("NN"); // "the authors said"
      boolean introduced = speech && (pronoun || definite);
      return introduced ? Attributions.Source.NAMED : null;
    }
    if (quantified || has(head, words.unnameableNouns())) {
      return source; // "a government source" stays a source nobody can check
    }
    if (source == Attributions.Source.ANONYMOUS && head.hasTag("NN") && !head.hasTag("NNS")
        && words.indefinites().contains(s.lower(subject.start)) && !affiliatedAfterHead(s, subject)
        && !namedModifier(s, subject)) {
      // "a government official said", "one military man said": one unnamed person of an unnamed
      // body; "a Peace Corps official" is the named body's, as "Kremlin officials" are.
      return source;
    }
    for (int i = subject.start; i <= subject.end; i++) {
      // A following's name is whom it follows, not whom it speaks for ("Kremlin watchers", "Trump
      // supporters"); an "X-based" name is where a crowd sits ("London-based analysts").
      boolean followed = i < subject.head && has(head, words.followerNouns());
      boolean sited = i < subject.head && s.lower(i).endsWith("-based");
      if (i != subject.head && s.isName(i) && !words.unaffiliated().contains(s.lower(i)) && !places.placeName(s, subject, i)
          && !followed && !sited) {
        return Attributions.Source.NAMED; // "Kremlin officials", "analysts at Capital Economics": tied to a name
      }
      if (i < subject.head && words.organisationModifiers().contains(s.lower(i)) && !has(head, words.crowdNouns())) {
        // "agency officials", "a company spokesperson": the institution speaks ("military
        // experts" are experts: nobody's words but their own)
        return Attributions.Source.NAMED;
      }
      if ((s.token(i).hasTag("PRP$") || s.token(i).hasTag("POS")) && !places.placeOwner(s, subject, i)) {
        return Attributions.Source.NAMED; // "its directors", "NASA's scientists": someone's, and that someone is named
      }
      if (!evidence && i > subject.head && i + 1 <= subject.end && words.affiliations().contains(s.lower(i))
          && (words.definiteWords().contains(s.lower(i + 1)) || s.isName(i + 1))) {
        return Attributions.Source.NAMED; // "attorneys for the mayor", "an official of the corps": someone's people
      }
    }
    if (words.definiteWords().contains(s.lower(subject.start)) && !has(head, words.unnameableNouns())) {
      return Attributions.Source.NAMED; // "the researchers", "the official", "the report": what the story has introduced
    }
    return source;
  }

  /** A name before the head that is not a nationality or a place: "a Peace Corps official", "a California transit chief". */
  private boolean namedModifier(TaggedSentence s, Subject subject) {
    for (int i = subject.start; i < subject.head; i++) {
      if (s.isName(i) && !words.unaffiliated().contains(s.lower(i)) && !places.placeName(s, subject, i)) {
        return true;
      }
    }
    return false;
  }

  /**
   * "were quoted as saying", "was cited as warning": the passive of a citing verb hands the
   * speech to its subject, who is the source.
   */
  boolean quotedAsSaying(TaggedSentence s, int i) {
    return i >= 2 && s.token(i).hasTag("VBG") && has(s.token(i), words.speechVerbs()) && s.lower(i - 1).equals("as")
        && s.passiveAt(i - 2) && has(s.token(i - 2), words.citingVerbs());
  }

  /** "as they say", "as they put it": an aside whose "they" stands for nobody but people in general. */
  boolean genericThey(TaggedSentence s, int i) {
    return i > 0 && s.lower(i).equals("they") && s.lower(i - 1).equals("as") && i + 1 < s.size()
        && (has(s.token(i + 1), words.speechVerbs()) || s.lower(i + 1).equals("put"));
  }

  /** "an official of the corps", "a lawyer for the family": a person tied by a preposition to someone the story names. */
  private boolean affiliatedAfterHead(TaggedSentence s, Subject subject) {
    for (int i = subject.head + 1; i + 1 <= subject.end; i++) {
      if (words.affiliations().contains(s.lower(i)) && (words.definiteWords().contains(s.lower(i + 1)) || s.isName(i + 1))) {
        return true;
      }
    }
    return false;
  }

  /** The subject, as written, is a market spoken of as one mind: "Wall Street", "the City", "the market". */
  private boolean marketSpeaker(TaggedSentence s, Subject subject) {
    StringBuilder written = new StringBuilder();
    for (int i = subject.start; i <= subject.end; i++) {
      written.append(i > subject.start ? " " : "").append(s.analysisText(i));
    }
    String subjectText = written.toString();
    for (String market : words.marketSpeakers()) {
      String opening = Character.toUpperCase(market.charAt(0)) + market.substring(1);
      if (market.equals(subjectText) || subject.start == 0 && opening.equals(subjectText)) {
        return true;
      }
    }
    return false;
  }

  /** A plural of a party's, a faith's or a nation's member: "republicans", "americans", "catholics". */
  private boolean memberCrowd(String word) {
    if (!word.endsWith("s") || word.length() < 4) {
      return false;
    }
    String member = word.substring(0, word.length() - 1);
    return words.memberWords().contains(member) || words.unaffiliated().contains(member);
  }

  /** "..., said another witness, former adviser Fiona Hill": the comma opens the source's name. */
  static boolean appositiveName(TaggedSentence s, int comma) {
    if (comma >= s.size() || !s.lower(comma).equals(",")) {
      return false;
    }
    for (int j = comma + 1; j < s.size() && s.inNounChunk(j) && !s.isPunctuation(j); j++) {
      if (s.isName(j)) {
        return true;
      }
    }
    return false;
  }

  /** The first token of the verb group ending at {@code verb}: "has long been arguing". */
  static int verbGroupStart(TaggedSentence s, int verb) {
    int start = verb;
    while (start > 0 && s.inVerbChunk(start - 1) && !s.isPunctuation(start - 1) && !afterParticiple(s, start)) {
      start--;
    }
    return start;
  }

  /**
   * A verb chunk opening right after another group's main verb: "who declined to be identified |
   * said", "who declined to comment | said", where the relative clause ends and the main verb
   * begins. (After an auxiliary the group goes on: "has | been said".)
   */
  private static boolean afterParticiple(TaggedSentence s, int i) {
    Token previous = s.token(i - 1);
    boolean mainVerb = previous.tags().stream().anyMatch(tag -> tag.startsWith("VB"))
        && AUXILIARIES.stream().noneMatch(previous.lemmas()::contains);
    // The chunker may run the two groups together: "to comment said" is one chunk to it.
    boolean finiteAfterNonFinite = (s.token(i).hasTag("VBD") || s.token(i).hasTag("VBZ"))
        && (previous.hasTag("VB") || previous.hasTag("VBN"));
    return mainVerb && (s.token(i).chunks().contains("B-VP") || finiteAfterNonFinite);
  }

  /**
   * "To many, though, the plan is a gamble", "for some, way too many launches": a judgement held
   * by a crowd standing alone before a comma.
   */
  void crowdJudgement(TaggedSentence s, int preposition, List<Attributions.Attribution> found) {
    int crowd = preposition + 1;
    if (crowd + 1 >= s.size() || !s.lower(crowd + 1).equals(",")) {
      return;
    }
    String word = s.lower(crowd);
    boolean vague = words.quantifiers().contains(word) || words.crowdPronouns().contains(word)
        || s.token(crowd).hasTag("NNS") && has(s.token(crowd), words.crowdNouns());
    if (vague) {
      Attributions.add(found, new Span(s.start(preposition), s.end(crowd)), Attributions.Source.VAGUE);
    }
  }

  /**
   * First-person hearsay: "I understand", "I gather", "as we understand," "(we) hear that": an
   * unnamed person told the writer. With an object it is no hearsay: "I understand the rules".
   */
  void hearsay(TaggedSentence s, int subject, List<Attributions.Attribution> found) {
    int verb = subject + 1;
    while (verb < s.size() && s.isAdverb(verb)) {
      verb++;
    }
    if (verb >= s.size() || !has(s.token(verb), words.hearsayVerbs()) || !s.inVerbChunk(verb)) {
      return;
    }
    String after = verb + 1 < s.size() ? s.lower(verb + 1) : "";
    boolean aside = subject > 0 && (s.lower(subject - 1).equals("as") || s.isPunctuation(subject - 1));
    boolean clause = after.equals("that") || after.isEmpty() || s.isPunctuation(verb + 1);
    if (clause && (aside || after.equals("that"))) {
      Attributions.add(found, new Span(s.start(subject), s.end(verb)), Attributions.Source.ANONYMOUS);
    }
  }
}
