package dev.copydesk.rules;

import dev.copydesk.core.Analysis;
import dev.copydesk.core.Document;
import dev.copydesk.core.Span;
import java.util.List;
import java.util.Set;

/**
 * What the draft and the word lists say about whether a capitalised unknown word is a name:
 * where it stands (among names, or where a common noun would), and whether it is built of
 * names and words the speller knows.
 */
final class NameEvidence {

  /** How many capitalised words may stand between a determiner and the word ("the Russian"). */
  private static final int MAX_WORDS_AFTER_DETERMINER = 2;

  private final WordLists.Lists wordLists;
  private final Dictionary dictionary;
  private final Set<String> determiners;
  private final Set<String> titles;
  private final Set<String> organisationWords;
  private final Set<String> nameWords;
  private final Set<String> openers;
  private final Set<String> particles;

  NameEvidence(WordLists.Lists wordLists, Dictionary dictionary, Set<String> determiners, Set<String> titles,
      Set<String> organisationWords, Set<String> placeWords, Set<String> openers, Set<String> particles) {
    this.openers = openers;
    this.particles = particles;
    this.wordLists = wordLists;
    this.dictionary = dictionary;
    this.determiners = determiners;
    this.titles = titles;
    this.organisationWords = organisationWords;
    Set<String> lower = new java.util.HashSet<>(titles);
    for (String word : organisationWords) {
      lower.add(Text.lower(word));
    }
    for (String word : placeWords) {
      lower.add(Text.lower(word));
    }
    this.nameWords = Set.copyOf(lower);
  }

  /**
   * True for a common word that ends names or stands before them (lower case): an organisation's
   * ("securities", "department"), a place's ("stadium", "avenue") or a title ("commissioner").
   * Such a word misspelt sits among names by its nature ("Yankee Satdium", "Police
   * Commissinoer"), so being among names is no evidence that it is one.
   */
  boolean endsOrTitlesNames(String lowerWord) {
    return nameWords.contains(lowerWord);
  }

  /** True when the gazetteer holds the word as a name. */
  boolean isName(String word) {
    return wordLists.isName(word);
  }

  /** "Currys", "Braques", "Joneses": the plural of a name the speller or the gazetteer knows. */
  boolean pluralOfName(String word, Analysis analysis) {
    for (String ending : List.of("es", "s")) {
      if (word.endsWith(ending) && word.length() > ending.length() + 2) {
        String singular = word.substring(0, word.length() - ending.length());
        if (wordLists.isName(singular) || analysis.knowsWord(singular)) {
          return true;
        }
      }
    }
    return false;
  }

  /** "Fifty-threee": a capitalised compound with a lower-case part no dictionary knows is no name. */
  static boolean hasUnknownLowerCasePart(String word, Analysis analysis) {
    String[] parts = word.split("-");
    for (int i = 1; i < parts.length; i++) {
      if (!parts[i].isEmpty() && !Text.isCapitalised(parts[i]) && !analysis.knowsWord(parts[i])) {
        return true;
      }
    }
    return false;
  }

  /** True when every part of a hyphenated word is a word the speller knows, or a known name. */
  boolean hyphenatedOfKnownParts(String word, Analysis analysis) {
    for (String part : word.split("-")) {
      if (part.isEmpty()) {
        return false;
      }
      boolean known = dictionary.accepts(part) || analysis.knowsWord(part) || analysis.knowsWord(Text.lower(part))
          || (Text.isCapitalised(part) && wordLists.isName(part));
      if (!known) {
        return false; // "ex-Natioanl": the part no list knows is checked with the whole
      }
    }
    return true;
  }

  /**
   * True when the word stands among names: after a capitalised word in mid-sentence, an initial
   * or a title ("Capt. Elmer Hagner", "Beryl W. Sprinkel", "envoy Witkoff"), or before another
   * capitalised word ("Wes Streeting"). Weak evidence of a typo does not outweigh it.
   */
  boolean inNameContext(Analysis analysis, Span span) {
    Document document = analysis.document();
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
    boolean firstName = wordLists.isName(previousWord) && !determiners.contains(lowerPrevious) && !analysis.knowsWord(lowerPrevious);
    if (before.size() < 2 || firstName) {
      return firstName;
    }
    Span earlier = before.get(before.size() - 2);
    boolean afterTitle = titles.contains(Text.lower(document.text(earlier)));
    return afterTitle || !Text.gapEndsSentence(text.substring(earlier.end(), previous.start()));
  }

