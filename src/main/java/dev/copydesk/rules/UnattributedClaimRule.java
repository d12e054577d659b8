package dev.copydesk.rules;

import dev.copydesk.core.Analysis;
import dev.copydesk.core.Document;
import dev.copydesk.core.Finding;
import dev.copydesk.core.Rule;
import dev.copydesk.core.Severity;
import dev.copydesk.core.Span;
import dev.copydesk.rules.SourceNouns.Cue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds claims pinned on a source the reader cannot identify: an anonymous source ("a Kremlin
 * source revealed", "another insider claimed"), a vague collective with no organisation
 * ("analysts say"), an agentless hedge ("reportedly", "it is understood") or a weasel phrase
 * ("some say").
 *
 * <p>A cue counts only as the subject of an attribution verb (said, claimed, revealed...) within
 * a few words, or after "according to", so "sources of revenue" and "officials have talked up"
 * are left alone. A vague collective tied to an organisation ("Kremlin officials", "analysts at
 * Capital Economics") is attributed in newsroom practice and is not reported; nor is anything
 * inside quotation marks, which is the quoted person's claim. Every cue, noun and verb is data in
 * the rule file.
 */
final class UnattributedClaimRule implements Rule {

  static final Set<String> KEYS = keys();

  private static Set<String> keys() {
    Set<String> keys = new HashSet<>(AttributionWords.KEYS);
    keys.addAll(List.of(
        "anonymous-sources", "vague-sources", "source-modifiers", "attribution-verbs", "affiliation-words", "poll-participles",
        "passive-auxiliaries", "subject-pronouns", "inverted-verbs", "relative-pronouns", "naming-modifiers",
        "max-aside-words", "back-reference-words", "hedges", "weasel-phrases", "anonymity-reasons", "verb-window",
        "hedge-severity", "anonymous-message", "explained-message", "vague-message", "hedge-message",
        "weasel-message"));
    return Set.copyOf(keys);
  }

  private final String id;
  private final Severity severity;
  private final Severity hedgeSeverity;
  private final SourceNouns sources;
  private final Set<String> modifiers;
  private final Set<String> unaffiliated;
  private final Set<String> verbs;
  private final Set<String> affiliationWords;
  private final Set<String> pollParticiples;
  private final Set<String> organisationModifiers;
  private final Set<String> organisationHeads;
  private final Set<String> passiveAuxiliaries;
  private final Set<String> subjectPronouns;
  private final Set<String> invertedVerbs;
  private final Set<String> relativePronouns;
  private final Set<String> namingModifiers;
  private final int maxAsideWords;
  private final Set<String> backReferenceWords;
  private final Pattern hedges;
  private final Pattern weasels;
  private final Pattern reasons;
  private final int verbWindow;
  private final Map<String, String> messages;
  private final Attributions attributions;
  private final Set<String> adviceModals;
  private final Set<String> namingAsides;

  private UnattributedClaimRule(RuleFile file) throws RuleFileException {
    id = file.id();
    severity = file.severity();
    hedgeSeverity = file.severity("hedge-severity", Severity.SUGGESTION);
    sources = new SourceNouns(file.strings("anonymous-sources"), file.strings("vague-sources"));
    modifiers = lowerSet(file.strings("source-modifiers"));
    unaffiliated = lowerSet(file.strings("unaffiliated-modifiers"));
    verbs = lowerSet(file.strings("attribution-verbs"));
    affiliationWords = lowerSet(file.strings("affiliation-words"));
    pollParticiples = lowerSet(file.strings("poll-participles"));
    organisationModifiers = lowerSet(file.strings("organisation-modifiers"));
    passiveAuxiliaries = lowerSet(file.strings("passive-auxiliaries"));
    subjectPronouns = lowerSet(file.strings("subject-pronouns"));
    invertedVerbs = lowerSet(file.strings("inverted-verbs"));
    relativePronouns = lowerSet(file.strings("relative-pronouns"));
    namingModifiers = lowerSet(file.strings("naming-modifiers"));
    maxAsideWords = file.integer("max-aside-words", 25);
    backReferenceWords = lowerSet(file.strings("back-reference-words"));
    hedges = Text.phrasePattern(file.strings("hedges"));
    weasels = Text.phrasePattern(file.strings("weasel-phrases"));
    reasons = Text.phrasePattern(file.strings("anonymity-reasons"));
    verbWindow = file.integer("verb-window", 8);
    AttributionWords attributionWords = AttributionWords.from(file);
    attributions = new Attributions(attributionWords);
    adviceModals = attributionWords.adviceModals();
    namingAsides = attributionWords.namingAsides();
    organisationHeads = attributionWords.organisationHeads();
    messages = new HashMap<>();
    for (String key : List.of("anonymous-message", "explained-message", "vague-message", "hedge-message", "weasel-message")) {
      messages.put(key, file.requiredText(key));
    }
  }

  static UnattributedClaimRule from(RuleFile file) throws RuleFileException {
    file.checkKeys(KEYS);
    return new UnattributedClaimRule(file);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public List<Finding> check(Analysis analysis) {
    Document document = analysis.document();
    String text = document.text();
    List<Finding> findings = new ArrayList<>();
    Map<Span, List<Span>> quotesByParagraph = new HashMap<>();
    int paragraphIndex = 0;
    List<Span> paragraphs = document.paragraphs();
    List<Span> sentences = analysis.sentences();
    Set<String> properWords = Text.midSentenceCapitals(document, sentences);
    SpeakerThread thread = new SpeakerThread();
    for (Span sentence : sentences) {
      while (paragraphs.get(paragraphIndex).end() < sentence.end()) {
        paragraphIndex++;
      }
      Span paragraph = paragraphs.get(paragraphIndex);
      List<Span> quotes = quotesByParagraph.computeIfAbsent(paragraph, p -> Text.quotations(text, p));
      Attributions.Sentence constructions = attributions.in(analysis, sentence, quotes, properWords);
      int before = findings.size();
      checkSentence(document, sentence, quotes, properWords, constructions, findings);
      List<Finding> phrased = new ArrayList<>(findings.subList(before, findings.size()));
      boolean reasonGiven = reasons.matcher(document.text(sentence)).find();
      List<Attributions.Attribution> unnamed = new ArrayList<>(constructions.unnamed());
      unnamed.addAll(thread.follow(constructions));
      for (Attributions.Attribution found : unnamed) {
        if (phrased.stream().noneMatch(finding -> finding.span().overlaps(found.span()))) {
          findings.add(constructionFinding(found, reasonGiven, document.text(found.span())));
        }
      }
    }
    return findings;
  }

  /**
   * The phrase layer: hedges, weasel phrases and the listed source nouns. A sentence that carries
   * its own attribution ("is thought to infest ..., Blasingame said"; "allegedly unhappy, according
   * to a report by E! News") owns its hedges: they are not reported apart from it.
   */
  private void checkSentence(Document document, Span sentence, List<Span> quotes, Set<String> properWords,
      Attributions.Sentence constructions, List<Finding> findings) {
    String text = document.text();
    String sentenceText = document.text(sentence);
    boolean reasonGiven = reasons.matcher(sentenceText).find();
    for (Span phrase : find(hedges, text, sentence)) {
      if (!quoted(phrase, quotes) && !constructions.owns(phrase)) {
        findings.add(finding("hedge-message", hedgeSeverity, phrase, document.text(phrase)));
      }
    }
    for (Span phrase : find(weasels, text, sentence)) {
      if (!quoted(phrase, quotes)) {
        findings.add(finding("weasel-message", severity, phrase, document.text(phrase)));
      }
    }
    List<Span> words = Text.words(text, sentence);
    List<String> lower = words.stream().map(w -> Text.lower(document.text(w))).toList();
    for (int i = 0; i < words.size(); i++) {
      if (quoted(words.get(i), quotes)) {
        continue;
      }
      SourceNouns.Match source = sources.at(lower, i);
      if (source == null) {
        continue;
      }
      Cue cue = source.cue();
      int cueLength = source.length();
      int afterCue = i + cueLength;
      if (text.startsWith("'", words.get(afterCue - 1).end()) || text.startsWith("\u2019", words.get(afterCue - 1).end())) {
        continue; // "missed analysts' estimates": the crowd owns a thing, it says nothing
      }
      if (cue == Cue.VAGUE && constructions.polled()) {
        continue; // "analysts had expected ..., according to Refinitiv data": the named poll's figure
      }
      if (cueLength == 1 && afterCue < words.size() && lower.get(afterCue).equals("of")) {
        continue; // "sources of revenue", "experts of the field": not a speaker
      }
      if (afterCue < words.size() && sources.isSingleWord(lower.get(afterCue))) {
        continue; // "an official source": the next noun is the cue
      }
      if (afterCue < words.size() && text.substring(words.get(afterCue - 1).end(), words.get(afterCue).start()).isBlank()
          && Text.isProperNoun(document.text(words.get(afterCue)), false, properWords)) {
        continue; // "State Department official Dana Holm revealed": the cue is the title of the name after it
      }
      if (cue == Cue.ANONYMOUS && cueLength == 1 && !lower.get(i).endsWith("s")
          && i > 0 && backReferenceWords.contains(lower.get(i - 1))) {
        continue; // "the official said": the source was introduced, and reported, before
      }
      int start = phraseStart(document, words, lower, i, sentence, properWords);
      if (i > 0 && namingModifiers.contains(lower.get(i - 1))) {
        continue; // "the named sources", "identified officials"
      }
      Span verb = verbAfter(text, words, lower, afterCue, quotes);
      if (verb != null && noClaimBetween(lower, words, afterCue, verb)) {
        continue; // "officials could not say when", "others should welcome": no claim
      }
      if (verb != null && namesMembers(document, words, lower, afterCue, words.indexOf(verb), properWords)) {
        continue; // "Critics, including the Harbour Trust, say": on the record through its members
      }
      Span claim;
      if (verb != null) {
        claim = new Span(words.get(start).start(), verb.end());
      } else {
        Span before = endsClause(text, words.get(afterCue - 1).end(), sentence) ? verbBefore(words, lower, start) : null;
        if (before == null) {
          continue;
        }
        claim = new Span(before.start(), words.get(afterCue - 1).end());
      }
      // The tagged tokens may know the word before for a name the words alone do not:
      // "Commerzbank economists said" (but not "the mayor's critics argue").
      boolean taggedName = i > 0 && Text.isCapitalised(document.text(words.get(i - 1)))
          && constructions.namedBefore(claim, words.get(i).start());
      if (cue == Cue.VAGUE && (taggedName || affiliated(document, words, lower, start, i, afterCue, sentence, properWords))) {
        continue;
      }
      String cueText = document.text(new Span(words.get(start).start(), words.get(afterCue - 1).end()));
      if (cue == Cue.VAGUE) {
        findings.add(finding("vague-message", severity, claim, cueText));
      } else if (reasonGiven) {
        findings.add(finding("explained-message", hedgeSeverity, claim, cueText));
      } else {
        findings.add(finding("anonymous-message", severity, claim, cueText));
      }
      i = afterCue - 1;
    }
  }

  /** An inability ("could not say") or the writer's advice ("should agree") between a cue and its verb. */
  private boolean noClaimBetween(List<String> lower, List<Span> words, int from, Span verb) {
    int to = from;
    while (to < words.size() && words.get(to).start() < verb.start()) {
      to++;
    }
    return ClaimVerbs.inabilityOrAdvice(lower.subList(from, to), adviceModals);
  }

  /** The first word of the noun phrase ending at the cue: "another", "a Kremlin", "senior". */
  private int phraseStart(
      Document document, List<Span> words, List<String> lower, int cue, Span sentence, Set<String> properWords) {
    int start = cue;
    String text = document.text();
    while (start > 0) {
      Span previous = words.get(start - 1);
      if (!text.substring(previous.end(), words.get(start).start()).isBlank()) {
        break;
      }
      boolean modifier = modifiers.contains(lower.get(start - 1)) || organisationModifiers.contains(lower.get(start - 1));
      boolean sentenceInitial = previous.start() == sentence.start();
      if (!modifier && !Text.isProperNoun(document.text(previous), sentenceInitial, properWords)) {
        break;
      }
      start--;
    }
    return start;
  }

  /** True when only closing punctuation stands between {@code end} and the clause's end. */
  private static boolean endsClause(String text, int end, Span sentence) {
    for (int i = end; i < sentence.end(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == ';' || c == '.' || c == '!' || c == '?') {
        return true;
      }
      if (!Character.isWhitespace(c) && "\"'\u201D\u2019)".indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * An attribution verb within the window after the cue, outside quotations. An aside between
   * commas ("a person familiar with the talks, who asked not to be named, said") does not count
   * towards the window, and a verb inside it is not the cue's.
   */
  private Span verbAfter(String text, List<Span> words, List<String> lower, int from, List<Span> quotes) {
    int counted = 0;
    int asideWords = 0;
    boolean inAside = false;
    for (int j = from; j < words.size() && counted < verbWindow; j++) {
      if (text.substring(words.get(j - 1).end(), words.get(j).start()).contains(",")) {
        inAside = !inAside && j > from;
        asideWords = 0;
      }
      if (quoted(words.get(j), quotes)) {
        return null;
      }
      if (inAside) {
        if (++asideWords > maxAsideWords) {
          return null;
        }
        continue;
      }
      if (subjectPronouns.contains(lower.get(j))) {
        return null; // the verb that follows belongs to someone else: "..., he added"
      }
      counted++;
      if (verbs.contains(lower.get(j)) && j > from && relativePronouns.contains(lower.get(j - 1))) {
        continue; // a relative clause's verb: "the aide who explained the paintings"
      }
      if (verbs.contains(lower.get(j))) {
        // "Residents were told to leave": the cue is told, not telling.
        boolean passive = j > from && passiveAuxiliaries.contains(lower.get(j - 1));
        return passive ? null : words.get(j);
      }
    }
    return null;
  }

  /**
   * "said" or "according to" just before a noun phrase that ends its clause: "..., said a
   * source." A noun after "told" or "said" that goes on ("told analysts last week") is the
   * audience, not the source.
   */
  private Span verbBefore(List<Span> words, List<String> lower, int start) {
    if (start >= 2 && lower.get(start - 2).equals("according") && lower.get(start - 1).equals("to")) {
      return words.get(start - 2);
    }
    if (start >= 1 && invertedVerbs.contains(lower.get(start - 1))) {
      return words.get(start - 1);
    }
    return null;
  }

  /**
   * True when a vague collective is tied to an organisation: a proper noun that is not a
   * nationality ("Kremlin officials", "EU diplomats"), an institution ("city officials",
   * "government officials"), or "at", "from", "with"... and a name right after the noun
   * ("analysts at Capital Economics"), or a named poll ("economists surveyed by Reuters").
   */
  private boolean affiliated(
      Document document,
      List<Span> words,
      List<String> lower,
      int start,
      int cue,
      int afterCue,
      Span sentence,
      Set<String> properWords) {
    for (int j = start; j < cue; j++) {
      String word = document.text(words.get(j));
      boolean sentenceInitial = words.get(j).start() == sentence.start();
      if (organisationModifiers.contains(lower.get(j))) {
        return true;
      }
      if (Text.isProperNoun(word, sentenceInitial, properWords)
          && !unaffiliated.contains(lower.get(j))
          && !modifiers.contains(lower.get(j))
          && !lower.get(j).endsWith("-based")) { // "London-based analysts": where they sit, not whose
        return true;
      }
    }
    int j = afterCue;
    if (j + 1 < words.size() && pollParticiples.contains(lower.get(j)) && lower.get(j + 1).equals("by")) {
      j++; // "analysts polled by Reuters": the named poll is the source of the consensus
    }
    if (j < words.size() && (affiliationWords.contains(lower.get(j)) || lower.get(j).equals("by") && j > afterCue)) {
      j++;
      boolean definite = j < words.size() && lower.get(j).equals("the");
      if (definite) {
        j++;
      }
      // "economists at the bank": the body the story has named ("traders on the floor" is a place)
      return j < words.size() && (Text.isCapitalised(document.text(words.get(j)))
          || definite && (organisationModifiers.contains(lower.get(j)) || organisationHeads.contains(lower.get(j))));
    }
    return false;
  }

  /** An aside from word {@code from} to the verb that names members of the crowd: "including the Harbour Trust". */
  private boolean namesMembers(Document document, List<Span> words, List<String> lower, int from, int verb, Set<String> properWords) {
    if (from + 1 >= verb || !document.text().substring(words.get(from - 1).end(), words.get(from).start()).contains(",")) {
      return false;
    }
    if (!namingAsides.contains(lower.get(from)) && !namingAsides.contains(lower.get(from) + " " + lower.get(from + 1))) {
      return false;
    }
    for (int j = from + 1; j < verb; j++) {
      if (Text.isProperNoun(document.text(words.get(j)), false, properWords) && !unaffiliated.contains(lower.get(j))) {
        return true;
      }
    }
    return false;
  }

  /** A finding for a construction the phrase lists did not catch, graded as the phrases are. */
  private Finding constructionFinding(Attributions.Attribution found, boolean reasonGiven, String cue) {
    return switch (found.source()) {
      case VAGUE -> finding("vague-message", severity, found.span(), cue);
      case RUMOUR -> finding("hedge-message", hedgeSeverity, found.span(), cue);
      case ANONYMOUS -> reasonGiven
          ? finding("explained-message", hedgeSeverity, found.span(), cue)
          : finding("anonymous-message", severity, found.span(), cue);
      case NAMED, CONTINUED -> throw new IllegalArgumentException("a named or continued source is no finding: " + cue);
    };
  }

  private Finding finding(String messageKey, Severity findingSeverity, Span span, String cue) {
    return Findings.of(id, findingSeverity, span, messages.get(messageKey), Map.of("cue", cue), List.of());
  }

  private static boolean quoted(Span span, List<Span> quotes) {
    for (Span quote : quotes) {
      if (quote.contains(span)) {
        return true;
      }
    }
    return false;
  }

  private static List<Span> find(Pattern pattern, String text, Span within) {
    List<Span> spans = new ArrayList<>();
    if (pattern == null) {
      return spans;
    }
    Matcher matcher = pattern.matcher(text).region(within.start(), within.end());
    while (matcher.find()) {
      spans.add(new Span(matcher.start(), matcher.end()));
    }
    return spans;
  }

  private static Set<String> lowerSet(List<String> words) {
    Set<String> set = new HashSet<>();
    for (String word : words) {
      set.add(word.strip().toLowerCase(Locale.ROOT));
    }
    return set;
  }
}
