package dev.copydesk.rules;

import dev.copydesk.core.Analysis;
import dev.copydesk.core.Span;
import dev.copydesk.core.Token;
import java.util.ArrayList;
import java.util.List;
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
    RUMOUR
  }

  /** One reporting construction: where it is, and who it pins the claim on. */
  record Attribution(Span span, Source source) {}

  /** The words a construction is recognised by, from the rule file. */
  record Words(
      Set<String> reportingVerbs,
      Set<String> speechVerbs,
      Set<String> personNouns,
      Set<String> institutionNouns,
      Set<String> crowdNouns,
      Set<String> rumourNouns,
      Set<String> quantifiers,
      Set<String> passiveVerbs,
      Set<String> rumourPassives,
      Set<String> beliefNouns,
      Set<String> rumourModifiers,
      Set<String> unaffiliated,
      Set<String> organisationModifiers,
      Set<String> definiteWords,
      Set<String> affiliations,
      Set<String> indefinites,
      Set<String> modals) {}

  /** The longest aside between commas skipped between a subject and its verb ("Officials, though, doubted"). */
  private static final int MAX_ASIDE_TOKENS = 25;

  /** How many tokens a subject complex may run to the left of its verb ("people familiar with the matter"). */
  private static final int MAX_SUBJECT_TOKENS = 12;

  private final Words words;

  Attributions(Words words) {
    this.words = words;
  }

  /** The constructions of one sentence, outside the quotations given. */
  List<Attribution> in(Analysis analysis, Span sentence, List<Span> quotes, Set<String> properWords) {
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
        accordingTo(s, i, found);
      } else if (s.passiveAt(i) && s.token(i).lemmas().stream().anyMatch(words.passiveVerbs()::contains)) {
        passive(s, i, found);
      } else if (reducedPassive(s, i)) {
        boolean rumour = s.token(i).lemmas().stream().anyMatch(words.rumourPassives()::contains);
        found.add(new Attribution(new Span(s.start(i), s.end(i + 1)), rumour ? Source.RUMOUR : Source.VAGUE));
      } else if (rumourModifier(s, i)) {
        found.add(new Attribution(new Span(s.start(i), s.end(i)), Source.RUMOUR));
      } else if (beliefNoun(s, i)) {
        boolean rumour = s.token(i).lemmas().stream().anyMatch(words.rumourNouns()::contains);
        int start = i;
        while (start > 0 && s.inNounChunk(start - 1) && !s.beginsNounChunk(start) && !s.isDeterminer(start - 1)) {
          start--; // "growing concerns that"
        }
        found.add(new Attribution(new Span(s.start(start), s.end(i + 1)), rumour ? Source.RUMOUR : Source.VAGUE));
      } else if (isReportingVerb(s, i) && !s.passiveAt(i)) {
        active(s, i, found);
      }
    }
    return found;
  }

  /** A finite reporting verb, or one after an auxiliary: "said", "has argued"; never "statements indicating". */
  private boolean isReportingVerb(TaggedSentence s, int i) {
    Token token = s.token(i);
    boolean finite = token.tags().stream().anyMatch(tag -> tag.equals("VBD") || tag.equals("VBZ") || tag.equals("VBP")
        || tag.equals("VB") || tag.equals("VBN"));
    return finite && s.inVerbChunk(i) && token.lemmas().stream().anyMatch(words.reportingVerbs()::contains);
  }

  /** A reporting verb in the active voice: its subject before it, or after it at a clause's end. */
  private void active(TaggedSentence s, int verb, List<Attribution> found) {
    if (verb > 0 && s.lower(verb - 1).equals("to")) {
      return; // "declined to say": the verb has no subject of its own here
    }
    int groupStart = verb;
    while (groupStart > 0 && s.inVerbChunk(groupStart - 1) && !s.isPunctuation(groupStart - 1)) {
      groupStart--;
    }
    int subjectEnd = skipAsideBefore(s, groupStart);
    Subject subject = subjectEndingAt(s, subjectEnd);
    if (subject != null && nestedInAnother(s, subject.start)) {
      return; // "sources said at least two members had argued": the members are the sources' claim
    }
    boolean speech = s.token(verb).lemmas().stream().anyMatch(words.speechVerbs()::contains);
    if (subject != null) {
      Source source = judge(s, subject, speech);
      if (source != null) {
        found.add(new Attribution(new Span(s.start(subject.start), s.end(verb)), source));
        return;
      }
    }
    // "..., said a source." / "say officials": the subject after the verb, the clause over.
    if (groupStart > 0 && (s.isPunctuation(groupStart - 1) || s.lower(groupStart - 1).equals("\"")) && verb + 1 < s.size()) {
      Subject after = subjectStartingAt(s, verb + 1);
      if (after != null && (after.end + 1 >= s.size() || s.isPunctuation(after.end + 1))) {
        Source source = judge(s, after, speech);
        if (source != null) {
          found.add(new Attribution(new Span(s.start(verb), s.end(after.end)), source));
        }
      }
    }
  }

  /** True when a subject opens the clause reported by another verb: "said (that) two members argued". */
  private boolean nestedInAnother(TaggedSentence s, int subjectStart) {
    int before = subjectStart - 1;
    if (before >= 0 && s.lower(before).equals("that")) {
      before--;
    }
    return before >= 0 && isReportingVerb(s, before);
  }

  /** "according to people familiar with the matter", "according to reports". */
  private void accordingTo(TaggedSentence s, int according, List<Attribution> found) {
    Subject object = subjectStartingAt(s, according + 2);
    if (object == null) {
      return;
    }
    Source source = judge(s, object, false);
    if (source != null) {
      found.add(new Attribution(new Span(s.start(according), s.end(object.end)), source));
    }
  }

  /**
   * The agentless passive of a reporting or belief verb: "it was learned that", "is said to",
   * "has long been considered", "is widely seen as". A "by" after it names the agent; "told to"
   * is an instruction, not a claim; "expected to" alone is the writer's forecast.
   */
  private void passive(TaggedSentence s, int verb, List<Attribution> found) {
    for (int j = verb + 1; j < Math.min(s.size(), verb + 4); j++) {
      if (s.lower(j).equals("by")) {
        return;
      }
    }
    String next = verb + 1 < s.size() ? s.lower(verb + 1) : "";
    int start = verb;
    while (start > 0 && (s.inVerbChunk(start - 1) || s.isAdverb(start - 1)) && !s.isPunctuation(start - 1)) {
      start--;
    }
    for (int j = start; j < verb; j++) {
      if (words.modals().contains(s.lower(j)) || s.lower(j).equals("to")) {
        return; // "can be said", "would be considered": a possibility, not a report
      }
    }
    if (start > 0 && (s.lower(start - 1).equals("to") || words.modals().contains(s.lower(start - 1)))) {
      return; // "to be seen", "want to be considered"
    }
    boolean impersonal = start > 0 && s.lower(start - 1).equals("it");
    boolean infinitive = next.equals("to") && verb + 2 < s.size() && s.token(verb + 2).hasTag("VB");
    boolean clause = next.equals("that") || infinitive || (next.equals("as") && !s.token(verb).lemmas().contains("know"));
    if (!impersonal && !clause) {
      return; // "the incident was reported", "is known": the event, not a claim about it
    }
    boolean seeing = s.token(verb).lemmas().contains("see") || s.token(verb).lemmas().contains("view");
    if (seeing && !next.equals("as") && !next.equals("to")) {
      return; // "was seen leaving": the eyes, not a belief
    }
    if (s.token(verb).lemmas().contains("tell") && next.equals("to")) {
      return; // "residents were told to leave"
    }
    if (impersonal) {
      start--;
    }
    boolean rumour = s.token(verb).lemmas().stream().anyMatch(words.rumourPassives()::contains);
    int end = next.equals("that") || impersonal && !clause ? verb : verb + 1; // "is said to", "is seen as", "it was learned"
    found.add(new Attribution(new Span(s.start(start), s.end(end)), rumour ? Source.RUMOUR : Source.VAGUE));
  }

  /**
   * A passive participle with no "be" before it, after a comma or a noun and before "as" or
   * "to": "Kansas, regarded as tops", "a no-hit game, said to be the first". Nobody does the
   * regarding.
   */
  private boolean reducedPassive(TaggedSentence s, int i) {
    Token token = s.token(i);
    if (i == 0 || i + 1 >= s.size() || !token.hasTag("VBN") || s.passiveAt(i)
        || !token.lemmas().stream().anyMatch(words.passiveVerbs()::contains)) {
      return false;
    }
    String next = s.lower(i + 1);
    boolean before = s.lower(i - 1).equals(",") || (s.inNounChunk(i - 1) && !s.token(i - 1).hasTag("PRP"));
    boolean previousAuxiliary = s.token(i - 1).lemmas().contains("have") || s.isAdverb(i - 1) && i > 1
        && s.token(i - 2).lemmas().contains("have");
    return before && !previousAuxiliary && (next.equals("as") || next.equals("to")) && !token.lemmas().contains("know");
  }

  /** "the reported plan", "the alleged bribe": a rumour standing before its noun. */
  private boolean rumourModifier(TaggedSentence s, int i) {
    return i + 1 < s.size() && words.rumourModifiers().contains(s.lower(i)) && s.inNounChunk(i + 1)
        && !s.inVerbChunk(i) && s.token(i + 1).hasTag("NN");
  }

  /**
   * A noun of belief or talk with its "that" clause and nobody's name on it: "the feeling that",
   * "growing concerns that", "rumours that". "Smith's belief that", "his view that" have an owner.
   */
  private boolean beliefNoun(TaggedSentence s, int i) {
    if (i + 1 >= s.size() || !s.lower(i + 1).equals("that") || !s.token(i).hasTag("NN")
        || !s.token(i).lemmas().stream().anyMatch(words.beliefNouns()::contains)) {
      return false;
    }
    boolean talk = s.token(i).lemmas().stream().anyMatch(words.rumourNouns()::contains);
    if (!s.token(i).hasTag("NNS") && !(talk && (i == 0 || !words.definiteWords().contains(s.lower(i - 1))))) {
      return false; // "the impression that", "the report that": one holder's, or one document's
    }
    for (int j = i - 1; j >= 0 && s.inNounChunk(j); j--) {
      if (s.token(j).hasTag("PRP$") || s.token(j).hasTag("POS") || s.isName(j)) {
        return false;
      }
      if (s.beginsNounChunk(j)) {
        break;
      }
    }
    return true;
  }

  /** A subject complex: its first and last token, and its head noun (the first noun phrase's last noun). */
  private record Subject(int start, int end, int head) {}

  /** Steps back over an aside between commas ("Officials, though, doubted"); the index the subject ends before. */
  private static int skipAsideBefore(TaggedSentence s, int verbStart) {
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

  /** The subject complex ending just before {@code end}: noun phrases joined by prepositions and adjectives. */
  private Subject subjectEndingAt(TaggedSentence s, int end) {
    int last = end - 1;
    if (last < 0 || !s.inNounChunk(last)) {
      return null;
    }
    int start = last;
    int firstPhraseEnd = last;
    while (start > 0 && last - start < MAX_SUBJECT_TOKENS) {
      int previous = start - 1;
      if (s.inNounChunk(previous) && !s.beginsNounChunk(start)) {
        start = previous;
      } else if (s.isLinking(previous) && previous > 0) {
        // "people familiar with the matter", "analysts at Capital Economics": the head is to the left.
        int k = previous;
        while (k > 0 && s.isLinking(k - 1)) {
          k--;
        }
        if (k > 0 && s.inNounChunk(k - 1)) {
          start = k - 1;
          firstPhraseEnd = k - 1;
        } else {
          break;
        }
      } else {
        break;
      }
    }
    while (start > 0 && s.inNounChunk(start - 1) && !s.beginsNounChunk(start)) {
      start--;
    }
    return new Subject(start, last, headOf(s, start, firstPhraseEnd));
  }

  /** The subject complex starting at {@code start}: one noun phrase and what hangs off it. */
  private Subject subjectStartingAt(TaggedSentence s, int start) {
    if (start >= s.size() || !s.inNounChunk(start)) {
      return null;
    }
    int end = start;
    while (end + 1 < s.size() && s.inNounChunk(end + 1) && !s.beginsNounChunk(end + 1)) {
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
    for (int i = end; i >= start; i--) {
      if (s.token(i).hasTag("NN") || s.token(i).hasTag("PRP") || s.token(i).hasTag("CD")) {
        return i;
      }
    }
    return end;
  }

  /**
   * Who the subject is: null for a named source, a pronoun, or a noun that names no source. Any
   * noun makes a crowd ("pitchers grumble") or somebody ("a sportswriter says") only with a verb
   * of speech or belief ({@code speech}), which wants a person: "blood tests revealed" is no source.
   */
  private Source judge(TaggedSentence s, Subject subject, boolean speech) {
    Token head = s.token(subject.head);
    String headWord = s.lower(subject.head);
    if (s.isName(subject.head) && !words.quantifiers().contains(headWord)) {
      return null; // a name, even one the tagger takes for a plural ("Sheets said")
    }
    if (has(head, words.institutionNouns())) {
      return null; // "police said", "prosecutors said": the institution speaks
    }
    Source source = null;
    if (has(head, words.rumourNouns())) {
      source = Source.RUMOUR;
    } else if (has(head, words.personNouns())) {
      source = Source.ANONYMOUS;
    } else if (has(head, words.crowdNouns()) || words.quantifiers().contains(headWord)) {
      source = Source.VAGUE;
    } else if (speech && head.hasTag("NNS") && (subject.head == subject.start || !s.isDeterminer(subject.start)
        || words.quantifiers().contains(s.lower(subject.start)))) {
      source = Source.VAGUE; // "pitchers grumble", "some senators worry": a crowd of whatever noun
    } else if (speech && head.hasTag("NN") && subject.head > subject.start && words.indefinites().contains(s.lower(subject.start))) {
      source = Source.ANONYMOUS; // "a sportswriter says", "one military man said": somebody unnamed
    }
    if (source == null) {
      return null;
    }
    for (int i = subject.start; i <= subject.end; i++) {
      if (i != subject.head && s.isName(i) && !words.unaffiliated().contains(s.lower(i))) {
        return null; // "Kremlin officials", "analysts at Capital Economics": tied to a name
      }
      if (i < subject.head && words.organisationModifiers().contains(s.lower(i))) {
        return null; // "agency officials", "a company spokesperson": the institution speaks
      }
      if (s.token(i).hasTag("PRP$") || s.token(i).hasTag("POS")) {
        return null; // "its directors", "NASA's scientists": someone's, and that someone is named
      }
      if (i > subject.head && i + 1 <= subject.end && words.affiliations().contains(s.lower(i))
          && (words.definiteWords().contains(s.lower(i + 1)) || s.isName(i + 1))) {
        return null; // "attorneys for the mayor", "an official of the corps": someone's people
      }
    }
    if (words.definiteWords().contains(s.lower(subject.start)) && source != Source.RUMOUR) {
      return null; // "the researchers", "the official": people the story has introduced
    }
    if (source == Source.RUMOUR && words.definiteWords().contains(s.lower(subject.start))) {
      return null; // "according to the report": one the story names
    }
    return source;
  }

  private static boolean has(Token token, Set<String> lemmas) {
    return token.lemmas().stream().anyMatch(lemmas::contains);
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
