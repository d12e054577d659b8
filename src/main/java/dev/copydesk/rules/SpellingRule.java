package dev.copydesk.rules;

import dev.copydesk.core.Document;
import dev.copydesk.core.Finding;
import dev.copydesk.core.Rule;
import dev.copydesk.core.Severity;
import dev.copydesk.core.Span;
import dev.copydesk.languagetool.LanguageToolChecker;
import dev.copydesk.languagetool.LanguageToolMatch;
import dev.copydesk.languagetool.LanguageTools;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.text.StringSubstitutor;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Spelling, with LanguageTool's speller for the draft's variant as the dictionary, and the
 * evidence on each unknown word weighed before it is reported.
 *
 * <p>News copy is full of names no dictionary holds, so a capitalised word LanguageTool does not
 * know is taken for a name (no finding; the reports list it among the names to verify) unless
 * the evidence says it is a misspelt common word: see {@link #capitalisedTypo}. A lower-case word
 * the dictionary does not know is an error, with three exceptions that are questions rather than
 * misspellings: two common words closed up ("rightfield") and a run of unknown words (a foreign
 * phrase) are suggestions, and a spelling the draft uses three times or more is reported once.
 * Which signals earned their place, measured on real copy, is in bench/spelling.py's notes in
 * the README.
 */
final class SpellingRule implements Rule {

  static final Set<String> KEYS = Set.of("typo-message", "unknown-message", "no-suggestion-message", "variant-message",
      "variant-severity", "uncertain-severity", "repeated-message", "repeated-severity", "compound-message",
      "foreign-message", "accent-message", "coinage-message", "dictionaries", "gazetteer", "word-levels", "variants", "variant-spelling-message", "determiners", "titles");

  /** How many of LanguageTool's suggestions are weighed as evidence; later ones are long shots. */
  private static final int SUGGESTIONS_WEIGHED = 5;

  /** The most edits between a capitalised word and a common word for one-letter evidence. */
  private static final int MAX_EDITS = 1;

  /**
   * Short words have many dictionary neighbours one edit away ("Wes": was, we, yes), so a near
   * word elsewhere in the draft is evidence only for words this long or longer.
   */
  private static final int MIN_LENGTH_FOR_DRAFT_EVIDENCE = 5;

  /**
   * After a determiner, a word one letter off a common word is a typo only when it is this long:
   * "the German Chancelor" is, "the Bassis" (a family) and "the Dalles" (a place) are not.
   */
  private static final int MIN_LENGTH_IN_DETERMINER_SLOT = 7;

  /** How many capitalised words may stand between a determiner and the word ("the Russian"). */
  private static final int MAX_WORDS_AFTER_DETERMINER = 2;

  /** SCOWL's level up to which a word is common enough to be what a typo meant. */
  private static final int COMMON_LEVEL = 50;

  /**
   * SCOWL's level of the commonest words (county, president, university): a transposition of
   * one of these is a typo even among names ("Fulton Counyt"); of a rarer word ("sprinkle"), it
   * is more likely a surname ("Beryl W. Sprinkel").
   */
  private static final int COMMONEST_LEVEL = 20;

  /** SCOWL's level up to which a word LanguageTool lacks is still a word: rare, but real. */
  private static final int KNOWN_LEVEL = 70;

  /** Used this many times or more, an unknown lower-case spelling is deliberate: reported once. */
  private static final int DELIBERATE_REPEATS = 3;

  private static final LevenshteinDistance LEVENSHTEIN = new LevenshteinDistance(MAX_EDITS);

  private static final LevenshteinDistance ANY_EDITS = LevenshteinDistance.getDefaultInstance();

  /** The messages of the rule file, by key, filled in with ${word}, ${suggestion} and others. */
  private record Messages(String typo, String unknown, String noSuggestion, String variant, String repeated,
      String compound, String foreign, String accent, String coinage, String variantSpelling) {}

  private final String id;
  private final Severity severity;
  private final Severity uncertainSeverity;
  private final Severity variantSeverity;
  private final Severity repeatedSeverity;
  private final Messages messages;
  private final Set<String> determiners;
  private final Set<String> titles;
  private final Dictionary dictionary;
  private final WordLists.Lists wordLists;
  private final LanguageTools languageTools;

  private SpellingRule(RuleFile file, Dictionary dictionary, WordLists.Lists wordLists, LanguageTools languageTools)
      throws RuleFileException {
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
        file.requiredText("variant-spelling-message"));
    this.determiners = Set.copyOf(file.strings("determiners"));
    this.titles = Set.copyOf(file.strings("titles"));
    this.dictionary = dictionary;
    this.wordLists = wordLists;
    this.languageTools = languageTools;
  }

  static SpellingRule from(RuleFile file, RuleContext context) throws RuleFileException {
    file.checkKeys(KEYS);
    Dictionary dictionary = Dictionary.empty();
    for (String name : file.strings("dictionaries")) {
      dictionary.add(file.directory().resolve(name));
    }
    dictionary.merge(context.userDictionary());
    WordLists.Lists wordLists = WordLists.read(
        file.directory().resolve(file.requiredText("gazetteer")),
        file.directory().resolve(file.requiredText("word-levels")),
        file.directory().resolve(file.requiredText("variants")));
    return new SpellingRule(file, dictionary, wordLists, context.languageTools());
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public List<Finding> check(Document document) {
    LanguageToolChecker checker = languageTools.checkerFor(document.language());
    List<LanguageToolMatch> matches = new ArrayList<>();
    for (LanguageToolMatch match : checker.check(document)) {
      LanguageToolMatch word = match.spelling() ? unknownWordOf(document, match, checker) : misspeltWordOfPhrase(document, match);
      if (word != null && word.span().length() > 0) {
        matches.add(word);
      }
    }
    Map<String, Integer> unknownCounts = new java.util.HashMap<>();
    for (LanguageToolMatch match : matches) {
      unknownCounts.merge(document.text(match.span()), 1, Integer::sum);
    }
    Set<String> reportedRepeats = new HashSet<>();
    Set<String> draftWords = null;
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < matches.size(); i++) {
      LanguageToolMatch match = matches.get(i);
      String word = document.text(match.span());
      if (dictionary.accepts(word) || Text.isAllCapitals(word) || hasDigit(word)) {
        continue;
      }
      if (match.suggestions().stream().anyMatch(word::equalsIgnoreCase)) {
        // Only the capitals differ: a name's own styling ("DeKalb"), or an abbreviation written
        // small ("rbi"). Measured: flagging the lower-case ones caught two more typos in 350
        // ("frome", "lsat") and raised eleven false alarms in 90,000 words of clean copy.
        continue;
      }
      if (word.indexOf('-') > 0 && hyphenatedOfKnownParts(word, checker)) {
        continue; // "anti-Colmer", "teen-agers": each part is a word or a name
      }
      String variant = LanguageToolChecker.variantOfSpelling(word);
      if (variant != null && Text.isCapitalised(word)) {
        continue; // a name keeps its own spelling: "Center for Strategic Studies" in British copy
      }
      if (variant != null) {
        String best = match.suggestions().isEmpty() ? "" : match.suggestions().get(0);
        findings.add(
            finding(messages.variant(), variantSeverity, match.span(), word, best, match.suggestions(), variant, document.language()));
        continue;
      }
      if (Text.isCapitalised(word) && !hasUnknownLowerCasePart(word, checker)) {
        if (draftWords == null) {
          draftWords = lowerCaseWords(document);
        }
        Finding typo = capitalisedTypo(document, match, word, unknownCounts.get(word) > 1, draftWords, checker);
        if (typo != null) {
          findings.add(typo);
        }
        continue;
      }
      Span phrase = unknownRun(document, matches, i);
      if (phrase != null) {
        // Two or more unknown words in a row are a foreign phrase far more often than typos.
        findings.add(finding(messages.foreign(), Severity.SUGGESTION, phrase, document.text(phrase), "", List.of(), null, document.language()));
        i = lastMatchIn(matches, i, phrase);
        continue;
      }
      String lowerWord = Text.lower(word);
      if (wordLists.level(lowerWord) <= KNOWN_LEVEL) {
        continue; // a word, if a rare one, that LanguageTool's dictionary lacks ("cloture")
      }
      List<String> suggestions = likeliestFirst(word, match.suggestions());
      String best = suggestions.isEmpty() ? "" : suggestions.get(0);
      if (wordLists.isVariant(lowerWord)) {
        // "employes", "altho": a spelling dictionaries list as a variant is house style's call.
        // The usual spelling mostly keeps the variant's letters in order ("although", not "alto").
        List<String> fuller = new ArrayList<>(suggestions);
        fuller.sort(java.util.Comparator.comparing(
            suggestion -> suggestion.contains(" ") || !isSubsequence(lowerWord, Text.lower(suggestion))));
        findings.add(finding(messages.variantSpelling(), Severity.SUGGESTION, match.span(), word,
            fuller.isEmpty() ? "" : fuller.get(0), fuller, null, document.language()));
        continue;
      }
      String accented = accentedForm(word, match.suggestions());
      if (accented != null) {
        findings.add(finding(messages.accent(), Severity.SUGGESTION, match.span(), word, accented,
            List.of(accented), null, document.language()));
        continue;
      }
      if (word.indexOf('-') > 0 && hyphenatedCoinage(word, match.suggestions(), checker)) {
        // Nobody types a hyphen by mistake: "neo-stagnationist" is a coinage, a question of style.
        findings.add(finding(messages.coinage(), Severity.SUGGESTION, match.span(), word, "", List.of(), null, document.language()));
        continue;
      }
      String compound = closedCompound(word, match.suggestions(), checker);
      if (compound != null) {
        // Two words closed up ("rightfield"): a question of house style, not a misspelling.
        findings.add(finding(messages.compound(), Severity.SUGGESTION, match.span(), word, compound,
            List.of(compound, compound.replace(' ', '-')), null, document.language()));
        continue;
      }
      int uses = unknownCounts.get(word);
      if (uses >= DELIBERATE_REPEATS) {
        // The same spelling again and again is the writer's choice (or the house's): one finding
        // says so, rather than one on every line.
        if (reportedRepeats.add(word)) {
          findings.add(finding(messages.repeated(), repeatedSeverity, match.span(), word, best, suggestions, null,
              document.language(), Map.of("count", String.valueOf(uses))));
        }
        continue;
      }
      String template = best.isEmpty() ? messages.noSuggestion() : messages.unknown();
      findings.add(finding(template, severity, match.span(), word, best, suggestions, null, document.language()));
    }
    return findings;
  }

  /**
   * A capitalised word the dictionary does not know: a typo of a common word when the evidence
   * says so, else a name (null). The evidence, strongest first:
   *
   * <ul>
   *   <li>the plural of a known name ("the Currys") is a name, and so is a name in the gazetteer
   *       unless it stands where a common noun would;
   *   <li>two neighbouring letters of a common word swapped ("Presdient") is a typo, unless the
   *       word sits among other names ("Beryl W. Sprinkel", a word the draft repeats) and the
   *       common word is not among the commonest: "Sprinkel" is a surname, "Counyt" is not;
   *   <li>one letter off a common word is a likely typo (a warning) where a common noun stands
   *       ("the German Chancelor", a long word after a determiner), or, away from other names,
   *       when the draft uses that word elsewhere.
   * </ul>
   */
  private Finding capitalisedTypo(
      Document document, LanguageToolMatch match, String word, boolean repeated, Set<String> draftWords, LanguageToolChecker checker) {
    if (pluralOfName(word, checker)) {
      return null;
    }
    boolean determinerSlot = afterDeterminer(document, match.span());
    if (wordLists.isName(word) && !determinerSlot) {
      // The gazetteer is large enough to hold a surname for many a typo ("Chancelor"); where a
      // common noun stands ("the German Chancelor"), the typo reading wins.
      return null;
    }
    boolean nameContext = repeated || inNameContext(document, match.span(), checker);
    List<String> weighed = match.suggestions().subList(0, Math.min(SUGGESTIONS_WEIGHED, match.suggestions().size()));
    String lowerWord = Text.lower(word);
    for (String suggestion : weighed) {
      String lowerSuggestion = Text.lower(suggestion);
      int level = wordLists.level(lowerSuggestion);
      if (isAdjacentTransposition(lowerWord, lowerSuggestion) && level <= COMMON_LEVEL
          && (determinerSlot || !nameContext || level <= COMMONEST_LEVEL)) {
        return finding(messages.typo(), severity, match.span(), word, suggestion, match.suggestions(), null, document.language());
      }
    }
    boolean slotEvidence = determinerSlot && word.length() >= MIN_LENGTH_IN_DETERMINER_SLOT;
    boolean draftEvidence = !nameContext && word.length() >= MIN_LENGTH_FOR_DRAFT_EVIDENCE;
    if (!slotEvidence && !draftEvidence) {
      return null;
    }
    for (String suggestion : weighed) {
      String lowerSuggestion = Text.lower(suggestion);
      if (LEVENSHTEIN.apply(lowerWord, lowerSuggestion) >= 0
          && wordLists.level(lowerSuggestion) <= COMMON_LEVEL
          && (slotEvidence || draftWords.contains(lowerSuggestion))) {
        return finding(messages.typo(), uncertainSeverity, match.span(), word, suggestion, match.suggestions(), null, document.language());
      }
    }
    return null;
  }

  /**
   * The speller's match narrowed to the one word it does not know: it sometimes takes in a
   * neighbour to suggest a split or a join ("lastr at": "last at"; "-- alowed": "- allowed"),
   * and the suggestions are narrowed alike.
   */
  private static LanguageToolMatch unknownWordOf(Document document, LanguageToolMatch match, LanguageToolChecker checker) {
    List<Span> words = Text.words(document.text(), match.span());
    if (words.size() == 1 && words.get(0).equals(match.span())) {
      return match;
    }
    for (int i = 0; i < words.size(); i++) {
      if (!checker.knowsWord(document.text(words.get(i)))) {
        List<String> suggestions = new ArrayList<>();
        for (String suggestion : match.suggestions()) {
          List<Span> suggested = Text.words(suggestion, new Span(0, suggestion.length()));
          if (suggested.size() == words.size()) {
            suggestions.add(suggestion.substring(suggested.get(i).start(), suggested.get(i).end()));
          }
        }
        return new LanguageToolMatch(match.ruleId(), match.categoryId(), match.description(), words.get(i),
            match.message(), new ArrayList<>(new LinkedHashSet<>(suggestions)), true);
      }
    }
    return null;
  }

  /**
   * LanguageTool's speller of multi-word phrases ("Fulton Counyt": did you mean "Fulton
   * County"?) reports the phrase, and its word speller then stays quiet: the one word that differs
   * is weighed as any other unknown word, with the phrases' versions of it as suggestions.
   */
  private static LanguageToolMatch misspeltWordOfPhrase(Document document, LanguageToolMatch match) {
    if (!match.ruleId().startsWith("EN_MULTITOKEN_SPELLING") || match.suggestions().isEmpty()) {
      return null;
    }
    List<Span> words = Text.words(document.text(), match.span());
    int differing = -1;
    List<String> suggestions = new ArrayList<>();
    for (String suggestion : match.suggestions()) {
      String[] suggested = suggestion.split(" ");
      if (suggested.length != words.size()) {
        continue;
      }
      int differs = -1;
      for (int i = 0; i < suggested.length; i++) {
        if (!suggested[i].equals(document.text(words.get(i)))) {
          differs = differs == -1 ? i : -2;
        }
      }
      if (differs >= 0 && (differing == -1 || differing == differs)) {
        differing = differs;
        suggestions.add(suggested[differs]);
      }
    }
    if (differing < 0) {
      return null;
    }
    return new LanguageToolMatch(match.ruleId(), match.categoryId(), match.description(), words.get(differing),
        match.message(), suggestions, true);
  }

  /**
   * The speller's suggestions with the likeliest first: fewest edits (a swap of neighbours
   * counting as one), then the same last letter (a plural stays plural), then the commonest word;
   * otherwise in the speller's order. "employes" gets "employees" before "employs".
   */
  private List<String> likeliestFirst(String word, List<String> suggestions) {
    String lowerWord = Text.lower(word);
    List<String> weighed = new ArrayList<>(suggestions.subList(0, Math.min(SUGGESTIONS_WEIGHED, suggestions.size())));
    weighed.sort(java.util.Comparator
        .comparingInt((String suggestion) -> edits(lowerWord, Text.lower(suggestion)))
        .thenComparing(suggestion -> suggestion.charAt(suggestion.length() - 1) != word.charAt(word.length() - 1))
        .thenComparingInt(suggestion -> Math.min(wordLists.level(Text.lower(suggestion)), COMMON_LEVEL + 1)));
    List<String> ordered = new ArrayList<>(weighed);
    ordered.addAll(suggestions.subList(weighed.size(), suggestions.size()));
    return ordered;
  }

  /** True when every letter of a appears in b, in order. */
  private static boolean isSubsequence(String a, String b) {
    int found = 0;
    for (int i = 0; i < b.length() && found < a.length(); i++) {
      if (b.charAt(i) == a.charAt(found)) {
        found++;
      }
    }
    return found == a.length();
  }

  private static int edits(String a, String b) {
    if (isAdjacentTransposition(a, b)) {
      return 1;
    }
    return ANY_EDITS.apply(a, b);
  }

  /** "Currys", "Braques", "Joneses": the plural of a name the speller or the gazetteer knows. */
  private boolean pluralOfName(String word, LanguageToolChecker checker) {
    for (String ending : List.of("es", "s")) {
      if (word.endsWith(ending) && word.length() > ending.length() + 2) {
        String singular = word.substring(0, word.length() - ending.length());
        if (wordLists.isName(singular) || checker.knowsWord(singular)) {
          return true;
        }
      }
    }
    return false;
  }

  /** "Fifty-threee": a capitalised compound with a lower-case part no dictionary knows is no name. */
  private static boolean hasUnknownLowerCasePart(String word, LanguageToolChecker checker) {
    String[] parts = word.split("-");
    for (int i = 1; i < parts.length; i++) {
      if (!parts[i].isEmpty() && !Text.isCapitalised(parts[i]) && !checker.knowsWord(parts[i])) {
        return true;
      }
    }
    return false;
  }

  /** True when every part of a hyphenated word is a word the speller knows, or a known name. */
  private boolean hyphenatedOfKnownParts(String word, LanguageToolChecker checker) {
    for (String part : word.split("-")) {
      if (part.isEmpty()) {
        return false;
      }
      boolean known = dictionary.accepts(part) || checker.knowsWord(part) || checker.knowsWord(Text.lower(part))
          || (Text.isCapitalised(part) && wordLists.isName(part));
      if (!known) {
        return false; // "ex-Natioanl": the part no list knows is checked with the whole
      }
    }
    return true;
  }

  /** The speller's suggestion that is the word with its accents ("appliqués" for "appliques"). */
  private static String accentedForm(String word, List<String> suggestions) {
    for (String suggestion : suggestions.subList(0, Math.min(SUGGESTIONS_WEIGHED, suggestions.size()))) {
      if (!suggestion.equals(word) && withoutAccents(suggestion).equals(word)) {
        return suggestion;
      }
    }
    return null;
  }

  private static String withoutAccents(String text) {
    return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
  }

  /**
   * A lower-case hyphenated word whose first part is a word and that no suggestion mends in two
   * edits ("self-crimination", "neo-stagnationist").
   */
  private boolean hyphenatedCoinage(String word, List<String> suggestions, LanguageToolChecker checker) {
    for (String suggestion : suggestions.subList(0, Math.min(SUGGESTIONS_WEIGHED, suggestions.size()))) {
      if (edits(Text.lower(word), Text.lower(suggestion)) <= 2) {
        return false; // "court-lenght": a typo in one of the parts, which the speller can mend
      }
    }
    String[] parts = word.split("-");
    if (parts.length < 2 || !checker.knowsWord(Text.lower(parts[0]))) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty() || Text.isCapitalised(part)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The two words a closed-up compound is made of ("right field" for "rightfield"), when the
   * speller's own first suggestion is not a one-letter fix: both halves common words of three
   * letters or more.
   */
  private String closedCompound(String word, List<String> suggestions, LanguageToolChecker checker) {
    if (word.length() < 6) {
      return null;
    }
    String lowerWord = Text.lower(word);
    for (String suggestion : suggestions.subList(0, Math.min(2, suggestions.size()))) {
      String lowerSuggestion = Text.lower(suggestion);
      if (edits(lowerWord, lowerSuggestion) == 1 && wordLists.level(lowerSuggestion) <= COMMON_LEVEL
          && !suggestion.contains(" ") && !suggestion.contains("-")) {
        return null; // "alltogether": a common word one letter away is the likelier reading
      }
    }
    for (int cut = 2; cut <= word.length() - 2; cut++) {
      String first = lowerWord.substring(0, cut);
      String second = lowerWord.substring(cut);
      // Two-letter halves only of the commonest words ("built in", "put out"), else "a lot" too.
      int most = Math.min(first.length(), second.length()) < 3 ? COMMONEST_LEVEL : COMMON_LEVEL;
      if (wordLists.level(first) <= most && wordLists.level(second) <= most
          && checker.knowsWord(first) && checker.knowsWord(second)) {
        return first + " " + second;
      }
    }
    return null;
  }

  /**
   * The span of a run of two or more lower-case unknown words starting at match i, separated
   * by single spaces ("nolo contendere"), or null.
   */
  private Span unknownRun(Document document, List<LanguageToolMatch> matches, int i) {
    int end = i;
    while (end + 1 < matches.size() && adjacentLowerCase(document, matches.get(end), matches.get(end + 1))) {
      end++;
    }
    return end > i ? new Span(matches.get(i).span().start(), matches.get(end).span().end()) : null;
  }

  private boolean adjacentLowerCase(Document document, LanguageToolMatch a, LanguageToolMatch b) {
    String gap = document.text().substring(a.span().end(), Math.max(a.span().end(), b.span().start()));
    return gap.equals(" ") && foreignLooking(document, a) && foreignLooking(document, b);
  }

  /** Lower case, and no common word one edit away: "contendere", not "atributed". */
  private boolean foreignLooking(Document document, LanguageToolMatch match) {
    String word = document.text(match.span());
    if (Text.isCapitalised(word)) {
      return false;
    }
    for (String suggestion : match.suggestions().subList(0, Math.min(SUGGESTIONS_WEIGHED, match.suggestions().size()))) {
      if (edits(Text.lower(word), Text.lower(suggestion)) == 1 && wordLists.level(Text.lower(suggestion)) <= COMMON_LEVEL) {
        return false;
      }
    }
    return true;
  }

  private static int lastMatchIn(List<LanguageToolMatch> matches, int i, Span run) {
    while (i + 1 < matches.size() && matches.get(i + 1).span().end() <= run.end()) {
      i++;
    }
    return i;
  }

  /**
   * True when the word stands among names: after a capitalised word in mid-sentence, an initial
   * or a title ("Capt. Elmer Hagner", "Beryl W. Sprinkel", "envoy Witkoff"), or before another
   * capitalised word ("Wes Streeting"). Weak evidence of a typo does not outweigh it.
   */
  private boolean inNameContext(Document document, Span span, LanguageToolChecker checker) {
    String text = document.text();
    int after = span.end();
    while (after < text.length() && text.charAt(after) == ' ') {
      after++;
    }
    if (after > span.end() && after < text.length() && Character.isUpperCase(text.charAt(after))) {
      return true;
    }
    List<Span> before = Text.words(text, new Span(Math.max(0, span.start() - 40), span.start()));
    if (before.isEmpty()) {
      return false;
    }
    Span previous = before.get(before.size() - 1);
    String gap = text.substring(previous.end(), span.start());
    String previousWord = document.text(previous);
    if (titles.contains(Text.lower(previousWord)) && (gap.isBlank() || gap.strip().equals("."))) {
      return true;
    }
    boolean initial = previousWord.length() == 1 && Character.isUpperCase(previousWord.charAt(0)) && gap.strip().equals(".");
    if (initial || !gap.isBlank() || !Text.isCapitalised(previousWord)) {
      return initial;
    }
    // A capitalised word before: a first name, unless it merely opens the sentence ("The",
    // "Yesterday"). A title's full stop ("Capt. Elmer Hagner") does not end a sentence, and a
    // first name the gazetteer knows opens one as a name ("Deane Beman, the champion").
    String lowerPrevious = Text.lower(previousWord);
    boolean firstName = wordLists.isName(previousWord) && !determiners.contains(lowerPrevious) && !checker.knowsWord(lowerPrevious);
    if (before.size() < 2 || firstName) {
      return firstName;
    }
    Span earlier = before.get(before.size() - 2);
    boolean afterTitle = titles.contains(Text.lower(document.text(earlier)));
    return afterTitle || !endsSentence(text.substring(earlier.end(), previous.start()));
  }

  /**
   * True when a determiner stands before the word, with at most a few capitalised words between
   * ("the German Chancelor", "a Senior Minsiter"): the place of a common noun, not a surname.
   */
  private boolean afterDeterminer(Document document, Span span) {
    String text = document.text();
    List<Span> before = Text.words(text, new Span(Math.max(0, span.start() - 80), span.start()));
    for (int i = before.size() - 1, capitalised = 0; i >= 0 && capitalised <= MAX_WORDS_AFTER_DETERMINER; i--) {
      String word = document.text(before.get(i));
      int gapEnd = i + 1 < before.size() ? before.get(i + 1).start() : span.start();
      if (!text.substring(before.get(i).end(), gapEnd).isBlank()) {
        return false; // punctuation between: another phrase
      }
      if (determiners.contains(Text.lower(word))) {
        // "at The Dalles": a capital in mid-sentence makes the article part of the name.
        boolean midSentence = i > 0 && !endsSentence(text.substring(before.get(i - 1).end(), before.get(i).start()));
        return !(Text.isCapitalised(word) && midSentence);
      }
      if (!Text.isCapitalised(word)) {
        return false;
      }
      capitalised++;
    }
    return false;
  }

  /** True when the text between two words ends a sentence or a paragraph. */
  private static boolean endsSentence(String gap) {
    return SENTENCE_GAP.matcher(gap).find();
  }

  private static final java.util.regex.Pattern SENTENCE_GAP = java.util.regex.Pattern.compile("[.!?:\"\u201C\n]");

  /** True when b is a with two neighbouring letters swapped ("presdient" and "president"). */
  static boolean isAdjacentTransposition(String a, String b) {
    if (a.length() != b.length() || a.equals(b)) {
      return false;
    }
    int first = 0;
    while (a.charAt(first) == b.charAt(first)) {
      first++;
    }
    return first + 1 < a.length()
        && a.charAt(first) == b.charAt(first + 1)
        && a.charAt(first + 1) == b.charAt(first)
        && a.substring(first + 2).equals(b.substring(first + 2));
  }

  private Finding finding(
      String template,
      Severity findingSeverity,
      Span span,
      String word,
      String best,
      List<String> suggestions,
      String wordVariant,
      String draftVariant) {
    return finding(template, findingSeverity, span, word, best, suggestions, wordVariant, draftVariant, Map.of());
  }

  private Finding finding(
      String template,
      Severity findingSeverity,
      Span span,
      String word,
      String best,
      List<String> suggestions,
      String wordVariant,
      String draftVariant,
      Map<String, String> more) {
    Set<String> ordered = new LinkedHashSet<>();
    if (!best.isEmpty()) {
      ordered.add(best);
    }
    ordered.addAll(suggestions);
    Map<String, String> values = new java.util.HashMap<>(more);
    values.put("word", word);
    values.put("suggestion", best);
    values.put("wordVariant", wordVariant == null ? "" : wordVariant);
    values.put("draftVariant", draftVariant);
    String message = new StringSubstitutor(values).replace(template);
    return new Finding(id, findingSeverity, span, message, List.copyOf(ordered).subList(0, Math.min(5, ordered.size())));
  }

  private static Set<String> lowerCaseWords(Document document) {
    Set<String> words = new HashSet<>();
    String text = document.text();
    for (Span word : Text.words(text, new Span(0, text.length()))) {
      words.add(Text.lower(document.text(word)));
    }
    return words;
  }

  private static boolean hasDigit(String word) {
    return word.chars().anyMatch(Character::isDigit);
  }
}
