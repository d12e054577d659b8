package dev.copydesk.rules;

import dev.copydesk.core.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers a stretch of prose states, with their values: digits ("37", "1,200", "2.5"), digits
 * with a scale word ("1.2 million"), and numbers spelled out ("thirty-seven", "two hundred and
 * twelve", "five thousand"). Number words are English grammar, not house style, so they live here
 * and not in a rule file.
 *
 * <p>No library in the project reads spelled-out numbers; ICU's spell-out parser comes only as a
 * transitive dependency of LanguageTool and reads "one" in "one of them" as eagerly as "thirty
 * one", so this small reader, which knows where a number's words stop, does the job.
 */
final class StatedFigures {

  /** One number in the prose: where it is, what it is worth, and whether it was spelled out. */
  record Figure(Span span, double value, boolean spelled) {
    /** True for a whole number: a count or an age, not "2.5". */
    boolean whole() {
      return value == Math.rint(value);
    }

    String shown(String text) {
      return text.substring(span.start(), span.end());
    }
  }

  private static final Map<String, Integer> UNITS = Map.ofEntries(
      Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
      Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
      Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13),
      Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
      Map.entry("eighteen", 18), Map.entry("nineteen", 19));

  private static final Map<String, Integer> TENS = Map.of("twenty", 20, "thirty", 30, "forty", 40, "fifty", 50,
      "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90);

  private static final Map<String, Long> SCALES = Map.of("thousand", 1_000L, "million", 1_000_000L,
      "billion", 1_000_000_000L, "trillion", 1_000_000_000_000L);

  /**
   * Digits, grouped by commas or not, with a decimal part; not a part of a longer word or code
   * ("A380", "3G"), a version ("1.2.3") or a time ("10:30").
   */
  private static final Pattern DIGITS = Pattern.compile(
      "(?<![\\p{L}\\p{N}.,:/])(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(?![\\p{L}\\p{N}]|[.,:/]\\d)");

  private static final Pattern SCALE_AFTER = Pattern.compile("[ \u00A0](thousand|million|billion|trillion)\\b");

  private static final Pattern WORD = Pattern.compile("\\p{L}+");

  private StatedFigures() {}

  /** The numbers stated within {@code span} of {@code text}, in order. */
  static List<Figure> in(String text, Span span) {
    List<Figure> figures = new ArrayList<>();
    Matcher digits = DIGITS.matcher(text).region(span.start(), span.end());
    while (digits.find()) {
      String whole = digits.group(1).replace(",", "");
      double value = Double.parseDouble(whole + (digits.group(2) == null ? "" : digits.group(2)));
      int end = digits.end();
      Matcher scale = SCALE_AFTER.matcher(text).region(end, span.end());
      if (scale.lookingAt()) {
        value *= SCALES.get(scale.group(1));
        end = scale.end();
      }
      figures.add(new Figure(new Span(digits.start(), end), value, false));
    }
    Matcher word = WORD.matcher(text).region(span.start(), span.end());
    int from = span.start();
    while (from < span.end() && word.find(from)) {
      if (word.end() > span.end()) {
        break;
      }
      Figure spelled = spelledAt(text, word.start(), span.end());
      if (spelled == null) {
        from = word.end();
      } else {
        figures.add(spelled);
        from = spelled.span().end();
      }
    }
    figures.sort((a, b) -> Integer.compare(a.span().start(), b.span().start()));
    return figures;
  }

  /**
   * The spelled-out number starting at {@code start}, or null. Its words are joined by hyphens or
   * spaces; "and" continues it only after "hundred" or a scale word ("two hundred and twelve"),
   * so "three men and two women" is two numbers.
   */
  private static Figure spelledAt(String text, int start, int limit) {
    if (start > 0 && (Character.isLetterOrDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '-')) {
      return null;
    }
    long total = 0;
    long current = 0;
    int end = -1;
    boolean any = false;
    boolean afterScale = false;
    boolean lastWasUnit = false; // "twenty one" joins, "one two" does not
    boolean lastWasTens = false;
    int i = start;
    while (i < limit) {
      int wordEnd = i;
      while (wordEnd < limit && Character.isLetter(text.charAt(wordEnd))) {
        wordEnd++;
      }
      if (wordEnd == i) {
        break;
      }
      String word = text.substring(i, wordEnd).toLowerCase(Locale.ROOT);
      boolean taken = true;
      if (UNITS.containsKey(word) && !lastWasUnit && (!lastWasTens || UNITS.get(word) < 10)) {
        current += UNITS.get(word);
        lastWasUnit = true;
        lastWasTens = false;
      } else if (TENS.containsKey(word) && !lastWasUnit && !lastWasTens) {
        current += TENS.get(word);
        lastWasTens = true;
      } else if (word.equals("hundred") && any && current > 0 && current < 100) {
        current *= 100;
        lastWasUnit = false;
        lastWasTens = false;
        afterScale = true;
      } else if (SCALES.containsKey(word) && any && current > 0) {
        total += current * SCALES.get(word);
        current = 0;
        lastWasUnit = false;
        lastWasTens = false;
        afterScale = true;
      } else if (word.equals("and") && afterScale && any) {
        // only taken for good if a number word follows; checked below
        taken = false;
        int next = wordEnd + 1;
        if (wordEnd < limit && text.charAt(wordEnd) == ' ' && next < limit) {
          int nextEnd = next;
          while (nextEnd < limit && Character.isLetter(text.charAt(nextEnd))) {
            nextEnd++;
          }
          String following = text.substring(next, nextEnd).toLowerCase(Locale.ROOT);
          if (UNITS.containsKey(following) || TENS.containsKey(following)) {
            afterScale = false;
            i = next;
            continue;
          }
        }
      } else {
        taken = false;
      }
      if (!taken) {
        break;
      }
      any = true;
      end = wordEnd;
      if (wordEnd < limit && (text.charAt(wordEnd) == '-' || text.charAt(wordEnd) == ' ')
          && wordEnd + 1 < limit && Character.isLetter(text.charAt(wordEnd + 1))) {
        i = wordEnd + 1;
      } else {
        break;
      }
    }
    if (!any) {
      return null;
    }
    return new Figure(new Span(start, end), total + current, true);
  }
}