  /**
   * True when the next word is one an organisation's name ends with ("Bank", "Department", "Inc",
   * "Securities"): the slot before it holds a common word far more often than a surname ("the
   * Commerce Department", "Gulf Petroleum Co"), so a word one letter off a common word there is
   * a typo even among names.
   */
  boolean beforeOrganisationWord(Document document, Span span) {
    String text = document.text();
    if (span.end() + 1 >= text.length() || text.charAt(span.end()) != ' ') {
      return false;
    }
    List<Span> next = Text.words(text, new Span(span.end() + 1, Math.min(text.length(), span.end() + 40)));
    return !next.isEmpty() && next.get(0).start() == span.end() + 1
        && organisationWords.contains(document.text(next.get(0)).replaceFirst("['\u2019]s$", ""));
  }

  /**
   * True when the word follows an organisation word and "of" ("the Ministry of Tarde", "the
   * Department of Comerce"): the slot names the organisation's field, a common word far more
   * often than a surname, as before an organisation word.
   */
  boolean afterOrganisationWordOf(Document document, Span span) {
    String text = document.text();
    List<Span> before = Text.words(text, new Span(Math.max(0, span.start() - 40), span.start()));
    if (before.size() < 2) {
      return false;
    }
    Span of = before.get(before.size() - 1);
    Span organisation = before.get(before.size() - 2);
    return document.text(of).equals("of") && text.substring(of.end(), span.start()).equals(" ")
        && text.substring(organisation.end(), of.start()).equals(" ") && organisationWords.contains(document.text(organisation));
  }

  /**
   * True when the capitalised words beside the word are common words, not names: a product's
   * or a headline's Title Case ("Wall Charegr", "Wireelss Charging Pad", "Latest Modle"), where
   * a swap of neighbouring letters is a typo even though the word stands among capitals.
   */
  boolean amongCommonWords(Analysis analysis, Span span) {
    Document document = analysis.document();
    String text = document.text();
    List<Span> before = Text.words(text, new Span(Math.max(0, span.start() - 40), span.start()));
    List<Span> after = Text.words(text, new Span(span.end(), Math.min(text.length(), span.end() + 40)));
    List<Span> beside = new java.util.ArrayList<>();
    if (!before.isEmpty() && text.substring(before.get(before.size() - 1).end(), span.start()).equals(" ")) {
      beside.add(before.get(before.size() - 1));
    }
    if (!after.isEmpty() && text.substring(span.end(), after.get(0).start()).equals(" ")) {
      beside.add(after.get(0));
    }
    int capitalised = 0;
    for (Span word : beside) {
      String neighbour = document.text(word);
      if (!Text.isCapitalised(neighbour)) {
        continue;
      }
      capitalised++;
      String lower = Text.lower(neighbour);
      // A surname that is one of the commonest words ("Wall", "Black", "Power") reads as the word
      // among other common words: "GaN Wall Charegr" is a product's name in Title Case.
      // A name's particle ("Alfred Van Loen") is no common word, however common its spelling.
      boolean surname = wordLists.isName(neighbour) && (wordLists.level(lower) > WordLists.COMMONEST_LEVEL || particles.contains(lower));
      if (surname || titles.contains(lower) || wordLists.level(lower) > WordLists.COMMON_LEVEL
          || !analysis.knowsWord(lower) || (word.end() <= span.start() && opensSentence(document, word))) {
        return false;
      }
    }
    return capitalised > 0;
  }

