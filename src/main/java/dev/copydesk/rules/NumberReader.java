package dev.copydesk.rules;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a number as a news writer sets it, where it stands in the text: digits with thousands
 * commas and decimals ("5,000", "1.6", "-5"), with a scale word ("1.2 million"), or spelled out
 * up to the hundreds and beyond ("ten", "twenty-five", "two hundred and fifty", "a dozen", "a",
 * "half a"). The words are data from the rule file.
 *
 * <p>A small reader of our own: the one well-kept parser of spelled-out numbers for Java, ICU4J's
 * {@code RuleBasedNumberFormat}, weighs 14 MB, reads neither "1.2 million" nor "a dozen" nor
 * "half", and needs to be told where a number starts; spotting where one starts in running
 * prose is most of the work here.
 *
 * <p>Besides its value, an amount keeps the precision it was written to, which is what decides
 * whether a conversion is right: the place of its last significant digit (trailing zeros of a
 * whole number are taken as rounding: "1,900" is to the hundred, "1,930" to the ten).
 */
final class NumberReader {

  /**
   * A number as written: where it stands, its value, and its precision. {@code place} is the
   * value of one unit in its last significant digit ("1,930": 10; "1.6": 0.1; "1.2 million":
   * 100,000); {@code written} the same counting every digit as written ("1,900": 1).
   * {@code scaleWord} is "million" in "1.2 million", null otherwise.
   */
  record Amount(int start, int end, double value, double place, double written, boolean grouped,
      String scaleWord, double scale, boolean spelled) {

    Amount negated(int newStart) {
      return new Amount(newStart, end, -value, place, written, grouped, scaleWord, scale, spelled);
    }
  }

  private static final Pattern DIGITS = Pattern.compile("\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?(?![,\\d])|\\d+(?:\\.\\d+)?");
  private static final Pattern SPACE = Pattern.compile("[ \u00A0]+");
  private static final Pattern WORD = Pattern.compile("\\p{L}+");
  private static final Pattern GAP = Pattern.compile("[ \u00A0]+(?:and[ \u00A0]+)?|-");

  private final Map<String, Double> numberWords;
  private final Map<String, Double> multiplierWords;
  private final Map<String, Double> fractionWords;

  NumberReader(Map<String, Double> numberWords, Map<String, Double> multiplierWords, Map<String, Double> fractionWords) {
    this.numberWords = numberWords;
    this.multiplierWords = multiplierWords;
    this.fractionWords = fractionWords;
  }

  /** The number that starts exactly at {@code from} (before {@code to}), or null. */
  Amount at(String text, int from, int to) {
    if (from >= to) {
      return null;
    }
    char first = text.charAt(from);
    Amount amount = null;
    if (from > 0 && Character.getType(text.charAt(from - 1)) == Character.CURRENCY_SYMBOL) {
      return null; // "$5", "£30": money, which has no units to convert here
    }
    if (Character.isDigit(first)) {
      if (from > 0 && (Character.isLetterOrDigit(text.charAt(from - 1)) || ".,".indexOf(text.charAt(from - 1)) >= 0
          && from > 1 && Character.isDigit(text.charAt(from - 2)))) {
        return null; // inside a word or a number ("B52", "1,000" read from its middle)
      }
      amount = digits(text, from, to);
    } else if (Character.isLetter(first) && (from == 0 || !Character.isLetterOrDigit(text.charAt(from - 1)))) {
      amount = words(text, from, to);
    }
    if (amount == null) {
      return null;
    }
    // "-5C", "minus 5": a minus sign is a hyphen or a minus with no digit or letter just before it.
    int sign = from - 1;
    if (sign >= 0 && (text.charAt(sign) == '-' || text.charAt(sign) == '\u2212')
        && (sign == 0 || !Character.isLetterOrDigit(text.charAt(sign - 1)))) {
      return amount.negated(sign);
    }
    if (from >= 6 && text.regionMatches(true, from - 6, "minus ", 0, 6)
        && (from == 6 || !Character.isLetter(text.charAt(from - 7)))) {
      return amount.negated(from - 6);
    }
    return amount;
  }

  private Amount digits(String text, int from, int to) {
    Matcher matcher = DIGITS.matcher(text).region(from, to);
    if (!matcher.lookingAt()) {
      return null;
    }
    String written = matcher.group();
    int end = matcher.end();
    if (end < to && text.charAt(end) == '.' && end + 1 < to && Character.isDigit(text.charAt(end + 1))) {
      return null; // "1.2.3", a version or a date, not an amount
    }
    BigDecimal number = new BigDecimal(written.replace(",", ""));
    String scaleWord = null;
    double scale = 1;
    Matcher gap = SPACE.matcher(text).region(end, to);
    if (gap.lookingAt()) {
      Matcher word = WORD.matcher(text).region(gap.end(), to);
      if (word.lookingAt()) {
        Double multiplier = multiplierWords.get(word.group().toLowerCase(Locale.ROOT));
        if (multiplier != null && multiplier >= 1000) {
          scaleWord = word.group();
          scale = multiplier;
          end = word.end();
        }
      }
    }
    return amount(from, end, number, written.indexOf(',') >= 0, scaleWord, scale, false);
  }

