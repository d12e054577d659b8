package dev.copydesk.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.copydesk.core.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The numbers {@link StatedFigures} reads from prose: their values, and where each one stops. */
class StatedFiguresTest {

  private static List<String> read(String text) {
    return StatedFigures.in(text, new Span(0, text.length())).stream()
        .map(figure -> figure.shown(text) + "=" + figure.value())
        .toList();
  }

  @Test
  void digitsWithCommasDecimalsAndScales() {
    assertEquals(List.of("37=37.0", "1,200=1200.0", "1.2 million=1200000.0", "2.5=2.5"),
        read("37 people, 1,200 homes, 1.2 million voters and 2.5 tonnes"));
  }

  @Test
  void spelledOutNumbersStopWhereTheirWordsStop() {
    assertEquals(List.of("Thirty-seven=37.0", "two hundred and twelve=212.0", "five thousand=5000.0"),
        read("Thirty-seven died, two hundred and twelve were hurt and five thousand fled"));
    assertEquals(List.of("three=3.0", "two=2.0"), read("three men and two women"));
    assertEquals(List.of("twenty one=21.0", "one=1.0"), read("twenty one of them, and one more"));
  }

  @Test
  void partsOfWordsCodesTimesAndVersionsAreNoFigures() {
    assertEquals(List.of(), read("the A380 and 3G at 10:30 on version 1.2.3"));
    assertEquals(List.of(), read("someone, anyone, tone"));
  }
}
