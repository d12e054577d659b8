package dev.copydesk.rules;

import dev.copydesk.core.Analysis;
import dev.copydesk.core.Document;
import dev.copydesk.core.Finding;
import dev.copydesk.core.Position;
import dev.copydesk.core.Rule;
import dev.copydesk.core.Severity;
import dev.copydesk.core.Span;
import dev.copydesk.core.Token;
import dev.copydesk.rules.StatedFigures.Figure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The same quantity stated two ways in one story, only where the text ties the figures together:
 * a count of the same thing by the same counted noun and the same verb or role ("37 people were
 * killed" ... "the 35 killed"; "a death toll of 37" ... "the toll stood at 35"); two ages for the
 * same person ("Okafor, 46," ... "the 47-year-old Okafor"); and a total beside its parts that is
 * not their sum ("three men and two women, six people in all").
 *
 * <p>A figure is no statement of a count when the story does not give it as one: approximate ("at
 * least 35", "nearly 40", "35 or so"), a range ("35 to 40", "between 35 and 40"), a part of a
 * larger group ("two of the 37", "another 12"), a percentage, a sum of money, a time, a year or a
 * compound ("a 10-mile race"), in a quotation, or in a paragraph that is a table of results. A
 * count changes legitimately when the story says so: where any sentence of a count's noun and
 * role tells of a change ("the toll rose to 40", "up from 35", "now"), or speaks of what may be
 * (a modal verb) or of another event ("in a separate attack"), that count is not compared. Two
 * figures in one sentence are the writer's own comparison ("police said 35; the hospital said
 * 37") and are left alone; two sentences with different dates, places ("in Kabul") or agents
 * ("police arrested", "soldiers arrested") are about different things.
 *
 * <p>What ties two counts: a back-reference ("the 35 killed", "all 37 passengers") or a tally
 * noun ("the toll") ties any verb; two plain statements tie only when their role is the outcome
 * of one event, which a story states once ("37 people were killed", "35 people were killed"),
 * since "hired 30 workers" twice may be two hirings. Ages tie by surname, unless first names or
 * titles tell two people apart or the story ages two people of that surname.
 *
 * <p>The later figure is reported; the message names the earlier one's line and column, and its
 * words. No fix: which figure is right is not certain.
 */
final class FigureConsistencyRule implements Rule {

  static final Set<String> KEYS = Set.of("count-message", "age-message", "total-message", "approximate-words",
      "approximate-after", "subset-words", "subset-after", "event-roles", "definite-words", "change-verbs",
      "change-words", "other-event-words", "role-adjectives", "tally-nouns", "total-words", "time-words", "titles");

  /** The counts the rule takes as one: the counted noun's lemma (or null) and the verb's or role's. */
  private record CountKey(String noun, String role) {}

  /**
   * A figure given as a count of something, in the sentence it stands in; its agent is who did
   * what the verb says when the sentence names it ("police arrested 12", "12 were arrested by
   * soldiers"), null when it does not.
   */
  private record Count(Figure figure, CountKey key, int sentence, boolean definite, Span cue, String agent) {}

  /** An age given to a named person: the surname it belongs to, a first name or title when given. */
  private record Age(Figure figure, String surname, String first, String title, int sentence, Span cue) {}

  /** An item of a list of counts: "three men", "two women". */
  private record Item(Figure figure, int end, String noun) {}

  /** The sentence facts that decide whether two counts can be compared at all. */
  private record SentenceFacts(Set<String> times, Set<String> places, boolean change, boolean modal, boolean otherEvent) {}

  private static final Set<String> AUXILIARIES = Set.of("be", "have", "do", "get", "will", "would", "can", "could",
      "may", "might", "shall", "should", "must");

  private static final Pattern RANGE_AFTER = Pattern.compile(
      "\\s*(?:-|\u2013|\u2014|to|or|through|and)\\s*(?:\\d|[a-z]+(?:\\s|[-,.]|$))", Pattern.CASE_INSENSITIVE);
  private static final Pattern RANGE_BEFORE = Pattern.compile(
      "(?:\\b(?:between|from)|\\d\\s*(?:-|\u2013|to|or|and))\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern NOT_A_COUNT_AFTER = Pattern.compile(
      "(?:\\s*(?:%|percent\\b|per\\s?cent\\b|per\\b|a\\.m\\.|p\\.m\\.|am\\b|pm\\b|o'clock|GMT|BST|EST|ET\\b|[\\p{Sc}])"
          + "|-\\p{L}|/|\\s*[-\u2013]\\s*\\d)", Pattern.CASE_INSENSITIVE);
  private static final Pattern YEAR_OLD = Pattern.compile("^[-\u2010 ]years?[-\u2010 ]old\\b");
  private static final Pattern NAME_BEFORE = Pattern.compile(
      "(?:\\b(" + "TITLE" + ")\\.?\\s+)?((?:\\p{Lu}[\\p{L}'\u2019.-]*\\s+){0,3}\\p{Lu}[\\p{L}'\u2019-]+)$");

  private final String id;
  private final Severity severity;
  private final String countMessage;
  private final String ageMessage;
  private final String totalMessage;
  private final Pattern approximateBefore;
  private final Pattern approximateAfter;
  private final Set<String> subsetWords;
  private final Set<String> subsetAfter;
  private final Set<String> eventRoles;
  private final Set<String> definiteWords;
  private final Set<String> changeVerbs;
  private final Pattern changeWords;
  private final Pattern otherEventWords;
  private final Set<String> roleAdjectives;
  private final Set<String> tallyNouns;
  private final Pattern totalWordsBefore;
  private final Pattern totalWordsAfter;
  private final Set<String> timeWords;
  private final Set<String> titles;
  private final Pattern nameBefore;
  private final Pattern nameAfter;

  private FigureConsistencyRule(RuleFile file) throws RuleFileException {
    id = file.id();
    severity = file.severity();
    countMessage = file.requiredText("count-message");
    ageMessage = file.requiredText("age-message");
    totalMessage = file.requiredText("total-message");
    approximateBefore = endingWith(file.strings("approximate-words"));
    approximateAfter = startingWith(file.strings("approximate-after"));
    subsetWords = Text.lowerSet(file.strings("subset-words"));
    subsetAfter = Text.lowerSet(file.strings("subset-after"));
    eventRoles = Text.lowerSet(file.strings("event-roles"));
    definiteWords = Text.lowerSet(file.strings("definite-words"));
    changeVerbs = Text.lowerSet(file.strings("change-verbs"));
    changeWords = Text.phrasePattern(file.strings("change-words"));
    otherEventWords = Text.phrasePattern(file.strings("other-event-words"));
    roleAdjectives = Text.lowerSet(file.strings("role-adjectives"));
    tallyNouns = Text.lowerSet(file.strings("tally-nouns"));
    totalWordsBefore = endingWith(file.strings("total-words"));
    totalWordsAfter = startingWith(file.strings("total-words"));
    timeWords = Text.lowerSet(file.strings("time-words"));
    titles = Text.lowerSet(file.strings("titles"));
    String titleAlternatives = String.join("|", file.strings("titles").stream().map(Pattern::quote).toList());
    nameBefore = Pattern.compile(NAME_BEFORE.pattern().replace("TITLE", titleAlternatives.isEmpty() ? "\\b\\B" : titleAlternatives));
    nameAfter = Pattern.compile("^\\s+(?:(" + (titleAlternatives.isEmpty() ? "\\b\\B" : titleAlternatives)
        + ")\\.?\\s+)?(\\p{Lu}[\\p{L}'\u2019-]+(?:\\s+\\p{Lu}[\\p{L}'\u2019-]+){0,3})");
  }

  static FigureConsistencyRule from(RuleFile file) throws RuleFileException {
    file.checkKeys(KEYS);
    return new FigureConsistencyRule(file);
  }

  /** Matches text ending with one of the phrases (as whole words), case aside. */
  private static Pattern endingWith(List<String> phrases) {
    Pattern any = Text.phrasePattern(phrases);
    return any == null ? null : Pattern.compile("(?:" + any.pattern() + ")\\s*$", any.flags());
  }

  /** Matches text starting with one of the phrases (as whole words), case aside. */
  private static Pattern startingWith(List<String> phrases) {
    Pattern any = Text.phrasePattern(phrases);
    return any == null ? null : Pattern.compile("^\\s*(?:" + any.pattern() + ")", any.flags());
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public List<Finding> check(Analysis analysis) {
    Document document = analysis.document();
    String text = document.text();
    List<Span> sentences = analysis.sentences();
    List<Span> quoted = new ArrayList<>();
    List<Span> tables = new ArrayList<>();
    for (Span paragraph : document.paragraphs()) {
      quoted.addAll(Text.quotations(text, paragraph));
      if (isTable(text, paragraph)) {
        tables.add(paragraph);
      }
    }
    Set<String> properWords = Text.midSentenceCapitals(document, sentences);
    List<Count> counts = new ArrayList<>();
    List<Age> ages = new ArrayList<>();
    List<SentenceFacts> facts = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (int n = 0; n < sentences.size(); n++) {
      Span sentence = sentences.get(n);
      facts.add(factsOf(analysis, sentence));
      if (tables.stream().anyMatch(table -> table.contains(sentence))) {
        continue;
      }
      List<Figure> figures = new ArrayList<>();
      for (Figure figure : StatedFigures.in(text, sentence)) {
        if (quoted.stream().noneMatch(quote -> quote.overlaps(figure.span()))) {
          figures.add(figure);
        }
      }
      if (figures.isEmpty()) {
        continue;
      }
      TaggedSentence s = TaggedSentence.of(analysis, sentence, quoted, properWords);
      for (Figure figure : figures) {
        Age age = age(text, sentence, s, figure, n);
        if (age != null) {
          ages.add(age);
          continue;
        }
        Count count = count(text, sentence, s, figure, n);
        if (count != null) {
          counts.add(count);
        }
      }
      totals(document, sentence, s, figures, findings);
    }
    compareCounts(document, counts, facts, findings);
    compareAges(document, ages, findings);
    findings.sort((a, b) -> Integer.compare(a.span().start(), b.span().start()));
    return findings;
  }

  /**
   * A paragraph of results or a table: figures for at least one word in five of at least six
   * figures ("Smith 68-70-138, Jones 69-71-140"). Its figures are the scores of many things.
   */
  private static boolean isTable(String text, Span paragraph) {
    int figures = StatedFigures.in(text, paragraph).size();
    int words = Text.words(text, paragraph).size();
    return figures >= 6 && figures * 5 >= words;
  }

  private SentenceFacts factsOf(Analysis analysis, Span sentence) {
    String text = analysis.document().text();
    java.util.Set<String> times = new java.util.HashSet<>();
    java.util.Set<String> places = new java.util.HashSet<>();
    List<Span> words = Text.words(text, sentence);
    for (int i = 0; i < words.size(); i++) {
      String word = text.substring(words.get(i).start(), words.get(i).end());
      String lower = Text.lower(word);
      if (timeWords.contains(lower) || word.matches("(?:1[5-9]|20)\\d\\d")) {
        times.add(lower);
      } else if (i > 0 && Text.isCapitalised(word) && !titles.contains(lower)) {
        String before = Text.lower(text.substring(words.get(i - 1).start(), words.get(i - 1).end()));
        if (before.equals("in") || before.equals("at") || before.equals("near") || before.equals("from")) {
          places.add(lower);
        }
      }
    }
    boolean change = changeWords != null && changeWords.matcher(text).region(sentence.start(), sentence.end()).find();
    boolean modal = false;
    for (Token token : tokensIn(analysis, sentence)) {
      if (token.hasTag("MD")) {
        modal = true;
      }
      if (token.hasTag("VB") && lemmaOf(token, "VB") != null && changeVerbs.contains(lemmaOf(token, "VB"))) {
        change = true;
      }
    }
    if (Pattern.compile("\\bfrom\\s+\\S+\\s+(?:\\S+\\s+)?to\\s+\\d").matcher(text).region(sentence.start(), sentence.end()).find()) {
      change = true; // "from 35 to 37 people"
    }
    boolean otherEvent = otherEventWords != null && otherEventWords.matcher(text).region(sentence.start(), sentence.end()).find();
    return new SentenceFacts(Set.copyOf(times), Set.copyOf(places), change, modal, otherEvent);
  }

  private static List<Token> tokensIn(Analysis analysis, Span sentence) {
    List<Token> tokens = new ArrayList<>();
    for (Token token : analysis.tokens()) {
      if (token.span().start() >= sentence.end()) {
        break;
      }
      if (sentence.contains(token.span())) {
        tokens.add(token);
      }
    }
    return tokens;
  }

  /** The lemma of the token's first reading whose tag starts with {@code prefix}, or null. */
  private static String lemmaOf(Token token, String prefix) {
    for (int i = 0; i < token.tags().size() && i < token.lemmas().size(); i++) {
      if (token.tags().get(i).startsWith(prefix)) {
        String lemma = token.lemmas().get(i);
        return lemma == null ? null : Text.lower(lemma);
      }
    }
    return null;
  }

  /** True when the figure is stated as an exact count: not approximate, a range, money, a time, a year or a compound. */
  private boolean exact(String text, Span sentence, Figure figure) {
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

  /** The token index of the first token starting at or after {@code offset}, or size(). */
  private static int tokenAt(TaggedSentence s, int offset) {
    int i = 0;
    while (i < s.size() && s.start(i) < offset) {
      i++;
    }
    return i;
  }

  /**
   * The figure as a count, or null: a number before its counted noun and the verb or role that
   * counts it ("37 people were killed", "37 people died", "the 35 people killed", "37 dead"), a
   * number after a verb that counts it ("killed 37 people"), a definite back-reference ("the 35
   * killed"), or a tally noun's figure ("a death toll of 37", "the toll stood at 37").
   */
  private Count count(String text, Span sentence, TaggedSentence s, Figure figure, int n) {
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

  /** The subject of an active verb: the noun or pronoun right before its verb group ("police arrested"). */
  private static String agentBefore(TaggedSentence s, int verb) {
    int j = verb - 1;
    while (j >= 0 && (s.isAdverb(j) || s.token(j).hasTag("MD") || isAuxiliary(s, j))) {
      j--;
    }
    return j >= 0 && (isNoun(s, j) || s.token(j).hasTag("PRP")) ? s.lower(j) : null;
  }

  /** The agent of a passive verb: the first noun of its "by" phrase ("arrested by soldiers"). */
  private static String agentAfter(TaggedSentence s, int i) {
    if (i >= s.size() || !s.lower(i).equals("by")) {
      return null;
    }
    for (int j = i + 1; j < s.size() && j <= i + 4; j++) {
      if (isNoun(s, j)) {
        int last = j;
        while (last + 1 < s.size() && isNoun(s, last + 1)) {
          last++;
        }
        return s.lower(last);
      }
    }
    return null;
  }

  /**
   * The adverb of a role, as a part of it: "were seriously injured" counts fewer people than
   * "were injured", so the two are different counts. Empty for none.
   */
  private static String degree(TaggedSentence s, int role) {
    int before = role - 1;
    if (before >= 0 && s.isAdverb(before) && !s.token(before).hasTag("VB") && !isAuxiliary(s, before)) {
      return s.lower(before) + " ";
    }
    int after = role + 1;
    if (after < s.size() && s.isAdverb(after) && s.lower(after).endsWith("ly")) {
      return s.lower(after) + " ";
    }
    return "";
  }

  /** The role's name: a role adjective as written, a verb by its lemma. */
  private String roleOf(TaggedSentence s, int i) {
    if (roleAdjectives.contains(s.lower(i))) {
      return s.lower(i);
    }
    Token token = s.token(i);
    return lemmaOf(token, token.hasTag("VBN") ? "VBN" : "VBD");
  }

  /**
   * The head of the counted noun phrase starting at token {@code i}, or -1: a few modifiers
   * ("wounded", "floating", "dry") each followed by another modifier or a noun, then a run of
   * nouns, its last word the head ("37 police officers"). A noun with a verb reading after the
   * first is the sentence's verb ("one dock makes"), not part of the phrase.
   */
  private int nounHead(TaggedSentence s, int i) {
    int modifiers = 0;
    while (i + 1 < s.size() && modifiers < 3 && isModifier(s, i) && (isNoun(s, i + 1) || isModifier(s, i + 1))) {
      i++;
      modifiers++;
    }
    int head = -1;
    while (i < s.size() && isNoun(s, i) && (head < 0 || !s.token(i).hasTag("VB"))) {
      head = i;
      i++;
    }
    return head;
  }

  private boolean isModifier(TaggedSentence s, int i) {
    Token token = s.token(i);
    return (token.hasTag("JJ") || token.hasTag("VBG") || token.hasTag("VBN")) && !s.isPunctuation(i)
        && !token.hasTag("CD") && Text.isLowerCase(s.analysisText(i));
  }

  /**
   * A noun and nothing else: the tagger leaves a noun reading on "in", "over" and "being", which
   * are a preposition, an adverb and a verb in a count's place.
   */
  private static boolean isNoun(TaggedSentence s, int i) {
    Token token = s.token(i);
    return token.hasTag("NN") && !s.isPunctuation(i) && token.tags().stream().noneMatch(tag -> tag.startsWith("IN")
        || tag.startsWith("RB") || tag.startsWith("CC") || tag.startsWith("DT") || tag.startsWith("PRP") || tag.equals("TO")
        || tag.equals("MD") || tag.startsWith("WDT") || tag.equals("VBG") || tag.equals("CD"));
  }

  private static boolean isAuxiliary(TaggedSentence s, int i) {
    Token token = s.token(i);
    String lemma = lemmaOf(token, "VB");
    return (lemma != null && (lemma.equals("be") || lemma.equals("have"))) || token.hasTag("MD");
  }

  private static String lemmaOrWord(TaggedSentence s, int i, String prefix) {
    String lemma = lemmaOf(s.token(i), prefix);
    return lemma == null ? s.lower(i) : lemma;
  }

  /**
   * The figure as the age of a named person, or null: "Okafor, 46,", "the 47-year-old Okafor",
   * "Okafor, a 47-year-old engineer", "Okafor, aged 47", "Okafor (47)".
   */
  private Age age(String text, Span sentence, TaggedSentence s, Figure figure, int n) {
    if (!figure.whole() || figure.value() < 1 || figure.value() > 115) {
      return null;
    }
    String before = text.substring(sentence.start(), figure.span().start());
    String after = text.substring(figure.span().end(), sentence.end());
    Matcher yearOld = YEAR_OLD.matcher(after);
    Matcher name = null;
    int cueStart = figure.span().start();
    int cueEnd = figure.span().end();
    if (yearOld.find()) {
      cueEnd = figure.span().end() + yearOld.end();
      Matcher following = nameAfter.matcher(after.substring(yearOld.end()));
      int nameEnd = following.find() ? figure.span().end() + yearOld.end() + following.end() : -1;
      int next = nameEnd < 0 ? s.size() : tokenAt(s, nameEnd);
      // "the 24-year-old Atlanta woman": a capital before a noun is the noun's modifier, no name.
      boolean modifier = next < s.size() && isNoun(s, next) && !s.token(next).hasTag("VB") && Text.isLowerCase(s.analysisText(next));
      if (nameEnd >= 0 && !modifier && before.matches("(?is).*\\b(?:the|a|an)\\s*$") && !before.matches("(?is).*,\\s*(?:the|a|an)\\s*$")) {
        Age age = ageOf(figure, following.group(1), following.group(2), n, new Span(cueStart, cueEnd + following.end()));
        if (age != null) {
          return age;
        }
      }
      Matcher appositive = Pattern.compile("(?s)(.*?),\\s*(?:a|an|the)\\s*$").matcher(before);
      if (appositive.matches()) {
        name = nameBefore.matcher(appositive.group(1));
      }
    } else if (before.matches("(?s).*\\S,\\s*$") && after.matches("(?s)^(?:,(?!\\s*\\d)|;|\\s+and\\b|\\.\\s*$|\\s*$).*")) {
      name = nameBefore.matcher(before.replaceFirst(",\\s*$", ""));
    } else if (before.matches("(?s).*\\S,?\\s+aged\\s*$")) {
      name = nameBefore.matcher(before.replaceFirst(",?\\s+aged\\s*$", ""));
    }
    // "Root (86)" is left alone: a figure in brackets after a name is as often a score, a count
    // or a party's seat as an age.
    if (name == null || !name.find()) {
      return null;
    }
    int nameStart = sentence.start() + name.start(2);
    return ageOf(figure, name.group(1), name.group(2), n, new Span(Math.min(nameStart, cueStart), Math.max(cueEnd, figure.span().end())));
  }

  private Age ageOf(Figure figure, String title, String fullName, int n, Span cue) {
    String[] words = fullName.trim().split("\\s+");
    int firstWord = 0;
    while (firstWord < words.length && titles.contains(Text.lower(words[firstWord].replace(".", "")))) {
      title = words[firstWord];
      firstWord++;
    }
    if (firstWord >= words.length) {
      return null;
    }
    String surname = words[words.length - 1].replaceAll("['\u2019]s$", "");
    String lowerSurname = Text.lower(surname);
    if (timeWords.contains(lowerSurname) || surname.length() < 2 || Text.isAllCapitals(surname)
        || lowerSurname.equals("the") || lowerSurname.equals("he") || lowerSurname.equals("she")) {
      return null;
    }
    String first = words.length - firstWord >= 2 ? words[firstWord] : null;
    return new Age(figure, surname, first, title == null ? null : Text.lower(title.replace(".", "")), n, cue);
  }

  private void compareAges(Document document, List<Age> ages, List<Finding> findings) {
    for (int later = 1; later < ages.size(); later++) {
      Age age = ages.get(later);
      for (int earlier = 0; earlier < later; earlier++) {
        Age other = ages.get(earlier);
        if (!other.surname().equals(age.surname()) || other.figure().value() == age.figure().value()) {
          continue;
        }
        if (age.first() != null && other.first() != null && !age.first().equals(other.first())) {
          continue; // two people of one family
        }
        if (age.title() != null && other.title() != null && !age.title().equals(other.title())) {
          continue; // Mr and Mrs Okafor
        }
        if (distinctFirstNames(ages, age.surname()) > 1) {
          continue; // the story names two people of that surname: which one a bare surname means is not clear
        }
        findings.add(finding(document, ageMessage, age.figure().span(), other.figure(), other.cue(),
            Map.of("name", age.surname())));
        break;
      }
    }
  }

  private static long distinctFirstNames(List<Age> ages, String surname) {
    return ages.stream().filter(a -> a.surname().equals(surname) && a.first() != null).map(Age::first).distinct().count();
  }

  private void compareCounts(Document document, List<Count> counts, List<SentenceFacts> facts, List<Finding> findings) {
    // A count without its noun ("the 35 killed") joins the counts of its role when they all count one noun.
    Map<String, Set<String>> nounsByRole = new HashMap<>();
    for (Count count : counts) {
      if (count.key().noun() != null) {
        nounsByRole.computeIfAbsent(count.key().role(), k -> new java.util.HashSet<>()).add(count.key().noun());
      }
    }
    Map<CountKey, List<Count>> groups = new LinkedHashMap<>();
    for (Count count : counts) {
      CountKey key = count.key();
      if (key.noun() == null) {
        Set<String> nouns = nounsByRole.getOrDefault(key.role(), Set.of());
        if (nouns.size() > 1) {
          continue;
        }
        key = new CountKey(nouns.isEmpty() ? null : nouns.iterator().next(), key.role());
      }
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(count);
    }
    for (List<Count> group : groups.values()) {
      if (group.stream().anyMatch(count -> facts.get(count.sentence()).change())) {
        continue; // the story tells of a change in this count: its figures may all be right
      }
      // What may be, and what happened in another event ("in a separate attack"), states no figure of this count.
      List<Count> stated = group.stream()
          .filter(count -> !facts.get(count.sentence()).modal() && !facts.get(count.sentence()).otherEvent()).toList();
      if (stated.isEmpty()) {
        continue;
      }
      Count reference = stated.get(0);
      for (Count count : stated.subList(1, stated.size())) {
        if (count.figure().value() == reference.figure().value() || count.sentence() == reference.sentence()) {
          continue;
        }
        SentenceFacts a = facts.get(reference.sentence());
        SentenceFacts b = facts.get(count.sentence());
        if (!a.times().isEmpty() && !b.times().isEmpty() && !a.times().equals(b.times())) {
          continue; // different dates: different counts
        }
        if (!a.places().isEmpty() && !b.places().isEmpty() && java.util.Collections.disjoint(a.places(), b.places())) {
          continue; // different places
        }
        if (count.agent() != null && reference.agent() != null && !count.agent().equals(reference.agent())) {
          continue; // "police arrested 12" and "soldiers arrested 20": two arrests
        }
        if (!count.definite() && !reference.definite() && !eventRoles.contains(count.key().role())) {
          // Two plain statements tie only as the outcome of one event ("37 people were killed"):
          // "hired 30 workers" twice may be two hirings.
          continue;
        }
        findings.add(finding(document, countMessage, count.figure().span(), reference.figure(), reference.cue(), Map.of()));
      }
    }
  }

  /**
   * A total beside its parts that is not their sum: "three men and two women, six people in all",
   * "a total of six: three men and two women", "six people (three men and two women)". The parts
   * are counts in a list joined by commas and "and"; the total follows them with a word of
   * totalling, or precedes them with a colon, a dash or a bracket that opens the list.
   */
  private void totals(Document document, Span sentence, TaggedSentence s, List<Figure> figures, List<Finding> findings) {
    String text = document.text();
    List<Item> items = new ArrayList<>();
    for (Figure figure : figures) {
      if (!exact(text, sentence, figure)) {
        items.add(null);
        continue;
      }
      int head = nounHead(s, tokenAt(s, figure.span().end()));
      items.add(new Item(figure, head >= 0 ? s.end(head) : figure.span().end(), head >= 0 ? lemmaOrWord(s, head, "NN") : null));
    }
    for (int i = 0; i + 1 < items.size(); i++) {
      Item item = items.get(i);
      if (item != null && item.end() > figures.get(i + 1).span().start()) {
        // A token that holds the next figure ("15-year-old") ran the phrase past it: no noun of its own.
        items.set(i, new Item(item.figure(), item.figure().span().end(), null));
      }
    }
    for (int start = 0; start < items.size(); start++) {
      int end = listEnd(text, items, start);
      if (end < 0) {
        continue;
      }
      List<Item> parts = items.subList(start, end + 1);
      double sum = parts.stream().mapToDouble(item -> item.figure().value()).sum();
      Item last = parts.get(parts.size() - 1);
      // The total after its parts, with a word of totalling: "..., six people in all", "..., a total of six".
      if (end + 1 < items.size() && items.get(end + 1) != null) {
        Item total = items.get(end + 1);
        String between = text.substring(last.end(), total.figure().span().start());
        String afterTotal = text.substring(total.end(), sentence.end());
        // The parts may carry a phrase of their own before the comma: "eleven women from the village, 21 people".
        boolean apposed = between.matches("(?:\\s+[\\p{L}'\u2019-]+){0,6}\\s*(?:,|:|;|\u2014|\u2013|--|\\()\\s*(?:(?:for|making|or|with)\\s+)?(?:\\p{L}+\\s+){0,3}")
            && !between.matches("(?is).*\\b(?:including|among|of whom|of them|of which|whom|which|besides|and|plus|but|while|when|who)\\b.*");
        // ... or a verb of totalling: "six slipways and two docks make nine berths in all".
        apposed |= between.matches("(?:\\s+[\\p{L}'\u2019-]+){0,6}?\\s+(?:make|makes|made|making|total|totals|totalled|totaled|totalling|totaling|come to|came to|add up to|added up to)\\s+(?:a total of\\s+)?")
            && !between.matches("(?is).*\\b(?:including|among|of whom|of them|of which|whom|which|besides|and|plus|but|while|when|who)\\b.*");
        boolean totalling = totalWordsBefore != null && totalWordsBefore.matcher(between).find()
            || totalWordsAfter != null && totalWordsAfter.matcher(afterTotal).find();
        if (apposed && totalling && total.figure().value() != sum) {
          findings.add(totalFinding(document, total.figure().span(), sum, total.figure(), parts.get(0).figure()));
        }
        start = end;
        continue;
      }
      // The total before its parts, opened by a colon, a dash or a bracket: "six people: three men and two women".
      if (start > 0 && items.get(start - 1) != null) {
        Item total = items.get(start - 1);
        String between = text.substring(total.end(), parts.get(0).figure().span().start());
        String afterParts = text.substring(last.end(), sentence.end());
        boolean opens = between.matches("\\s*(?::|\u2014|\u2013|--|\\()\\s*");
        boolean closes = afterParts.matches("(?s)\\s*(?:\\)|\u2014|\u2013|--|[.;!?]|$).*");
        boolean counted = total.noun() != null || totalWordsBefore != null
            && totalWordsBefore.matcher(text.substring(sentence.start(), total.figure().span().start())).find();
        if (opens && closes && counted && total.figure().value() != sum) {
          findings.add(totalFinding(document, new Span(parts.get(0).figure().span().start(), last.end()), sum,
              total.figure(), total.figure()));
        }
      }
      start = end;
    }
  }

  /**
   * The index of the last item of a list of counts starting at {@code start} ("three men, two
   * women and a child"), or -1 when no list of two or more starts there. Every part has its noun.
   */
  private static int listEnd(String text, List<Item> items, int start) {
    if (items.get(start) == null || items.get(start).noun() == null) {
      return -1;
    }
    int end = start;
    boolean joined = false;
    while (end + 1 < items.size() && items.get(end + 1) != null && items.get(end + 1).noun() != null) {
      String between = text.substring(items.get(end).end(), items.get(end + 1).figure().span().start());
      if (between.matches("\\s*,\\s*")) {
        end++;
      } else if (between.matches("\\s*,?\\s+(?:and|plus)\\s+")) {
        end++;
        joined = true;
        break;
      } else {
        break;
      }
    }
    return joined && end > start ? end : -1;
  }

  private Finding totalFinding(Document document, Span span, double sum, Figure total, Figure earlier) {
    Position at = document.start(earlier.span());
    Map<String, String> values = Map.of("sum", shown(sum), "total", shown(total.value()),
        "line", Integer.toString(at.line()), "column", Integer.toString(at.column()));
    return Findings.of(id, severity, span, totalMessage, values, List.of());
  }

  private Finding finding(Document document, String template, Span span, Figure earlier, Span cue, Map<String, String> extra) {
    Position at = document.start(earlier.span());
    Map<String, String> values = new HashMap<>(extra);
    values.put("figure", document.text(span));
    values.put("earlier", earlier.shown(document.text()));
    values.put("line", Integer.toString(at.line()));
    values.put("column", Integer.toString(at.column()));
    values.put("cue", shortCue(document.text(cue)));
    values.put("age", document.text(span));
    return Findings.of(id, severity, span, template, values, List.of());
  }

  /** The earlier place's words, a few of them, on one line. */
  private static String shortCue(String cue) {
    String line = cue.replaceAll("\\s+", " ").trim();
    String[] words = line.split(" ");
    return words.length <= 6 ? line : String.join(" ", java.util.Arrays.copyOf(words, 6)) + "\u2026";
  }

  private static String shown(double value) {
    return value == Math.rint(value) ? String.format(Locale.ROOT, "%,d", (long) value) : Double.toString(value);
  }
}
