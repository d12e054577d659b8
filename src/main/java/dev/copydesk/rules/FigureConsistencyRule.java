package dev.copydesk.rules;

import dev.copydesk.core.Analysis;
import dev.copydesk.core.Document;
import dev.copydesk.core.Finding;
import dev.copydesk.core.Position;
import dev.copydesk.core.Rule;
import dev.copydesk.core.Severity;
import dev.copydesk.core.Span;
import dev.copydesk.core.Token;
import dev.copydesk.rules.StatedCounts.Count;
import dev.copydesk.rules.StatedCounts.CountKey;
import dev.copydesk.rules.StatedFigures.Figure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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

  /** The sentence facts that decide whether two counts can be compared at all. */
  private record SentenceFacts(Set<String> times, Set<String> places, boolean change, boolean modal, boolean otherEvent) {}

  /** "from 35 to 37 people": a count that changed. */
  private static final Pattern FROM_TO = Pattern.compile("\\bfrom\\s+\\S+\\s+(?:\\S+\\s+)?to\\s+\\d");

  private final String id;
  private final Severity severity;
  private final String countMessage;
  private final String ageMessage;
  private final String totalMessage;
  private final Set<String> eventRoles;
  private final Set<String> changeVerbs;
  private final Pattern changeWords;
  private final Pattern otherEventWords;
  private final Set<String> timeWords;
  private final Set<String> titles;
  private final StatedCounts statedCounts;
  private final StatedAges statedAges;
  private final StatedTotals statedTotals;

  private FigureConsistencyRule(RuleFile file) throws RuleFileException {
    id = file.id();
    severity = file.severity();
    countMessage = file.requiredText("count-message");
    ageMessage = file.requiredText("age-message");
    totalMessage = file.requiredText("total-message");
    eventRoles = Text.lowerSet(file.strings("event-roles"));
    changeVerbs = Text.lowerSet(file.strings("change-verbs"));
    changeWords = Text.phrasePattern(file.strings("change-words"));
    otherEventWords = Text.phrasePattern(file.strings("other-event-words"));
    statedCounts = new StatedCounts(file, changeVerbs);
    statedTotals = new StatedTotals(StatedCounts.endingWith(file.strings("total-words")),
        StatedCounts.startingWith(file.strings("total-words")));
    timeWords = Text.lowerSet(file.strings("time-words"));
    titles = Text.lowerSet(file.strings("titles"));
    statedAges = new StatedAges(file.strings("titles"), timeWords);
  }

  static FigureConsistencyRule from(RuleFile file) throws RuleFileException {
    file.checkKeys(KEYS);
    return new FigureConsistencyRule(file);
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
    List<StatedAges.Age> ages = new ArrayList<>();
    Map<Integer, SentenceFacts> facts = new HashMap<>();
    List<Finding> findings = new ArrayList<>();
    for (int n = 0; n < sentences.size(); n++) {
      Span sentence = sentences.get(n);
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
        StatedAges.Age age = statedAges.read(text, sentence, s, figure, n);
        if (age != null) {
          ages.add(age);
          continue;
        }
        Count count = statedCounts.count(text, sentence, s, figure, n);
        if (count != null) {
          counts.add(count);
        }
      }
      for (StatedTotals.Mismatch mismatch : statedTotals.in(text, sentence, s, figures, figure -> statedCounts.exact(text, sentence, figure))) {
        findings.add(totalFinding(document, mismatch));
      }
    }
    for (Count count : counts) {
      // Only the sentences that state a count are asked about dates, places and change.
      facts.computeIfAbsent(count.sentence(), n -> factsOf(analysis, sentences.get(n), properWords));
    }
    compareCounts(document, counts, facts, findings);
    for (StatedAges.Clash clash : StatedAges.clashes(ages)) {
      findings.add(finding(document, ageMessage, clash.later().figure().span(), clash.earlier().figure(), clash.earlier().cue(),
          Map.of("name", clash.later().surname())));
    }
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

  private SentenceFacts factsOf(Analysis analysis, Span sentence, Set<String> properWords) {
    String text = analysis.document().text();
    Set<String> times = new HashSet<>();
    Set<String> places = new HashSet<>();
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
    // Quotations included: "would" in a quoted sentence is still what may be.
    TaggedSentence tagged = TaggedSentence.of(analysis, sentence, List.of(), properWords);
    for (int i = 0; i < tagged.size(); i++) {
      Token token = tagged.token(i);
      if (token.hasTag("MD")) {
        modal = true;
      }
      if (token.hasTag("VB") && CountedPhrases.lemmaOf(token, "VB") != null && changeVerbs.contains(CountedPhrases.lemmaOf(token, "VB"))) {
        change = true;
      }
    }
    if (FROM_TO.matcher(text).region(sentence.start(), sentence.end()).find()) {
      change = true; // "from 35 to 37 people"
    }
    boolean otherEvent = otherEventWords != null && otherEventWords.matcher(text).region(sentence.start(), sentence.end()).find();
    return new SentenceFacts(Set.copyOf(times), Set.copyOf(places), change, modal, otherEvent);
  }

  private void compareCounts(Document document, List<Count> counts, Map<Integer, SentenceFacts> facts, List<Finding> findings) {
    // A count without its noun ("the 35 killed") joins the counts of its role when they all count one noun.
    Map<String, Set<String>> nounsByRole = new HashMap<>();
    for (Count count : counts) {
      if (count.key().noun() != null) {
        nounsByRole.computeIfAbsent(count.key().role(), k -> new HashSet<>()).add(count.key().noun());
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

  private Finding totalFinding(Document document, StatedTotals.Mismatch mismatch) {
    Position at = document.start(mismatch.earlier().span());
    Map<String, String> values = Map.of("sum", shown(mismatch.sum()), "total", shown(mismatch.total().value()),
        "line", Integer.toString(at.line()), "column", Integer.toString(at.column()));
    return Findings.of(id, severity, mismatch.span(), totalMessage, values, List.of());
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
