package dev.copydesk.rules;

import dev.copydesk.core.Analysis;
import dev.copydesk.core.Document;
import dev.copydesk.core.Finding;
import dev.copydesk.core.Rule;
import dev.copydesk.core.Severity;
import dev.copydesk.core.Span;
import dev.copydesk.core.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The double quotation marks of a draft, read the way a copy desk reads them: a quotation left
 * open at the end of its paragraph when the next paragraph does not reopen it (news copy leaves a
 * quote open when it runs on, and reopens it in the next paragraph: that is right), a closing
 * mark with nothing open, a quotation opened again before the last one closed; straight and
 * curly marks mixed in one draft; and a quotation of speech with no speaker in its paragraph or
 * the one before.
 *
 * <p>A curly mark says which way it faces. A straight one faces the way its neighbours show (a
 * space or an opening bracket before it and a word after it opens); with spaces on both sides, as
 * in copy set with spaced quotes, it is taken in turn. A straight mark after a digit is an inch or
 * a second ({@code 12"}), no quotation mark. Single marks are left alone: they are apostrophes as
 * often as quotation marks.
 *
 * <p>A speaker is a construction, not a list of phrasings: a verb of speech or writing (by lemma,
 * from the rule file) with a subject (a name, a pronoun, a noun: "the minister"), before it or
 * after it ("said Ilves"); "according to" a noun phrase; a noun for what was said or written ("a
 * statement", "a tweet"); or a colon opening the quotation after a clause that holds a name or a
 * pronoun ("Her answer: ..."). A quotation that runs on over several paragraphs is attributed
 * where it began. Only quotations of speech need a speaker: a few quoted words (a term, a title)
 * do not.
 */
final class QuotationMarksRule implements Rule {

  static final Set<String> KEYS = Set.of("unclosed-message", "unopened-message", "reopened-message", "mixed-message",
      "unattributed-message", "speech-verbs", "statement-nouns", "min-quoted-words");

  private enum Facing {
    OPENING,
    CLOSING,
    EITHER
  }

  /** A double quotation mark: where it is, whether it is straight, and which way it faces. */
  private record Mark(int offset, boolean straight, Facing facing) {}

  /** One quotation: its marks (the closing one -1 when it runs to its paragraph's end) and paragraph. */
  private record Quotation(int open, int close, int paragraph) {
    Span span(List<Span> paragraphs) {
      return new Span(open, close >= 0 ? close + 1 : paragraphs.get(paragraph).end());
    }
  }

  /** "... great show." – Ann F.: a dash and a name after a quotation sign it, as under a reader's review. */
  private static final java.util.regex.Pattern SIGNATURE = java.util.regex.Pattern.compile("[\\s.]*[\u2013\u2014-]+\\s*\\p{Lu}");

  private final String id;
  private final Severity severity;
  private final Map<String, String> messages;
  private final Set<String> speechVerbs;
  private final Set<String> statementNouns;
  private final int minQuotedWords;

  private QuotationMarksRule(RuleFile file) throws RuleFileException {
    id = file.id();
    severity = file.severity();
    messages = new java.util.HashMap<>();
    for (String key : List.of("unclosed-message", "unopened-message", "reopened-message", "mixed-message",
        "unattributed-message")) {
      messages.put(key, file.requiredText(key));
    }
    speechVerbs = Text.lowerSet(file.strings("speech-verbs"));
    statementNouns = Text.lowerSet(file.strings("statement-nouns"));
    minQuotedWords = file.integer("min-quoted-words", 6);
  }

  static QuotationMarksRule from(RuleFile file) throws RuleFileException {
    file.checkKeys(KEYS);
    return new QuotationMarksRule(file);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public List<Finding> check(Analysis analysis) {
    Document document = analysis.document();
    String text = document.text();
    List<Span> paragraphs = document.paragraphs();
    List<List<Mark>> marks = new ArrayList<>();
    int straight = 0;
    int curly = 0;
    for (Span paragraph : paragraphs) {
      List<Mark> found = marksIn(document, paragraph);
      marks.add(found);
      for (Mark mark : found) {
        if (mark.straight()) {
          straight++;
        } else {
          curly++;
        }
      }
    }
    List<Finding> findings = new ArrayList<>();
    List<Quotation> quotations = new ArrayList<>();
    Set<Integer> unsure = new HashSet<>(); // offsets of marks whose facing a slip in their paragraph leaves in doubt
    Map<Integer, Facing> resolved = new java.util.HashMap<>();
    for (int p = 0; p < paragraphs.size(); p++) {
      int open = -1;
      int findingsBefore = findings.size();
      for (Mark mark : marks.get(p)) {
        Facing facing = mark.facing() == Facing.EITHER ? (open < 0 ? Facing.OPENING : Facing.CLOSING) : mark.facing();
        resolved.put(mark.offset(), facing);
        if (facing == Facing.OPENING) {
          if (open >= 0) {
            findings.add(finding("reopened-message", new Span(open, open + 1), Map.of(), List.of()));
          }
          open = mark.offset();
        } else if (open < 0) {
          findings.add(finding("unopened-message", new Span(mark.offset(), mark.offset() + 1), Map.of(), List.of()));
        } else {
          quotations.add(new Quotation(open, mark.offset(), p));
          open = -1;
        }
      }
      if (open >= 0) {
        if (p + 1 < paragraphs.size() && opensWithQuotation(marks.get(p + 1), paragraphs.get(p + 1), text)) {
          quotations.add(new Quotation(open, -1, p)); // runs on: the next paragraph reopens it
        } else {
          findings.add(finding("unclosed-message", new Span(open, open + 1), Map.of(), List.of()));
        }
      }
      if (findings.size() > findingsBefore) {
        marks.get(p).forEach(mark -> unsure.add(mark.offset()));
      }
    }
    if (straight > 0 && curly > 0) {
      mixed(marks, straight > curly, resolved, unsure, findings);
    }
    unattributed(analysis, quotations, findings);
    findings.sort((a, b) -> Integer.compare(a.span().start(), b.span().start()));
    return findings;
  }

  /**
   * Every mark of the draft's minority style, with the majority's mark facing the same way as
   * its fix (on a tie, the curly marks are the house's); no fix where a slip in its paragraph
   * leaves the facing in doubt.
   */
  private void mixed(List<List<Mark>> marks, boolean straightIsHouse, Map<Integer, Facing> resolved,
      Set<Integer> unsure, List<Finding> findings) {
    for (List<Mark> paragraph : marks) {
      for (Mark mark : paragraph) {
        if (mark.straight() == straightIsHouse) {
          continue;
        }
        boolean opening = resolved.get(mark.offset()) == Facing.OPENING;
        String fix = straightIsHouse ? "\"" : opening ? "\u201C" : "\u201D";
        String house = straightIsHouse ? "straight" : "curly";
        List<String> suggestions = unsure.contains(mark.offset()) && !straightIsHouse ? List.of() : List.of(fix);
        findings.add(finding("mixed-message", new Span(mark.offset(), mark.offset() + 1), Map.of("house", house), suggestions));
      }
    }
  }

  private void unattributed(Analysis analysis, List<Quotation> quotations, List<Finding> findings) {
    Document document = analysis.document();
    List<Span> paragraphs = document.paragraphs();
    Set<String> properWords = Text.midSentenceCapitals(document, analysis.sentences());
    List<List<Span>> quotedByParagraph = new ArrayList<>();
    for (int p = 0; p < paragraphs.size(); p++) {
      quotedByParagraph.add(new ArrayList<>());
    }
    for (Quotation quotation : quotations) {
      quotedByParagraph.get(quotation.paragraph()).add(quotation.span(paragraphs));
    }
    Map<Integer, Boolean> speakerIn = new java.util.HashMap<>();
    for (Quotation quotation : quotations) {
      Span span = quotation.span(paragraphs);
      if (!ofSpeech(document, span)) {
        continue;
      }
      int first = quotation.paragraph();
      while (first > 0 && runsOn(quotations, first - 1)) {
        first--; // a quotation run on from earlier paragraphs is attributed where it began
      }
      // A quotation run on from an earlier paragraph is judged once, where it began.
      boolean attributed = first < quotation.paragraph();
      for (int p = Math.max(0, first - 1); p <= quotation.paragraph() && !attributed; p++) {
        int index = p;
        attributed = speakerIn.computeIfAbsent(p,
            k -> hasSpeaker(analysis, paragraphs.get(index), quotedByParagraph.get(index), properWords));
      }
      // The signature may stand on its own line after the quote: the next paragraph.
      String after = document.text().substring(span.end(), Math.min(document.text().length(), span.end() + 6));
      if (!attributed && !SIGNATURE.matcher(after).lookingAt()) {
        findings.add(finding("unattributed-message", span, Map.of(), List.of()));
      }
    }
  }

  /** True when a quotation of paragraph {@code p} runs on into the next paragraph. */
  private static boolean runsOn(List<Quotation> quotations, int p) {
    for (Quotation quotation : quotations) {
      if (quotation.paragraph() == p && quotation.close() < 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * True for a quotation of what somebody said or wrote: at least the rule file's number of
   * words, or a sentence of its own (three words or more ending in a full stop, a question or an
   * exclamation inside the marks). A quoted term or title is none.
   */
  private boolean ofSpeech(Document document, Span quotation) {
    String quoted = document.text(quotation);
    int words = Text.words(document.text(), quotation).size();
    String inner = quoted.replaceAll("[\"\u201C\u201D\\s]+$", "");
    boolean sentence = words >= 3 && !inner.isEmpty() && ".!?".indexOf(inner.charAt(inner.length() - 1)) >= 0;
    List<Span> spans = Text.words(document.text(), quotation);
    if (spans.isEmpty() || Text.isLowerCase(document.text(spans.get(0)))) {
      return false; // a partial quotation woven into the writer's sentence, which attributes it
    }
    long capitalised = spans.stream().filter(word -> Text.isCapitalised(document.text(word))).count();
    if (capitalised * 2 > spans.size()) {
      return false; // "The Adventures Of Ozzie And Harriet": a title in title case
    }
    return words >= minQuotedWords || sentence;
  }

  /** True when the paragraph, outside its quotations, names who speaks (see the class comment). */
  private boolean hasSpeaker(Analysis analysis, Span paragraph, List<Span> quoted, Set<String> properWords) {
    Document document = analysis.document();
    TaggedSentence s = TaggedSentence.of(analysis, paragraph, quoted, properWords);
    for (int i = 0; i < s.size(); i++) {
      Token token = s.token(i);
      String word = s.lower(i);
      if (word.equals("according") && i + 1 < s.size() && s.lower(i + 1).equals("to")) {
        return true;
      }
      if (AttributionWords.has(token, statementNouns) && token.hasTag("NN")) {
        return true; // "in a statement", "a tweet": what was said or written, and by whom the story says
      }
      if (AttributionWords.has(token, speechVerbs) && token.hasTag("VB") && hasSubject(s, i)) {
        return true;
      }
      if (word.equals(":") && i > 0 && namesSomebodyBefore(s, i)) {
        return true;
      }
    }
    return document.text(paragraph).isEmpty();
  }

  /** A subject for the verb: a noun phrase before its verb group (past an aside) or right after it. */
  private static boolean hasSubject(TaggedSentence s, int verb) {
    int start = SourceSubjects.verbGroupStart(s, verb);
    SourceSubjects.Subject before = SourceSubjects.subjectEndingAt(s, SourceSubjects.skipAsideBefore(s, start));
    if (before != null && isSpeaker(s, before.head())) {
      return true;
    }
    // "..., Meek said": the chunker may not make a phrase of a name it reads as an adjective.
    int previous = start - 1;
    if (previous >= 0 && (s.token(previous).hasTag("CC") || Text.isCapitalised(s.lower(previous)) || s.token(previous).hasTag("PRP")
        || s.token(previous).hasTag("NN") || Text.isCapitalised(s.analysisText(previous)))) {
      return true;
    }
    int after = verb + 1;
    while (after < s.size() && s.isAdverb(after)) {
      after++;
    }
    if (after >= s.size()) {
      return false;
    }
    SourceSubjects.Subject inverted = SourceSubjects.subjectStartingAt(s, after);
    // "said Ilves", "said the engineer": the chunker does not always make a phrase of a name after a verb.
    return inverted != null && isSpeaker(s, inverted.head()) || s.isName(after) || s.token(after).hasTag("NNP")
        || s.token(after).hasTag("PRP") || s.isDeterminer(after) && after + 1 < s.size() && s.token(after + 1).hasTag("NN");
  }

  /** A name, a pronoun or a noun can speak; "there" and a number cannot. */
  private static boolean isSpeaker(TaggedSentence s, int head) {
    Token token = s.token(head);
    return (token.hasTag("NN") || token.hasTag("PRP") || token.hasTag("WP")) && !s.lower(head).equals("there");
  }

  /** "Her answer:", "Ilves had a warning:": the clause before the colon holds a name or a pronoun. */
  private static boolean namesSomebodyBefore(TaggedSentence s, int colon) {
    for (int j = colon - 1; j >= 0 && !s.lower(j).equals(".") && !s.lower(j).equals(":"); j--) {
      if (s.token(j).hasTag("PRP") || s.isName(j)) {
        return true;
      }
    }
    return false;
  }

  /** True when the paragraph's first character is one of its marks, facing (or able to face) forward. */
  private static boolean opensWithQuotation(List<Mark> marks, Span paragraph, String text) {
    if (marks.isEmpty()) {
      return false;
    }
    Mark first = marks.get(0);
    int start = paragraph.start();
    while (start < first.offset() && (Character.isWhitespace(text.charAt(start)) || "(\u2018'*_-\u2014".indexOf(text.charAt(start)) >= 0)) {
      start++;
    }
    return start == first.offset() && first.facing() != Facing.CLOSING;
  }

  /** The double quotation marks of a paragraph, each with the way it faces. */
  private static List<Mark> marksIn(Document document, Span paragraph) {
    String text = document.text();
    List<Mark> marks = new ArrayList<>();
    for (int i = paragraph.start(); i < paragraph.end(); i++) {
      char c = text.charAt(i);
      if (c != '"' && c != '\u201C' && c != '\u201D') {
        continue;
      }
      int offset = i;
      if (document.excluded().stream().anyMatch(span -> span.start() <= offset && offset < span.end())) {
        continue;
      }
      char before = i > paragraph.start() ? text.charAt(i - 1) : ' ';
      char after = i + 1 < paragraph.end() ? text.charAt(i + 1) : ' ';
      if (c == '"' && Character.isDigit(before) && !Character.isLetter(after)) {
        continue; // 12" or 5' 10": inches, not a quotation
      }
      Facing facing;
      if (c == '\u201C') {
        facing = Facing.OPENING;
      } else if (c == '\u201D') {
        facing = Facing.CLOSING;
      } else {
        boolean openSide = Character.isWhitespace(before) || "([{\u2014\u2013-/\u2018".indexOf(before) >= 0;
        boolean closeSide = Character.isWhitespace(after) || ".,;:!?)]}\u2014\u2013-\u2019\u2026".indexOf(after) >= 0;
        facing = openSide == closeSide ? Facing.EITHER : openSide ? Facing.OPENING : Facing.CLOSING;
      }
      marks.add(new Mark(i, c == '"', facing));
    }
    return marks;
  }

  private Finding finding(String messageKey, Span span, Map<String, String> values, List<String> suggestions) {
    return Findings.of(id, severity, span, messages.get(messageKey), values, suggestions);
  }
}