  /**
   * True when the word opens a sentence (after quotes or brackets, and a quotation opened after a
   * colon or a comma: {@code said: "Teh}): its capital may be the sentence's, not a name's. A
   * title's or an initial's full stop ends no sentence.
   */
  boolean opensSentence(Document document, Span span) {
    String text = document.text();
    int before = span.start() - 1;
    boolean quoteOpened = false;
    while (before >= 0 && (text.charAt(before) == ' ' || "\"'\u201C\u2018([".indexOf(text.charAt(before)) >= 0)) {
      quoteOpened |= text.charAt(before) == '"' || text.charAt(before) == '\u201C';
      before--;
    }
    if (before < 0 || text.charAt(before) == '\n' || "!?".indexOf(text.charAt(before)) >= 0) {
      return true;
    }
    if (quoteOpened && (text.charAt(before) == ':' || text.charAt(before) == ',')) {
      return true; // a quotation opening after "said:" or "said," starts a sentence of its own
    }
    if (text.charAt(before) != '.') {
      return false;
    }
    List<Span> previous = Text.words(text, new Span(Math.max(0, before - 20), before));
    if (previous.isEmpty()) {
      return true;
    }
    String word = document.text(previous.get(previous.size() - 1));
    // An initial or dotted initials ("John F.", "the W.M. Keck Observatory") end no sentence.
    return !titles.contains(Text.lower(word)) && !word.matches("(\\p{Lu}\\.)*\\p{Lu}");
  }

  /** True when initials stand right before the span: "W.M. Keck", "John D. Rockefeller": a surname. */
  static boolean afterInitials(Document document, Span span) {
    String before = document.text().substring(Math.max(0, span.start() - 12), span.start());
    return before.matches("(?s).*(^|[\\s(])(\\p{Lu}\\.)+ $");
  }

  /**
   * True when the draft writes a lower-case word, somewhere, where only a name keeps lower case: opening a sentence
   * ("ecobee redesigned its thermostat"), or inside a run of capitalised words ("the Audi e-tron
   * Sportback"). A brand styled in lower case, not a common word misspelt.
   */
  boolean anywhereStyledAsName(Document document, String word) {
    String text = document.text();
    for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      int end = at + word.length();
      boolean whole = (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
          && (end >= text.length() || !Character.isLetterOrDigit(text.charAt(end)));
      if (whole && styledAsName(document, new Span(at, end))) {
        return true;
      }
    }
    return false;
  }

  private boolean styledAsName(Document document, Span span) {
    if (opensSentence(document, span)) {
      return true;
    }
    String text = document.text();
    List<Span> before = Text.words(text, new Span(Math.max(0, span.start() - 40), span.start()));
    List<Span> after = Text.words(text, new Span(span.end(), Math.min(text.length(), span.end() + 40)));
    return !before.isEmpty() && !after.isEmpty()
        && text.substring(before.get(before.size() - 1).end(), span.start()).equals(" ")
        && text.substring(span.end(), after.get(0).start()).equals(" ")
        && Text.isCapitalised(document.text(before.get(before.size() - 1))) && Text.isCapitalised(document.text(after.get(0)));
  }

  /**
   * True when a full name follows the word: a first name the gazetteer holds (and the speller
   * does not know as a common word) and another capitalised word ("Dfeenseman Jonas Brodin").
   * The slot before a full name is a title's or a role's, a common noun in Title case.
   */
  boolean beforeFullName(Analysis analysis, Span span) {
    Document document = analysis.document();
    String text = document.text();
    List<Span> after = Text.words(text, new Span(span.end(), Math.min(text.length(), span.end() + 60)));
    if (after.size() < 2 || !text.substring(span.end(), after.get(0).start()).equals(" ")
        || !text.substring(after.get(0).end(), after.get(1).start()).equals(" ")) {
      return false;
    }
    String first = document.text(after.get(0));
    String second = document.text(after.get(1));
    return Text.isCapitalised(first) && !Text.isAllCapitals(first) && wordLists.isName(first)
        && !analysis.knowsWord(Text.lower(first)) && Text.isCapitalised(second) && !Text.isAllCapitals(second);
  }

  /** How many capitalised words a name joined to its role by an underscore may run to. */
  private static final int MAX_CREDIT_NAME_WORDS = 4;

