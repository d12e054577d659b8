package dev.copydesk.rules;

import dev.copydesk.core.Document;
import dev.copydesk.core.Finding;
import dev.copydesk.core.Rule;
import dev.copydesk.core.Severity;
import dev.copydesk.core.Span;
import dev.copydesk.languagetool.LanguageToolChecker;
import dev.copydesk.languagetool.LanguageToolMatch;
import dev.copydesk.languagetool.LanguageTools;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.commons.text.StringSubstitutor;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Spelling, with LanguageTool's speller for the draft's variant as the dictionary, and the
 * evidence on each unknown word weighed before it is called a typo.
 *
 * <p>News copy is full of names no dictionary holds, so a capitalised word LanguageTool does not
 * know is taken for a name unless there is evidence it is a misspelt common word: its nearest
 * suggestion is the same letters with two neighbours swapped ("Presdient", "Goverment" is a
 * dropped letter and does not count), or a suggestion one or two edits away is used elsewhere in
 * the same draft. A lower-case word the dictionary does not know is always reported.
 */
final class SpellingRule implements Rule {

  static final Set<String> KEYS = Set.of("typo-message", "unknown-message", "no-suggestion-message", "variant-message", "variant-severity", "dictionaries", "determiners");

  /** How many of LanguageTool's suggestions are weighed as evidence; later ones are long shots. */
  private static final int SUGGESTIONS_WEIGHED = 5;

  /**
   * The most edits between a capitalised word and a common word used elsewhere in the draft for
   * that to count as evidence of a typo. Two edits let names through ("Reuther", "either").
   */
  private static final int MAX_EDITS_TO_DRAFT_WORD = 1;

  /**
   * Short words have many dictionary neighbours one edit away ("Wes": was, we, yes), so a near
   * word elsewhere in the draft is evidence only for words this long or longer.
   */
  private static final int MIN_LENGTH_FOR_DRAFT_EVIDENCE = 5;

  /** How many capitalised words may stand between a determiner and the word ("the Russian"). */
  private static final int MAX_WORDS_AFTER_DETERMINER = 2;

  private static final LevenshteinDistance LEVENSHTEIN = new LevenshteinDistance(MAX_EDITS_TO_DRAFT_WORD);

  private final String id;
  private final Severity severity;
  private final String typoMessage;
  private final String unknownMessage;
  private final String noSuggestionMessage;
  private final String variantMessage;
  private final Severity variantSeverity;
  private final Set<String> determiners;
  private final Dictionary dictionary;
  private final LanguageTools languageTools;

  private SpellingRule(
      String id,
      Severity severity,
      String typoMessage,
      String unknownMessage,
      String noSuggestionMessage,
      String variantMessage,
      Severity variantSeverity,
      Set<String> determiners,
      Dictionary dictionary,
      LanguageTools languageTools) {
    this.id = id;
    this.severity = severity;
    this.typoMessage = typoMessage;
    this.unknownMessage = unknownMessage;
    this.noSuggestionMessage = noSuggestionMessage;
    this.variantMessage = variantMessage;
    this.variantSeverity = variantSeverity;
    this.determiners = determiners;
    this.dictionary = dictionary;
    this.languageTools = languageTools;
  }

