package dev.copydesk.rules;

import dev.copydesk.core.Analysis;
import dev.copydesk.core.Document;
import dev.copydesk.core.Span;
import dev.copydesk.core.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A draft's runs of capitalised words, read as mentions of people: a qualifier ("former",
 * "then-"), a title from the rule file's lists ("Defense Secretary", "Sen.", "Gen. Sir"), then the
 * name, with its initials, particles ("von der") and suffix ("Jr."). What the references rule
 * compares; it reads the words alone, with LanguageTool's tags only to tell a sentence's opening
 * word ("When", "The") from a name or a title's first word ("Transport Minister").
 */
final class PersonMentions {

  static final Set<String> KEYS = Set.of("gazetteer", "word-levels", "variants", "office-titles", "title-abbreviations",
      "courtesy-titles", "honorifics", "time-qualifiers", "name-particles", "connectors", "name-suffixes",
      "non-person-words", "never-in-names");

  /** What kind of title stands before a name. */
  enum TitleKind {
    NONE,
    OFFICE,
    COURTESY,
    HONORIFIC
  }

  /** One word of the draft: where it is, as written without a possessive ending, and where it stands. */
  record Word(Span span, String text, boolean possessive, boolean quoted, boolean sentenceStart) {}

  /**
   * One run of capitalised words read as a mention: its title (normalised, "" for none, with the
   * span it covers), the name's words after it, whether it names a person, and whether a word
   * says the title is not the person's now.
   */
  record Mention(int order, Span titleSpan, String title, TitleKind kind, boolean qualified, List<Word> names,
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

  /** A possessive ending, straight or curly, with the plural's bare apostrophe. */
  private static final Pattern POSSESSIVE = Pattern.compile("(?:['\u2019]s|(?<=s)['\u2019])$");

  /** Initials: "F", "J.R.R". */
  private static final Pattern INITIALS = Pattern.compile("(?:\\p{Lu}\\.)*\\p{Lu}");

  private final WordLists.Lists wordLists;
  private final List<List<String>> titlePhrases = new ArrayList<>();
  private final Set<String> officeTitles;
  private final Map<String, String> abbreviations = new HashMap<>();
  private final Set<String> courtesyTitles;
  private final Set<String> honorifics;
  private final Set<String> qualifiers;
  private final Set<String> particles;
  private final Set<String> connectors;
  private final Set<String> suffixes;
  private final Set<String> nonPersonWords;
  private final Set<String> neverInNames;

  PersonMentions(RuleFile file) throws RuleFileException {
    wordLists = WordLists.read(
        file.directory().resolve(file.requiredText("gazetteer")),
        file.directory().resolve(file.requiredText("word-levels")),
        file.directory().resolve(file.requiredText("variants")));
    officeTitles = Text.lowerSet(file.strings("office-titles"));
    for (Map.Entry<String, String> entry : file.stringMap("title-abbreviations").entrySet()) {
      abbreviations.put(Text.lower(entry.getKey()), Text.lower(entry.getValue()));
    }
    courtesyTitles = Text.lowerSet(file.strings("courtesy-titles"));
    honorifics = Text.lowerSet(file.strings("honorifics"));
    qualifiers = Text.lowerSet(file.strings("time-qualifiers"));
    particles = Text.lowerSet(file.strings("name-particles"));
    connectors = Text.lowerSet(file.strings("connectors"));
    suffixes = Text.lowerSet(file.strings("name-suffixes"));
    nonPersonWords = Set.copyOf(file.strings("non-person-words"));
    neverInNames = Set.copyOf(file.strings("never-in-names"));
    for (Set<String> titles : List.of(officeTitles, courtesyTitles, honorifics, abbreviations.keySet())) {
      for (String title : titles) {
        titlePhrases.add(List.of(title.split(" +")));
      }
    }
  }

  /** True for a title of office or rank, in lower case ("envoy", "prime minister"). */
  boolean isOfficeTitle(String lower) {
    return officeTitles.contains(lower);
  }

  /** True for initials: "F", "J.R.R". */
  static boolean isInitials(String word) {
    return INITIALS.matcher(word).matches();
  }

  /** Every run of capitalised words in the draft, in order, read as a mention. */
  List<Mention> mentions(Analysis analysis) {
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

  /** The index of the token starting at the offset, or -1. */
  static int tokenAt(List<Token> tokens, int offset) {
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
}
