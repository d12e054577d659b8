package dev.copydesk.rules;

import dev.copydesk.core.Analysis;
import dev.copydesk.core.Document;
import dev.copydesk.core.Finding;
import dev.copydesk.core.Rule;
import dev.copydesk.core.Severity;
import dev.copydesk.core.Span;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a draft's days and dates agree with the calendar and with the draft's own date:
 *
 * <ul>
 *   <li>{@code weekdays}: a weekday written with a date it does not fall on ("Friday, March 5,
 *       2026", a Thursday), for the year stated, or else the year the draft's date implies (the
 *       one that puts the date within half a year of it), or a year stated with another date of
 *       the same sentence ("Friday, March 5, and Saturday, March 6, 2026"). Without any year the
 *       weekday is not judged: it fits some year. The fix is the right weekday.
 *   <li>{@code impossible-dates}: a day the month does not have ("April 31", "February 29, 2026").
 *   <li>{@code future-in-past}: a date after the draft's own that a sentence tells in the past
 *       tense ("The council voted on March 12" in a story of March 3): the date or the tense is
 *       wrong. Only where the date belongs to a past-tense verb ("voted on March 12", "On March 12,
 *       the council voted"); a sentence that looks ahead anywhere (a modal, "scheduled", "until")
 *       is left alone, since "agreed to meet on March 12" is right.
 *   <li>{@code relative-days}: "yesterday", "today", "tomorrow", "last night" where house style
 *       asks for the day's name; the name is the fix when the draft's date is known. "Today" in
 *       the sense of "nowadays" (a sentence with neither a past tense nor a future) is left alone.
 * </ul>
 *
 * <p>The draft's date is its metadata's or its dateline's (see {@link CalendarDates}). Dates inside
 * quotation marks are never judged: a speaker's slip, or a quoted document, is not the writer's to fix.
 */
final class DateConsistencyRule implements Rule {

  static final Set<String> KEYS = Set.of("checks", "weekday-message", "impossible-message", "future-message",
      "relative-message", "future-severity", "forward-words", "event-nouns", "relative-days", "nowadays-words", "state-verbs");

  private static final Set<String> CHECKS = Set.of("weekdays", "impossible-dates", "future-in-past", "relative-days");

  /** How many words of an object may stand between a verb and its date: "signed the new port contract on". */
  private static final int MAX_OBJECT_WORDS = 6;

  /** A relative day phrase's meaning: how many days from the draft's date, and how to name that day. */
  private record RelativeDay(int offset, String template) {}

  private final String id;
  private final Severity severity;
  private final Severity futureSeverity;
  private final Set<String> checks;
  private final Map<String, String> messages = new HashMap<>();
  private final Set<String> forwardWords;
  private final Set<String> eventNouns;
  private final Set<String> nowadaysWords;
  private final Set<String> stateVerbs;
  private final Map<String, RelativeDay> relativeDays = new HashMap<>();
  private final Pattern relativePattern;

  private DateConsistencyRule(RuleFile file) throws RuleFileException {
    id = file.id();
    severity = file.severity();
    futureSeverity = file.severity("future-severity", Severity.WARNING);
    checks = Set.copyOf(file.strings("checks"));
    for (String check : checks) {
      if (!CHECKS.contains(check)) {
        throw file.error("checks", "unknown check '" + check + "' (known: " + String.join(", ", new java.util.TreeSet<>(CHECKS)) + ")");
      }
    }
    for (String key : List.of("weekday-message", "impossible-message", "future-message", "relative-message")) {
      messages.put(key, file.text(key, ""));
    }
    forwardWords = Text.lowerSet(file.strings("forward-words"));
    eventNouns = Text.lowerSet(file.strings("event-nouns"));
    nowadaysWords = Text.lowerSet(file.strings("nowadays-words"));
    stateVerbs = Text.lowerSet(file.strings("state-verbs"));
    for (Map.Entry<String, String> entry : file.stringMap("relative-days").entrySet()) {
      String[] parts = entry.getValue().strip().split("\\s+", 2);
      try {
        relativeDays.put(Text.lower(entry.getKey().strip()), new RelativeDay(Integer.parseInt(parts[0].replace("+", "")),
            parts.length > 1 ? parts[1] : "${day}"));
      } catch (NumberFormatException notAnOffset) {
        throw file.error("relative-days", "'" + entry.getKey() + "' wants a day offset first (-1, 0, +1), not '" + parts[0] + "'");
      }
    }
    relativePattern = Text.phrasePattern(relativeDays.keySet());
    if (checks.contains("relative-days") && relativePattern == null) {
      throw file.error("relative-days", "the relative-days check needs its phrases");
    }
  }

  static DateConsistencyRule from(RuleFile file) throws RuleFileException {
    file.checkKeys(KEYS);
    return new DateConsistencyRule(file);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public List<Finding> check(Analysis analysis) {
    Document document = analysis.document();
    String text = document.text();
    CalendarDates.DraftDate draftDate = CalendarDates.of(document);
    List<Span> quoted = new ArrayList<>();
    for (Span paragraph : document.paragraphs()) {
      quoted.addAll(Text.quotations(text, paragraph));
    }
    List<Finding> findings = new ArrayList<>();
    boolean datesChecked = checks.contains("weekdays") || checks.contains("impossible-dates") || checks.contains("future-in-past");
    for (Span sentence : analysis.sentences()) {
      if (datesChecked) {
        List<CalendarDates.Mention> mentions = CalendarDates.in(text, sentence);
        for (int m = 0; m < mentions.size(); m++) {
          CalendarDates.Mention mention = mentions.get(m);
          if (quoted.stream().noneMatch(quote -> quote.overlaps(mention.span()))) {
            judge(analysis, sentence, mention, yearFromSentence(mentions, m), draftDate, quoted, findings);
          }
        }
      }
      if (checks.contains("relative-days")) {
        relativeDays(analysis, sentence, draftDate, quoted, findings);
      }
    }
    return findings;
  }

  /** The word just before an offset, in lower case ("" for none). */
  private static String wordBefore(String text, int offset) {
    int end = offset;
    while (end > 0 && text.charAt(end - 1) == ' ') {
      end--;
    }
    int start = end;
    while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
      start--;
    }
    return Text.lower(text.substring(start, end));
  }

  /** The year a later date of the same sentence states, for one that states none ("March 5 and 6, 2026"). */
  private static Integer yearFromSentence(List<CalendarDates.Mention> mentions, int index) {
    for (int i = index + 1; i < mentions.size(); i++) {
      if (mentions.get(i).yearStated()) {
        return mentions.get(i).year();
      }
    }
    return null;
  }

  private void judge(Analysis analysis, Span sentence, CalendarDates.Mention mention, Integer sentenceYear,
      CalendarDates.DraftDate draftDate, List<Span> quoted, List<Finding> findings) {
    Integer year = mention.yearStated() ? mention.year() : sentenceYear;
    String monthName = mention.month().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
    int longest = mention.month().length(year == null || Year.isLeap(year));
    if (mention.day() > longest) {
      if (checks.contains("impossible-dates")) {
        String yearPart = year != null && mention.month() == Month.FEBRUARY && mention.day() == 29 ? " in " + year : "";
        findings.add(Findings.of(id, severity, mention.span(), messages.get("impossible-message"),
            Map.of("month", monthName, "day", String.valueOf(mention.day()), "days", String.valueOf(longest), "year", yearPart),
            List.of()));
      }
      return;
    }
    List<LocalDate> candidates = new ArrayList<>();
    if (year != null) {
      candidates.add(CalendarDates.dateOf(mention, year)); // a day the month has: judged above
    } else if (draftDate != null) {
      candidates.addAll(CalendarDates.nearDraft(mention, draftDate.date()));
      // "killed last Nov. 1": the last such day before the draft's, "next March 3" the first after.
      String before = wordBefore(analysis.document().text(), mention.span().start());
      if (before.equals("last") || before.equals("next")) {
        LocalDate draft = draftDate.date();
        LocalDate meant = null;
        for (int other = draft.getYear() - 1; other <= draft.getYear() + 1; other++) {
          LocalDate date = CalendarDates.dateOf(mention, other);
          boolean side = date != null && (before.equals("last") ? !date.isAfter(draft) : date.isAfter(draft));
          if (side && (meant == null || (before.equals("last") ? date.isAfter(meant) : date.isBefore(meant)))) {
            meant = date;
          }
        }
        candidates.clear();
        if (meant != null) {
          candidates.add(meant);
        }
      }
    }
    if (candidates.isEmpty()) {
      return;
    }
    if (checks.contains("weekdays") && mention.weekday() != null
        && candidates.stream().noneMatch(date -> date.getDayOfWeek() == mention.weekday())) {
      LocalDate date = candidates.get(0);
      String stated = analysis.document().text(mention.weekdaySpan());
      String right = CalendarDates.weekdayName(date.getDayOfWeek(), stated);
      findings.add(Findings.of(id, severity, mention.weekdaySpan(), messages.get("weekday-message"),
          Map.of("date", CalendarDates.written(date), "stated", stated, "actual", right), List.of(right)));
      return;
    }
    if (checks.contains("future-in-past") && draftDate != null && !mention.span().equals(draftDate.dateline())) {
      LocalDate date = candidates.get(0);
      if (date.isAfter(draftDate.date()) && toldAsPast(analysis, sentence, mention.span(), quoted)) {
        findings.add(Findings.of(id, futureSeverity, mention.span(), messages.get("future-message"),
            Map.of("date", CalendarDates.written(date), "draft-date", CalendarDates.written(draftDate.date())), List.of()));
      }
    }
  }

  /**
   * True when the date belongs to a past-tense verb: the verb just before it ("voted on March 12",
   * "was arrested March 12"), or, for a date opening the sentence ("On March 12, the council
   * voted"), the first verb after it. A sentence with a modal or a word that looks ahead is not
   * told as past, whatever its verbs.
   */
  private boolean toldAsPast(Analysis analysis, Span sentence, Span date, List<Span> quoted) {
    TaggedSentence tokens = TaggedSentence.of(analysis, sentence, quoted, Set.of());
    int first = -1;
    int last = -1;
    for (int i = 0; i < tokens.size(); i++) {
      // A verb looks ahead by its lemma ("planned", "scheduled"); another word only as written,
      // since "the plans were shown" looks at nothing to come.
      if (tokens.token(i).hasTag("MD") || forwardWords.contains(tokens.lower(i))
          || (tokens.token(i).hasTag("VB") && tokens.token(i).lemmas().stream().anyMatch(forwardWords::contains))) {
        return false;
      }
      if (tokens.start(i) >= date.start() && tokens.end(i) <= date.end()) {
        first = first < 0 ? i : first;
        last = i;
      }
    }
    if (first < 0) {
      return false; // LanguageTool's tagging did not reach the sentence
    }
    int before = first - 1;
    if (before >= 0 && tokens.lower(before).equals("on")) {
      before--;
    }
    if (before >= 0) {
      // An object may stand between the verb and its date ("finished the road surface on Dec. 10"),
      // unless it names an event, which the date then belongs to ("announced a vote on March 12").
      // The chunker, not a word's readings, says where the object ends: "engineers" may be a verb.
      for (int words = 0; before >= 0 && words <= MAX_OBJECT_WORDS && !tokens.inVerbChunk(before)
          && (tokens.isAdverb(before) || tokens.inNounChunk(before)); words++) {
        if (tokens.token(before).hasTag("NN") && (eventNouns.contains(tokens.lower(before))
            || tokens.token(before).lemmas().stream().anyMatch(eventNouns::contains))) {
          return false;
        }
        before--;
      }
      return before >= 0 && pastVerbAt(tokens, before);
    }
    for (int i = last + 1; i < tokens.size() && i <= last + 8; i++) {
      if (tokens.lower(i).equals("to")) {
        return false;
      }
      if (tokens.token(i).hasTag("VB") && tokens.inVerbChunk(i)) {
        return pastVerbAt(tokens, i);
      }
    }
    return false;
  }

  /** A past tense ("voted"), or a participle whose auxiliary is ("was arrested", "had met"), but no infinitive ("to be held"). */
  private static boolean pastVerbAt(TaggedSentence tokens, int i) {
    if (tokens.token(i).hasTag("VBD") && !tokens.token(i).hasTag("VBN")) {
      return true;
    }
    if (!tokens.token(i).hasTag("VBD") && !tokens.token(i).hasTag("VBN")) {
      return false;
    }
    // A form that is both (voted, held) or a participle: its auxiliaries decide; none means past tense.
    boolean auxiliary = false;
    for (int j = i - 1; j >= 0 && i - j <= 4 && (tokens.inVerbChunk(j) || tokens.isAdverb(j)); j--) {
      if (tokens.lower(j).equals("to")) {
        return false;
      }
      if (tokens.token(j).hasTag("VB") && !tokens.isAdverb(j)) {
        auxiliary = true;
        if (tokens.token(j).hasTag("VBD") || tokens.lower(j).equals("been")) {
          return true;
        }
      }
    }
    return !auxiliary && tokens.token(i).hasTag("VBD");
  }

  private void relativeDays(Analysis analysis, Span sentence, CalendarDates.DraftDate draftDate, List<Span> quoted,
      List<Finding> findings) {
    Document document = analysis.document();
    Matcher matcher = relativePattern.matcher(document.text()).region(sentence.start(), sentence.end());
    while (matcher.find()) {
      Span span = new Span(matcher.start(), matcher.end());
      if (quoted.stream().anyMatch(quote -> quote.overlaps(span))) {
        continue;
      }
      String written = matcher.group();
      RelativeDay meaning = relativeDays.get(Text.lower(written.replaceAll("\\s+", " ")));
      if (nowadaysWords.contains(Text.lower(written)) && !namesTheDay(analysis, sentence, span, quoted)) {
        continue; // "Today, few towns have a paper": nowadays, not a day
      }
      List<String> suggestions = List.of();
      if (draftDate != null) {
        LocalDate day = draftDate.date().plusDays(meaning.offset());
        String name = day.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
        String named = meaning.template().replace("${day}", name);
        suggestions = List.of(named);
      }
      findings.add(Findings.of(id, severity, span, messages.get("relative-message"),
          Map.of("word", written, "day", suggestions.isEmpty() ? "the day's name" : suggestions.get(0)), suggestions));
    }
  }

  /**
   * True when a word that also means "nowadays" ("today") names the day here: the finite verb
   * nearest to it in its clause is a past tense or a modal ("Kennedy today proposed", "will meet
   * today"), or a present tense of an event ("the Assembly adjourns today"), not of a state ("the
   * library of today is failing", "there are"). "Of today" and "today's" before anything but an
   * event ("today's artists") are nowadays.
   */
  private boolean namesTheDay(Analysis analysis, Span sentence, Span word, List<Span> quoted) {
    TaggedSentence tokens = TaggedSentence.of(analysis, sentence, quoted, Set.of());
    int at = -1;
    for (int i = 0; i < tokens.size() && at < 0; i++) {
      if (tokens.start(i) == word.start()) {
        at = i;
      }
    }
    if (at < 0) {
      return false; // not tagged (time budget): say nothing rather than guess
    }
    String next = at + 1 < tokens.size() ? tokens.lower(at + 1) : "";
    if (next.equals("'s") || next.equals("\u2019s")) {
      for (int i = at + 2; i < tokens.size() && i <= at + 4; i++) {
        if (tokens.token(i).hasTag("NN")) {
          return eventNouns.contains(tokens.lower(i)) || tokens.token(i).lemmas().stream().anyMatch(eventNouns::contains);
        }
      }
      return false;
    }
    if (at > 0 && tokens.lower(at - 1).equals("of")) {
      return false;
    }
    int clauseStart = at - 1;
    while (clauseStart >= 0 && !CLAUSE_ENDS.contains(tokens.lower(clauseStart))) {
      clauseStart--;
    }
    int clauseEnd = at + 1;
    while (clauseEnd < tokens.size() && !CLAUSE_ENDS.contains(tokens.lower(clauseEnd))) {
      clauseEnd++;
    }
    for (int distance = 1; at - distance > clauseStart || at + distance < clauseEnd; distance++) {
      for (int i : new int[] {at - distance, at + distance}) {
        if (i <= clauseStart || i >= clauseEnd) {
          continue;
        }
        if (tokens.token(i).hasTag("MD") || (tokens.token(i).hasTag("VBD") && tokens.inVerbChunk(i))) {
          return true;
        }
        if ((tokens.token(i).hasTag("VBZ") || tokens.token(i).hasTag("VBP")) && tokens.inVerbChunk(i)) {
          return tokens.token(i).lemmas().stream().noneMatch(stateVerbs::contains);
        }
      }
    }
    return false;
  }

  /** Marks that end a clause: a verb beyond one belongs to another clause. */
  private static final Set<String> CLAUSE_ENDS = Set.of(";", ":", "\u2014", "--");

}
