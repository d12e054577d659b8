package dev.copydesk.rules;

import dev.copydesk.core.Analysis;
import dev.copydesk.core.Document;
import dev.copydesk.core.Finding;
import dev.copydesk.core.Rule;
import dev.copydesk.core.Severity;
import dev.copydesk.core.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds a block of promotional or related-content lines pasted under the end of the article
 * ("You may also like" and a list of headlines, newsletter and follow-us calls to action), from
 * the text alone, since a pasted draft carries no HTML classes.
 *
 * <p>Each paragraph is classed by its shape (in the spirit of jusText): a header phrase, a call to
 * action, a headline (short, no closing full stop), page furniture (share buttons, list numbers),
 * a sign-off (wire credits, "Contributing:", corrections) or body copy. The block is the run of
 * header, call-to-action, headline and furniture lines that ends the draft, provided a header or a
 * call to action vouches for it, or it holds enough headlines that do not share one pattern (a
 * list of tour dates or results shares one; a list of unrelated headlines does not). A sign-off or
 * body paragraph ends the search, so the article's own last lines are never taken.
 */
final class PromoBlockRule implements Rule {

  static final Set<String> KEYS =
      Set.of(
          "message",
          "headers",
          "calls-to-action",
          "imperatives",
          "sign-offs",
          "furniture",
          "max-headline-words",
          "max-call-to-action-words",
          "min-headline-lines",
          "max-teaser-words");

  private enum Line {
    HEADER,
    LABEL,
    CALL_TO_ACTION,
    FURNITURE,
    HEADLINE,
    SIGN_OFF,
    TEASER,
    BODY
  }

  /** "Tags:", "Share this:", "Related links:": a short line ending in a colon labels what follows. */
  private static final int MAX_LABEL_WORDS = 4;