  static SpellingRule from(RuleFile file, RuleContext context) throws RuleFileException {
    file.checkKeys(KEYS);
    Dictionary dictionary = Dictionary.empty();
    for (String name : file.strings("dictionaries")) {
      Path path = file.directory().resolve(name);
      dictionary.add(path);
    }
    dictionary.merge(context.userDictionary());
    return new SpellingRule(
        file.id(),
        file.severity(),
        file.requiredText("typo-message"),
        file.requiredText("unknown-message"),
        file.requiredText("no-suggestion-message"),
        file.requiredText("variant-message"),
        file.severity("variant-severity", Severity.WARNING),
        Set.copyOf(file.strings("determiners")),
        dictionary,
        context.languageTools());
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public List<Finding> check(Document document) {
    List<LanguageToolMatch> matches = languageTools.checkerFor(document.language()).check(document);
    Set<String> draftWords = null;
    Map<String, Integer> unknownCounts = new java.util.HashMap<>();
    for (LanguageToolMatch match : matches) {
      if (match.spelling()) {
        unknownCounts.merge(document.text(match.span()), 1, Integer::sum);
      }
    }
    List<Finding> findings = new ArrayList<>();
    for (LanguageToolMatch match : matches) {
      if (!match.spelling() || match.span().length() == 0) {
        continue;
      }
      String word = document.text(match.span());
      if (dictionary.accepts(word) || Text.isAllCapitals(word) || hasDigit(word) || word.contains(" ")) {
        continue;
      }
      if (match.suggestions().stream().anyMatch(word::equalsIgnoreCase)) {
        continue; // only the capitals differ ("DeKalb", "Dekalb"): a name's own styling
      }
      String variant = LanguageToolChecker.variantOfSpelling(word);
      if (variant != null && Text.isCapitalised(word)) {
        continue; // a name keeps its own spelling: "Center for Strategic Studies" in British copy
      }
      if (variant != null) {
        String best = match.suggestions().isEmpty() ? "" : match.suggestions().get(0);
        findings.add(
            finding(variantMessage, variantSeverity, match.span(), word, best, match.suggestions(), variant, document.language()));
        continue;
      }
      if (Text.isCapitalised(word)) {
        if (draftWords == null) {
          draftWords = lowerCaseWords(document);
        }
        // A name is spelt the same way each time; a slip of the fingers rarely is.
        boolean nameContext = inNameContext(document, match.span()) || unknownCounts.get(word) > 1;
        LanguageToolChecker checker = languageTools.checkerFor(document.language());
        Set<String> nearWords = afterDeterminer(document, match.span()) ? null : draftWords;
        String correction = typoCorrection(word, match.suggestions(), nearWords, nameContext, checker::knowsWord);
        if (correction == null) {
          continue; // a probable name
        }
        findings.add(
            finding(typoMessage, severity, match.span(), word, correction, match.suggestions(), variant, document.language()));
      } else {
        String best = match.suggestions().isEmpty() ? "" : match.suggestions().get(0);
        String template = best.isEmpty() ? noSuggestionMessage : unknownMessage;
        findings.add(
            finding(template, severity, match.span(), word, best, match.suggestions(), variant, document.language()));
      }
    }
    return findings;
  }

  /**
   * The likeliest correction of a capitalised unknown word, or null when nothing says it is a
   * typo rather than a name. Only a common word counts as a correction (its lower-case form is in
   * the dictionary): a name one swap from another name ("Thruston", "Thurston") is a name.
   *
   * @param draftWords the draft's words in lower case; a common word one edit away must be one
   *     of them. Null when the word stands where a common noun would ("the German Chancelor"),
   *     which is evidence enough for a common word one edit away.
   */
  static String typoCorrection(
      String word,
      List<String> suggestions,
      Set<String> draftWords,
      boolean nameContext,
      Predicate<String> isCommonWord) {
    String lowerWord = Text.lower(word);
    List<String> weighed = suggestions.subList(0, Math.min(SUGGESTIONS_WEIGHED, suggestions.size()));
    for (String suggestion : weighed) {
      String lowerSuggestion = Text.lower(suggestion);
      if (isAdjacentTransposition(lowerWord, lowerSuggestion) && isCommonWord.test(lowerSuggestion)) {
        return suggestion;
      }
    }
    if (nameContext || word.length() < MIN_LENGTH_FOR_DRAFT_EVIDENCE) {
      return null;
    }
    for (String suggestion : weighed) {
      String lowerSuggestion = Text.lower(suggestion);
      if ((draftWords == null || draftWords.contains(lowerSuggestion))
          && LEVENSHTEIN.apply(lowerWord, lowerSuggestion) >= 0
          && isCommonWord.test(lowerSuggestion)) {
        return suggestion;
      }
    }
    return null;
  }

  /**
   * True when the word stands next to another capitalised word in mid-sentence, as first names
   * and surnames do ("Secretary Wes Streeting"): weak evidence of a typo does not outweigh it.
   */
  private static boolean inNameContext(Document document, Span span) {
    String text = document.text();
    int after = span.end();
    while (after < text.length() && text.charAt(after) == ' ') {
      after++;
    }
    boolean nextCapitalised = after > span.end() && after < text.length() && Character.isUpperCase(text.charAt(after));
    return nextCapitalised;
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
        return true;
      }
      if (!Text.isCapitalised(word)) {
        return false;
      }
      capitalised++;
    }
    return false;
  }

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
    Set<String> ordered = new LinkedHashSet<>();
    if (!best.isEmpty()) {
      ordered.add(best);
    }
    ordered.addAll(suggestions);
    Map<String, String> values = new java.util.HashMap<>();
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
