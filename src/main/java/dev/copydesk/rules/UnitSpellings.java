package dev.copydesk.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.measure.Unit;
import javax.measure.format.ParserException;
import systems.uom.common.Imperial;
import systems.uom.common.USCustomary;
import tec.units.indriya.format.SimpleUnitFormat;

/**
 * The unit names a writer uses ("km", "kilometres", "sq mi", "°F", "mph"), each mapped to one or
 * more units of the units library (javax.measure, JSR 363, with Indriya and systems-common's
 * imperial and US units). The names are data from the rule file: each key is a unit as the
 * library's own format writes it ({@code km}, {@code mi²}, {@code km/h}, {@code °F}), so the
 * factors between units are the library's, never a table of ours.
 *
 * <p>A name may stand for several units ("gallon" is a US gallon or an imperial one, "ton" a
 * short, a long or a metric ton): the rule accepts a conversion that fits any of them.
 */
final class UnitSpellings {

  /**
   * The library's format knows the imperial and US symbols only once their classes have run
   * their static set-up, which registers them: touch both before parsing any.
   */
  private static final List<Unit<?>> REGISTERED = List.of(USCustomary.MILE, Imperial.GALLON_UK);

  /** One spelling and the units it may name, the first the likeliest. */
  record Spelling(String text, List<Unit<?>> units) {}

  private final Map<String, Spelling> exact = new HashMap<>();
  private final Map<String, Spelling> folded = new HashMap<>();
  private final Pattern pattern;

  private UnitSpellings(Map<String, List<Unit<?>>> unitsBySpelling) {
    List<String> spellings = new ArrayList<>(unitsBySpelling.keySet());
    spellings.sort(Comparator.comparingInt(String::length).reversed());
    StringBuilder alternatives = new StringBuilder();
    for (String spelling : spellings) {
      Spelling value = new Spelling(spelling, unitsBySpelling.get(spelling));
      boolean caseMatters = caseMatters(spelling);
      if (caseMatters) {
        exact.put(normalise(spelling), value);
      } else {
        folded.put(normalise(spelling).toLowerCase(Locale.ROOT), value);
      }
      if (alternatives.length() > 0) {
        alternatives.append('|');
      }
      // Words of a spelling may be set apart by any space or joined by a hyphen ("square-mile").
      StringBuilder one = new StringBuilder();
      for (String part : spelling.split(" ")) {
        if (one.length() > 0) {
          one.append("[\\s\u00A0-]+");
        }
        one.append(Pattern.quote(part));
      }
      alternatives.append(caseMatters ? one : "(?iu:" + one + ")");
    }
    // A unit ends where the word ends: "5 m" is metres, "5 members" is not.
    pattern = Pattern.compile("(?:" + alternatives + ")(?![\\p{L}\\p{N}])");
  }

  /**
   * A short symbol ("C", "F", "m", "mi", "st") or one with a capital ("L", "Celsius") is matched
   * as written, so "5 M" (five million) or "St" are no units; a lower-case word of three letters
   * or more in any case ("KM", "Miles").
   */
  private static boolean caseMatters(String spelling) {
    return spelling.length() <= 2 || !spelling.equals(spelling.toLowerCase(Locale.ROOT));
  }

  private static String normalise(String text) {
    return text.replaceAll("[\\s\u00A0-]+", " ");
  }

  /**
   * Reads the rule file's map of library units to spellings. A key may name several units, set
   * apart by {@code |} ({@code "gal | gal_uk"}).
   */
  static UnitSpellings from(Map<String, List<String>> spellingsByUnits, RuleFile file) throws RuleFileException {
    Map<String, List<Unit<?>>> unitsBySpelling = new HashMap<>();
    SimpleUnitFormat format = SimpleUnitFormat.getInstance();
    for (Map.Entry<String, List<String>> entry : spellingsByUnits.entrySet()) {
      List<Unit<?>> units = new ArrayList<>();
      for (String symbol : entry.getKey().split("\\|")) {
        try {
          units.add(format.parse(symbol.strip()));
        } catch (ParserException | IllegalArgumentException e) {
          throw file.error("units", "the units library does not know the unit '" + symbol.strip() + "'");
        }
      }
      for (String spelling : entry.getValue()) {
        if (unitsBySpelling.put(spelling.strip(), units) != null) {
          throw file.error("units", "'" + spelling + "' is listed under two units");
        }
      }
    }
    return new UnitSpellings(unitsBySpelling);
  }

  /** The spelling that starts exactly at {@code from} and ends before {@code to}, or null. */
  Spelling at(String text, int from, int to) {
    Matcher matcher = pattern.matcher(text).region(from, to);
    matcher.useTransparentBounds(true);
    if (!matcher.lookingAt()) {
      return null;
    }
    String found = normalise(matcher.group());
    Spelling spelling = exact.get(found);
    if (spelling == null) {
      spelling = folded.get(found.toLowerCase(Locale.ROOT));
    }
    return spelling == null ? null : new Spelling(matcher.group(), spelling.units());
  }
}
