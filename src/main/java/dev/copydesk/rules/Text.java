package dev.copydesk.rules;

import dev.copydesk.core.Span;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small text helpers the editorial rules share: words, sentences, quotations, capitals. */
final class Text {

  /** A word: letters and digits, with inner apostrophes, hyphens and dots ("don't", "U.S"). */
  private static final Pattern WORD =
      Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\p{M}'\u2019.-]*[\\p{L}\\p{N}\\p{M}])?");

  private Text() {}

  /** The words of {@code text} within {@code span}. */
  static List<Span> words(String text, Span span) {
    List<Span> words = new ArrayList<>();
    Matcher matcher = WORD.matcher(text).region(span.start(), span.end());
    while (matcher.find()) {
      words.add(new Span(matcher.start(), matcher.end()));
    }
    return words;
  }

  /**
   * The quoted stretches of a paragraph: straight double quotes paired in order, and curly
   * quotes from an opening mark to its closing mark. A quote left open runs to the paragraph's
   * end, as in news copy where a quotation continues into the next paragraph.
   */
  static List<Span> quotations(String text, Span paragraph) {
    List<Span> quotes = new ArrayList<>();
    int open = -1;
    for (int i = paragraph.start(); i < paragraph.end(); i++) {
      char c = text.charAt(i);
      boolean opening = c == '\u201C' || (c == '"' && open < 0);
      boolean closing = c == '\u201D' || (c == '"' && open >= 0);
      if (closing && open >= 0) {
        quotes.add(new Span(open, i + 1));
        open = -1;
      } else if (opening && open < 0) {
        open = i;
      }
    }
    if (open >= 0) {
      quotes.add(new Span(open, paragraph.end()));
    }
    return quotes;
  }

  /**
   * One case-insensitive pattern matching any of the phrases as whole words, each taken
   * literally (never as a regular expression, so no data file can make a check backtrack for
   * ever), longest first, with any run of white space between words. Null for no phrases.
   */
  static Pattern phrasePattern(Collection<String> phrases) {
    if (phrases.isEmpty()) {
      return null;
    }
    StringBuilder alternatives = new StringBuilder();
    phrases.stream()
        .map(String::strip)
        .sorted(Comparator.comparingInt(String::length).reversed())
        .forEach(
            phrase -> {
              if (alternatives.length() > 0) {
                alternatives.append('|');
              }
              alternatives.append(Pattern.quote(phrase).replaceAll(" +", "\\\\E\\\\s+\\\\Q"));
            });
    return Pattern.compile(
        "(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** True when the text between two words ends a sentence or a paragraph (or opens a quotation). */
  static boolean gapEndsSentence(String gap) {
    return SENTENCE_GAP.matcher(gap).find();
  }

  private static final Pattern SENTENCE_GAP = Pattern.compile("[.!?:\"\u201C\n]");

  /**
   * True when a line ends as a sentence does: a closing full stop, colon or semicolon (before any
   * closing quotes or brackets), not an ellipsis. A headline or a label does not.
   */
  static boolean endsLikeSentence(String line) {
    int i = line.length() - 1;
    while (i >= 0 && "\"'\u201D\u2019)]".indexOf(line.charAt(i)) >= 0) {
      i--;
    }
    return i >= 0 && (line.charAt(i) == '.' || line.charAt(i) == ':' || line.charAt(i) == ';')
        && !line.endsWith("...") && !line.endsWith("\u2026");
  }

  static boolean isCapitalised(String word) {
    return !word.isEmpty() && Character.isUpperCase(word.codePointAt(0));
  }

  static boolean isAllCapitals(String word) {
    boolean letter = false;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      letter |= Character.isLetter(c);
    }
    return letter;
  }

  static String lower(String word) {
    return word.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
  }

  /** The word with its first letter in the case of {@code model}'s first letter. */
  static String matchCase(String word, String model) {
    if (word.isEmpty() || model.isEmpty()) {
      return word;
    }
    String first = word.substring(0, 1);
    first = isCapitalised(model) ? first.toUpperCase(Locale.ROOT) : first.toLowerCase(Locale.ROOT);
    return first + word.substring(1);
  }
}
