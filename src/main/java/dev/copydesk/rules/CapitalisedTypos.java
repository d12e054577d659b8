package dev.copydesk.rules;

import dev.copydesk.core.Analysis;
import dev.copydesk.core.Document;
import dev.copydesk.core.LanguageToolMatch;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The spelling rule's verdict on a capitalised word the dictionary does not know, in Title case
 * or in capitals: a typo of a common word when the evidence says so, else a name or an acronym
 * (null). The evidence is {@link NameEvidence}'s, {@link WordShapes}' and the word lists'.
 */
final class CapitalisedTypos {

  /** A typo and the word meant: certain (an error), likely (a warning), or a rare word's slip. */
  record Typo(String meant, Kind kind) {

    /** How sure the evidence is. */
    enum Kind { CERTAIN, LIKELY, RARE }
  }

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

  private static final LevenshteinDistance LEVENSHTEIN = new LevenshteinDistance(MAX_EDITS);

  private final WordLists.Lists wordLists;
  private final NameEvidence names;
  private final WordShapes shapes;
  private final RareWords rareWords;

  CapitalisedTypos(WordLists.Lists wordLists, NameEvidence names, WordShapes shapes, RareWords rareWords) {
    this.wordLists = wordLists;
    this.names = names;
    this.shapes = shapes;
    this.rareWords = rareWords;
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
  Typo capitalised(
      Analysis analysis, LanguageToolMatch match, String word, boolean repeated, Map<String, Map<String, Integer>> draftWords) {
    if (names.pluralOfName(word, analysis)) {
      return null;
    }
    Document document = analysis.document();
    String lowerWord = Text.lower(word);
    List<String> weighed = Findings.firstFew(match.suggestions());
    boolean gazetteer = names.isName(word);
    if (names.beforeOrganisationWord(document, match.span()) && !gazetteer) {
      // "the Comerce Department", "Secuirties Inc": one letter off a common word, before a word
      // that ends an organisation's name, is a typo even among names.
      Typo typo = oneEditOfCommonWord(match, word, Typo.Kind.CERTAIN);
      if (typo != null) {
        return typo;
      }
    }
    if (!repeated && !weighed.isEmpty() && names.opensSentenceOfCommonWords(document, match.span(), weighed.get(0))) {
      int lowerLevel = wordLists.level(lowerWord);
      if (lowerLevel <= WordLists.KNOWN_LEVEL) {
        // A word the lists know ("Bingles and bobbles:"), capitalised by its place: weighed as in lower case.
        String meant = lowerLevel <= WordLists.COMMON_LEVEL ? null
            : rareWords.slipOfCommonWord(analysis, match, word, 1, WordLists.COMMONEST_LEVEL);
        return meant == null ? null : new Typo(meant, Typo.Kind.RARE);
      }
      // "Teh board met": the capital is the sentence's. A swap of the commonest words is a typo
      // even when the gazetteer has the spelling ("Teh", "Btu", "Hsi" are surnames, which a
      // draft would give in full or again); one letter off a common word, where no list knows
      // the name, a likely typo.
      for (String suggestion : weighed) {
        String lowerSuggestion = Text.lower(suggestion);
        if (WordShapes.isAdjacentTransposition(lowerWord, lowerSuggestion)
            && wordLists.level(lowerSuggestion) <= (gazetteer ? WordLists.COMMONEST_LEVEL : WordLists.COMMON_LEVEL)) {
          return new Typo(suggestion, Typo.Kind.CERTAIN);
        }
      }
      if (!gazetteer) {
        Typo typo = oneEditOfCommonWord(match, word, Typo.Kind.LIKELY);
        if (typo != null) {
          return typo;
        }
      }
    }
    boolean determinerSlot = names.afterDeterminer(document, match.span());
    if (gazetteer && !determinerSlot) {
      // The gazetteer is large enough to hold a surname for many a typo ("Chancelor"); where a
      // common noun stands ("the German Chancelor"), the typo reading wins.
      return null;
    }
    boolean nameContext = repeated || names.inNameContext(analysis, match.span());
    for (String suggestion : weighed) {
      String lowerSuggestion = Text.lower(suggestion);
      int level = wordLists.level(lowerSuggestion);
      if (WordShapes.isAdjacentTransposition(lowerWord, lowerSuggestion) && level <= WordLists.COMMON_LEVEL
          && (determinerSlot || !nameContext || level <= WordLists.COMMONEST_LEVEL || names.endsOrTitlesNames(lowerSuggestion))) {
        return new Typo(suggestion, Typo.Kind.CERTAIN);
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
          && wordLists.level(lowerSuggestion) <= WordLists.COMMON_LEVEL
          && (slotEvidence || draftWords.containsKey(lowerSuggestion))) {
        return new Typo(suggestion, Typo.Kind.LIKELY);
      }
    }
    return null;
  }

  /**
   * An all-capitals word the dictionary does not know (a wire headline's "MERGRE TALKS", a slug's
   * "EXHCANGE", a word set in capitals in prose): a typo of a common word when the evidence says
   * so, else an acronym or a name set in capitals (null). In capitals a word's case says nothing,
   * so the evidence is the rest:
   *
   * <ul>
   *   <li>an acronym: the draft uses it again, spells it out in parentheses' company ("(NYAG)"),
   *       a list or the dictionary holds it, or its shape says so (dotted, three letters or
   *       fewer, no vowel);
   *   <li>a name in capitals: the draft writes it in another case ("WeWork" for "WEWORK"), or the
   *       gazetteer holds it, unless it stands where a common noun would;
   *   <li>else a swap of neighbouring letters of a common word is a typo (an error), even in three
   *       letters when the word is among the commonest ("TEH"), and one letter off a common word
   *       a likely typo (a warning).
   * </ul>
   */
  Typo allCapitals(
      Analysis analysis, LanguageToolMatch match, String word, boolean repeated, Map<String, Map<String, Integer>> draftWords) {
    String lowerWord = Text.lower(word);
    // The draft writes it in another case the speller knows, with an inner capital ("WeWork"),
    // or more than once ("Sondland"): a name. One other unknown spelling is no evidence: the same
    // slip made twice is ("SHOUDL" in a headline, "Shoudl" in the copy).
    boolean otherCase = draftWords.getOrDefault(lowerWord, Map.of()).entrySet().stream()
        .anyMatch(form -> !form.getKey().equals(word) && (form.getValue() > 1 || analysis.knowsWord(form.getKey())
            || form.getKey().chars().skip(1).anyMatch(Character::isUpperCase)));
    if (repeated || otherCase || NameEvidence.inParentheses(analysis.document(), match.span())) {
      return null;
    }
    String titleCase = Text.matchCase(lowerWord, word);
    boolean determinerSlot = names.afterDeterminer(analysis.document(), match.span());
    if ((names.isName(word) || names.isName(titleCase)) && !determinerSlot) {
      return null;
    }
    boolean shaped = WordShapes.acronymShaped(word);
    Set<String> candidates = new LinkedHashSet<>(Findings.firstFew(match.suggestions()));
    for (String neighbour : shapes.commonNeighbours(lowerWord, WordLists.COMMON_LEVEL)) {
      if (analysis.knowsWord(neighbour)) {
        candidates.add(neighbour.toUpperCase(Locale.ROOT));
      }
    }
    List<String> weighed = List.copyOf(candidates);
    for (String suggestion : weighed) {
      String lowerSuggestion = Text.lower(suggestion);
      int level = wordLists.level(lowerSuggestion);
      if (WordShapes.isAdjacentTransposition(lowerWord, lowerSuggestion)
          && level <= (shaped ? WordLists.COMMONEST_LEVEL : WordLists.COMMON_LEVEL)) {
        return new Typo(suggestion, Typo.Kind.CERTAIN);
      }
    }
    if (shaped || !WordShapes.inCapitalsLine(analysis.document().text(), match.span())) {
      // In prose a word in capitals is an acronym far more often than a shouted word ("ECRI",
      // "BAAR"): only a swap of neighbouring letters, above, is evidence enough there.
      return null;
    }
    for (String suggestion : weighed) {
      String lowerSuggestion = Text.lower(suggestion);
      if (LEVENSHTEIN.apply(lowerWord, lowerSuggestion) >= 0 && wordLists.level(lowerSuggestion) <= WordLists.COMMON_LEVEL) {
        return new Typo(suggestion, Typo.Kind.LIKELY);
      }
    }
    return null;
  }

  /** The first suggestion one edit from the word that is a common word, as a typo of that kind; or null. */
  private Typo oneEditOfCommonWord(LanguageToolMatch match, String word, Typo.Kind kind) {
    String lowerWord = Text.lower(word);
    for (String suggestion : Findings.firstFew(match.suggestions())) {
      String lowerSuggestion = Text.lower(suggestion);
      if (WordShapes.edits(lowerWord, lowerSuggestion) == 1 && wordLists.level(lowerSuggestion) <= WordLists.COMMON_LEVEL) {
        return new Typo(suggestion, kind);
      }
    }
    return null;
  }
}
