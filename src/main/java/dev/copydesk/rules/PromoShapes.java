package dev.copydesk.rules;

import dev.copydesk.core.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The shape of each paragraph of a draft's ending, read from its text alone (in the spirit of
 * jusText), for the promo-block rule: a header above a list, a call to action, a tag list, a
 * contact line, an ad label, share buttons, a comment widget's line, a headline, a short item, a
 * date, page furniture, site chrome, a sign-off, or copy. The constructions are here; the words
 * that decide them are the rule file's data.
 */
final class PromoShapes {

  /** What a paragraph looks like. The first seven are promotional by themselves. */
  enum Shape {
    HEADER,
    CALL_TO_ACTION,
    TAGS,
    CONTACT,
    SPONSORED,
    SOCIAL,
    COMMENTS,
    HEADLINE,
    ITEM,
    META,
    FURNITURE,
    LABEL,
    CHROME,
    SIGN_OFF,
    COPY;

    boolean promotional() {
      return compareTo(COMMENTS) <= 0;
    }
  }

  private static final Set<String> OWN_KEYS =
      Set.of(
          "headers",
          "header-starts",
          "header-ends",
          "max-header-words",
          "sponsored",
          "ad-networks",
          "credit-lines",
          "byline-starts",
          "tag-labels",
          "social",
          "furniture",
          "chrome",
          "sign-offs",
          "credits",
          "date-words",
          "minor-words",
          "max-headline-words");

  static final Set<String> KEYS = union(OWN_KEYS, PromoCalls.KEYS);

  /** "Tags:", "Share this:", "Related links:": a short line ending in a colon labels what follows. */
  private static final int MAX_LABEL_WORDS = 4;

  /** "By Andrew C. McCarthy", "Written by Jane Doe": a byline is a name. */
  private static final int MAX_BYLINE_WORDS = 5;

  /** Dates and counts are short: "November 19, 2019 at 5:10 pm", "1 - 5 of 36", "32M ago". */
  private static final int MAX_META_WORDS = 8;

  /** Footer links run together: "Terms of Use | Privacy | Sitemap | About Our Ads". */
  private static final int MAX_CHROME_WORDS = 12;

  /** A call to action acts on an item named at most this many paragraphs above it (headline, teaser, action). */
  private static final int ITEM_REACH = 3;

  /** Tags run together without spaces ("Blue OriginCeres RoboticsSierra Nevada") at least this often. */
  private static final int MIN_RUN_TOGETHER_JOINS = 3;

