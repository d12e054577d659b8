package dev.copydesk.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A draft ready for checking: its prose as one string, and the way back from every prose offset
 * to the source file the writer sees.
 *
 * <p>The prose holds only what should be read as copy: headings, paragraphs, list items, quotes
 * and link text; markup, code blocks, link targets and front matter are left out. Paragraphs are
 * separated by a blank line ({@code "\n\n"}) in the prose whatever the source looked like, so
 * LanguageTool and the editorial rules see the same paragraph structure for every input format.
 * Inline code and URLs stay in the prose, so sentences read whole, but they are listed as
 * {@link #excluded()} spans: no finding may touch them.
 */
public final class Document {

  private final String name;
  private final String source;
  private final String text;
  private final int[] sourceOffsets;
  private final int[] lineStarts;
  private final List<Span> paragraphs;
  private final List<Span> excluded;
  private final List<Suppression> suppressions;
  private final Variant language;
  private final LocalDate dated;

  private Document(
      String name,
      String source,
      String text,
      int[] sourceOffsets,
      List<Span> paragraphs,
      List<Span> excluded,
      List<Suppression> suppressions,
      Variant language,
      LocalDate dated) {
    this.name = name;
    this.source = source;
    this.text = text;
    this.sourceOffsets = sourceOffsets;
    this.lineStarts = lineStarts(source);
    this.paragraphs = List.copyOf(paragraphs);
    this.excluded = List.copyOf(excluded);
    this.suppressions = List.copyOf(suppressions);
    this.language = language;
    this.dated = dated;
  }

  public static Builder builder(String name, String source) {
    return new Builder(name, source);
  }

  /** The path or label the reports use for this draft. */
  public String name() {
    return name;
  }

  /** The decoded source file, byte-order mark removed, line endings as they were. */
  public String source() {
    return source;
  }

  /** The prose that rules check. */
  public String text() {
    return text;
  }

  /** The paragraphs of the prose, in order, each without its trailing blank line. */
  public List<Span> paragraphs() {
    return paragraphs;
  }

  /** Prose spans that are not copy (inline code, URLs): findings touching them are dropped. */
  public List<Span> excluded() {
    return excluded;
  }

  /** The inline suppression comments, in source order. */
  public List<Suppression> suppressions() {
    return suppressions;
  }

  /**
   * The variant the draft asks to be checked in (a server request's {@code language}), which wins
   * over the config's; null to let the config or the draft's own spellings decide.
   */
  public Variant language() {
    return language;
  }

  /** The same draft, asking to be checked in {@code newLanguage}. */
  public Document withLanguage(Variant newLanguage) {
    return new Document(name, source, text, sourceOffsets, paragraphs, excluded, suppressions, newLanguage, dated);
  }

  /**
   * The date the draft's metadata gives it (Markdown front matter's {@code date:}, an HTML page's
   * publication date), or null when it gives none. A dateline in the copy itself is prose, read
   * by the rules that need it.
   */
  public LocalDate dated() {
    return dated;
  }

  /** The same draft, dated {@code date} (an archive row's {@code published} column, say). */
  public Document withDate(LocalDate date) {
    return new Document(name, source, text, sourceOffsets, paragraphs, excluded, suppressions, language, date);
  }

  public String text(Span span) {
    return text.substring(span.start(), span.end());
  }

  /** The source offset of the prose character at {@code proseOffset} (or of the end, at the end). */
  public int sourceOffset(int proseOffset) {
    return sourceOffsets[proseOffset];
  }

  /** The first prose offset at or after a source offset (the prose's end if there is none). */
  public int proseOffsetAt(int sourceOffset) {
    int low = 0;
    int high = text.length();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sourceOffsets[mid] < sourceOffset) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** The source range the prose span came from. */
  public Span sourceSpan(Span span) {
    int start = sourceOffsets[span.start()];
    int end = span.length() == 0 ? start : sourceOffsets[span.end() - 1] + 1;
    return new Span(start, Math.max(start, Math.min(end, source.length())));
  }

  /** Where the span starts, in the source file. */
  public Position start(Span span) {
    return positionOfSource(sourceSpan(span).start());
  }

  /** Where the span ends (exclusive), in the source file. */
  public Position end(Span span) {
    return positionOfSource(sourceSpan(span).end());
  }

  /** Line and column of a source offset. */
  public Position positionOfSource(int sourceOffset) {
    int index = Arrays.binarySearch(lineStarts, sourceOffset);
    int line = index >= 0 ? index : -index - 2;
    return new Position(line + 1, sourceOffset - lineStarts[line] + 1);
  }

  /** The line each source line starts at; a line ends at \n, \r\n or a lone \r. */
  private static int[] lineStarts(String source) {
    int[] starts = new int[16];
    int count = 0;
    starts[count++] = 0;
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      boolean lineEnd = c == '\n' || (c == '\r' && (i + 1 == source.length() || source.charAt(i + 1) != '\n'));
      if (lineEnd) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, count);
  }

  /**
   * Builds a document character by character, each prose character remembering the source
   * offset it came from. Parsers of every input format use it, so the offset map is built one way.
   */
  public static final class Builder {
    private final String name;
    private final String source;
    private final StringBuilder text = new StringBuilder();
    private int[] offsets = new int[256];
    private final List<Span> paragraphs = new ArrayList<>();
    private final List<Span> excluded = new ArrayList<>();
    private final List<Suppression> suppressions = new ArrayList<>();
    private int paragraphStart = 0;
    private int excludedStart = -1;
    private LocalDate dated;

    private Builder(String name, String source) {
      this.name = Objects.requireNonNull(name);
      this.source = Objects.requireNonNull(source);
    }

    public String source() {
      return source;
    }

    /** Appends one prose character that stands for the source character at {@code sourceOffset}. */
    public Builder append(char c, int sourceOffset) {
      if (text.length() == offsets.length) {
        offsets = Arrays.copyOf(offsets, offsets.length * 2);
      }
      offsets[text.length()] = sourceOffset;
      text.append(c);
      return this;
    }

    /** Appends the source characters {@code [from, to)} verbatim. */
    public Builder appendSource(int from, int to) {
      for (int i = from; i < to; i++) {
        append(source.charAt(i), i);
      }
      return this;
    }

    /**
     * Appends text a parser decoded from the source range {@code [from, to)}: where it matches the
     * source character for character (the usual case) each character maps exactly; where the
     * parser decoded an entity or an escape, the decoded characters map to the entity's start.
     * With {@code collapseWhitespace}, each run of white space becomes one space, as a browser
     * shows it.
     */
    public Builder appendDecoded(String decoded, int from, int to, boolean collapseWhitespace) {
      int s = from;
      for (int i = 0; i < decoded.length(); i++) {
        char c = decoded.charAt(i);
        int mapped;
        int entityEnd = s < to ? entityEnd(s, to) : -1;
        boolean entity = entityEnd > 0 && !decoded.startsWith(source.substring(s, entityEnd), i);
        if (!entity && s < to && source.charAt(s) == c) {
          mapped = s++;
        } else {
          mapped = Math.max(from, Math.min(s, to - 1));
          boolean highSurrogate = Character.isHighSurrogate(c) && i + 1 < decoded.length();
          if (s < to && !highSurrogate) {
            s = entity ? entityEnd : skipEscape(s, to);
          }
        }
        if (collapseWhitespace && Character.isWhitespace(c)) {
          if (!Character.isWhitespace(lastChar())) {
            append(' ', mapped);
          }
        } else {
          append(c, mapped);
        }
      }
      return this;
    }

    /** The end of a Markdown backslash escape starting at s, or of the one character there. */
    private int skipEscape(int s, int to) {
      return source.charAt(s) == '\\' && s + 1 < to ? s + 2 : s + 1;
    }

    /** The end of an HTML entity ({@code &amp;}, {@code &#8217;}) starting at s, or -1. */
    private int entityEnd(int s, int to) {
      if (source.charAt(s) != '&') {
        return -1;
      }
      int end = s + 1;
      while (end < to && end - s <= 32 && (Character.isLetterOrDigit(source.charAt(end)) || source.charAt(end) == '#')) {
        end++;
      }
      return end < to && source.charAt(end) == ';' && end > s + 1 ? end + 1 : -1;
    }

    /** Appends characters that are not in the source (a space for a soft line break, say). */
    public Builder appendSynthetic(String synthetic, int sourceOffset) {
      for (int i = 0; i < synthetic.length(); i++) {
        append(synthetic.charAt(i), sourceOffset);
      }
      return this;
    }

    public int length() {
      return text.length();
    }

    public char lastChar() {
      return text.length() == 0 ? '\n' : text.charAt(text.length() - 1);
    }

    /**
     * Ends the current paragraph (if it holds any text) and separates it from the next by a blank
     * line mapped to {@code sourceOffset}.
     */
    public Builder endParagraph(int sourceOffset) {
      int end = text.length();
      while (end > paragraphStart && Character.isWhitespace(text.charAt(end - 1))) {
        end--;
      }
      int start = paragraphStart;
      while (start < end && Character.isWhitespace(text.charAt(start))) {
        start++;
      }
      if (end > start) {
        paragraphs.add(new Span(start, end));
        text.setLength(end);
        appendSynthetic("\n\n", Math.min(sourceOffset, source.length()));
      } else {
        text.setLength(paragraphStart);
      }
      paragraphStart = text.length();
      return this;
    }

    /** Marks the text appended from now until {@link #endExcluded()} as not copy. */
    public Builder beginExcluded() {
      excludedStart = text.length();
      return this;
    }

    public Builder endExcluded() {
      if (excludedStart >= 0 && text.length() > excludedStart) {
        excluded.add(new Span(excludedStart, text.length()));
      }
      excludedStart = -1;
      return this;
    }

    /** Records the suppression comments in a stretch of markup starting at {@code sourceOffset}. */
    public Builder suppressions(String markup, int sourceOffset) {
      suppressions.addAll(Suppression.in(markup, sourceOffset));
      return this;
    }

    /** Records the date the draft's metadata gives it. */
    public Builder dated(LocalDate date) {
      dated = date;
      return this;
    }

    /** Marks an already appended prose span as not copy. */
    public Builder exclude(Span span) {
      excluded.add(span);
      return this;
    }

    /**
     * URLs, e-mail addresses and handles are never copy to be spell-checked, whatever the format
     * they came in.
     */
    private void excludeUrls(int end) {
      Matcher matcher = URL.matcher(text);
      matcher.region(0, end);
      while (matcher.find()) {
        excluded.add(new Span(matcher.start(), matcher.end()));
      }
    }

    private static final Pattern URL =
        Pattern.compile(
            "(?:\\b(?:https?|ftp)://|\\bwww\\.)[^\\s<>\"]+[^\\s<>\".,;:!?)\\]'\u2019\u201D]"
                + "|\\b[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+\\b"
                + "|(?<![\\w@])@\\w{2,}");

    /** Merges overlapping spans of a sorted list (inline code holding a URL), in place. */
    private static void mergeOverlapping(List<Span> sorted) {
      for (int i = sorted.size() - 1; i > 0; i--) {
        Span previous = sorted.get(i - 1);
        Span current = sorted.get(i);
        if (current.start() < previous.end()) {
          sorted.set(i - 1, new Span(previous.start(), Math.max(previous.end(), current.end())));
          sorted.remove(i);
        }
      }
    }

    public String textSoFar() {
      return text.toString();
    }

    public Document build() {
      endParagraph(source.length());
      // Drop the final blank-line separator: the prose ends where the last paragraph ends.
      int end = paragraphs.isEmpty() ? 0 : paragraphs.get(paragraphs.size() - 1).end();
      text.setLength(end);
      int[] map = Arrays.copyOf(offsets, end + 1);
      map[end] = end == 0 ? 0 : Math.min(offsets[end - 1] + 1, source.length());
      excludeUrls(end);
      excluded.removeIf(span -> span.end() > end);
      excluded.sort((a, b) -> Integer.compare(a.start(), b.start()));
      mergeOverlapping(excluded);
      suppressions.sort((a, b) -> Integer.compare(a.sourceOffset(), b.sourceOffset()));
      return new Document(name, source, text.toString(), map, paragraphs, excluded, suppressions, null, dated);
    }
  }
}
