package dev.copydesk.rules;

import dev.copydesk.core.Analysis;
import dev.copydesk.core.Document;
import dev.copydesk.core.Finding;
import dev.copydesk.core.Rule;
import dev.copydesk.core.Severity;
import dev.copydesk.core.Span;
import dev.copydesk.rules.NumberReader.Amount;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.measure.IncommensurableException;
import javax.measure.UnitConverter;
import javax.measure.Unit;

/**
 * A measure and its conversion that disagree beyond rounding: "10 miles (25 km)", "30C (76F)".
 *
 * <p>A conversion is a construction: a measure (a number, or a range of two, and a unit; "a
 * 10-mile" race, "5ft 10in") followed by a second measure of the same kind in another unit, in
 * parentheses or square brackets right after it ("10 miles (16 km)", "a 10-mile (16-km) race"),
 * or after an "or" set off by a comma or a dash or followed by an approximation ("10 miles, or 16
 * km", "10 miles or about 16 km"). A bare "5 miles or 10 km" is left alone: it is as often a
 * choice between two distances as a conversion. Units that measure different things ("10 miles
 * (two hours)") or the same unit twice make no conversion.
 *
 * <p>The conversion is right when the exact conversion of the first measure, by the units
 * library, rounds to the writer's number at the precision the writer used: the place of its last
 * significant digit ("1,930" to the ten, "1,900" to the hundred, "1.6" to the tenth); one significant
 * figure looser when either side is approximate ("about", "nearly"), never looser than one. A
 * first measure with a scale word ("1.2 million acres") is itself rounded, so the conversion of
 * any value that rounds to it is right. The check is asked both ways round, as either figure may
 * be the one the writer converted from ("about 2,300 tons (2,095 metric tons)"). A temperature may be a level or a difference ("rose by
 * 2C (3.6F)"): either reading fits.
 *
 * <p>Inside a quotation only a conversion in square brackets is checked: that is the writer's
 * insertion, while parentheses and "or" there are the quoted speaker's or document's words.
 */
final class UnitConversionRule implements Rule {

  static final Set<String> KEYS = Set.of("message", "units", "approximations", "number-words", "multiplier-words",
      "fraction-words", "temperature-change-words");

  /** "(", "[", "(or": a conversion set off in brackets, with room for "or" and spaces. */
  private static final Pattern OPENING = Pattern.compile("[ \u00A0]*([(\\[])[ \u00A0]*(?:or[ \u00A0]+)?");
  /** What may follow a bracketed conversion: its closing bracket, or a comma or "or" before another one. */
  private static final Pattern AFTER_BRACKETED = Pattern.compile("[ \u00A0]*(?:[)\\],;/]|or[ \u00A0])");
  /** ", or", "— or", " or": the restating "or". */
  private static final Pattern OR = Pattern.compile("[ \u00A0]*(,|\u2014|\u2013|--)?[ \u00A0]*or[ \u00A0]+");
  /** The rest of a compound adjective after its unit: "a 10-mile-long (16-km) tunnel". */
  private static final Pattern ADJECTIVE_TAIL = Pattern.compile("-\\p{L}+");


  private final String id;
  private final Severity severity;
  private final String message;
  private final Set<String> changeWords;
  private final MeasureReader measures;

  private UnitConversionRule(RuleFile file) throws RuleFileException {
    id = file.id();
    severity = file.severity();
    message = file.requiredText("message");
    UnitSpellings units = UnitSpellings.from(file.listMap("units"), file);
    List<String> approximations = new ArrayList<>(Text.lowerSet(file.strings("approximations")));
    approximations.sort((a, b) -> b.length() - a.length());
    changeWords = Text.lowerSet(file.strings("temperature-change-words"));
    NumberReader numbers = new NumberReader(numbers(file, "number-words"), numbers(file, "multiplier-words"),
        numbers(file, "fraction-words"));
    measures = new MeasureReader(units, approximations, numbers);
  }

