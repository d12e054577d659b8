package dev.copydesk.rules;

import dev.copydesk.core.Analysis;
import dev.copydesk.core.Document;
import dev.copydesk.core.Finding;
import dev.copydesk.core.Rule;
import dev.copydesk.core.Severity;
import dev.copydesk.core.Span;
import dev.copydesk.rules.PersonMentions.Mention;
import dev.copydesk.rules.PersonMentions.TitleKind;
import dev.copydesk.rules.PersonMentions.Word;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
 *   <li>a surname alone, standing for a person, that no one in the draft has but that looks like
 *       the surname of one person introduced before it ("Maria Okafor ... Okoro said"): that
 *       surname is the fix. One or two edits from it ("Okafer") is {@code name-consistency}'s;
 *   <li>one person given two titles ("Prime Minister Kallas" ... "President Kallas"), unless a
 *       title says it is not the person's now ("former President", "then-Senator",
 *       "President-elect") or one is the other shortened ("Foreign Minister", "Minister"; but
 *       "Vice President" is not "President");
 *   <li>a later reference by first name alone ("Maria said") in hard news, where the draft calls
 *       the same person by surname elsewhere;
 *   <li>the house rule for courtesy titles on later references (off by default).
 * </ul>
 *
 * <p>{@link PersonMentions} reads the runs of capitals as mentions (a title, then the name), and
 * {@link PersonEvidence} says which stand for people: a full name counts as a person's only where
 * the draft shows it (a title, an age, an apposition, a verb of speech). Quotations are the
 * speaker's words: no finding inside one, though the names and titles in them count.
 *
 * <p>Two people may share a surname (relatives: "her husband, Daniel Okafor"): then a first name
 * tells them apart and is no slip, and a title is not tied to either. A child (introduced with an
 * age below the rule file's) may be called by first name.
 */
final class ReferencesRule implements Rule {

  static final Set<String> KEYS = keys();

  /** The house rule for courtesy titles on later references. */
  private enum CourtesyStyle {
    OFF,
    REQUIRED,
    DROPPED
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

  /** "Bob (Bevo) Nordmann", "Bob \"Bevo\" Nordmann": a nickname between first name and surname. */
  private static final Pattern NICKNAME_AFTER =
      Pattern.compile("^\\s+[(\"\u201C'\u2018]\\p{Lu}[\\p{L}.'-]*[)\"\u201D'\u2019]\\s+\\p{Lu}");

  /** "a son, ", "and a daughter, ": an apposition with an article before a first name. */
  private static final Pattern RELATIVE_BEFORE = Pattern.compile("\\b(?:a|an)\\s+(?:[\\p{Ll}-]+\\s+){0,2}\\p{Ll}[\\p{Ll}-]*,\\s*$");

  private final String id;
  private final Severity severity;
  private final Map<String, String> messages = new HashMap<>();
  private final Set<String> rankWords;
  private final boolean hardNews;
  private final int childAge;
  private final CourtesyStyle courtesyStyle;
  private final PersonMentions personMentions;
  private final PersonEvidence evidence;

  private ReferencesRule(RuleFile file) throws RuleFileException {
    id = file.id();
    severity = file.severity();
    for (String key : List.of("surname-message", "title-message", "first-name-message", "courtesy-missing-message",
        "courtesy-used-message")) {
      messages.put(key, file.requiredText(key));
    }
    personMentions = new PersonMentions(file);
    evidence = new PersonEvidence(file, personMentions);
    rankWords = Text.lowerSet(file.strings("rank-words"));
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

  private static Set<String> keys() {
    Set<String> keys = new HashSet<>(Set.of("surname-message", "title-message", "first-name-message",
        "courtesy-missing-message", "courtesy-used-message", "rank-words", "hard-news", "child-age", "courtesy-title-style"));
    keys.addAll(PersonMentions.KEYS);
    keys.addAll(PersonEvidence.KEYS);
    return Set.copyOf(keys);
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
    List<Mention> mentions = personMentions.mentions(analysis);
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
        if (!confirmed.contains(full) && evidence.personEvidence(analysis, mention)) {
          confirmed.add(full);
        }
      }
    }
    for (Mention mention : mentions) {
      Set<String> fulls = fullBySurname.get(mention.last().text());
      if (mention.bare() && fulls != null
          && (mention.kind() != TitleKind.NONE || evidence.standsForPerson(analysis, mention.last(), mention.last()))) {
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
    boolean person = mention.kind() == TitleKind.COURTESY || evidence.standsForPerson(analysis, word, word);
    if (!person || !evidence.personReference(analysis, word)) {
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
    if (PersonEvidence.APPOSITION_BEFORE.matcher(before).find() || RELATIVE_BEFORE.matcher(before).find()) {
      return; // "a son, William,": a relative introduced by first name, not a later reference
    }
    Person person = named.get(0);
    String text = analysis.document().text();
    if (NICKNAME_AFTER.matcher(text.substring(word.span().end(), Math.min(text.length(), word.span().end() + 40))).find()
        || !evidence.personReference(analysis, word)) {
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
      if (Text.isCapitalised(word) && !PersonMentions.isInitials(word)) {
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
    Matcher after = PersonEvidence.AGE_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 12)));
    Matcher before = PersonEvidence.AGE_BEFORE.matcher(text.substring(Math.max(0, start - 16), start));
    Integer age = after.find() ? Integer.valueOf(after.group(1)) : before.find() ? Integer.valueOf(before.group(1)) : null;
    return age != null && age < childAge;
  }
}
