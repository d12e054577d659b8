package dev.copydesk.rules;

import dev.copydesk.core.Analysis;
import dev.copydesk.core.Document;
import dev.copydesk.core.Finding;
import dev.copydesk.core.Rule;
import dev.copydesk.core.Severity;
import dev.copydesk.core.Span;
import dev.copydesk.core.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a draft refers to the people in it, read the way a copy desk reads it: a person is
 * introduced by full name (with a title, perhaps) and later by surname alone, with the same
 * title if any. Four slips break that:
 *
 * <ul>
 *   <li>a surname alone that no one in the draft has ("Maria Okafor ... Okoro said"): a different
 *       surname for someone introduced, or a first reference without the full name. A surname one
 *       or two edits from an introduced one ("Okafer") is {@code name-consistency}'s, not this
 *       rule's;
 *   <li>one person given two titles ("Prime Minister Kallas" ... "President Kallas"), unless a
 *       title says it is not the person's now ("former President", "then-Senator",
 *       "President-elect") or one is the other shortened ("Foreign Minister", "Minister"; but
 *       "Vice President" is not "President");
 *   <li>a later reference by first name alone ("Maria said") in hard news, where the draft calls
 *       the same person by surname elsewhere;
 *   <li>the house rule for courtesy titles on later references (off by default).
 * </ul>
 *
 * <p>A mention is a run of capitalised words (with initials, name particles such as "von der",
 * and a title's abbreviation before them), read from the words alone: a title from the rule
 * file's lists at its start, then the name. A run holding an organisation's or a place's word
 * ("Okafor Foundation", "Fulton County") names no person. Quotations are the speaker's words: no
 * finding inside one, though the names in them count as introduced.
 *
 * <p>Two people may share a surname (relatives: "her husband, Daniel Okafor"): then a first name
 * tells them apart and is no slip, and a title is not tied to either. A child (introduced with an
 * age below the rule file's) may be called by first name.
 */
final class ReferencesRule implements Rule {

  static final Set<String> KEYS = Set.of("surname-message", "title-message", "first-name-message",
      "courtesy-missing-message", "courtesy-used-message", "gazetteer", "word-levels", "variants", "office-titles",
      "title-abbreviations", "rank-words", "courtesy-titles", "honorifics", "time-qualifiers", "name-particles",
      "connectors", "name-suffixes", "non-person-words", "never-in-names", "speech-verbs", "not-before-person", "hard-news", "child-age",
      "courtesy-title-style");

  /** What kind of title stands before a name. */
  private enum TitleKind {
    NONE,
    OFFICE,
    COURTESY,
    HONORIFIC
  }

  /** The house rule for courtesy titles on later references. */
  private enum CourtesyStyle {
    OFF,
    REQUIRED,
    DROPPED
  }

  /** One word of the draft: where it is, as written without a possessive ending, and where it stands. */
  private record Word(Span span, String text, boolean possessive, boolean quoted, boolean sentenceStart) {}

  /**
   * One run of capitalised words read as a mention: its title (normalised, "" for none, with the
   * span it covers), the name's words after it, whether it names a person, and whether a word
   * says the title is not the person's now.
   */
  private record Mention(int order, Span titleSpan, String title, TitleKind kind, boolean qualified, List<Word> names,
      boolean person, boolean quoted) {

    Word last() {
      return names.get(names.size() - 1);
    }

    boolean fullName() {
      return person && names.size() >= 2;
    }

    boolean bare() {
      return person && names.size() == 1;
    }
  }

  /** A person introduced by full name: first name, surname, where first named, and whether a child. */
  private record Person(String first, String surname, int order, boolean child, boolean plain, boolean confirmed) {

    String full() {
      return first + " " + surname;
    }
  }

  /**
   * How much longer or shorter a surname may be than an introduced one and still look like it:
   * "Okoro" for "Okafor", not "Hammarskjold" for "Haestier".
   */
  private static final int MAX_LENGTH_DIFFERENCE = 2;

  /** A possessive ending, straight or curly, with the plural's bare apostrophe. */
  private static final Pattern POSSESSIVE = Pattern.compile("(?:['\u2019]s|(?<=s)['\u2019])$");

  /** Initials: "F", "J.R.R". */
  private static final Pattern INITIALS = Pattern.compile("(?:\\p{Lu}\\.)*\\p{Lu}");

  /** ", 7," after a name: the person's age. */
  private static final Pattern AGE_AFTER = Pattern.compile("^\\s*,\\s*(\\d{1,3})\\s*[,.)]");

  /** "7-year-old " before a name. */
  private static final Pattern AGE_BEFORE = Pattern.compile("(\\d{1,3})-year-old\\s+$");

  private static final Pattern WHO_AFTER = Pattern.compile("^\\s*,\\s*who\\b");

  /** ", the engineer", ", a teacher": an apposition after a name. */
  private static final Pattern APPOSITION_AFTER = Pattern.compile("^\\s*,\\s*(?:the|a|an|who)\\s+\\p{Ll}");

  /** "her husband, ", "the company's founder, ": an apposition before a name. */
  private static final Pattern APPOSITION_BEFORE =
      Pattern.compile("(?:\\b(?:his|her|their|its|the)|['\u2019]s)\\s+(?:[\\p{Ll}-]+\\s+){0,3}\\p{Ll}[\\p{Ll}-]*,\\s*$");

  /** "Bob (Bevo) Nordmann", "Bob \"Bevo\" Nordmann": a nickname between first name and surname. */
  private static final Pattern NICKNAME_AFTER =
      Pattern.compile("^\\s+[(\"\u201C'\u2018]\\p{Lu}[\\p{L}.'-]*[)\"\u201D'\u2019]\\s+\\p{Lu}");

  /** "a son, ", "and a daughter, ": an apposition with an article before a first name. */
  private static final Pattern RELATIVE_BEFORE = Pattern.compile("\\b(?:a|an)\\s+(?:[\\p{Ll}-]+\\s+){0,2}\\p{Ll}[\\p{Ll}-]*,\\s*$");

  /** The lower-case word right before a name. */
  private static final Pattern WORD_BEFORE = Pattern.compile("\\b(\\p{Ll}[\\p{Ll}-]*)\\s$");

  private final String id;
  private final Severity severity;
  private final Map<String, String> messages = new HashMap<>();
  private final WordLists.Lists wordLists;
  private final List<List<String>> titlePhrases = new ArrayList<>();
  private final Set<String> officeTitles;
  private final Map<String, String> abbreviations = new HashMap<>();
  private final Set<String> rankWords;
  private final Set<String> courtesyTitles;
  private final Set<String> honorifics;
  private final Set<String> qualifiers;
  private final Set<String> particles;
  private final Set<String> connectors;
  private final Set<String> suffixes;
  private final Set<String> nonPersonWords;
  private final Set<String> neverInNames;
  private final Set<String> speechVerbs;
  private final Set<String> notBeforePerson;
  private final boolean hardNews;
  private final int childAge;
  private final CourtesyStyle courtesyStyle;

  private ReferencesRule(RuleFile file) throws RuleFileException {
    id = file.id();
    severity = file.severity();
    for (String key : List.of("surname-message", "title-message", "first-name-message", "courtesy-missing-message",
        "courtesy-used-message")) {
      messages.put(key, file.requiredText(key));
    }
    wordLists = WordLists.read(
        file.directory().resolve(file.requiredText("gazetteer")),
        file.directory().resolve(file.requiredText("word-levels")),
        file.directory().resolve(file.requiredText("variants")));
    officeTitles = Text.lowerSet(file.strings("office-titles"));
    for (Map.Entry<String, String> entry : file.stringMap("title-abbreviations").entrySet()) {
      abbreviations.put(Text.lower(entry.getKey()), Text.lower(entry.getValue()));
    }
    rankWords = Text.lowerSet(file.strings("rank-words"));
    courtesyTitles = Text.lowerSet(file.strings("courtesy-titles"));
    honorifics = Text.lowerSet(file.strings("honorifics"));
    qualifiers = Text.lowerSet(file.strings("time-qualifiers"));
    particles = Text.lowerSet(file.strings("name-particles"));
    connectors = Text.lowerSet(file.strings("connectors"));
    suffixes = Text.lowerSet(file.strings("name-suffixes"));
    nonPersonWords = Set.copyOf(file.strings("non-person-words"));
    neverInNames = Set.copyOf(file.strings("never-in-names"));
    speechVerbs = Text.lowerSet(file.strings("speech-verbs"));
    notBeforePerson = Text.lowerSet(file.strings("not-before-person"));
    for (Set<String> titles : List.of(officeTitles, courtesyTitles, honorifics, abbreviations.keySet())) {
      for (String title : titles) {
        titlePhrases.add(List.of(title.split(" +")));
      }
    }
    hardNews = onOrOff(file, "hard-news", true);
    childAge = file.integer("child-age", 16);
    String style = file.text("courtesy-title-style", "off");
    courtesyStyle = switch (style) {
      case "off" -> CourtesyStyle.OFF;
      case "required" -> CourtesyStyle.REQUIRED;
      case "dropped" -> CourtesyStyle.DROPPED;
      default -> throw file.error("courtesy-title-style", "'courtesy-title-style' must be \"off\", \"required\" or \"dropped\"");
    };
  }

  private static boolean onOrOff(RuleFile file, String key, boolean fallback) throws RuleFileException {
    String value = file.text(key, fallback ? "on" : "off");
    return switch (value) {
      case "on", "true" -> true;
      case "off", "false" -> false;
      default -> throw file.error(key, "'" + key + "' must be \"on\" or \"off\"");
    };
  }

  static ReferencesRule from(RuleFile file) throws RuleFileException {
    file.checkKeys(KEYS);
    return new ReferencesRule(file);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public List<Finding> check(Analysis analysis) {
    Document document = analysis.document();
    List<Mention> mentions = mentions(analysis);
    Set<String> properWords = Text.midSentenceCapitals(document, analysis.sentences());

    // Who the draft introduces, and every word of a longer name or a titled one: such a word is
    // introduced, whatever else it is.
    List<Person> persons = new ArrayList<>();
    Set<String> confirmed = confirmedPersons(analysis, mentions);
    Set<String> introduced = new HashSet<>();
    Map<String, Set<String>> firstsBySurname = new HashMap<>();
    Set<String> laterWords = new HashSet<>(); // surnames, middle names: words a first name alone cannot be
    Set<String> surnamesAlone = new HashSet<>(); // surnames the draft uses alone, outside quotations
    for (Mention mention : mentions) {
      // A courtesy title is a later reference's, not an introduction: "Mr. Okoro" may be the slip.
      if (mention.names().size() >= 2 || mention.kind() == TitleKind.OFFICE || mention.kind() == TitleKind.HONORIFIC) {
        mention.names().forEach(word -> introduced.add(word.text()));
      }
      if (mention.fullName()) {
        String first = mention.names().get(0).text();
        String surname = mention.last().text();
        firstsBySurname.computeIfAbsent(surname, s -> new HashSet<>()).add(first);
        for (int i = 1; i < mention.names().size(); i++) {
          laterWords.add(mention.names().get(i).text());
        }
        if (persons.stream().noneMatch(p -> p.first().equals(first) && p.surname().equals(surname))) {
          persons.add(new Person(first, surname, mention.order(), child(document, mention), plain(mention),
              confirmed.contains(first + " " + surname)));
        }
      } else if (mention.bare()) {
        if (mention.kind() != TitleKind.NONE) {
          laterWords.add(mention.last().text());
        }
        if (!mention.quoted() && (mention.kind() == TitleKind.NONE || mention.kind() == TitleKind.COURTESY)) {
          surnamesAlone.add(mention.last().text());
        }
      }
    }

    List<Finding> findings = new ArrayList<>();
    Map<String, List<Mention>> titledByName = new HashMap<>();
    Map<String, List<Mention>> titledBySurname = new HashMap<>();
    Map<String, List<String>> courtesyUsed = new HashMap<>();
    for (Mention mention : mentions) {
      if (mention.bare() && mention.kind() == TitleKind.COURTESY) {
        // The title as written before the name, full stop and space included: "Ms. ", "Ms ".
        String title = document.text(new Span(mention.titleSpan().start(), mention.last().span().start()));
        courtesyUsed.computeIfAbsent(mention.last().text(), s -> new ArrayList<>()).add(title);
      }
    }
    for (Mention mention : mentions) {
      if (!mention.person()) {
        continue;
      }
      if (mention.kind() == TitleKind.OFFICE && !mention.qualified()) {
        // A title inside a quotation is never flagged, but it says what the person's title is.
        titleClash(document, mention, firstsBySurname, titledByName, titledBySurname, mention.quoted() ? new ArrayList<>() : findings);
      }
      if (mention.quoted()) {
        continue;
      }
      if (!mention.bare()) {
        continue;
      }
      Word word = mention.last();
      if (word.sentenceStart() && analysis.knowsWord(Text.lower(word.text())) && !properWords.contains(word.text())) {
        continue; // "Will it hold?": a common word that opens the sentence
      }
      if (mention.kind() == TitleKind.NONE || mention.kind() == TitleKind.COURTESY) {
        unknownSurname(analysis, mention, introduced, persons, findings);
      }
      if (mention.kind() == TitleKind.NONE && hardNews) {
        firstNameAlone(analysis, mention, persons, firstsBySurname, laterWords, surnamesAlone, findings);
      }
      courtesy(document, mention, persons, firstsBySurname, courtesyUsed, findings);
    }
    findings.sort((a, b) -> Integer.compare(a.span().start(), b.span().start()));
    return findings;
  }

  /**
   * The full names the draft shows to be people's ("first surname"): by the evidence at one of
   * their mentions, or at a mention of the surname alone (a verb of speech, a title).
   */
  private Set<String> confirmedPersons(Analysis analysis, List<Mention> mentions) {
    Set<String> confirmed = new HashSet<>();
    Map<String, Set<String>> fullBySurname = new HashMap<>();
    for (Mention mention : mentions) {
      if (mention.fullName()) {
        String full = mention.names().get(0).text() + " " + mention.last().text();
        fullBySurname.computeIfAbsent(mention.last().text(), s -> new HashSet<>()).add(full);
        if (!confirmed.contains(full) && personEvidence(analysis, mention)) {
          confirmed.add(full);
        }
      }
    }
    for (Mention mention : mentions) {
      Set<String> fulls = fullBySurname.get(mention.last().text());
      if (mention.bare() && fulls != null
          && (mention.kind() != TitleKind.NONE || standsForPerson(analysis, mention.last(), mention.last()))) {
        confirmed.addAll(fulls);
      }
    }
    return confirmed;
  }

  /** A surname alone, standing for a person, that no one introduced in the draft has. */
  private void unknownSurname(Analysis analysis, Mention mention, Set<String> introduced, List<Person> persons,
      List<Finding> findings) {
    Word word = mention.last();
    String name = word.text();
    if (introduced.contains(name) || name.length() < 3 || Text.isAllCapitals(name) || analysis.knowsWord(name)
        || analysis.knowsWord(Text.lower(name))) {
      return;
    }
    for (String other : introduced) {
      if (other.length() >= 3 && Character.isUpperCase(other.charAt(0)) && NameConsistencyRule.sameName(name, other)) {
        return; // one name spelt two ways: name-consistency's
      }
    }
    boolean person = mention.kind() == TitleKind.COURTESY || standsForPerson(analysis, word, word);
    if (!person || !personReference(analysis, word)) {
      return; // "Reuters reported", "Moscow's view": a name, not known to be a person's
    }
    // Only a surname that looks like the one a person introduced before has (its first two
    // letters, about its length) is taken for theirs ("Okafor" ... "Okoro"): then that person is
    // who was meant, and their surname the fix.
    String start = Text.lower(name.substring(0, 2));
    List<Person> alike = persons.stream()
        .filter(p -> p.order() < mention.order() && p.surname().length() >= 2 && Text.lower(p.surname().substring(0, 2)).equals(start)
            && Math.abs(p.surname().length() - name.length()) <= MAX_LENGTH_DIFFERENCE)
        .toList();
    Set<String> surnames = new java.util.TreeSet<>();
    alike.forEach(p -> surnames.add(p.surname()));
    if (surnames.size() != 1) {
      return; // two surnames it could be: the draft does not say which
    }
    String meant = surnames.iterator().next();
    // Relatives share the surname ("Anna and Vincent Hengesbach"): the surname is still the fix.
    String candidate = " (is this " + (alike.size() == 1 ? alike.get(0).full() : meant) + "?)";
    List<String> fix = List.of(meant);
    findings.add(Findings.of(id, severity, word.span(), messages.get("surname-message"),
        Map.of("name", name, "candidate", candidate), fix));
  }

  /**
   * True when the words from {@code first} to {@code last} stand for a person: the subject of a
   * verb of speech before them or after them ("Okoro said", "said Okoro."), or a name a ", who"
   * clause follows.
   */
  private boolean standsForPerson(Analysis analysis, Word first, Word last) {
    String text = analysis.document().text();
    if (WHO_AFTER.matcher(text.substring(last.span().end(), Math.min(text.length(), last.span().end() + 8))).find()) {
      return true;
    }
    if (last.possessive()) {
      return false; // "Okoro's plan": no subject of a verb of speech
    }
    List<Token> tokens = analysis.tokens();
    int at = tokenAt(tokens, last.span().start());
    if (at >= 0) {
      int next = at + 1;
      while (next < tokens.size() && next - at <= 3 && isAdverb(tokens.get(next))) {
        next++;
      }
      if (next < tokens.size() && isSpeechVerb(tokens.get(next))) {
        return true;
      }
    }
    int before = tokenAt(tokens, first.span().start());
    if (before > 0 && isSpeechVerb(tokens.get(before - 1))) {
      String after = text.substring(last.span().end(), Math.min(text.length(), last.span().end() + 1));
      return after.isEmpty() || ".,;:".contains(after);
    }
    return false;
  }

  /**
   * True when the draft shows that a full name is a person's: a title, an age, an apposition
   * before it or after it ("her husband, Daniel Okafor"; "Maria Okafor, the engineer,"; ", who"),
   * or a verb of speech.
   */
  private boolean personEvidence(Analysis analysis, Mention mention) {
    if (mention.kind() != TitleKind.NONE) {
      return true;
    }
    String text = analysis.document().text();
    Word first = mention.names().get(0);
    Word last = mention.last();
    String after = text.substring(last.span().end(), Math.min(text.length(), last.span().end() + 12));
    String before = text.substring(Math.max(0, first.span().start() - 60), first.span().start());
    if (AGE_AFTER.matcher(after).find() || APPOSITION_AFTER.matcher(after).find() || AGE_BEFORE.matcher(before).find()
        || APPOSITION_BEFORE.matcher(before).find()) {
      return true;
    }
    Matcher role = WORD_BEFORE.matcher(before);
    if (role.find() && officeTitles.contains(role.group(1))) {
      return true; // "envoy Kurt Volker", "coach Ana Ruiz"
    }
    return standsForPerson(analysis, first, last);
  }

  /**
   * True unless where the word stands says it is no person: after an article or a preposition of
   * place ("a Greer", "the Schuylkill", "in Virginia"), or before a noun it modifies ("Sonos
   * speakers").
   */
  private boolean personReference(Analysis analysis, Word word) {
    String text = analysis.document().text();
    Matcher before = WORD_BEFORE.matcher(text.substring(Math.max(0, word.span().start() - 30), word.span().start()));
    if (before.find() && notBeforePerson.contains(before.group(1))) {
      return false;
    }
    if (word.possessive()) {
      return true;
    }
    List<Token> tokens = analysis.tokens();
    int at = tokenAt(tokens, word.span().start());
    if (at >= 0 && at + 1 < tokens.size()) {
      Token next = tokens.get(at + 1);
      String nextWord = analysis.document().text(next.span());
      boolean adjoining = next.span().start() == word.span().end() + 1 && text.charAt(word.span().end()) == ' ';
      if (adjoining && Text.isLowerCase(nextWord) && next.hasTag("NN") && !next.hasTag("VB") && !next.hasTag("MD")) {
        return false;
      }
    }
    return true;
  }

  private boolean isSpeechVerb(Token token) {
    if (token.chunks().stream().noneMatch(chunk -> chunk.endsWith("-VP"))) {
      return false; // "the Communese reply came": a noun, though the tagger allows a verb
    }
    for (int i = 0; i < token.tags().size(); i++) {
      if (token.tags().get(i).startsWith("VB") && i < token.lemmas().size() && speechVerbs.contains(token.lemmas().get(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAdverb(Token token) {
    return token.hasTag("RB") || token.hasTag("MD");
  }

  /** The index of the token starting at the offset, or -1. */
  private static int tokenAt(List<Token> tokens, int offset) {
    int low = 0;
    int high = tokens.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (tokens.get(mid).span().start() < offset) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low < tokens.size() && tokens.get(low).span().start() == offset ? low : -1;
  }

  /** A person's office title that differs from the one the draft gave them first. */
  private void titleClash(Document document, Mention mention, Map<String, Set<String>> firstsBySurname,
      Map<String, List<Mention>> titledByName, Map<String, List<Mention>> titledBySurname, List<Finding> findings) {
    String surname = mention.last().text();
    List<Mention> earlier;
    if (mention.names().size() >= 2) {
      // A full name introduces: it clashes only with the titles of the same full name, since
      // "President Kennedy" and "Attorney General Robert F. Kennedy" may be two people.
      String full = mention.names().get(0).text() + " " + surname;
      earlier = titledByName.computeIfAbsent(full, k -> new ArrayList<>());
    } else if (firstsBySurname.getOrDefault(surname, Set.of()).size() > 1) {
      earlier = new ArrayList<>(); // two people share the surname: the title alone does not say which
    } else {
      earlier = titledBySurname.getOrDefault(surname, new ArrayList<>());
    }
    // Against the fullest titles so far: "Minister Varga" after "Transport Minister Lena Varga"
    // is the same title shortened, and says nothing against "Finance Minister Varga".
    List<Mention> fullest = earlier.stream()
        .filter(other -> earlier.stream().noneMatch(longer -> !longer.title().equals(other.title()) && shortened(longer.title(), other.title())))
        .toList();
    boolean clash = !fullest.isEmpty() && fullest.stream().noneMatch(other -> compatible(other.title(), mention.title()));
    if (clash) {
      findings.add(Findings.of(id, severity, mention.titleSpan(), messages.get("title-message"),
          Map.of("title", writtenTitle(document, mention), "earlier", writtenTitle(document, fullest.get(0)),
              "name", surname), List.of()));
    }
    if (mention.names().size() >= 2) {
      earlier.add(mention);
    }
    titledBySurname.computeIfAbsent(surname, k -> new ArrayList<>()).add(mention);
  }

  /** The title as the draft writes it, its abbreviation's full stop included: "Sen.". */
  private static String writtenTitle(Document document, Mention mention) {
    return document.text(new Span(mention.titleSpan().start(), mention.names().get(0).span().start())).strip();
  }

  /**
   * True when two titles may be one person's: the same, or one the other shortened without a word
   * that makes it lesser ("Foreign Minister" and "Minister"; not "Vice President" and
   * "President"). A title of several joined by "and" agrees with any of its parts.
   */
  private boolean compatible(String a, String b) {
    for (String partA : a.split(" and ")) {
      for (String partB : b.split(" and ")) {
        if (shortened(partA, partB) || shortened(partB, partA)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean shortened(String longer, String shorter) {
    if (longer.equals(shorter)) {
      return true;
    }
    if (!longer.endsWith(" " + shorter)) {
      return false;
    }
    for (String extra : longer.substring(0, longer.length() - shorter.length()).trim().split(" +")) {
      if (rankWords.contains(extra)) {
        return false;
      }
    }
    return true;
  }

  /** A first name alone for a person the draft calls by surname elsewhere. */
  private void firstNameAlone(Analysis analysis, Mention mention, List<Person> persons, Map<String, Set<String>> firstsBySurname,
      Set<String> laterWords, Set<String> surnamesAlone, List<Finding> findings) {
    Word word = mention.last();
    String name = word.text();
    if (laterWords.contains(name) || firstsBySurname.containsKey(name)) {
      return; // the word is somebody's surname too
    }
    List<Person> named = persons.stream().filter(p -> p.first().equals(name) && p.order() < mention.order()).toList();
    if (named.size() != 1 || !named.get(0).confirmed()) {
      return; // two people of that first name, or one the draft does not show to be a person
    }
    String before = analysis.document().text().substring(Math.max(0, word.span().start() - 60), word.span().start());
    if (APPOSITION_BEFORE.matcher(before).find() || RELATIVE_BEFORE.matcher(before).find()) {
      return; // "a son, William,": a relative introduced by first name, not a later reference
    }
    Person person = named.get(0);
    String text = analysis.document().text();
    if (NICKNAME_AFTER.matcher(text.substring(word.span().end(), Math.min(text.length(), word.span().end() + 40))).find()
        || !personReference(analysis, word)) {
      return; // "Bob (Bevo) Nordmann": a full name; "in Virginia": a place
    }
    if (!person.plain()) {
      return; // "Ukraine Kurt Volker": three capitals may hold a place before the name
    }
    if (person.child() || firstsBySurname.get(person.surname()).size() > 1 || !surnamesAlone.contains(person.surname())) {
      return; // a child; relatives, whom first names tell apart; or a draft that never uses the surname alone
    }
    findings.add(Findings.of(id, severity, word.span(), messages.get("first-name-message"),
        Map.of("name", name, "full", person.full(), "surname", person.surname()), List.of(person.surname())));
  }

  /** The house rule for courtesy titles, on a later reference to a person introduced before it. */
  private void courtesy(Document document, Mention mention, List<Person> persons, Map<String, Set<String>> firstsBySurname,
      Map<String, List<String>> courtesyUsed, List<Finding> findings) {
    if (courtesyStyle == CourtesyStyle.OFF) {
      return;
    }
    String surname = mention.last().text();
    List<Person> introducedBefore =
        persons.stream().filter(p -> p.confirmed() && p.surname().equals(surname) && p.order() < mention.order()).toList();
    if (introducedBefore.isEmpty() || introducedBefore.stream().anyMatch(Person::child)
        || firstsBySurname.get(surname).size() > 1) {
      return;
    }
    Word word = mention.last();
    if (courtesyStyle == CourtesyStyle.DROPPED && mention.kind() == TitleKind.COURTESY) {
      Span span = new Span(mention.titleSpan().start(), word.span().end());
      findings.add(Findings.of(id, severity, span, messages.get("courtesy-used-message"), Map.of("name", surname),
          List.of(surname)));
    } else if (courtesyStyle == CourtesyStyle.REQUIRED && mention.kind() == TitleKind.NONE) {
      Set<String> used = new HashSet<>(courtesyUsed.getOrDefault(surname, List.of()));
      List<String> fix = used.size() == 1 ? List.of(used.iterator().next() + surname) : List.of();
      findings.add(Findings.of(id, severity, word.span(), messages.get("courtesy-missing-message"), Map.of("name", surname),
          fix));
    }
  }

  /**
   * True for a name whose first word is surely a first name: two words, or initials and particles
   * between ("John F. Kennedy", "Ursula von der Leyen"). A run of three capitals may begin with
   * a place ("envoy to Ukraine Kurt Volker").
   */
  private static boolean plain(Mention mention) {
    List<Word> names = mention.names();
    for (int i = 1; i < names.size() - 1; i++) {
      String word = names.get(i).text();
      if (Text.isCapitalised(word) && !INITIALS.matcher(word).matches()) {
        return false;
      }
    }
    return true;
  }

  /** True when the text gives the person an age below the rule file's: "Maria Okafor, 7," or "7-year-old Maria Okafor". */
  private boolean child(Document document, Mention mention) {
    String text = document.text();
    int start = mention.titleSpan().start() < mention.titleSpan().end() ? mention.titleSpan().start() : mention.names().get(0).span().start();
    int end = mention.last().span().end();
    Matcher after = AGE_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 12)));
    Matcher before = AGE_BEFORE.matcher(text.substring(Math.max(0, start - 16), start));
    Integer age = after.find() ? Integer.valueOf(after.group(1)) : before.find() ? Integer.valueOf(before.group(1)) : null;
    return age != null && age < childAge;
  }

  // ---- Reading the mentions ----

  /** Every run of capitalised words in the draft, in order, read as a mention. */
  private List<Mention> mentions(Analysis analysis) {
    Document document = analysis.document();
    String text = document.text();
    Set<Integer> sentenceStarts = new HashSet<>();
    for (Span sentence : analysis.sentences()) {
      List<Span> words = Text.words(text, sentence);
      if (!words.isEmpty()) {
        sentenceStarts.add(words.get(0).start());
      }
    }
    List<Mention> mentions = new ArrayList<>();
    for (Span paragraph : document.paragraphs()) {
      List<Span> quotations = Text.quotations(text, paragraph);
      List<Word> words = new ArrayList<>();
      for (Span span : Text.words(text, paragraph)) {
        String raw = document.text(span);
        Matcher possessive = POSSESSIVE.matcher(raw);
        boolean isPossessive = possessive.find();
        String bare = isPossessive ? raw.substring(0, possessive.start()) : raw;
        if (bare.isEmpty()) {
          continue;
        }
        Span bareSpan = new Span(span.start(), span.start() + bare.length());
        boolean quoted = quotations.stream().anyMatch(q -> q.contains(bareSpan));
        words.add(new Word(bareSpan, bare, isPossessive, quoted, sentenceStarts.contains(span.start())));
      }
      readRuns(analysis, words, mentions);
    }
    return mentions;
  }

  /** Cuts the paragraph's words into runs of capitals and reads each as a mention. */
  private void readRuns(Analysis analysis, List<Word> words, List<Mention> mentions) {
    String text = analysis.document().text();
    int i = 0;
    while (i < words.size()) {
      if (!startsRun(words.get(i))) {
        i++;
        continue;
      }
      int end = i + 1;
      while (end < words.size() && joins(text, words, end)) {
        end++;
      }
      // Lower-case particles or connectors at the end belong to no name.
      int last = end;
      while (last > i + 1 && !Text.isCapitalised(words.get(last - 1).text())) {
        last--;
      }
      Word before = i > 0 ? words.get(i - 1) : null;
      boolean qualifiedBefore = before != null && text.substring(before.span().end(), words.get(i).span().start()).equals(" ")
          && qualifiers.contains(Text.lower(before.text()));
      Mention mention = read(analysis, words.subList(i, last), qualifiedBefore, mentions.size());
      if (mention != null) {
        mentions.add(mention);
      }
      i = last;
    }
  }

  private boolean startsRun(Word word) {
    String text = word.text();
    if (neverInNames.contains(text)) {
      return false;
    }
    if (Text.isCapitalised(text) && (!Text.isAllCapitals(text) || INITIALS.matcher(text).matches())) {
      return true;
    }
    return isQualifiedTitleCompound(text);
  }

  /** "then-Senator", "ex-President": a qualifier joined to a capitalised title. */
  private boolean isQualifiedTitleCompound(String text) {
    int hyphen = text.indexOf('-');
    return hyphen > 0 && hyphen + 1 < text.length() && qualifiers.contains(Text.lower(text.substring(0, hyphen)))
        && Character.isUpperCase(text.charAt(hyphen + 1));
  }

  /** True when the word at {@code index} continues the run before it. */
  private boolean joins(String text, List<Word> words, int index) {
    Word previous = words.get(index - 1);
    Word word = words.get(index);
    if (previous.possessive() || previous.quoted() != word.quoted() || neverInNames.contains(word.text())) {
      return false;
    }
    String gap = text.substring(previous.span().end(), word.span().start());
    boolean abbreviated = INITIALS.matcher(previous.text()).matches() || isAbbreviation(Text.lower(previous.text()));
    if (!gap.equals(" ") && !(gap.equals(". ") && abbreviated)) {
      return false;
    }
    if (Text.isCapitalised(word.text())) {
      return !Text.isAllCapitals(word.text()) || INITIALS.matcher(word.text()).matches();
    }
    String lower = word.text();
    if (!particles.contains(lower) && !connectors.contains(lower)) {
      return false;
    }
    // A particle or connector joins only when capitals go on after it: "Ursula von der Leyen".
    for (int next = index + 1; next < words.size(); next++) {
      Word following = words.get(next);
      if (!text.substring(words.get(next - 1).span().end(), following.span().start()).equals(" ")) {
        return false;
      }
      if (Text.isCapitalised(following.text())) {
        return true;
      }
      if (!particles.contains(following.text()) && !connectors.contains(following.text())) {
        return false;
      }
    }
    return false;
  }

  /** "Sen.", "Dr.", "Mr.": a title whose full stop ends no sentence. */
  private boolean isAbbreviation(String lower) {
    return abbreviations.containsKey(lower) || courtesyTitles.contains(lower) || honorifics.contains(lower) && lower.length() <= 5;
  }

  private boolean isTitleWord(String lower) {
    return abbreviations.containsKey(lower) || courtesyTitles.contains(lower) || honorifics.contains(lower)
        || officeTitles.contains(lower) || suffixes.contains(lower);
  }

  /** Reads one run: a qualifier, a title, then the name; null for a run that is no mention. */
  private Mention read(Analysis analysis, List<Word> run, boolean qualifiedBefore, int order) {
    int start = 0;
    boolean qualified = qualifiedBefore;
    Word first = run.get(0);
    if (run.size() > 1 && first.sentenceStart() && !isTitleWord(Text.lower(first.text()))
        && analysis.knowsWord(Text.lower(first.text())) && !wordLists.isName(first.text())
        && !(titleBegins(run, 1) && modifierReading(analysis, first))) {
      start = 1; // "When Maria Okafor arrived": the capital is the sentence's; not "Transport Minister"
    }
    if (start < run.size() && qualifiers.contains(Text.lower(run.get(start).text())) && run.size() - start > 1) {
      qualified = true; // "Former President Ruiz"
      start++;
    }
    if (start >= run.size()) {
      return null;
    }
    // The title: the first title phrase (the longest that starts there) with the capitalised
    // words before it ("Fulton Superior Court Judge"), then any titles stacked after it ("Gen.
    // Sir", "Chairman and Chief Executive"), leaving a name after it. A word before it may not be
    // an initial or a connector: "Sen. John L. McClellan of Arkansas and Rep. Martin" is two.
    List<String> normalised = new ArrayList<>();
    for (Word word : run) {
      normalised.add(normalise(word.text()));
    }
    int titleEnd = start;
    TitleKind kind = TitleKind.NONE;
    for (int i = start; i < run.size() - 1 && kind == TitleKind.NONE; i++) {
      int end = longestTitleAt(normalised, i);
      if (end > i) {
        titleEnd = end;
        kind = kindOf(String.join(" ", normalised.subList(i, end)));
      } else if (INITIALS.matcher(run.get(i).text()).matches() || connectors.contains(run.get(i).text())) {
        break;
      }
    }
    while (kind != TitleKind.NONE) {
      int next = titleEnd < run.size() && connectors.contains(run.get(titleEnd).text()) ? titleEnd + 1 : titleEnd;
      int end = longestTitleAt(normalised, next);
      if (end <= next) {
        break;
      }
      titleEnd = end;
    }
    if (kind == TitleKind.NONE) {
      titleEnd = start;
    }
    for (int i = start; i < titleEnd; i++) {
      String raw = run.get(i).text();
      if (isQualifiedTitleCompound(raw) || raw.matches("(?i).*-(elect|designate|nominate)$")) {
        qualified = true;
      }
    }
    List<Word> names = new ArrayList<>(run.subList(titleEnd, run.size()));
    if (kind != TitleKind.NONE) {
      // "Sen. Jackson of Washington", "Gov. George Parkhouse of Dallas": after a titled name, a
      // connector begins where the person is from, not more of the name.
      for (int i = 1; i < names.size(); i++) {
        if (connectors.contains(names.get(i).text())) {
          names = new ArrayList<>(names.subList(0, i));
          break;
        }
      }
    }
    while (names.size() > 1 && suffixes.contains(Text.lower(names.get(names.size() - 1).text()))) {
      names.remove(names.size() - 1);
    }
    boolean person = names.size() <= 4;
    String firstName = names.get(0).text();
    if (names.size() > 1 && analysis.knowsWord(Text.lower(firstName))
        && (!wordLists.isName(firstName) || !nounReading(analysis, names.get(0)))) {
      person = false; // "Off Alienware", "The President": a common word, not a first name
    }
    if (officeTitles.contains(Text.lower(names.get(names.size() - 1).text()))) {
      person = false; // "The President", "Vice President": a title with no name
    }
    for (Word word : names) {
      String lower = word.text();
      if (nonPersonWords.contains(word.text()) || connectors.contains(lower) || (!Text.isCapitalised(lower) && !particles.contains(lower))
          || isQualifiedTitleCompound(lower) || INITIALS.matcher(word.text()).matches() && names.indexOf(word) == names.size() - 1) {
        person = false;
      }
    }
    String title = String.join(" ", normalised.subList(start, titleEnd));
    Span titleSpan = titleEnd > start ? new Span(run.get(start).span().start(), run.get(titleEnd - 1).span().end())
        : new Span(names.get(0).span().start(), names.get(0).span().start());
    boolean quoted = run.stream().anyMatch(Word::quoted);
    return new Mention(order, titleSpan, title, kind, qualified, names, person, quoted);
  }

  /** The end of the longest title phrase starting at {@code index} that leaves a word after it; {@code index} for none. */
  private int longestTitleAt(List<String> normalised, int index) {
    int best = index;
    for (List<String> phrase : titlePhrases) {
      int end = index + phrase.size();
      if (end < normalised.size() && end > best && normalised.subList(index, end).equals(phrase)) {
        best = end;
      }
    }
    return best;
  }

  /** True when a title phrase begins at the run's word {@code index}. */
  private boolean titleBegins(List<Word> run, int index) {
    for (List<String> phrase : titlePhrases) {
      int end = index + phrase.size();
      if (end <= run.size()) {
        boolean matches = true;
        for (int i = 0; i < phrase.size() && matches; i++) {
          matches = normalise(run.get(index + i).text()).equals(phrase.get(i));
        }
        if (matches) {
          return true;
        }
      }
    }
    return false;
  }

  /** True when the tagger reads the word as a noun or an adjective, which may open a title ("Transport Minister"). */
  private static boolean modifierReading(Analysis analysis, Word word) {
    int at = tokenAt(analysis.tokens(), word.span().start());
    return at < 0 || analysis.tokens().get(at).hasTag("NN") || analysis.tokens().get(at).hasTag("JJ");
  }

  /** True when the tagger reads the word as a noun (a name among them), not only as "the" or "but". */
  private static boolean nounReading(Analysis analysis, Word word) {
    int at = tokenAt(analysis.tokens(), word.span().start());
    return at < 0 || analysis.tokens().get(at).hasTag("NN");
  }

  /** A title word in lower case, its abbreviation spelt out, a qualifier's hyphen compound reduced to the title. */
  private String normalise(String word) {
    String lower = Text.lower(word);
    if (isQualifiedTitleCompound(word)) {
      lower = lower.substring(lower.indexOf('-') + 1);
    }
    lower = lower.replaceFirst("-(elect|designate|nominate)$", "");
    return abbreviations.getOrDefault(lower, lower);
  }

  private TitleKind kindOf(String phrase) {
    String spelt = abbreviations.getOrDefault(phrase, phrase);
    if (courtesyTitles.contains(spelt)) {
      return TitleKind.COURTESY;
    }
    if (officeTitles.contains(spelt)) {
      return TitleKind.OFFICE;
    }
    return TitleKind.HONORIFIC;
  }
}
