package dev.copydesk.rules;

import dev.copydesk.core.Analysis;
import dev.copydesk.core.Document;
import dev.copydesk.core.Finding;
import dev.copydesk.core.LanguageToolMatch;
import dev.copydesk.core.Rule;
import dev.copydesk.core.Severity;
import dev.copydesk.core.Span;
import dev.copydesk.core.Variant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Spelling, with LanguageTool's speller for the draft's variant as the dictionary, and the
 * evidence on each unknown word weighed before it is reported.
 *
 * <p>News copy is full of names no dictionary holds, so a capitalised word LanguageTool does not
 * know is taken for a name (no finding; the reports list it among the names to verify) unless
 * the evidence says it is a misspelt common word, in Title case or in capitals: see {@link
 * CapitalisedTypos}. A lower-case word the dictionary does not know is an error, with three
 * exceptions that are questions rather than misspellings: two common words closed up
 * ("rightfield") and a run of unknown words (a foreign phrase) are suggestions, and a spelling
 * the draft uses three times or more is reported once. A word only the rarest lists know is
 * accepted unless {@link RareWords} finds it a slip of a common word.
 * Which signals earned their place, measured on real copy, is in bench/spelling.py's notes in
 * the README.
 *
 * <p>The speller's matches are narrowed to one word each by {@link SpellerMatches}; the evidence
 * of names is {@link NameEvidence}'s, of word shapes {@link WordShapes}'s, and the order of
 * suggestions {@link SuggestionRanking}'s. This class weighs them, in the order of {@link #check}.
 */
final class SpellingRule implements Rule {

  static final Set<String> KEYS = Set.of("typo-message", "unknown-message", "no-suggestion-message", "variant-message",
      "variant-severity", "uncertain-severity", "repeated-message", "repeated-severity", "compound-message",
      "foreign-message", "accent-message", "coinage-message", "dictionaries", "gazetteer", "word-levels", "variants", "variant-spelling-message", "determiners", "titles",
      "organisation-words", "place-words", "sentence-openers", "definition-cues", "rare-message", "prefixed-message",
      "coinage-prefixes", "coinage-suffixes", "spaced-message", "name-particles");

  /** Used this many times or more, an unknown lower-case spelling is deliberate: reported once. */
  private static final int DELIBERATE_REPEATS = 3;

  /** The messages of the rule file, by key, filled in with ${word}, ${suggestion} and others. */
  private record Messages(String typo, String unknown, String noSuggestion, String variant, String repeated,
      String compound, String foreign, String accent, String coinage, String variantSpelling, String rare, String prefixed,
      String spaced) {}

  private final String id;
  private final Severity severity;
  private final Severity uncertainSeverity;
  private final Severity variantSeverity;
  private final Severity repeatedSeverity;
  private final Messages messages;
  private final Dictionary dictionary;
  private final WordLists.Lists wordLists;
  private final NameEvidence names;
  private final WordShapes shapes;
  private final SuggestionRanking ranking;
  private final RareWords rareWords;
  private final CapitalisedTypos capitalised;
  private final Coinages coinages;

  private SpellingRule(RuleFile file, Dictionary dictionary, WordLists.Lists wordLists) throws RuleFileException {
    this.id = file.id();
    this.severity = file.severity();
    this.uncertainSeverity = file.severity("uncertain-severity", Severity.WARNING);
    this.variantSeverity = file.severity("variant-severity", Severity.WARNING);
    this.repeatedSeverity = file.severity("repeated-severity", Severity.WARNING);
    this.messages = new Messages(
        file.requiredText("typo-message"),
        file.requiredText("unknown-message"),
        file.requiredText("no-suggestion-message"),
        file.requiredText("variant-message"),
        file.requiredText("repeated-message"),
        file.requiredText("compound-message"),
        file.requiredText("foreign-message"),
        file.requiredText("accent-message"),
        file.requiredText("coinage-message"),
        file.requiredText("variant-spelling-message"),
        file.requiredText("rare-message"),
        file.requiredText("prefixed-message"),
        file.requiredText("spaced-message"));
    this.dictionary = dictionary;
    this.wordLists = wordLists;
    this.names = new NameEvidence(wordLists, dictionary, Set.copyOf(file.strings("determiners")), Set.copyOf(file.strings("titles")),
        Set.copyOf(file.strings("organisation-words")), Set.copyOf(file.strings("place-words")),
        Set.copyOf(file.strings("sentence-openers")), Set.copyOf(file.strings("name-particles")));
    this.shapes = new WordShapes(wordLists);
    this.ranking = new SuggestionRanking(wordLists);
    this.rareWords = new RareWords(wordLists, file.strings("definition-cues"));
    this.capitalised = new CapitalisedTypos(wordLists, names, shapes, rareWords);
    this.coinages = new Coinages(wordLists, shapes, file.strings("coinage-prefixes"), file.strings("coinage-suffixes"));
  }

