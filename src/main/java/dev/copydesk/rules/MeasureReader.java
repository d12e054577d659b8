package dev.copydesk.rules;

import dev.copydesk.rules.NumberReader.Amount;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.measure.IncommensurableException;
import javax.measure.Unit;
import javax.measure.UnitConverter;

/**
 * Reads a measure where it stands in the text: an approximation ("about"), a number or a range
 * of two ("10-12", "10 to 12"), and a unit written after it, joined, spaced or hyphenated ("10km",
 * "10 km", "a 10-km race"); the parts of a compound measure ("5ft 10in", "3 pounds and 4 ounces")
 * make one measure, each part in a smaller unit than the one before it.
 */
final class MeasureReader {

  /** "10-12", "10–12", "10 to 12": the two ends of a range. */
  private static final Pattern RANGE = Pattern.compile("[-\u2013]|[ \u00A0]+to[ \u00A0]+|[ \u00A0]*\u2013[ \u00A0]*");
  /** Between a number and its unit: nothing ("10km"), a space, or a hyphen ("a 10-mile race"). */
  private static final Pattern UNIT_GAP = Pattern.compile("[ \u00A0]?-?|[ \u00A0]");
  /** Between the parts of a compound measure: "5ft 10in", "5 feet, 10 inches", "3 pounds and 4 ounces". */
  private static final Pattern PART_GAP = Pattern.compile("[ \u00A0]*,?[ \u00A0]*(?:and[ \u00A0]+)?");

  /** One part of a measure: an amount (or a range of two) and the unit it is written in. */
  record Part(List<Amount> amounts, UnitSpellings.Spelling unit) {}

  /**
   * A measure as written: its parts (one, or more for "5ft 10in"), whether an approximation
   * stands before it, and where it starts and ends.
   */
  record Measure(int start, int end, List<Part> parts, boolean approximate) {
    Part last() {
      return parts.get(parts.size() - 1);
    }

    /** Its value at range end {@code i}, in {@code unit} (a unit of its last part's). */
    double valueIn(Unit<?> unit, int i, boolean difference) {
      Part last = last();
      double value = last.amounts().get(Math.min(i, last.amounts().size() - 1)).value();
      for (Part part : parts.subList(0, parts.size() - 1)) {
        value += convert(converter(part.unit().units().get(0), unit), part.amounts().get(0).value(), difference);
      }
      return value;
    }
  }

  private final UnitSpellings units;
  private final List<String> approximations;
  private final NumberReader numbers;

  /** {@code approximations} longest first, so "just over" is tried before "over". */
  MeasureReader(UnitSpellings units, List<String> approximations, NumberReader numbers) {
    this.units = units;
    this.approximations = approximations;
    this.numbers = numbers;
  }

  UnitSpellings units() {
    return units;
  }

  /** The measure at {@code from}, with the parts of a compound one ("5ft 10in"), or null. */
  Measure measure(String text, int from, int to) {
    Measure first = simpleMeasure(text, from, to);
    if (first == null) {
      return null;
    }
    List<Part> parts = new ArrayList<>(first.parts());
    int end = first.end();
    while (parts.get(parts.size() - 1).amounts().size() == 1) {
      Matcher gap = PART_GAP.matcher(text).region(end, to);
      if (!gap.lookingAt() || gap.end() == end) {
        break;
      }
      Measure next = simpleMeasure(text, gap.end(), to);
      if (next == null || next.approximate() || next.last().amounts().size() != 1
          || !compatible(parts.get(parts.size() - 1).unit(), next.last().unit(), true)) {
        break;
      }
      parts.add(next.last());
      end = next.end();
    }
    return new Measure(first.start(), end, parts, first.approximate());
  }

  /** An approximation, a number or a range, and a unit, at {@code from}; or null. */
  private Measure simpleMeasure(String text, int from, int to) {
    int at = from;
    boolean approximate = false;
    for (String approximation : approximations) {
      int after = at + approximation.length();
      if (after < to && text.regionMatches(true, at, approximation, 0, approximation.length())
          && Character.isWhitespace(text.charAt(after))) {
        approximate = true;
        at = after;
        while (at < to && Character.isWhitespace(text.charAt(at))) {
          at++;
        }
        break;
      }
    }
    Amount amount = numbers.at(text, at, to);
    if (amount == null) {
      return null;
    }
    List<Amount> amounts = new ArrayList<>(List.of(amount));
    int end = amount.end();
    Matcher range = RANGE.matcher(text).region(end, to);
    if (range.lookingAt()) {
      Amount other = numbers.at(text, range.end(), to);
      if (other != null && other.value() > amount.value()) {
        amounts.add(other);
        end = other.end();
      }
    }
    Matcher gap = UNIT_GAP.matcher(text).region(end, to);
    UnitSpellings.Spelling unit = null;
    if (gap.lookingAt()) {
      unit = units.at(text, gap.end(), to);
    }
    if (unit == null) {
      unit = units.at(text, end, to);
      if (unit == null) {
        return null;
      }
      gap = null;
    }
    int unitEnd = (gap == null ? end : gap.end()) + unit.text().length();
    return new Measure(approximate ? from : amounts.get(0).start(), unitEnd, List.of(new Part(amounts, unit)),
        approximate);
  }

  /** True when some reading of the two spellings measures the same kind of thing in another unit. */
  private static boolean compatible(UnitSpellings.Spelling a, UnitSpellings.Spelling b, boolean smallerAfter) {
    for (Unit<?> x : a.units()) {
      for (Unit<?> y : b.units()) {
        if (x.isCompatible(y) && !x.equals(y)) {
          // "5ft 10in": each part smaller than the one before it, never "10in 5ft"
          return !smallerAfter || Math.abs(convert(converter(x, y), 1, true)) > 1;
        }
      }
    }
    return false;
  }

  /** The library's converter between two units of the same kind (the callers check that they are). */
  static UnitConverter converter(Unit<?> from, Unit<?> to) {
    try {
      return from.getConverterToAny(to);
    } catch (IncommensurableException e) {
      throw new IllegalStateException(from + " and " + to + " measure different things", e);
    }
  }

  static boolean isTemperature(Unit<?> unit) {
    return unit.isCompatible(tec.units.indriya.unit.Units.KELVIN);
  }

  /** A converted value, or for a difference ("warmer by 2C") the converted interval. */
  static double convert(UnitConverter converter, double value, boolean difference) {
    return difference ? converter.convert(value) - converter.convert(0.0) : converter.convert(value);
  }
}
