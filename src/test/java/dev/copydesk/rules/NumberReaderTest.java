package dev.copydesk.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.copydesk.rules.NumberReader.Amount;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The number reader on the ways news copy writes a number: where it ends, its value, and the
 * precision it was written to, which decides whether a conversion is right.
 */
class NumberReaderTest {

  private static final NumberReader READER = new NumberReader(
      Map.ofEntries(Map.entry("a", 1.0), Map.entry("an", 1.0), Map.entry("one", 1.0), Map.entry("two", 2.0),
          Map.entry("five", 5.0), Map.entry("ten", 10.0), Map.entry("fifty", 50.0), Map.entry("twenty", 20.0),
          Map.entry("six", 6.0)),
      Map.of("dozen", 12.0, "hundred", 100.0, "thousand", 1000.0, "million", 1e6),
      Map.of("half", 0.5));

  private static Amount read(String text) {
    return READER.at(text, 0, text.length());
  }

  @Test
  void digitsKeepThePlaceOfTheirLastSignificantDigit() {
    Amount grouped = read("1,930 square miles");
    assertEquals(1930, grouped.value());
    assertEquals(10, grouped.place());
    assertEquals(1, grouped.written());
    assertEquals("1,930".length(), grouped.end());
    assertEquals(100, read("1,900 miles").place());
    assertEquals(0.1, read("1.6 km").place(), 1e-12);
    assertEquals(0.01, read("10.00 m").place(), 1e-12);
  }

  @Test
  void aScaleWordBelongsToTheNumber() {
    Amount amount = read("1.2 million acres");
    assertEquals(1.2e6, amount.value());
    assertEquals(1e5, amount.place(), 1e-6);
    assertEquals("million", amount.scaleWord());
    assertEquals("1.2 million".length(), amount.end());
  }

  @Test
  void spelledOutNumbersAddUpAndMultiply() {
    assertEquals(10, read("ten miles").value());
    assertEquals(26, read("twenty-six miles").value());
    assertEquals(250, read("two hundred and fifty feet").value());
    assertEquals(12, read("a dozen kilometres").value());
    assertEquals(1, read("a mile").value());
    assertEquals("a".length(), read("a mile").end());
    assertEquals(100, read("a hundred yards").value());
  }

  @Test
  void halvesWithAndWithoutTheirArticle() {
    assertEquals(0.5, read("half a mile").value());
    assertEquals("half a".length(), read("half a mile").end());
    assertEquals(0.5, read("a half-mile").value());
    assertEquals(1.5, read("one and a half miles").value());
  }

  @Test
  void twoNumbersInARowAreNotOne() {
    assertEquals(5, read("five six").value());
    assertEquals(10, read("ten and twenty miles").value());
  }

  @Test
  void aMinusSignBeforeANumberAndMoneyAreTold() {
    String text = "It was -5C";
    Amount amount = READER.at(text, text.indexOf('5'), text.length());
    assertEquals(-5, amount.value());
    assertEquals(text.indexOf('-'), amount.start());
    String range = "10-12 miles";
    assertEquals(12, READER.at(range, 3, range.length()).value());
    String money = "It cost $5";
    assertNull(READER.at(money, money.indexOf('5'), money.length()));
    assertNull(read("B52"));
  }
}
