package dev.copydesk.rules;

import dev.copydesk.core.Analysis;
import dev.copydesk.core.Document;
import dev.copydesk.core.LanguageToolMatch;
import dev.copydesk.core.Span;
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

  /**
   * A swap of neighbouring letters of a rarer word the speller knows is a slip, away from names,
   * only from this length: shorter names are often a rare word's letters swapped ("his wife,
   * Nori": noir).
   */
  private static final int MIN_LENGTH_FOR_RARE_SWAP = 6;

  /** From this many letters, a word in a line of capitals two edits from a common word is a likely typo. */
  private static final int LONG_WORD = 8;

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
  Typo capitalised(Analysis analysis, LanguageToolMatch match, String word, boolean repeated, boolean repeatedMidSentence,
      Map<String, Map<String, Integer>> draftWords) {
    Document document = analysis.document();
    int partAt = unknownPartAt(analysis, word);
    if (partAt >= 0) {
      return unknownPart(analysis, match, word, partAt, repeated, repeatedMidSentence, draftWords);
    }
    String lowerWord = Text.lower(word);
    List<String> weighed = Findings.firstFew(match.suggestions());
    boolean gazetteer = names.isName(word);
    Typo inOrganisation = organisationSlot(analysis, match, word, gazetteer);
    if (inOrganisation != null) {
      return inOrganisation;
    }
    if (names.pluralOfName(word, analysis) || names.inUnderscoreCredit(document, match.span())) {
      return null;
    }
    if (!repeatedMidSentence && names.opensSentence(document, match.span())) {
      Typo typo = sentenceInitial(analysis, match, word, gazetteer);
      if (typo != null || wordLists.level(lowerWord) <= WordLists.KNOWN_LEVEL) {
        return typo;
      }
    }
    boolean determinerSlot = names.afterDeterminer(document, match.span());
    if (gazetteer && !determinerSlot) {
      // The gazetteer is large enough to hold a surname for many a typo ("Chancelor"); where a
      // common noun stands ("the German Chancelor"), the typo reading wins.
      return null;
    }
    boolean nameContext = repeated || names.inNameContext(analysis, match.span());
    // Before a full name ("said Dfeenseman Jonas Brodin") stands a title or a role: a common noun.
    boolean roleSlot = names.beforeFullName(analysis, match.span());
    for (String suggestion : weighed) {
      String lowerSuggestion = Text.lower(suggestion);
      int level = wordLists.level(lowerSuggestion);
      boolean swap = WordShapes.isAdjacentTransposition(lowerWord, lowerSuggestion);
      if (swap && level <= WordLists.COMMON_LEVEL
          && (determinerSlot || !nameContext || level <= WordLists.COMMONEST_LEVEL || names.endsOrTitlesNames(lowerSuggestion)
              || names.amongCommonWords(analysis, match.span()))) {
        return new Typo(suggestion, Typo.Kind.CERTAIN);
      }
      if (swap && roleSlot && !gazetteer && analysis.knowsWord(lowerSuggestion)) {
        return new Typo(suggestion, Typo.Kind.CERTAIN);
      }
      if (swap && !nameContext && !gazetteer && word.length() >= MIN_LENGTH_FOR_RARE_SWAP && analysis.knowsWord(lowerSuggestion)) {
        // Nothing says name ("the program 2B Mnidset"): a swap of a rarer word the speller knows
        // is likelier a slip than a name no list holds.
        return new Typo(suggestion, Typo.Kind.LIKELY);
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
            || names.isName(form.getKey()) || form.getKey().chars().skip(1).anyMatch(Character::isUpperCase)
            || amongNames(analysis, form.getKey())));
    if (repeated || otherCase || NameEvidence.inParentheses(analysis.document(), match.span())) {
      return null;
    }
    // "CLOSD-DOOR": the part the speller does not know is weighed, and mended in the whole.
    String part = word;
    for (String piece : word.split("-")) {
      if (!piece.isEmpty() && !analysis.knowsWord(piece) && !analysis.knowsWord(Text.lower(piece))) {
        part = piece;
        break;
      }
    }
    String lowerPart = Text.lower(part);
    // In capitals the gazetteer holds many a surname that is also a slip ("TARDE", "SHAER"):
    // unless the draft writes the name in another case, it outweighs a swap of the commonest words only.
    boolean gazetteer = (names.isName(part) || names.isName(Text.matchCase(lowerPart, part)))
        && !names.afterDeterminer(analysis.document(), match.span());
    boolean shaped = WordShapes.acronymShaped(part);
    Set<String> candidates = new LinkedHashSet<>();
    if (part.equals(word)) {
      candidates.addAll(Findings.firstFew(match.suggestions()));
    }
    for (String neighbour : shapes.commonNeighbours(lowerPart, WordLists.COMMON_LEVEL)) {
      if (analysis.knowsWord(neighbour)) {
        candidates.add(neighbour.toUpperCase(Locale.ROOT));
      }
    }
    // A headline is made of its story's words: a correction the draft writes in lower case
    // comes first ("A TADE PROFESSOR" over a story of "trade" talks: TRADE, not MADE).
    List<String> weighed = new java.util.ArrayList<>(candidates);
    weighed.sort(java.util.Comparator.comparing(
        (String suggestion) -> !draftWords.getOrDefault(Text.lower(suggestion), Map.of()).containsKey(Text.lower(suggestion))));
    for (String suggestion : weighed) {
      String lowerSuggestion = Text.lower(suggestion);
      int level = wordLists.level(lowerSuggestion);
      if (WordShapes.isAdjacentTransposition(lowerPart, lowerSuggestion)
          && level <= (shaped || gazetteer ? WordLists.COMMONEST_LEVEL : WordLists.COMMON_LEVEL)) {
        return new Typo(word.replace(part, suggestion), Typo.Kind.CERTAIN);
      }
    }
    boolean capitalsLine = WordShapes.inCapitalsLine(analysis.document().text(), match.span());
    // In a headline of common words a word of four letters or more is spelt out, though the
    // gazetteer holds it or it lacks a vowel ("TIMNE", "MGHT"): its shape is a slip's, not an acronym's.
    boolean spelledOut = capitalsLine && part.length() > WordShapes.ACRONYM_LENGTH && part.indexOf('.') < 0
        && shapes.amongCommonWordsInLine(analysis, match.span());
    if (capitalsLine && !gazetteer && part.length() == WordShapes.ACRONYM_LENGTH && part.equals(word)
        && part.chars().anyMatch(c -> "AEIOUY".indexOf(c) >= 0) && shapes.amongCommonWordsInLine(analysis, match.span())) {
      // "NEW YORK – WIH CONTENT": three letters in a headline of common words, a letter short of
      // one of the few thousand commonest words, is that word's slip, not an acronym.
      for (String suggestion : weighed) {
        String lowerSuggestion = Text.lower(suggestion);
        if (lowerSuggestion.length() == part.length() + 1 && WordShapes.isSubsequence(lowerPart, lowerSuggestion)
            && wordLists.level(lowerSuggestion) <= WordLists.EVERYDAY_LEVEL) {
          return new Typo(suggestion, Typo.Kind.LIKELY);
        }
      }
    }
    if (((shaped || gazetteer) && !spelledOut) || !capitalsLine) {
      // In prose a word in capitals is an acronym far more often than a shouted word ("ECRI",
      // "BAAR"): only a swap of neighbouring letters, above, is evidence enough there.
      return null;
    }
    // "RECOMMENDATION WIDEGTS ARE": in a headline a swap of a rarer word the speller knows is a
    // slip too; its suggestions in capitals miss it ("WIDE GTS").
    for (String swapped : swapsOf(lowerPart)) {
      if (part.length() >= MIN_LENGTH_FOR_RARE_SWAP && analysis.knowsWord(swapped) && wordLists.level(swapped) <= WordLists.KNOWN_LEVEL) {
        return new Typo(word.replace(part, swapped.toUpperCase(Locale.ROOT)), Typo.Kind.LIKELY);
      }
    }
    for (String suggestion : weighed) {
      String lowerSuggestion = Text.lower(suggestion);
      // Two edits from a long word ("PROFFESOR") are still one slip in a headline.
      int edits = lowerPart.length() >= LONG_WORD ? WordShapes.edits(lowerPart, lowerSuggestion) : 2;
      if ((LEVENSHTEIN.apply(lowerPart, lowerSuggestion) >= 0 || edits <= 2)
          && wordLists.level(lowerSuggestion) <= WordLists.COMMON_LEVEL && lowerSuggestion.indexOf(' ') < 0) {
        return new Typo(word.replace(part, suggestion), Typo.Kind.LIKELY);
      }
    }
    // "OWUDL", "YERSA": a common word's letters out of order beyond one swap, in a headline.
    for (String rearranged : shapes.rearrangedNeighbours(lowerPart, WordLists.COMMON_LEVEL)) {
      if (analysis.knowsWord(rearranged)) {
        return new Typo(word.replace(part, rearranged.toUpperCase(Locale.ROOT)), Typo.Kind.LIKELY);
      }
    }
    return null;
  }

  /**
   * A capitalised word before one that ends an organisation's name: "the Comerce Department",
   * "Secuirties Inc". One letter off a common word there is a typo even among names; even a name
   * the gazetteer (or an acronym the speller) knows, when the word is among the commonest ("Stae
   * College": Stae, STAE; "Ruels Committee"). So is the word after an organisation word and
   * "of" ("the Ministry of Tarde"), if one of the commonest words. Null when it is not in that
   * slot or no such word.
   */
  Typo organisationSlot(Analysis analysis, LanguageToolMatch match, String word, boolean known) {
    boolean before = names.beforeOrganisationWord(analysis.document(), match.span());
    if (!before && !names.afterOrganisationWordOf(analysis.document(), match.span())) {
      return null;
    }
    if (NameEvidence.afterInitials(analysis.document(), match.span())) {
      return null; // "the W.M. Keck Observatory": a person's surname names it, not a common word
    }
    // After "Ministry of" place names stand too ("University of Mosul"): only the commonest
    // words, the fields ministries and departments are named for, outweigh them there.
    return oneEditOfCommonWord(withNeighbours(analysis, match, word), word, Typo.Kind.CERTAIN,
        known || !before ? WordLists.COMMONEST_LEVEL : WordLists.COMMON_LEVEL);
  }

  /**
   * A capitalised word opening a sentence: "Teh board met", where the capital is the sentence's,
   * not a name's, as the next word shows: in lower case; a name when the word meant is a
   * determiner or another word that opens sentences before names ("Tje Wild lost", "Hwile
   * Google"); a comma, an apostrophe or a figure when it is one of the few thousand commonest
   * words ("Howver, ...", "Htey're", "Bedore 1933"). A swap of letters of the commonest words is
   * a typo even when the gazetteer holds the spelling ("Teh", "Btu", "Hsi" are surnames, which a
   * draft would give again mid-sentence); one letter off a common word no list knows as a name,
   * a likely typo. A word the lists know ("Bingles and bobbles:") is weighed as in lower case.
   */
  Typo sentenceInitial(Analysis analysis, LanguageToolMatch match, String word, boolean gazetteer) {
    String lowerWord = Text.lower(word);
    int lowerLevel = wordLists.level(lowerWord);
    if (lowerLevel <= WordLists.KNOWN_LEVEL) {
      LanguageToolMatch widened = new LanguageToolMatch(match.ruleId(), match.categoryId(), match.description(), match.span(),
          match.message(), withNeighbours(analysis, match, word), match.spelling());
      String meant = lowerLevel <= WordLists.COMMON_LEVEL ? null
          : rareWords.slipOfCommonWord(analysis, widened, word, 1, WordLists.COMMONEST_LEVEL, Integer.MAX_VALUE);
      return meant == null ? null : new Typo(meant, Typo.Kind.RARE);
    }
    List<String> candidates = withNeighbours(analysis, match, word);
    char next = NameEvidence.next(analysis.document(), match.span());
    // A title after it ("Dispite Mr. Trump's") opens the name that follows: the word is no part of it.
    boolean titleNext = names.titleFollows(analysis.document(), match.span());
    // A full name after it ("Dfeenseman Jonas Brodin"): the word is a title or a role, a common noun.
    boolean roleSlot = names.beforeFullName(analysis, match.span());
    java.util.function.Predicate<String> fits = lower -> Character.isLowerCase(next) || titleNext || roleSlot
        || (Character.isUpperCase(next) && names.opensBeforeNames(lower))
        || ((",.!?'\u2019$".indexOf(next) >= 0 || Character.isDigit(next)) && wordLists.level(lower) <= WordLists.EVERYDAY_LEVEL);
    List<String> weighed = new java.util.ArrayList<>();
    for (String candidate : candidates) {
      if (fits.test(Text.lower(candidate))) {
        weighed.add(candidate);
      }
    }
    for (String suggestion : weighed) {
      String lowerSuggestion = Text.lower(suggestion);
      // A rarer word is meant when the slot is a role's or the draft writes the word in lower
      // case elsewhere ("bubonic plague ... Buobnic is the most common form").
      boolean rareButMeant = !gazetteer && analysis.knowsWord(lowerSuggestion)
          && (roleSlot || usedInLowerCase(analysis.document().text(), lowerSuggestion));
      if (WordShapes.isAdjacentTransposition(lowerWord, lowerSuggestion)
          && (wordLists.level(lowerSuggestion) <= (gazetteer ? WordLists.COMMONEST_LEVEL : WordLists.COMMON_LEVEL) || rareButMeant)) {
        return new Typo(suggestion, Typo.Kind.CERTAIN);
      }
    }
    if (gazetteer) {
      return null;
    }
    Typo oneEdit = oneEditOfCommonWord(weighed, word, Typo.Kind.LIKELY, WordLists.COMMON_LEVEL);
    if (oneEdit != null) {
      return oneEdit;
    }
    // "Instade, he said": a common word's letters out of step beyond one swap, where it fits.
    for (String rearranged : shapes.rearrangedNeighbours(lowerWord, WordLists.COMMON_LEVEL)) {
      if (fits.test(rearranged) && analysis.knowsWord(rearranged)) {
        return new Typo(Text.matchCase(rearranged, word), Typo.Kind.LIKELY);
      }
    }
    return null;
  }

  /**
   * Where a hyphenated word's capitalised part the speller does not know starts ("Patry" in
   * "Patry-controlled"), or -1: that part is weighed, not the whole, which no list holds.
   */
  private static int unknownPartAt(Analysis analysis, String word) {
    if (word.indexOf('-') <= 0) {
      return -1;
    }
    int offset = 0;
    for (String piece : word.split("-")) {
      if (Text.isCapitalised(piece) && !Text.isAllCapitals(piece) && !analysis.knowsWord(piece) && !analysis.knowsWord(Text.lower(piece))) {
        return offset;
      }
      offset += piece.length() + 1;
    }
    return -1;
  }

  /**
   * The part of a hyphenated word at {@code offset} ("the Democratic Patry-controlled House"),
   * weighed where it stands with the common words one edit away as its suggestions; the typo, if
   * any, mended in the whole word.
   */
  private Typo unknownPart(Analysis analysis, LanguageToolMatch match, String word, int offset, boolean repeated,
      boolean repeatedMidSentence, Map<String, Map<String, Integer>> draftWords) {
    int end = word.indexOf('-', offset);
    String piece = word.substring(offset, end < 0 ? word.length() : end);
    Span span = new Span(match.span().start() + offset, match.span().start() + offset + piece.length());
    LanguageToolMatch bare = new LanguageToolMatch(match.ruleId(), match.categoryId(), match.description(), span,
        match.message(), List.of(), match.spelling());
    LanguageToolMatch part = new LanguageToolMatch(match.ruleId(), match.categoryId(), match.description(), span,
        match.message(), withNeighbours(analysis, bare, piece), match.spelling());
    Typo typo = capitalised(analysis, part, piece, repeated, repeatedMidSentence, draftWords);
    return typo == null ? null : new Typo(word.substring(0, offset) + typo.meant() + word.substring(offset + piece.length()), typo.kind());
  }

  /** The word with each pair of neighbouring letters swapped in turn. */
  private static List<String> swapsOf(String lowerWord) {
    List<String> swaps = new java.util.ArrayList<>();
    for (int i = 0; i + 1 < lowerWord.length(); i++) {
      if (lowerWord.charAt(i) != lowerWord.charAt(i + 1)) {
        swaps.add(lowerWord.substring(0, i) + lowerWord.charAt(i + 1) + lowerWord.charAt(i) + lowerWord.substring(i + 2));
      }
    }
    return swaps;
  }

  /** True when the text holds the lower-case word as a whole word. */
  private static boolean usedInLowerCase(String text, String lowerWord) {
    for (int at = text.indexOf(lowerWord); at >= 0; at = text.indexOf(lowerWord, at + 1)) {
      int end = at + lowerWord.length();
      if ((at == 0 || !Character.isLetter(text.charAt(at - 1))) && (end >= text.length() || !Character.isLetter(text.charAt(end)))) {
        return true;
      }
    }
    return false;
  }

  /** True when the draft writes {@code form} (in Title case) among other names: "Eswar Prasad" for "ESWAR". */
  private boolean amongNames(Analysis analysis, String form) {
    if (!Text.isCapitalised(form) || Text.isAllCapitals(form)) {
      return false;
    }
    String text = analysis.document().text();
    for (int at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
      boolean whole = (at == 0 || !Character.isLetter(text.charAt(at - 1)))
          && (at + form.length() >= text.length() || !Character.isLetter(text.charAt(at + form.length())));
      if (whole && names.inNameContext(analysis, new Span(at, at + form.length()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The speller's first suggestions and, after them, the common words one edit from the word
   * that it knows, in the word's case: the speller's own miss some ("Stae": no "State").
   */
  private List<String> withNeighbours(Analysis analysis, LanguageToolMatch match, String word) {
    Set<String> candidates = new LinkedHashSet<>(Findings.firstFew(match.suggestions()));
    for (String neighbour : shapes.commonNeighbours(Text.lower(word), WordLists.COMMON_LEVEL)) {
      if (analysis.knowsWord(neighbour)) {
        candidates.add(Text.matchCase(neighbour, word));
      }
    }
    return List.copyOf(candidates);
  }

  /** The first suggestion one edit from the word that is this common, as a typo of that kind; or null. */
  private Typo oneEditOfCommonWord(List<String> suggestions, String word, Typo.Kind kind, int commonest) {
    String lowerWord = Text.lower(word);
    for (String suggestion : suggestions) {
      String lowerSuggestion = Text.lower(suggestion);
      if (WordShapes.edits(lowerWord, lowerSuggestion) == 1 && wordLists.level(lowerSuggestion) <= commonest) {
        return new Typo(suggestion, kind);
      }
    }
    return null;
  }
}
