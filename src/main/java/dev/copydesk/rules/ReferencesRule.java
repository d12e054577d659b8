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
      "connectors", "name-suffixes", "non-person-words", "never-in-names", "speech-verbs", "hard-news", "child-age",
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
  private record Person(String first, String surname, int order, boolean child) {

    String full() {
      return first + " " + surname;
    }
  }

  /** A possessive ending, straight or curly, with the plural's bare apostrophe. */
  private static final Pattern POSSESSIVE = Pattern.compile("(?:['\u2019]s|(?<=s)['\u2019])$");

  /** Initials: "F", "J.R.R". */
  private static final Pattern INITIALS = Pattern.compile("(?:\\p{Lu}\\.)*\\p{Lu}");

  /** ", 7," after a name: the person's age. */
  private static final Pattern AGE_AFTER = Pattern.compile("^\\s*,\\s*(\\d{1,3})\\s*[,.)]");

  /** "7-year-old " before a name. */
  private static final Pattern AGE_BEFORE = Pattern.compile("(\\d{1,3})-year-old\\s+$");

  private static final Pattern WHO_AFTER = Pattern.compile("^\\s*,\\s*who\\b");

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
    Set<String> introduced = new HashSet<>();
    Map<String, Set<String>> firstsBySurname = new HashMap<>();
    Set<String> laterWords = new HashSet<>(); // surnames, middle names: words a first name alone cannot be
    Set<String> surnamesAlone = new HashSet<>(); // surnames the draft uses alone, outside quotations
    for (Mention mention : mentions) {
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
          persons.add(new Person(first, surname, mention.order(), child(document, mention)));
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
    Map<String, Mention> firstTitled = new HashMap<>();
    Map<String, List<String>> courtesyUsed = new HashMap<>();
    for (Mention mention : mentions) {
      if (mention.bare() && mention.kind() == TitleKind.COURTESY) {
        courtesyUsed.computeIfAbsent(mention.last().text(), s -> new ArrayList<>()).add(document.text(mention.titleSpan()));
      }
    }
    for (Mention mention : mentions) {
      if (mention.quoted() || !mention.person()) {
        continue;
      }
      if (mention.kind() == TitleKind.OFFICE && !mention.qualified()) {
        titleClash(document, mention, firstsBySurname, firstTitled, findings);
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
        firstNameAlone(mention, persons, firstsBySurname, laterWords, surnamesAlone, findings);
      }
      courtesy(document, mention, persons, firstsBySurname, courtesyUsed, findings);
    }
    findings.sort((a, b) -> Integer.compare(a.span().start(), b.span().start()));
    return findings;
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
    if (mention.kind() != TitleKind.COURTESY && !standsForPerson(analysis, word)) {
      return; // "Reuters reported", "Moscow's view": a name, not known to be a person's
    }
    // The fix is certain only when one person could be meant: the only one introduced before,
    // or the only one whose surname begins as this one does.
    List<Person> before = persons.stream().filter(p -> p.order() < mention.order()).toList();
    List<Person> alike = before.stream().filter(p -> p.surname().charAt(0) == name.charAt(0)).toList();
    Person meant = alike.size() == 1 ? alike.get(0) : before.size() == 1 && persons.size() == 1 ? before.get(0) : null;
    String candidate = meant == null ? "" : " (is this " + meant.full() + "?)";
    List<String> fix = meant == null ? List.of() : List.of(meant.surname());
    findings.add(Findings.of(id, severity, word.span(), messages.get("surname-message"),
        Map.of("name", name, "candidate", candidate), fix));
  }

  /**
   * True when the word stands for a person: the subject of a verb of speech before it or after it
   * ("Okoro said", "said Okoro."), or a name a ", who" clause follows.
   */
  private boolean standsForPerson(Analysis analysis, Word word) {
    String text = analysis.document().text();
    if (WHO_AFTER.matcher(text.substring(word.span().end(), Math.min(text.length(), word.span().end() + 8))).find()) {
      return true;
    }
    List<Token> tokens = analysis.tokens();
    int at = tokenAt(tokens, word.span().start());
    if (at < 0) {
      return false;
    }
    int next = at + 1;
    if (word.possessive()) {
      return false; // "Okoro's plan": no subject of a verb of speech
    }
    while (next < tokens.size() && next - at <= 3 && isAdverb(tokens.get(next))) {
      next++;
    }
    if (next < tokens.size() && isSpeechVerb(tokens.get(next))) {
      return true;
    }
    if (at > 0 && isSpeechVerb(tokens.get(at - 1))) {
      String after = text.substring(word.span().end(), Math.min(text.length(), word.span().end() + 1));
      return after.isEmpty() || ".,;:".contains(after);
    }
    return false;
  }

  private boolean isSpeechVerb(Token token) {
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
      Map<String, Mention> firstTitled, List<Finding> findings) {
    String surname = mention.last().text();
    Set<String> firsts = firstsBySurname.getOrDefault(surname, Set.of());
    String key;
    if (mention.names().size() >= 2) {
      key = mention.names().get(0).text() + " " + surname;
    } else if (firsts.size() <= 1) {
      key = firsts.isEmpty() ? surname : firsts.iterator().next() + " " + surname;
    } else {
      return; // two people share the surname: the title alone does not say which
    }
    Mention earlier = firstTitled.putIfAbsent(key, mention);
    if (earlier == null || compatible(earlier.title(), mention.title())) {
      return;
    }
    findings.add(Findings.of(id, severity, mention.titleSpan(), messages.get("title-message"),
        Map.of("title", document.text(mention.titleSpan()), "earlier", document.text(earlier.titleSpan()), "name", surname),
        List.of()));
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
  private void firstNameAlone(Mention mention, List<Person> persons, Map<String, Set<String>> firstsBySurname,
      Set<String> laterWords, Set<String> surnamesAlone, List<Finding> findings) {
    Word word = mention.last();
    String name = word.text();
    if (laterWords.contains(name) || firstsBySurname.containsKey(name)) {
      return; // the word is somebody's surname too
    }
    List<Person> named = persons.stream().filter(p -> p.first().equals(name) && p.order() < mention.order()).toList();
    if (named.size() != 1) {
      return;
    }
    Person person = named.get(0);
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
        persons.stream().filter(p -> p.surname().equals(surname) && p.order() < mention.order()).toList();
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
      List<String> fix = used.size() == 1 ? List.of(used.iterator().next() + " " + surname) : List.of();
      findings.add(Findings.of(id, severity, word.span(), messages.get("courtesy-missing-message"), Map.of("name", surname),
          fix));
    }
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
        && analysis.knowsWord(Text.lower(first.text())) && !wordLists.isName(first.text())) {
      start = 1; // "When Maria Okafor arrived": the capital is the sentence's
    }
    if (start < run.size() && qualifiers.contains(Text.lower(run.get(start).text())) && run.size() - start > 1) {
      qualified = true; // "Former President Ruiz"
      start++;
    }
    if (start >= run.size()) {
      return null;
    }
    // The title: the longest stretch from the run's start that ends with a title phrase and
    // leaves a name after it.
    List<String> normalised = new ArrayList<>();
    for (Word word : run) {
      normalised.add(normalise(word.text()));
    }
    int titleEnd = start;
    TitleKind kind = TitleKind.NONE;
    for (int i = start; i < run.size() - 1; i++) {
      for (List<String> phrase : titlePhrases) {
        int end = i + phrase.size();
        if (end < run.size() && normalised.subList(i, end).equals(phrase) && end > titleEnd) {
          titleEnd = end;
          kind = kindOf(String.join(" ", phrase));
        }
      }
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
    while (names.size() > 1 && suffixes.contains(Text.lower(names.get(names.size() - 1).text()))) {
      names.remove(names.size() - 1);
    }
    boolean person = names.size() <= 4;
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