  private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{P}\\p{S}\\s]+|[\\p{P}\\p{S}\\s]+$");
  private static final Pattern SKELETON_DROPS = Pattern.compile("[\\p{L}\\p{N}\\s]+");

  private final String id;
  private final Severity severity;
  private final String message;
  private final List<String> headers;
  private final Pattern callsToAction;
  private final Set<String> imperatives;
  private final Pattern signOffs;
  private final Set<String> furniture;
  private final int maxHeadlineWords;
  private final int maxCallToActionWords;
  private final int minHeadlineLines;
  private final int maxTeaserWords;

  private PromoBlockRule(RuleFile file) throws RuleFileException {
    id = file.id();
    severity = file.severity();
    message = file.requiredText("message");
    headers = file.strings("headers").stream().map(Text::lower).toList();
    callsToAction = Text.phrasePattern(file.strings("calls-to-action"));
    imperatives = Set.copyOf(file.strings("imperatives").stream().map(Text::lower).toList());
    signOffs = Text.phrasePattern(file.strings("sign-offs"));
    furniture = Set.copyOf(file.strings("furniture").stream().map(Text::lower).toList());
    maxHeadlineWords = file.integer("max-headline-words", 20);
    maxCallToActionWords = file.integer("max-call-to-action-words", 30);
    minHeadlineLines = file.integer("min-headline-lines", 3);
    maxTeaserWords = file.integer("max-teaser-words", 30);
  }

  static PromoBlockRule from(RuleFile file) throws RuleFileException {
    file.checkKeys(KEYS);
    return new PromoBlockRule(file);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public List<Finding> check(Analysis analysis) {
    Document document = analysis.document();
    List<Span> paragraphs = document.paragraphs();
    int n = paragraphs.size();
    List<Line> classes = new ArrayList<>(n);
    for (Span paragraph : paragraphs) {
      classes.add(classify(document.text(paragraph)));
    }
    // The run of lines a block could span: from the end back to the article's last long
    // paragraph or sign-off. Short sentences are let in as teasers; a header or call to action
    // must vouch for them.
    if (n == 0 || classes.get(n - 1) == Line.TEASER) {
      return List.of(); // the draft ends on a sentence: the article's own last line
    }
    int start = n;
    while (start > 0 && admissible(classes, start - 1)) {
      start--;
    }
    if (start == n) {
      return List.of();
    }
    int blockStart;
    int vouched = firstOf(classes, start, Set.of(Line.HEADER, Line.CALL_TO_ACTION));
    if (vouched >= 0) {
      // Headlines just before the header belong to the block if they are a list of their own;
      // one or two are the article's last lines (a dateline, a short quote).
      int headlinesBefore = 0;
      while (vouched - headlinesBefore > start && classes.get(vouched - headlinesBefore - 1) == Line.HEADLINE) {
        headlinesBefore++;
      }
      blockStart = headlinesBefore >= minHeadlineLines ? vouched - headlinesBefore : vouched;
    } else {
      // No header: only a list of headlines and furniture, with no sentence among them.
      int listStart = n;
      while (listStart > start && isListLine(classes.get(listStart - 1))) {
        listStart--;
      }
      if (!looksLikeHeadlineList(document, paragraphs, classes, listStart)) {
        return List.of();
      }
      blockStart = listStart;
    }
    if (blockStart == 0) {
      return List.of(); // the draft is all list and no article
    }
    Span block = new Span(paragraphs.get(blockStart).start(), paragraphs.get(n - 1).end());
    String first = document.text(paragraphs.get(blockStart));
    Map<String, String> values = new HashMap<>();
    values.put("first", first.length() > 60 ? first.substring(0, 57) + "..." : first);
    values.put("lines", Integer.toString(n - blockStart));
    return List.of(Findings.of(id, severity, block, message, values, List.of("")));
  }

  private Line classify(String paragraph) {
    String text = paragraph.strip();
    String lower = Text.lower(text);
    List<Span> words = Text.words(text, new Span(0, text.length()));
    if (signOffs != null && signOffs.matcher(text).find()) {
      return Line.SIGN_OFF;
    }
    String bare = EDGE_PUNCTUATION.matcher(lower).replaceAll("");
    for (String header : headers) {
      if (bare.equals(header)
          || (bare.startsWith(header + " ") && words.size() <= header.split(" ").length + 3 && !Text.endsLikeSentence(text))) {
        return Line.HEADER;
      }
    }
    if (words.size() <= maxCallToActionWords && isCallToAction(text, words)) {
      return Line.CALL_TO_ACTION;
    }
    boolean allFurniture = !words.isEmpty();
    for (Span word : words) {
      String w = Text.lower(text.substring(word.start(), word.end()));
      allFurniture &= furniture.contains(w) || w.chars().allMatch(Character::isDigit);
    }
    if (allFurniture || words.isEmpty()) {
      return Line.FURNITURE;
    }
    if (text.endsWith(":") && words.size() <= MAX_LABEL_WORDS) {
      return Line.LABEL; // "Tags:", "Share this:", "Related links:"
    }
    if (words.size() <= maxHeadlineWords && !Text.endsLikeSentence(text)) {
      return Line.HEADLINE;
    }
    return words.size() <= maxTeaserWords ? Line.TEASER : Line.BODY;
  }

  /**
   * A call to action: a line that opens with an imperative ("Follow", "Sign up", "Listen"), or
   * holds a call-to-action phrase ("our newsletter") and is no full sentence of copy.
   */
  private boolean isCallToAction(String text, List<Span> words) {
    if (words.isEmpty()) {
      return false;
    }
    String first = Text.lower(text.substring(words.get(0).start(), words.get(0).end()));
    if (imperatives.contains(first)) {
      return true;
    }
    boolean phrase = callsToAction != null && callsToAction.matcher(text).find();
    // News copy never opens with an emoji; promotional bullets often do.
    boolean emojiBullet = Character.getType(text.codePointAt(0)) == Character.OTHER_SYMBOL;
    return phrase && (!Text.endsLikeSentence(text) || words.size() <= MAX_LABEL_WORDS * 3 || emojiBullet);
  }

  /**
   * True for a line a block may hold: any promotional line, and a short sentence straight after
   * one (a teaser under its headline, a line of a newsletter widget); never two sentences in a
   * row, which is copy.
   */
  private static boolean admissible(List<Line> classes, int i) {
    Line line = classes.get(i);
    if (line == Line.BODY || line == Line.SIGN_OFF) {
      return false;
    }
    if (line != Line.TEASER) {
      return true;
    }
    if (i == 0) {
      return false;
    }
    Line previous = classes.get(i - 1);
    return previous != Line.TEASER && previous != Line.BODY && previous != Line.SIGN_OFF;
  }

  /** Lines a header-less list of headlines may hold: headlines and page furniture. */
  private static boolean isListLine(Line line) {
    return line == Line.HEADLINE || line == Line.FURNITURE || line == Line.LABEL;
  }

  private static int firstOf(List<Line> classes, int from, Set<Line> wanted) {
    for (int i = from; i < classes.size(); i++) {
      if (wanted.contains(classes.get(i))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * True for a run of enough headlines with no header that do not share one pattern. Tour dates
   * ("Oct. 9 -- Venue, City") and results ("Wales (Group E): ...") repeat the same punctuation
   * on every line; a list of unrelated headlines does not.
   */
  private boolean looksLikeHeadlineList(
      Document document, List<Span> paragraphs, List<Line> classes, int start) {
    Map<String, Integer> skeletons = new HashMap<>();
    int headlines = 0;
    for (int i = start; i < classes.size(); i++) {
      if (classes.get(i) != Line.HEADLINE) {
        continue;
      }
      String text = document.text(paragraphs.get(i)).strip();
      if (!Text.isCapitalised(text) && !Character.isDigit(text.charAt(0))) {
        return false;
      }
      headlines++;
      skeletons.merge(SKELETON_DROPS.matcher(text).replaceAll("").toLowerCase(Locale.ROOT), 1, Integer::sum);
    }
    if (headlines < minHeadlineLines) {
      return false;
    }
    int mostShared = skeletons.entrySet().stream()
        .filter(e -> !e.getKey().isEmpty())
        .mapToInt(Map.Entry::getValue)
        .max()
        .orElse(0);
    return mostShared * 2 <= headlines;
  }
}