  /**
   * True when the word is in a name a credits line joins to its role by an underscore
   * ("Director_Oh Kyeong Taek", "Costume Design_Lee Ho Jun"): the capitalised words after the
   * underscore, up to punctuation, are the name, whatever common words they look like.
   */
  boolean inUnderscoreCredit(Document document, Span span) {
    String text = document.text();
    int start = span.start();
    for (int words = 0; words < MAX_CREDIT_NAME_WORDS && start > 0; words++) {
      if (text.charAt(start - 1) == '_') {
        return true;
      }
      List<Span> before = Text.words(text, new Span(Math.max(0, start - 30), start));
      if (before.isEmpty() || !text.substring(before.get(before.size() - 1).end(), start).equals(" ")
          || !Text.isCapitalised(document.text(before.get(before.size() - 1)))) {
        return false;
      }
      start = before.get(before.size() - 1).start();
    }
    return false;
  }

  /** True when the word after this one is a title ("Mr.", "Senator"): a name follows it. */
  boolean titleFollows(Document document, Span span) {
    String text = document.text();
    List<Span> after = Text.words(text, new Span(span.end(), Math.min(text.length(), span.end() + 24)));
    if (after.isEmpty() || !text.substring(span.end(), after.get(0).start()).isBlank()) {
      return false;
    }
    String next = document.text(after.get(0));
    return Text.isCapitalised(next) && titles.contains(Text.lower(next));
  }

  /** The first character after the word and the spaces after it; a space when none follows or none is between. */
  static char next(Document document, Span span) {
    String text = document.text();
    int after = span.end();
    while (after < text.length() && text.charAt(after) == ' ') {
      after++;
    }
    char next = after < text.length() ? text.charAt(after) : ' ';
    return after > span.end() || ",.!?'\u2019".indexOf(next) >= 0 ? next : ' ';
  }

  /**
   * True for a word the rule file lists as a determiner, a sentence opener ("the", "while", "last",
   * "south") or a title ("president"): it comes before names, so a capital after it says nothing
   * about its own.
   */
  boolean opensBeforeNames(String lowerWord) {
    return determiners.contains(lowerWord) || openers.contains(lowerWord) || titles.contains(lowerWord);
  }

  /**
   * True when the word stands alone in parentheses, where a draft spells out its acronyms: "the
   * New York State Attorney General (NYAG)".
   */
  static boolean inParentheses(Document document, Span span) {
    String text = document.text();
    return span.start() > 0 && text.charAt(span.start() - 1) == '(' && span.end() < text.length() && text.charAt(span.end()) == ')';
  }

  /**
   * True when a determiner stands before the word, with at most a few capitalised words between
   * ("the German Chancelor", "a Senior Minsiter"): the place of a common noun, not a surname.
   */
  boolean afterDeterminer(Document document, Span span) {
    String text = document.text();
    List<Span> before = Text.words(text, new Span(Math.max(0, span.start() - 80), span.start()));
    for (int i = before.size() - 1, capitalised = 0; i >= 0 && capitalised <= MAX_WORDS_AFTER_DETERMINER; i--) {
      String word = document.text(before.get(i));
      int gapEnd = i + 1 < before.size() ? before.get(i + 1).start() : span.start();
      if (!text.substring(before.get(i).end(), gapEnd).isBlank()) {
        return false; // punctuation between: another phrase
      }
      if (determiners.contains(Text.lower(word))) {
        // "at The Dalles": a capital in mid-sentence makes the article part of the name. In
        // capitals throughout ("PRASAD A TADE PROFESSOR") the capital is the line's, not the name's.
        boolean midSentence = i > 0 && !Text.gapEndsSentence(text.substring(before.get(i - 1).end(), before.get(i).start()));
        boolean capitalsThroughout = Text.isAllCapitals(word) && Text.isAllCapitals(document.text(span));
        return !(Text.isCapitalised(word) && midSentence && !capitalsThroughout);
      }
      if (!Text.isCapitalised(word)) {
        return false;
      }
      capitalised++;
    }
    return false;
  }
}