  /**
   * Spelled-out numbers, read word by word as a person says them: number words add up ("twenty
   * five"), "hundred" and "dozen" multiply what came before, "thousand" and above close a group;
   * "a" and "an" are one ("a mile", "a hundred"); "half" halves ("half a mile", "one and a half").
   */
  private Amount words(String text, int from, int to) {
    double total = 0;
    double current = 0;
    boolean counted = false; // a number word, not only an article, has been read
    boolean article = false;
    boolean lastFraction = false; // the word just read was a fraction ("half" before "a mile")
    int end = -1;
    int at = from;
    while (at < to) {
      Matcher word = WORD.matcher(text).region(at, to);
      if (!word.lookingAt()) {
        break;
      }
      String lower = word.group().toLowerCase(Locale.ROOT);
      Double number = numberWords.get(lower);
      Double multiplier = multiplierWords.get(lower);
      Double fraction = fractionWords.get(lower);
      boolean isArticle = lower.equals("a") || lower.equals("an");
      if (isArticle && (counted || article)) {
        // "one and a half", "half a mile": an article inside a number belongs to a fraction
        Matcher gap = GAP.matcher(text).region(word.end(), to);
        boolean fractionNext = gap.lookingAt() && fractionFollows(text, gap.end(), to);
        if (!fractionNext && !lastFraction) {
          break;
        }
        end = word.end();
        if (!fractionNext) {
          break; // "half a": the number ends with its article
        }
        at = gap.end();
        continue;
      }
      if (isArticle && number != null) {
        article = true;
        current = number;
      } else if (number != null && !article) {
        if (counted && !(current % 100 == 0 || current % 100 >= 20 && current % 10 == 0 && number < 10)) {
          break; // "twenty-five" and "a hundred and five" add up; "five six" is two numbers
        }
        current += number;
        counted = true;
      } else if (multiplier != null && (counted || article)) {
        current = current * multiplier;
        counted = true;
        article = false;
        if (multiplier >= 1000) {
          total += current;
          current = 0;
        }
      } else if (fraction != null) {
        current = (counted ? current : 0) + fraction; // "a half" is a half, "one and a half" one and a half
        counted = true;
        article = false;
        lastFraction = true;
      } else {
        break;
      }
      lastFraction = fraction != null;
      end = word.end();
      Matcher gap = GAP.matcher(text).region(end, to);
      if (!gap.lookingAt()) {
        break;
      }
      if (gap.group().contains("and") && multiplier == null && !articleAt(text, gap.end(), to)) {
        break; // "a hundred and fifty", "one and a half"; "ten and twenty" is two numbers
      }
      at = gap.end();
    }
    if (end < 0) {
      return null;
    }
    double value = total + current;
    if (value <= 0) {
      return null;
    }
    BigDecimal number = BigDecimal.valueOf(value).stripTrailingZeros();
    return amount(from, end, number, false, null, 1, true);
  }

  private static boolean articleAt(String text, int at, int to) {
    Matcher word = WORD.matcher(text).region(at, to);
    return word.lookingAt() && (word.group().equalsIgnoreCase("a") || word.group().equalsIgnoreCase("an"));
  }

  private boolean fractionFollows(String text, int at, int to) {
    Matcher word = WORD.matcher(text).region(at, to);
    return word.lookingAt() && fractionWords.containsKey(word.group().toLowerCase(Locale.ROOT));
  }

  private static Amount amount(int from, int end, BigDecimal number, boolean grouped, String scaleWord, double scale,
      boolean spelled) {
    BigDecimal plain = number.scale() < 0 ? number.setScale(0) : number;
    String digits = plain.unscaledValue().abs().toString();
    int decimals = plain.scale();
    int zeros = 0;
    if (decimals == 0) {
      while (zeros < digits.length() - 1 && digits.charAt(digits.length() - 1 - zeros) == '0') {
        zeros++;
      }
    }
    double written = Math.pow(10, -decimals) * scale;
    double place = Math.pow(10, zeros - decimals) * scale;
    return new Amount(from, end, number.doubleValue() * scale, place, written, grouped, scaleWord, scale,
        spelled);
  }
}