  private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{P}\\p{S}\\s]+|[\\p{P}\\p{S}\\s]+$");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern INNER_SEPARATORS = Pattern.compile("[:|\u2022\u00b7]");
  /** A headline may end in a question mark; two sentences that end in one are copy ("What is...? How do...?"). */
  private static final Pattern QUESTION_OR_EXCLAMATION = Pattern.compile("[?!][\"'\u201D\u2019)]*$");
  private static final Pattern FULL_STOP_BREAK = Pattern.compile("(?<=[.!?])\\s+(?=\\p{Lu})");
  private static final Pattern WORD_PART = Pattern.compile("\\p{N}+|\\p{Lu}+(?!\\p{Ll})|\\p{Lu}?\\p{Ll}+|\\p{L}+");

  private final List<String> headers;
  private final List<String> headerStarts;
  private final List<String> headerEnds;
  private final int maxHeaderWords;
  private final List<String> sponsored;
  private final Set<String> adNetworks;
  private final Set<String> creditLines;
  private final List<String> bylineStarts;
  private final List<String> tagLabels;
  private final Set<String> social;
  private final Set<String> furniture;
  private final Pattern chrome;
  private final Set<String> chromePhrases;
  private final Pattern signOffs;
  private final Pattern credits;
  private final PromoCalls calls;
  private final Set<String> dateWords;
  private final Set<String> minorWords;
  private final int maxHeadlineWords;

  PromoShapes(RuleFile file) throws RuleFileException {
    headers = lowered(file, "headers");
    headerStarts = lowered(file, "header-starts");
    headerEnds = lowered(file, "header-ends");
    maxHeaderWords = file.integer("max-header-words", 6);
    sponsored = lowered(file, "sponsored");
    adNetworks = Set.copyOf(lowered(file, "ad-networks"));
    creditLines = Set.copyOf(lowered(file, "credit-lines"));
    bylineStarts = lowered(file, "byline-starts");
    tagLabels = lowered(file, "tag-labels");
    social = Set.copyOf(lowered(file, "social"));
    furniture = Set.copyOf(lowered(file, "furniture"));
    chrome = Text.phrasePattern(file.strings("chrome"));
    chromePhrases = Set.copyOf(lowered(file, "chrome"));
    signOffs = Text.phrasePattern(file.strings("sign-offs"));
    // Captions run their credit into the caption ("...marmotsCredit: Vesti"): matched anywhere.
    credits = Text.literalPattern(file.strings("credits"));
    calls = new PromoCalls(file, social);
    dateWords = Set.copyOf(lowered(file, "date-words"));
    minorWords = Set.copyOf(lowered(file, "minor-words"));
    maxHeadlineWords = file.integer("max-headline-words", 20);
  }

  static List<String> lowered(RuleFile file, String key) throws RuleFileException {
    return file.strings(key).stream().map(Text::lower).toList();
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  /**
   * The shapes of the paragraphs, each on its own and then in context: the line after an
   * "About the author" box header is the author's name, part of the bio.
   */
  List<Shape> classify(List<String> paragraphs) {
    List<Shape> shapes = new ArrayList<>(paragraphs.size());
    for (String paragraph : paragraphs) {
      shapes.add(shape(paragraph));
    }
    List<Shape> own = List.copyOf(shapes);
    for (int i = 1; i < shapes.size(); i++) {
      boolean afterBoxHeader = own.get(i - 1) == Shape.SIGN_OFF
          && words(paragraphs.get(i - 1)).size() <= MAX_LABEL_WORDS
          && !Text.endsLikeSentence(paragraphs.get(i - 1).strip());
      boolean name = (shapes.get(i) == Shape.ITEM || shapes.get(i) == Shape.HEADLINE)
          && words(paragraphs.get(i)).size() <= MAX_LABEL_WORDS;
      if (afterBoxHeader && name) {
        shapes.set(i, Shape.SIGN_OFF);
      }
      if (own.get(i) == Shape.CALL_TO_ACTION && actsOnItemAbove(paragraphs, shapes, i)) {
        shapes.set(i, Shape.HEADLINE); // a deal's "Download ...", as its "Get it at ..." lines are
      }
    }
    return shapes;
  }

  /**
   * True for a call to action that names nothing the outlet offers and whose object is named in
   * the item just above it (its headline, teaser or action lines, a step of its how-to already
   * read as one). A call under another call (a box of them) or under a sign-off is not under an item.
   */
  private boolean actsOnItemAbove(List<String> paragraphs, List<Shape> shapes, int i) {
    List<String> item = new ArrayList<>();
    for (int above = i - 1; above >= 0 && above >= i - ITEM_REACH; above--) {
      Shape shape = shapes.get(above);
      if (shape != Shape.HEADLINE && shape != Shape.ITEM && shape != Shape.COPY) {
        break;
      }
      item.add(paragraphs.get(above));
    }
    return calls.actsOnItem(paragraphs.get(i).strip(), item);
  }

  /** The shape of one paragraph. */
  Shape shape(String paragraph) {
    String text = paragraph.strip();
    List<String> words = words(text);
    if (words.isEmpty()) {
      return Shape.FURNITURE; // rules, bullets, arrows: "___", "•", "»"
    }
    int count = words.size();
    if (count > Math.max(maxHeadlineWords, calls.maxWords())) {
      // Too long for any promotional line: a sign-off or copy, decided in one pass, so a draft
      // that is one 20 MB line costs no more than reading it.
      return signOffs != null && signOffs.matcher(text).find() ? Shape.SIGN_OFF : Shape.COPY;
    }
    boolean sentence = Text.endsLikeSentence(text);
    boolean closed = sentence && !text.endsWith(":"); // "Related links:" labels what follows
    String bare = EDGE_PUNCTUATION.matcher(Text.lower(text)).replaceAll("");
    bare = SPACES.matcher(INNER_SEPARATORS.matcher(bare).replaceAll(" ")).replaceAll(" ");
    if ((signOffs != null && signOffs.matcher(text).find()) || isCreditLine(bare, words, closed)) {
      return Shape.SIGN_OFF;
    }
    Shape buttons = buttons(text);
    if (buttons != null) {
      return buttons;
    }
    if (chromeLinks(text) >= 2 || chromePhrases.contains(bare)) {
      return Shape.CHROME; // "Ad Choices", "Latest News | About Us | Contact Us": menus, not modules
    }
    if (isSponsored(bare, words)) {
      return Shape.SPONSORED;
    }
    if (isTags(text, bare, count, closed)) {
      return Shape.TAGS;
    }
    if (isHeader(bare, count, closed)) {
      return Shape.HEADER;
    }
    if (calls.isContact(text, count)) {
      return Shape.CONTACT;
    }
    if (calls.isComments(text, words, sentence)) {
      return Shape.COMMENTS;
    }
    if (calls.isCallToAction(text, words, sentence)) {
      return Shape.CALL_TO_ACTION;
    }
    if (credits != null && credits.matcher(text).find()) {
      return Shape.SIGN_OFF; // a photo caption and its credit
    }
    if (isMeta(words)) {
      return Shape.META;
    }
    if (isChrome(text, count)) {
      return Shape.CHROME;
    }
    if (text.endsWith(":") && count <= MAX_LABEL_WORDS) {
      return Shape.LABEL;
    }
    if (isProse(text)) {
      return Shape.COPY;
    }
    return count <= 2 ? Shape.ITEM : Shape.HEADLINE;
  }

  /** True for a paragraph that reads as copy: a sentence of some length, or too long for a headline. */
  boolean isProse(String paragraph) {
    String text = paragraph.strip();
    int count = words(text).size();
    if (count > maxHeadlineWords) {
      return true;
    }
    if (isTitleCase(text)) {
      return false; // "Home Depot Stock Is Falling. Why You Shouldn't Worry." is a headline
    }
    return (Text.endsLikeSentence(text) && count >= MAX_LABEL_WORDS)
        || (QUESTION_OR_EXCLAMATION.matcher(text).find() && FULL_STOP_BREAK.split(text).length > 1);
  }

  /**
   * Title case, as headlines are set and sentences are not: every word capitalised but the minor
   * words ("of", "the", "and"); a sentence has a lower-case verb ("Julius is an LA reporter").
   */
  private boolean isTitleCase(String text) {
    int capitalised = 0;
    for (Span word : Text.words(text, new Span(0, text.length()))) {
      char first = text.charAt(word.start());
      if (!Character.isLetter(first)) {
        continue;
      }
      if (Character.isUpperCase(first)) {
        capitalised++;
      } else if (!minorWords.contains(Text.lower(text.substring(word.start(), word.end())))) {
        return false;
      }
    }
    return capitalised >= MAX_LABEL_WORDS;
  }

  /**
   * True for copy that is the article's own: prose that mentions no call to action (a newsletter
   * widget's "I agree that X can send me the newsletter" is the widget's) and introduces nothing.
   */
  boolean isArticleCopy(String paragraph) {
    String text = paragraph.strip();
    // A line that ends in a colon introduces what follows ("Jane on May 2, 2019 said:").
    return isProse(text) && !text.endsWith(":") && !calls.mentionsCall(text);
  }

  /** How many sentences a paragraph holds. */
  static int sentenceCount(String paragraph) {
    return FULL_STOP_BREAK.split(paragraph.strip()).length;
  }

  /** The words of a paragraph, in lower case. */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    for (Span word : Text.words(text, new Span(0, text.length()))) {
      words.add(Text.lower(text.substring(word.start(), word.end())));
    }
    return words;
  }

  static int wordCount(String text) {
    return Text.words(text, new Span(0, text.length())).size();
  }

  /**
   * "Advertisement", "Sponsored by", "Ad Microsoft": an ad label, alone or naming its advertiser;
   * or a short line naming a network of sponsored links ("Promoted links by Taboola").
   */
  private boolean isSponsored(String bare, List<String> words) {
    for (String marker : sponsored) {
      int markerWords = marker.split(" ").length;
      if (bare.equals(marker) || (bare.startsWith(marker + " ") && words.size() <= markerWords + 1)) {
        return true;
      }
    }
    return words.size() <= maxHeaderWords && words.stream().anyMatch(adNetworks::contains);
  }

  /** A wire credit or a byline standing alone: "Reuters", "AP", "By Jane Doe". */
  private boolean isCreditLine(String bare, List<String> words, boolean closed) {
    if (creditLines.contains(bare)) {
      return true;
    }
    return !closed && words.size() <= MAX_BYLINE_WORDS && bylineStarts.stream().anyMatch(by -> bare.startsWith(by + " "));
  }

  /**
   * "Tags:", "Topics Kristi Noem South Dakota", "Filed under afghanistan, hostages", "Posted in
   * Grants | Permalink": a tag label and its items; or tags run together without spaces, as a
   * page's tag links become when copied.
   */
  private boolean isTags(String text, String bare, int count, boolean sentence) {
    if (sentence || count > maxHeadlineWords) {
      return false;
    }
    for (String label : tagLabels) {
      if (bare.equals(label) || bare.startsWith(label + " ") || bare.startsWith(label + ":")) {
        return true;
      }
    }
    return runTogetherJoins(text) >= MIN_RUN_TOGETHER_JOINS;
  }

  /** Where a lower-case word runs into a capitalised one ("OriginCeres"): tags copied without spaces. */
  private static int runTogetherJoins(String text) {
    int joins = 0;
    int lowerRun = 0;
    for (int i = 0; i + 2 < text.length(); i++) {
      char c = text.charAt(i);
      lowerRun = Character.isLowerCase(c) ? lowerRun + 1 : 0;
      if (lowerRun >= 2 && Character.isUpperCase(text.charAt(i + 1)) && Character.isLetter(text.charAt(i + 2))) {
        joins++;
      }
    }
    return joins;
  }

  /**
   * A header above a list, by shape: one of the header phrases give or take a few words ("Most read
   * in World"); or a short line that opens like one ("More from X", "Next up in X", "Related
   * articles", "Recent posts") or ends like one ("Tennis latest", "Editor's picks").
   */
  private boolean isHeader(String bare, int count, boolean sentence) {
    if (sentence || count > maxHeaderWords) {
      return false;
    }
    for (String header : headers) {
      if (bare.equals(header) || (bare.startsWith(header + " ") && count <= header.split(" ").length + 3)) {
        return true;
      }
    }
    for (String start : headerStarts) {
      if (bare.startsWith(start + " ")) {
        return true;
      }
    }
    for (String end : headerEnds) {
      if (bare.endsWith(" " + end)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Share and follow buttons, share counts and pagers ("Facebook", "0shares", "197 Shares",
   * "Previous Next"), which are promotional, or other page furniture ("Loading...", "Close"),
   * which is not; null for a line with any other word. Words copied together ("FacebookTwitter",
   * "299FollowersFollow") are taken apart.
   */
  private Shape buttons(String text) {
    boolean anySocial = false;
    var parts = WORD_PART.matcher(text);
    while (parts.find()) {
      String part = Text.lower(parts.group());
      if (social.contains(part)) {
        anySocial = true;
      } else if (!furniture.contains(part) && !Character.isDigit(part.charAt(0))) {
        return null;
      }
    }
    return anySocial ? Shape.SOCIAL : Shape.FURNITURE;
  }

  /**
   * Site chrome: a short link ("Contact Us", "Privacy policy", "Return to Top") or a row of them
   * ("Terms of Use | Privacy | Sitemap"); a headline that happens to hold one such word is not.
   */
  private boolean isChrome(String text, int count) {
    int links = chromeLinks(text);
    return count <= MAX_CHROME_WORDS && (links >= 2 || (links == 1 && count <= MAX_LABEL_WORDS));
  }

  /** How many chrome phrases a short line holds; none for a long one. */
  private int chromeLinks(String text) {
    if (chrome == null || wordCount(text) > MAX_CHROME_WORDS) {
      return 0;
    }
    var matcher = chrome.matcher(text);
    int hits = 0;
    while (matcher.find()) {
      hits++;
    }
    return hits;
  }

  /** A date, time or count: "November 19, 2019 at 5:10 pm", "32M ago", "1 - 5 of 36", "14h261". */
  private boolean isMeta(List<String> words) {
    if (words.size() > MAX_META_WORDS) {
      return false;
    }
    int numeric = 0;
    boolean dateWord = false;
    for (String word : words) {
      if (word.chars().anyMatch(Character::isDigit)) {
        numeric++;
      }
      dateWord |= dateWords.contains(word.replace(".", ""));
    }
    return numeric > 0 && (dateWord || numeric * 2 >= words.size());
  }
}