  static SpellingRule from(RuleFile file, Dictionary userDictionary) throws RuleFileException {
    file.checkKeys(KEYS);
    Dictionary dictionary = Dictionary.empty();
    for (String name : file.strings("dictionaries")) {
      dictionary.add(file.directory().resolve(name));
    }
    dictionary.merge(userDictionary);
    WordLists.Lists wordLists = WordLists.read(
        file.directory().resolve(file.requiredText("gazetteer")),
        file.directory().resolve(file.requiredText("word-levels")),
        file.directory().resolve(file.requiredText("variants")));
    return new SpellingRule(file, dictionary, wordLists);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public List<Finding> check(Analysis analysis) {
    Document document = analysis.document();
    List<LanguageToolMatch> matches = SpellerMatches.unknownWords(analysis);
    Map<String, Integer> unknownCounts = new HashMap<>();
    for (LanguageToolMatch match : matches) {
      unknownCounts.merge(document.text(match.span()), 1, Integer::sum);
    }
    Set<String> reportedRepeats = new HashSet<>();
    Map<String, Map<String, Integer>> draftWords = null;
    Set<String> midSentence = null;
    List<Finding> findings = new java.util.ArrayList<>();
    for (int i = 0; i < matches.size(); i++) {
      LanguageToolMatch match = matches.get(i);
      String word = document.text(match.span());
      if (dictionary.accepts(word) || WordShapes.hasDigit(word)) {
        continue;
      }
      if (match.suggestions().stream().anyMatch(word::equalsIgnoreCase) && Text.isCapitalised(word) && !Text.isAllCapitals(word)
          && match.suggestions().stream().anyMatch(suggestion -> suggestion.equalsIgnoreCase(word) && Text.isAllCapitals(suggestion))
          && (names.opensSentence(document, match.span()) || names.beforeOrganisationWord(document, match.span()))) {
        // "Gte it", "Byo in", "Stae College": an acronym the speller knows ("GTE", "STAE") is no
        // reason to pass a slip that opens a sentence or stands before an organisation word; a
        // common word there, weighed as for a name the gazetteer knows, is one.
        List<String> others = match.suggestions().stream().filter(suggestion -> !suggestion.equalsIgnoreCase(word)).toList();
        LanguageToolMatch rest = new LanguageToolMatch(match.ruleId(), match.categoryId(), match.description(), match.span(),
            match.message(), others, match.spelling());
        CapitalisedTypos.Typo typo = names.opensSentence(document, match.span())
            ? capitalised.sentenceInitial(analysis, rest, word, true) : capitalised.organisationSlot(analysis, rest, word, true);
        if (typo != null) {
          typoFinding(typo, match, word, analysis, findings);
        }
        continue;
      }
      if (match.suggestions().stream().anyMatch(word::equalsIgnoreCase)) {
        // Only the capitals differ: a name's own styling ("DeKalb"), or an abbreviation written
        // small ("rbi"). Measured: flagging every lower-case one caught two more typos in 350
        // ("frome", "lsat") and raised eleven false alarms in 90,000 words of clean copy; so only
        // a lower-case one of four letters or more, a letter off one of the few thousand
        // commonest words, is a slip ("frome": from; not "nw", "frau" or "stirling").
        String meant = Text.isLowerCase(word) && word.length() > WordShapes.ACRONYM_LENGTH
            ? rareWords.slipOfCommonWord(analysis, match, word, unknownCounts.get(word), WordLists.EVERYDAY_LEVEL) : null;
        if (meant != null) {
          List<String> others = match.suggestions().stream().filter(suggestion -> !suggestion.equalsIgnoreCase(word)).toList();
          findings.add(finding(messages.unknown(), severity, match.span(), word, meant, others, null, analysis));
        }
        continue;
      }
      if (word.indexOf('-') > 0 && names.hyphenatedOfKnownParts(word, analysis)) {
        continue; // "anti-Colmer", "teen-agers": each part is a word or a name
      }
      Variant variant = analysis.variantOfSpelling(word);
      if (variant != null && Text.isAllCapitals(word)) {
        // "GAOL" in an American headline: the other variant's word, or a common word's letters
        // swapped? In capitals nothing says name, so a swap of a common word is the slip, except
        // at the end, where the variants themselves differ by one ("CENTRE", "THEATRE").
        String meant = variantSwap(word, analysis);
        if (meant != null) {
          findings.add(finding(messages.typo(), uncertainSeverity, match.span(), word, meant, match.suggestions(), null, analysis));
        }
        continue;
      }
      if (variant != null && Text.isCapitalised(word)) {
        continue; // a name keeps its own spelling: "Center for Strategic Studies" in British copy
      }
      if (variant != null) {
        String best = match.suggestions().isEmpty() ? "" : match.suggestions().get(0);
        findings.add(finding(messages.variant(), variantSeverity, match.span(), word, best, match.suggestions(), variant, analysis));
        continue;
      }
      if (draftWords == null && (Text.isCapitalised(word) || Text.isAllCapitals(word))) {
        // both capital checks read it; an all-caps word may open with a digit ("3DSTAKE"), which isCapitalised misses
        draftWords = wordForms(document);
      }
      if (WordShapes.brandStyled(word)) {
        continue; // a capital inside the word: a brand's or a name's styling ("iFixit", "SunShot", "McKinsey")
      }
      if (Text.isCapitalised(word) && unknownCounts.get(word) >= DELIBERATE_REPEATS
          && matches.stream().anyMatch(other -> document.text(other.span()).equals(word) && !names.opensSentence(document, other.span()))) {
        continue; // used three times or more, and not only opening sentences: a name ("Parise", not "Praise")
      }
      if (Text.isAllCapitals(word)) {
        typoFinding(capitalised.allCapitals(analysis, match, word, unknownCounts.get(word) > 1, draftWords), match, word, analysis, findings);
        continue;
      }
      if (Text.isCapitalised(word) && !NameEvidence.hasUnknownLowerCasePart(word, analysis)) {
        if (midSentence == null) {
          midSentence = new HashSet<>();
          for (LanguageToolMatch other : matches) {
            if (!names.opensSentence(document, other.span())) {
              midSentence.add(document.text(other.span()));
            }
          }
        }
        int uses = unknownCounts.get(word);
        typoFinding(capitalised.capitalised(analysis, match, word, uses > 1, uses > 1 && midSentence.contains(word), draftWords),
            match, word, analysis, findings);
        continue;
      }
      Span phrase = unknownRun(document, matches, i);
      if (phrase != null) {
        // Two or more unknown words in a row are a foreign phrase far more often than typos.
        findings.add(finding(messages.foreign(), Severity.SUGGESTION, phrase, document.text(phrase), "", List.of(), null, analysis));
        i = lastMatchIn(matches, i, phrase);
        continue;
      }
      String lowerWord = Text.lower(word);
      int level = wordLists.level(lowerWord);
      if (level <= WordLists.KNOWN_LEVEL) {
        // A word, if a rare one, that LanguageTool's dictionary lacks ("cloture"); but one only the
        // rarest lists know, a letter off a common word, is a slip, probably ("withing").
        String meant = level <= WordLists.COMMON_LEVEL ? null
            : rareWords.slipOfCommonWord(analysis, match, word, unknownCounts.get(word), WordLists.COMMONEST_LEVEL);
        if (meant != null) {
          findings.add(finding(messages.rare(), uncertainSeverity, match.span(), word, meant, match.suggestions(), null, analysis));
        }
        continue;
      }
      List<String> suggestions = ranking.likeliestFirst(word, match.suggestions());
      String best = suggestions.isEmpty() ? "" : suggestions.get(0);
      if (wordLists.isVariant(lowerWord)) {
        // "employes", "altho": a spelling dictionaries list as a variant is house style's call.
        List<String> usual = SuggestionRanking.usualSpellingFirst(word, suggestions);
        findings.add(finding(messages.variantSpelling(), Severity.SUGGESTION, match.span(), word,
            usual.isEmpty() ? "" : usual.get(0), usual, null, analysis));
        continue;
      }
      String accented = WordShapes.accentedForm(word, match.suggestions());
      if (accented != null) {
        findings.add(finding(messages.accent(), Severity.SUGGESTION, match.span(), word, accented, List.of(accented), null, analysis));
        continue;
      }
      String spaced = word.replace('-', ' ');
      if (word.indexOf('-') > 0 && match.suggestions().stream().anyMatch(spaced::equalsIgnoreCase)) {
        // "quid-pro-quo": a phrase the dictionary holds open, hyphenated as a compound; house style's call.
        findings.add(finding(messages.spaced(), Severity.SUGGESTION, match.span(), word, spaced, List.of(spaced), null, analysis));
        continue;
      }
      String prefixed = coinages.prefixed(word, match.suggestions(), analysis);
      if (prefixed != null) {
        // "uncrewed", "megabanks": a productive prefix on a known word is a coinage, house style's question.
        findings.add(finding(messages.prefixed(), Severity.SUGGESTION, match.span(), word, prefixed, List.of(prefixed), null, analysis));
        continue;
      }
      // Only where the speller's own suggestions miss it: "teen-agers" is "teenagers", not "teen-ages".
      String mended = word.indexOf('-') > 0 && match.suggestions().stream()
          .noneMatch(suggestion -> WordShapes.edits(Text.lower(word), Text.lower(suggestion)) <= 1) ? shapes.mendedPart(word, analysis) : null;
      if (mended != null && unknownCounts.get(word) < DELIBERATE_REPEATS) {
        // "two-threee": a slip in one part of a hyphenated word, mended in the whole.
        findings.add(finding(messages.unknown(), severity, match.span(), word, mended, suggestions, null, analysis));
        continue;
      }
      if (word.indexOf('-') > 0 && (WordShapes.hyphenatedCoinage(word, match.suggestions(), analysis) || coinages.hyphenated(word, analysis))) {
        // Nobody types a hyphen by mistake: "neo-stagnationist" is a coinage, a question of style.
        findings.add(finding(messages.coinage(), Severity.SUGGESTION, match.span(), word, "", List.of(), null, analysis));
        continue;
      }
      String compound = shapes.closedCompound(word, match.suggestions(), analysis);
      if (compound != null) {
        // Two words closed up ("rightfield"): a question of house style, not a misspelling.
        findings.add(finding(messages.compound(), Severity.SUGGESTION, match.span(), word, compound,
            List.of(compound, compound.replace(' ', '-')), null, analysis));
        continue;
      }
      int uses = unknownCounts.get(word);
      if (uses >= DELIBERATE_REPEATS) {
        // The same spelling again and again is the writer's choice (or the house's): one finding
        // says so, rather than one on every line.
        if (reportedRepeats.add(word)) {
          // Written where only a name keeps lower case ("ecobee said", "Audi e-tron Sportback"): a brand's styling.
          Severity repeatedAs = names.anywhereStyledAsName(document, word) ? Severity.SUGGESTION : repeatedSeverity;
          findings.add(finding(messages.repeated(), repeatedAs, match.span(), word, best, suggestions, null,
              analysis, Map.of("count", String.valueOf(uses))));
        }
        continue;
      }
      String template = best.isEmpty() ? messages.noSuggestion() : messages.unknown();
      findings.add(finding(template, severity, match.span(), word, best, suggestions, null, analysis));
    }
    return findings;
  }

  /** Adds the finding a capitalised word's verdict calls for, if any. */
  /**
   * The common word whose neighbouring letters, not the last pair, the capitals swapped:
   * GOAL for GAOL; or null. The speller's suggestions for a variant are the other variant's
   * ("Jail"), so the swaps are tried here.
   */
  private String variantSwap(String word, Analysis analysis) {
    String lower = Text.lower(word);
    for (int i = 0; i + 2 < lower.length(); i++) {
      char[] letters = lower.toCharArray();
      char first = letters[i];
      letters[i] = letters[i + 1];
      letters[i + 1] = first;
      String swapped = new String(letters);
      if (!swapped.equals(lower) && wordLists.level(swapped) <= WordLists.COMMON_LEVEL && analysis.knowsWord(swapped)) {
        return swapped.toUpperCase(Locale.ROOT);
      }
    }
    return null;
  }

  private void typoFinding(CapitalisedTypos.Typo typo, LanguageToolMatch match, String word, Analysis analysis, List<Finding> findings) {
    if (typo == null) {
      return;
    }
    String template = typo.kind() == CapitalisedTypos.Typo.Kind.RARE ? messages.rare() : messages.typo();
    Severity typoSeverity = typo.kind() == CapitalisedTypos.Typo.Kind.CERTAIN ? severity : uncertainSeverity;
    findings.add(finding(template, typoSeverity, match.span(), word, typo.meant(), match.suggestions(), null, analysis));
  }

  /**
   * The span of a run of two or more lower-case unknown words starting at match i, separated
   * by single spaces ("nolo contendere"), or null.
   */
  private Span unknownRun(Document document, List<LanguageToolMatch> matches, int i) {
    int end = i;
    while (end + 1 < matches.size() && adjacentForeign(document, matches.get(end), matches.get(end + 1))) {
      end++;
    }
    return end > i ? new Span(matches.get(i).span().start(), matches.get(end).span().end()) : null;
  }

  private boolean adjacentForeign(Document document, LanguageToolMatch a, LanguageToolMatch b) {
    String gap = document.text().substring(a.span().end(), Math.max(a.span().end(), b.span().start()));
    return gap.equals(" ") && shapes.foreignLooking(document.text(a.span()), a.suggestions())
        && shapes.foreignLooking(document.text(b.span()), b.suggestions());
  }

  private static int lastMatchIn(List<LanguageToolMatch> matches, int i, Span run) {
    while (i + 1 < matches.size() && matches.get(i + 1).span().end() <= run.end()) {
      i++;
    }
    return i;
  }

  private Finding finding(String template, Severity findingSeverity, Span span, String word, String best,
      List<String> suggestions, Variant wordVariant, Analysis analysis) {
    return finding(template, findingSeverity, span, word, best, suggestions, wordVariant, analysis, Map.of());
  }

  /**
   * A finding on the word: the template filled in with ${word}, ${suggestion}, ${wordVariant},
   * ${draftVariant} and {@code more}; the best suggestion first, then the speller's others.
   */
  private Finding finding(String template, Severity findingSeverity, Span span, String word, String best,
      List<String> suggestions, Variant wordVariant, Analysis analysis, Map<String, String> more) {
    Set<String> ordered = new LinkedHashSet<>();
    if (!best.isEmpty()) {
      ordered.add(best);
    }
    ordered.addAll(suggestions);
    Map<String, String> values = new HashMap<>(more);
    values.put("word", word);
    values.put("suggestion", best);
    values.put("wordVariant", wordVariant == null ? "" : wordVariant.code());
    values.put("draftVariant", analysis.language().code());
    return Findings.of(id, findingSeverity, span, template, values, List.copyOf(ordered));
  }

  /**
   * Every word of the draft in lower case, with the ways the draft writes it and how often
   * ("wework": WeWork twice, WEWORK once).
   */
  private static Map<String, Map<String, Integer>> wordForms(Document document) {
    Map<String, Map<String, Integer>> words = new HashMap<>();
    String text = document.text();
    for (Span word : Text.words(text, new Span(0, text.length()))) {
      String written = document.text(word);
      words.computeIfAbsent(Text.lower(written), lower -> new HashMap<>(2)).merge(written, 1, Integer::sum);
    }
    return words;
  }
}