  private static Map<String, Double> numbers(RuleFile file, String key) throws RuleFileException {
    Map<String, Double> values = new HashMap<>();
    for (Map.Entry<String, String> entry : file.stringMap(key).entrySet()) {
      try {
        values.put(entry.getKey().toLowerCase(Locale.ROOT), Double.parseDouble(entry.getValue()));
      } catch (NumberFormatException e) {
        throw file.error(key, "'" + key + "." + entry.getKey() + "' must be a number");
      }
    }
    return values;
  }

  static UnitConversionRule from(RuleFile file) throws RuleFileException {
    file.checkKeys(KEYS);
    return new UnitConversionRule(file);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public List<Finding> check(Analysis analysis) {
    Document document = analysis.document();
    String text = document.text();
    List<Finding> findings = new ArrayList<>();
    for (Span paragraph : document.paragraphs()) {
      List<Span> quotations = null;
      int end = paragraph.end();
      for (int i = paragraph.start(); i < end; i++) {
        char c = text.charAt(i);
        if (!Character.isLetterOrDigit(c) || i > paragraph.start() && Character.isLetterOrDigit(text.charAt(i - 1))) {
          continue;
        }
        MeasureReader.Measure measure = measures.measure(text, i, end);
        if (measure == null) {
          continue;
        }
        int next = measure.end();
        Matcher tail = ADJECTIVE_TAIL.matcher(text).region(next, end);
        if (tail.lookingAt() && measures.units().at(text, next + 1, end) == null) {
          next = tail.end();
        }
        MeasureReader.Measure conversion = null;
        boolean squareBrackets = false;
        Matcher open = OPENING.matcher(text).region(next, end);
        if (open.lookingAt()) {
          conversion = measures.measure(text, open.end(), end);
          squareBrackets = open.group(1).equals("[");
          if (conversion != null && !AFTER_BRACKETED.matcher(text).region(conversion.end(), end).lookingAt()
              && !(ADJECTIVE_TAIL.matcher(text).region(conversion.end(), end).lookingAt())) {
            conversion = null;
          }
        } else {
          Matcher or = OR.matcher(text).region(next, end);
          if (or.lookingAt()) {
            conversion = measures.measure(text, or.end(), end);
            if (conversion != null && or.group(1) == null && !conversion.approximate()) {
              conversion = null; // "5 miles or 10 km": as often two distances as one
            }
          }
        }
        if (conversion == null) {
          i = measure.end() - 1;
          continue;
        }
        if (quotations == null) {
          quotations = Text.quotations(text, paragraph);
        }
        int at = conversion.start();
        boolean quoted = quotations.stream().anyMatch(q -> q.start() < at && at < q.end());
        if (!quoted || squareBrackets) {
          Finding finding = judge(text, measure, conversion);
          if (finding != null) {
            findings.add(finding);
          }
        }
        i = conversion.end() - 1;
      }
    }
    return findings;
  }


  /** A finding when the conversion disagrees with its measure beyond rounding; null when it agrees or is none. */
  private Finding judge(String text, MeasureReader.Measure measure, MeasureReader.Measure conversion) {
    int ends = measure.last().amounts().size();
    if (ends != conversion.last().amounts().size() || measure.parts().size() > 1 && conversion.parts().size() > 1) {
      return null; // "10-12 miles (about 18 km)": a range against one number is left alone
    }
    Unit<?> fromUnit = null;
    Unit<?> toUnit = null;
    for (Unit<?> from : measure.last().unit().units()) {
      for (Unit<?> to : conversion.last().unit().units()) {
        if (!from.isCompatible(to) || from.equals(to)) {
          continue;
        }
        if (fromUnit == null) {
          fromUnit = from;
          toUnit = to;
        }
        if (agree(measure, conversion, from, to, false) || agree(conversion, measure, to, from, true)) {
          return null;
        }
      }
    }
    if (fromUnit == null) {
      return null; // not the same kind of thing, or the same unit twice: no conversion
    }
    UnitConverter converter = MeasureReader.converter(fromUnit, toUnit);
    List<Amount> written = new ArrayList<>(); // the conversion's numbers, each recomputed
    List<String> fixed = new ArrayList<>();
    List<String> exact = new ArrayList<>();
    List<MeasureReader.Part> parts = conversion.parts();
    if (parts.size() == 1) {
      written.addAll(conversion.last().amounts());
      for (int i = 0; i < ends; i++) {
        double value = MeasureReader.convert(converter, measure.valueIn(fromUnit, i, false), false);
        if (MeasureReader.isTemperature(fromUnit) && isChange(text, measure, conversion)) {
          value = MeasureReader.convert(converter, measure.valueIn(fromUnit, i, true), true); // "warmed by 1.5C (3.7F)"
        }
        exact.add(significant(value, 3));
        fixed.add(rounded(value, written.get(i)));
      }
    } else {
      // "1.78m (5ft 11in)": whole units in every part but the last, which takes the rest at the writer's precision
      Unit<?> unit = parts.get(0).unit().units().get(0);
      double value = MeasureReader.convert(MeasureReader.converter(fromUnit, unit), measure.valueIn(fromUnit, 0, false), false);
      exact.add(significant(value, 3) + " " + parts.get(0).unit().text() + " in all");
      for (int j = 0; j < parts.size(); j++) {
        Amount amount = parts.get(j).amounts().get(0);
        written.add(amount);
        if (j == parts.size() - 1) {
          fixed.add(rounded(value, amount));
        } else {
          double whole = Math.floor(value + 1e-9);
          fixed.add(format(BigDecimal.valueOf(whole).setScale(0, RoundingMode.HALF_UP), false));
          Unit<?> next = parts.get(j + 1).unit().units().get(0);
          value = MeasureReader.convert(MeasureReader.converter(unit, next), value - whole, true);
          unit = next;
        }
      }
    }
    Span span = new Span(written.get(0).start(), written.get(written.size() - 1).end());
    StringBuilder fix = new StringBuilder(text.substring(span.start(), span.end()));
    for (int i = written.size() - 1; i >= 0; i--) {
      fix.replace(written.get(i).start() - span.start(), written.get(i).end() - span.start(), fixed.get(i));
    }
    // The unit as the writer set it after the number ("F", " km"); a hyphen of "16-km" is a space in a sentence.
    String unit = text.substring(span.end(), conversion.end());
    String unitInProse = unit.startsWith("-") ? " " + unit.substring(1) : unit;
    Map<String, String> values = new LinkedHashMap<>();
    values.put("measure", text.substring(measure.parts().get(0).amounts().get(0).start(), measure.end()).strip());
    values.put("conversion", text.substring(span.start(), span.end()) + unitInProse);
    values.put("exact", String.join("-", exact) + (parts.size() == 1 ? unitInProse : ""));
    values.put("fix", fix + unitInProse);
    return Findings.of(id, severity, span, message, values, List.of(fix.toString()));
  }

  /**
   * True when {@code conversion} is {@code measure} converted and rounded, as a level or, for a
   * temperature, as a difference. Asked both ways: "about 2,300 tons (2,095 metric tons)" was
   * converted from the metric figure, and the rounded one comes first. Asked backwards, the
   * writer's first figure is taken as precise as written unless it says it is approximate: "10
   * miles" is ten, not some number of miles between five and fifteen.
   */
  private static boolean agree(MeasureReader.Measure measure, MeasureReader.Measure conversion, Unit<?> from, Unit<?> to, boolean backwards) {
    UnitConverter converter = MeasureReader.converter(from, to);
    return fits(measure, conversion, from, to, converter, false, backwards)
        || MeasureReader.isTemperature(from) && fits(measure, conversion, from, to, converter, true, backwards);
  }

  /**
   * True when every end of the conversion is its measure's exact conversion rounded to the
   * writer's precision (see the class comment).
   */
  private static boolean fits(MeasureReader.Measure measure, MeasureReader.Measure conversion, Unit<?> from, Unit<?> to, UnitConverter converter,
      boolean difference, boolean backwards) {
    boolean approximate = measure.approximate() || conversion.approximate();
    List<Amount> sources = measure.last().amounts();
    List<Amount> written = conversion.last().amounts();
    for (int i = 0; i < written.size(); i++) {
      Amount source = sources.get(i);
      double value = measure.valueIn(from, i, difference);
      // "1.2 million acres" is itself rounded: any value that rounds to it converts rightly.
      double spread = measure.parts().size() == 1 && source.scaleWord() != null ? source.written() / 2 : 0;
      double low = MeasureReader.convert(converter, value - spread, difference);
      double high = MeasureReader.convert(converter, value + spread, difference);
      Amount number = written.get(i);
      double target = conversion.valueIn(to, i, difference);
      // Degrees are read to the degree: a scale with no true zero has no significant figures, so
      // "100 degrees" is not "some 100". Asked backwards, the first figure is as precise as
      // written unless it says it is approximate, and then its zeros are its rounding.
      boolean asWritten = MeasureReader.isTemperature(to) || backwards && !conversion.approximate();
      double step = asWritten ? number.written() : number.place();
      if (approximate && !backwards) {
        double oneFigure = Math.pow(10, Math.floor(Math.log10(Math.abs(target))));
        step = Math.max(step, Math.min(step * 10, oneFigure));
      }
      double tolerance = step / 2 * (1 + 1e-9);
      if (Math.min(low, high) > target + tolerance || Math.max(low, high) < target - tolerance) {
        return false;
      }
    }
    return true;
  }


  /**
   * True when a temperature is a change, not a level: a word of change ("by", "warmer", "above")
   * among the three words before the measure or the one after its conversion.
   */
  private boolean isChange(String text, MeasureReader.Measure measure, MeasureReader.Measure conversion) {
    List<Span> before = Text.words(text, new Span(Math.max(0, measure.start() - 40), measure.start()));
    for (Span word : before.subList(Math.max(0, before.size() - 3), before.size())) {
      if (changeWords.contains(Text.lower(text.substring(word.start(), word.end())))) {
        return true;
      }
    }
    int close = Math.min(text.length(), conversion.end() + 1);
    List<Span> after = Text.words(text, new Span(close, Math.min(text.length(), close + 20)));
    return !after.isEmpty() && changeWords.contains(Text.lower(text.substring(after.get(0).start(), after.get(0).end())));
  }


  /** The value at three significant figures, for the message. */
  private static String significant(double value, int figures) {
    BigDecimal rounded = new BigDecimal(value).round(new java.math.MathContext(figures, RoundingMode.HALF_UP));
    return format(rounded.stripTrailingZeros().setScale(Math.max(0, rounded.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY), Math.abs(value) >= 1000);
  }

  /** The value rounded to the place of the writer's last significant digit, written the writer's way. */
  private static String rounded(double value, Amount written) {
    double place = written.place();
    BigDecimal inPlaces = BigDecimal.valueOf(value / place).setScale(0, RoundingMode.HALF_UP);
    if (inPlaces.signum() == 0) {
      return significant(value, 1); // "1 mile (10 km)": too coarse a place to round to
    }
    double scale = written.scale();
    int decimals = Math.max(0, (int) Math.round(-Math.log10(place / scale)));
    BigDecimal result = inPlaces.multiply(BigDecimal.valueOf(place / scale)).setScale(decimals, RoundingMode.HALF_UP);
    String digits = format(result, written.grouped() || !written.spelled() && Math.abs(value / scale) >= 10000);
    return written.scaleWord() == null ? digits : digits + " " + written.scaleWord();
  }

  private static String format(BigDecimal number, boolean grouped) {
    DecimalFormat format = new DecimalFormat(grouped ? "#,##0" : "0", DecimalFormatSymbols.getInstance(Locale.ROOT));
    format.setMinimumFractionDigits(Math.max(0, number.scale()));
    format.setMaximumFractionDigits(Math.max(0, number.scale()));
    return format.format(number);
  }
}
