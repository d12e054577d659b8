package dev.copydesk.rules;

import dev.copydesk.core.Analysis;
import dev.copydesk.core.Document;
import dev.copydesk.core.Finding;
import dev.copydesk.core.Rule;
import dev.copydesk.core.Severity;
import dev.copydesk.core.Span;
import dev.copydesk.rules.PromoShapes.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the block of promotional or related-content lines pasted under the end of the article
 * ("You may also like" and a list of headlines, newsletter and follow-us calls to action, share
 * buttons, tags), from the text alone, since a pasted draft carries no HTML classes.
 *
 * <p>Each paragraph gets a shape ({@link PromoShapes}). The block starts at the first paragraph
 * after the article's first that opens a promotional module, and runs to the end of the draft,
 * whatever follows it (site chrome, comments, more lists). A module opens with a promotional
 * line (a header, call to action, tag list, contact line, ad label, share buttons, a comment
 * widget), a section label above a header of its own name ("World" above "More World"), a run of
 * short items above a call to action (tags without a label), or a run of headlines that do not
 * share one pattern (a list of tour dates or results shares one). A module is only a block's
 * start when no copy follows it: two sentences in a row, or more sentences than other lines,
 * in the paragraphs just after it, or two in a row right under the box's own lines, are the
 * article going on, and the line was a promotional line or box inside the article (the
 * promo-line rule's business). Sign-offs, corrections, bios, captions
 * and chrome never open a module, so an article that ends with them is never flagged.
 */
final class PromoBlockRule implements Rule {

  static final Set<String> KEYS;

  static {
    Set<String> keys = new HashSet<>(PromoShapes.KEYS);
    keys.addAll(Set.of("message", "min-headline-lines", "look-ahead"));
    KEYS = Set.copyOf(keys);
  }

  /** Tag items are short: "Xi Jinping", "Business & Economy", "Science & Technology". */
  private static final int MAX_TAG_WORDS = 3;

  /** A header's list starts within this many lines ("Most Read", "Most Shared", "1", a headline). */
  private static final int HEADER_REACH = 3;

  /** An ad's box carries at most this many one- or two-word labels above its teaser. */
  private static final int MAX_BOX_LABELS = 2;

  /** A run of this many tag items above a call to action is a tag list. */
  private static final int MIN_TAG_ITEMS = 3;

  private static final Pattern DIGITS = Pattern.compile("\\p{N}+");

  private static final Pattern SKELETON_DROPS = Pattern.compile("[\\p{L}\\p{N}\\s]+");

  private final String id;
  private final Severity severity;
  private final String message;
  private final PromoShapes shapes;
  private final int minHeadlineLines;
  private final int lookAhead;

  private PromoBlockRule(RuleFile file) throws RuleFileException {
    id = file.id();
    severity = file.severity();
    message = file.requiredText("message");
    shapes = new PromoShapes(file);
    minHeadlineLines = file.integer("min-headline-lines", 3);
    lookAhead = file.integer("look-ahead", 6);
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
    List<Span> paragraphs = lines(document);
    List<String> texts = paragraphs.stream().map(document::text).toList();
    List<Shape> classes = shapes.classify(texts);
    int n = texts.size();
    boolean[] opens = new boolean[n];
    for (int i = 0; i < n; i++) {
      opens[i] = classes.get(i).promotional() && (classes.get(i) != Shape.HEADER || headsSomething(classes, i));
    }
    Map<String, Integer> ownList = ownListLines(texts, classes);
    markSectionLabels(texts, classes, ownList, opens);
    markTagLists(texts, classes, ownList, opens);
    markHeadlineLists(texts, classes, ownList, opens);
    boolean[] prose = new boolean[n];
    int[] proseAfter = new int[n + 1]; // how many of the paragraphs from i on are copy
    for (int i = n - 1; i >= 0; i--) {
      prose[i] = classes.get(i) == Shape.COPY && shapes.isArticleCopy(texts.get(i));
      proseAfter[i] = proseAfter[i + 1] + (prose[i] ? 1 : 0);
    }
    // The article's first paragraph is never the block: a draft that is all list has no article.
    for (int start = 1; start < n; start++) {
      if (opens[start] && !copyFollows(prose, proseAfter, start) && !articleResumes(classes, prose, proseAfter, start)) {
        Span block = new Span(paragraphs.get(start).start(), paragraphs.get(n - 1).end());
        String first = texts.get(start).strip();
        Map<String, String> values = new HashMap<>();
        values.put("first", first.length() > 60 ? first.substring(0, 57) + "..." : first);
        values.put("lines", Integer.toString(n - start));
        return List.of(Findings.of(id, severity, block, message, values, List.of("")));
      }
    }
    return List.of();
  }

  /**
   * The draft's paragraphs, with a paragraph set line by line split into its lines. Markdown
   * joins lines without a blank between them into one paragraph, so a story pasted from a CMS one
   * paragraph a line, with its "You may also like" list under it, is one paragraph whose lines
   * are the units this rule shapes, as they are in plain text. A paragraph is set line by line
   * when it has three lines or more and every line after the first opens as a paragraph does (not
   * with a lower-case letter); prose wrapped at a width continues some line in lower case.
   */
  private static List<Span> lines(Document document) {
    String text = document.text();
    String source = document.source();
    List<Span> units = new ArrayList<>();
    for (Span paragraph : document.paragraphs()) {
      List<Integer> breaks = new ArrayList<>(); // prose offsets of the spaces that stand for a line break
      boolean lineByLine = true;
      for (int p = paragraph.start() + 1; p + 1 < paragraph.end() && lineByLine; p++) {
        if (text.charAt(p) != ' ') {
          continue;
        }
        int from = document.sourceOffset(p - 1) + 1;
        int to = document.sourceOffset(p + 1);
        if (lineBreakBetween(source, from, Math.min(to, source.length()))) {
          breaks.add(p);
          lineByLine = !Character.isLowerCase(text.codePointAt(p + 1));
        }
      }
      if (!lineByLine || breaks.size() < 2) {
        units.add(paragraph);
        continue;
      }
      int start = paragraph.start();
      for (int p : breaks) {
        units.add(new Span(start, p));
        start = p + 1;
      }
      units.add(new Span(start, paragraph.end()));
    }
    return units;
  }

  /** True when the source holds a line break in [from, to): the markup a space stands for. */
  private static boolean lineBreakBetween(String source, int from, int to) {
    for (int i = from; i < to; i++) {
      if (source.charAt(i) == '\n') {
        return true;
      }
    }
    return false;
  }

  /**
   * True when the article goes on after the paragraph: within the next few, two paragraphs of
   * copy in a row or more of them than other lines; or more copy than other lines in all that
   * follows. A block's own lines are headlines, buttons and items with at most a teaser between
   * them, and whatever copy a page's ending holds after them (comments, legal notes) is the
   * lesser part. Constant time a paragraph, so a draft of 100,000 lines stays linear.
   */
  private boolean copyFollows(boolean[] prose, int[] proseAfter, int start) {
    int n = prose.length;
    int nearEnd = Math.min(n, start + 1 + lookAhead);
    for (int i = start + 2; i < nearEnd; i++) {
      if (prose[i] && prose[i - 1]) {
        return true;
      }
    }
    int copyNear = proseAfter[start + 1] - proseAfter[nearEnd];
    int copy = proseAfter[start + 1];
    int following = n - start - 1;
    return copyNear * 2 > nearEnd - start - 1 || copy * 2 > following;
  }

  /**
   * True when the article's copy comes back right under the module: after its own lines
   * (headlines, items, dates, buttons, labels, a caption or credit) two paragraphs of copy in a
   * row, or copy alone to the draft's end. A "Don't Miss" box, a "Related:" list or a series
   * pointer set between the article's paragraphs has the article going on under it, however
   * many headlines the box holds, so the near look-ahead of {@link #copyFollows} can end inside
   * the box; a trailing block's lines run into other modules, chrome or the page's ending, not
   * back into paragraphs of copy.
   */
  private static boolean articleResumes(List<Shape> classes, boolean[] prose, int[] proseAfter, int start) {
    int next = start + 1;
    while (next < classes.size() && (isListLine(classes, next) || classes.get(next) == Shape.SIGN_OFF)) {
      next++;
    }
    int left = prose.length - next;
    return left > 0 && ((left > 1 && prose[next] && prose[next + 1]) || proseAfter[next] == left);
  }

  /**
   * True when a header stands above something: a list line or another module within the next
   * few lines, or nothing at all (the list was not copied). A "Most Popular" among footer links
   * heads nothing.
   */
  private static boolean headsSomething(List<Shape> classes, int header) {
    for (int i = header + 1; i < classes.size() && i <= header + HEADER_REACH; i++) {
      Shape shape = classes.get(i);
      if (shape.promotional() || shape == Shape.HEADLINE || shape == Shape.ITEM || shape == Shape.META
          || shape == Shape.LABEL || (shape == Shape.FURNITURE && i > header + 1)) {
        return true;
      }
    }
    return header == classes.size() - 1;
  }

  /**
   * A one- or two-word label standing above its module: a section's name above a header of its
   * name ("World" above "More World", "Sport" above "Most read in Sport"), or a box's title above
   * its call to action ("Newsletters" above "Sign up for the morning briefing"), or a sponsored
   * box's labels above the teaser its ad label stands under.
   */
  private static void markSectionLabels(List<String> texts, List<Shape> classes, Map<String, Integer> ownList,
      boolean[] opens) {
    for (int i = 0; i + 1 < texts.size(); i++) {
      boolean ownHeader = classes.get(i + 1) == Shape.HEADER
          && PromoShapes.words(texts.get(i + 1)).containsAll(PromoShapes.words(texts.get(i)));
      if (classes.get(i) == Shape.ITEM && (ownHeader || classes.get(i + 1) == Shape.CALL_TO_ACTION)) {
        opens[i] = true;
      }
      // An ad label or a call under a teaser or a box's title marks them as the box's, with the
      // labels of the box above them ("Finance" / "Money" / a headline / "Advertisement"; a brand
      // mark and its "Since 1994" above "A Word to Our Readers" and a pitch): the box opens at
      // its first label. Labels are short (an item, or a date): an article's last line is not.
      boolean boxCall = classes.get(i + 1) == Shape.SPONSORED || classes.get(i + 1) == Shape.CALL_TO_ACTION;
      if (boxCall && classes.get(i) == Shape.HEADLINE && i > 1 && isBoxLabel(classes.get(i - 1))) {
        int first = i - 1;
        while (first > 1 && first > i - 1 - MAX_BOX_LABELS + 1 && isBoxLabel(classes.get(first - 1))) {
          first--;
        }
        // A gift guide's "Buy Now" / "Available from ..." above its newsletter call is its own list.
        if (!resumesOwnList(ownList, texts, first, i + 1)) {
          opens[first] = true;
        }
      }
    }
  }

  private static boolean isBoxLabel(Shape shape) {
    return shape == Shape.ITEM || shape == Shape.META;
  }

  /**
   * Topic links without a label ("Opinion", "China", "Xi Jinping", "Hong Kong") standing above a
   * call to action or another module: the run of short items opens the block.
   */
  private static void markTagLists(List<String> texts, List<Shape> classes, Map<String, Integer> ownList,
      boolean[] opens) {
    for (int i = 1; i < texts.size(); i++) {
      if (!classes.get(i).promotional() || PromoShapes.wordCount(texts.get(i)) < 2) {
        continue; // a lone "Subscribe" among menu links is a menu
      }
      int first = i;
      int items = 0;
      while (first > 0 && isTagItem(texts.get(first - 1), classes.get(first - 1))) {
        first--;
        items += classes.get(first) == Shape.ITEM || classes.get(first) == Shape.HEADLINE ? 1 : 0;
      }
      if (items >= MIN_TAG_ITEMS && !resumesOwnList(ownList, texts, first, i)) {
        opens[first] = true;
      }
    }
  }

  /**
   * The lines of the article's own lists, each with where it first stood: the lines of each run
   * of list lines with a paragraph of copy after it (a deal's "Buy Now", "Available from Amazon"
   * between its one-sentence descriptions), digits read as one.
   */
  private Map<String, Integer> ownListLines(List<String> texts, List<Shape> classes) {
    Map<String, Integer> lines = new HashMap<>();
    int n = texts.size();
    for (int end = 1; end < n; end++) {
      if (classes.get(end) != Shape.COPY || !isListLine(classes, end - 1) || !shapes.isArticleCopy(texts.get(end))) {
        continue;
      }
      for (int i = end - 1; i >= 0 && isListLine(classes, i); i--) {
        lines.putIfAbsent(listLine(texts.get(i)), i);
      }
    }
    return lines;
  }

  /** True when a run repeats a line of a list the article set before it: that list goes on. */
  private static boolean resumesOwnList(Map<String, Integer> ownList, List<String> texts, int start, int end) {
    for (int i = start; i < end; i++) {
      Integer first = ownList.get(listLine(texts.get(i)));
      if (first != null && first < start) {
        return true;
      }
    }
    return false;
  }

  private static String listLine(String text) {
    return DIGITS.matcher(Text.lower(text.strip())).replaceAll("#");
  }

  /** A short item of a tag list or a widget: "Xi Jinping", "Honolulu, HI", a count or a reading ("76"). */
  private static boolean isTagItem(String text, Shape shape) {
    return switch (shape) {
      case ITEM -> true;
      case HEADLINE -> PromoShapes.wordCount(text) <= MAX_TAG_WORDS;
      case META, FURNITURE -> PromoShapes.wordCount(text) > 0 && PromoShapes.wordCount(text) <= MAX_TAG_WORDS;
      default -> false;
    };
  }

  /**
   * Runs of headlines with no header: a run of list lines (headlines, items, dates, buttons) that
   * the article does not go on after: what follows is not copy, or only a one-sentence teaser
   * with the list going on after it, not the paragraphs of several sentences a list of deals or
   * a recipe has between its items; nor a run that the article's copy introduces with a colon
   * ("Here is how to switch:" above its steps), or one that repeats a line of a list the
   * article had between its paragraphs ("Buy Now" under each item of a gift guide): the
   * article's own list going on to its end.
   * It opens at its first headline, with the one label just above it ("News" above a headline,
   * not the byline above that).
   */
  private void markHeadlineLists(List<String> texts, List<Shape> classes, Map<String, Integer> ownList,
      boolean[] opens) {
    int n = texts.size();
    int start = 0;
    while (start < n) {
      if (!isListLine(classes, start)) {
        start++;
        continue;
      }
      int end = start;
      while (end < n && isListLine(classes, end)) {
        end++;
      }
      boolean copyAfter = end < n && classes.get(end) == Shape.COPY && shapes.isArticleCopy(texts.get(end))
          && !isTeaser(texts, classes, end);
      // "Here is how to switch:" and its steps: the article's copy introduces its own list.
      boolean introduced = start > 0 && classes.get(start - 1) == Shape.COPY && texts.get(start - 1).strip().endsWith(":");
      if (!copyAfter && !introduced && !resumesOwnList(ownList, texts, start, end)
          && looksLikeHeadlineList(texts, classes, start, end)) {
        int first = start;
        while (classes.get(first) != Shape.HEADLINE) {
          first++;
        }
        while (first > start && Set.of(Shape.META, Shape.FURNITURE, Shape.SOCIAL).contains(classes.get(first - 1))) {
          first--;
        }
        if (first > start && classes.get(first - 1) == Shape.ITEM) {
          first--;
        }
        opens[first] = true;
      }
      start = end;
    }
  }

  /**
   * A teaser under a headline of a list: one sentence, with the list going on after it. An
   * article's paragraphs between its own lists (deals, steps) hold several sentences.
   */
  private static boolean isTeaser(List<String> texts, List<Shape> classes, int i) {
    return PromoShapes.sentenceCount(texts.get(i)) == 1 && i > 0 && i + 1 < texts.size()
        && (classes.get(i - 1) == Shape.HEADLINE || classes.get(i - 1) == Shape.META) && isListLine(classes, i + 1);
  }

  /** A line of a headline list: a headline, item, date, button or label. */
  private static boolean isListLine(List<Shape> classes, int i) {
    Shape shape = classes.get(i);
    return switch (shape) {
      case HEADLINE, ITEM, META, FURNITURE, LABEL, SOCIAL -> true;
      default -> false;
    };
  }

  /**
   * True for a run holding enough headlines that do not share one pattern. Tour dates ("Oct. 9
   * -- Venue, City") and results ("Wales (Group E): ...") repeat the same punctuation on every
   * line; a list of unrelated headlines does not.
   */
  private boolean looksLikeHeadlineList(List<String> texts, List<Shape> classes, int start, int end) {
    Map<String, Integer> skeletons = new HashMap<>();
    int headlines = 0;
    for (int i = start; i < end; i++) {
      if (classes.get(i) != Shape.HEADLINE) {
        continue;
      }
      String text = texts.get(i).strip();
      int letter = 0;
      while (letter < text.length() - 1 && !Character.isLetterOrDigit(text.charAt(letter))) {
        letter++; // "'Bach' star", "- Next Auto News"
      }
      if (!Character.isUpperCase(text.charAt(letter)) && !Character.isDigit(text.charAt(letter))) {
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
