package dev.copydesk.rules;

import dev.copydesk.core.Span;
import dev.copydesk.rules.StatedFigures.Figure;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Totals stated beside their parts in one sentence, for the figure-consistency rule: "three men
 * and two women, six people in all", "a total of six: three passengers and two drivers".
 */
final class StatedTotals {

  /** An item of a list of counts: "three men", "two women"; its noun null when it has none. */
  private record Item(Figure figure, int end, String noun) {}

  /** A total that is not the sum of its parts: where to report it, and the figures to name. */
  record Mismatch(Span span, double sum, Figure total, Figure earlier) {}

  private final Pattern totalWordsBefore;
  private final Pattern totalWordsAfter;

  /** With the patterns of the rule file's words of totalling, before and after a figure. */
  StatedTotals(Pattern totalWordsBefore, Pattern totalWordsAfter) {
    this.totalWordsBefore = totalWordsBefore;
    this.totalWordsAfter = totalWordsAfter;
  }

  /**
   * A total beside its parts that is not their sum: "three men and two women, six people in all",
   * "a total of six: three men and two women", "six people (three men and two women)". The parts
   * are counts in a list joined by commas and "and"; the total follows them with a word of
   * totalling, or precedes them with a colon, a dash or a bracket that opens the list.
   */
  List<Mismatch> in(String text, Span sentence, TaggedSentence s, List<Figure> figures, Predicate<Figure> exact) {
    List<Mismatch> mismatches = new ArrayList<>();
    List<Item> items = new ArrayList<>();
    for (Figure figure : figures) {
      if (!exact.test(figure)) {
        items.add(null);
        continue;
      }
      int head = CountedPhrases.nounHead(s, CountedPhrases.tokenAt(s, figure.span().end()));
      items.add(new Item(figure, head >= 0 ? s.end(head) : figure.span().end(), head >= 0 ? CountedPhrases.lemmaOrWord(s, head, "NN") : null));
    }
    for (int i = 0; i + 1 < items.size(); i++) {
      Item item = items.get(i);
      if (item != null && item.end() > figures.get(i + 1).span().start()) {
        // A token that holds the next figure ("15-year-old") ran the phrase past it: no noun of its own.
        items.set(i, new Item(item.figure(), item.figure().span().end(), null));
      }
    }
    for (int start = 0; start < items.size(); start++) {
      int end = listEnd(text, items, start);
      if (end < 0) {
        continue;
      }
      List<Item> parts = items.subList(start, end + 1);
      double sum = parts.stream().mapToDouble(item -> item.figure().value()).sum();
      Item last = parts.get(parts.size() - 1);
      // The total after its parts, with a word of totalling: "..., six people in all", "..., a total of six".
      if (end + 1 < items.size() && items.get(end + 1) != null) {
        Item total = items.get(end + 1);
        String between = text.substring(last.end(), total.figure().span().start());
        String afterTotal = text.substring(total.end(), sentence.end());
        // The parts may carry a phrase of their own before the comma: "eleven women from the village, 21 people".
        boolean apposed = between.matches("(?:\\s+[\\p{L}'\u2019-]+){0,6}\\s*(?:,|:|;|\u2014|\u2013|--|\\()\\s*(?:(?:for|making|or|with)\\s+)?(?:\\p{L}+\\s+){0,3}")
            && !between.matches("(?is).*\\b(?:including|among|of whom|of them|of which|whom|which|besides|and|plus|but|while|when|who)\\b.*");
        // ... or a verb of totalling: "six slipways and two docks make nine berths in all".
        apposed |= between.matches("(?:\\s+[\\p{L}'\u2019-]+){0,6}?\\s+(?:make|makes|made|making|total|totals|totalled|totaled|totalling|totaling|come to|came to|add up to|added up to)\\s+(?:a total of\\s+)?")
            && !between.matches("(?is).*\\b(?:including|among|of whom|of them|of which|whom|which|besides|and|plus|but|while|when|who)\\b.*");
        boolean totalling = totalWordsBefore != null && totalWordsBefore.matcher(between).find()
            || totalWordsAfter != null && totalWordsAfter.matcher(afterTotal).find();
        if (apposed && totalling && total.figure().value() != sum) {
          mismatches.add(new Mismatch(total.figure().span(), sum, total.figure(), parts.get(0).figure()));
        }
        start = end;
        continue;
      }
      // The total before its parts, opened by a colon, a dash or a bracket: "six people: three men and two women".
      if (start > 0 && items.get(start - 1) != null) {
        Item total = items.get(start - 1);
        String between = text.substring(total.end(), parts.get(0).figure().span().start());
        String afterParts = text.substring(last.end(), sentence.end());
        boolean opens = between.matches("\\s*(?::|\u2014|\u2013|--|\\()\\s*");
        boolean closes = afterParts.matches("(?s)\\s*(?:\\)|\u2014|\u2013|--|[.;!?]|$).*");
        boolean counted = total.noun() != null || totalWordsBefore != null
            && totalWordsBefore.matcher(text.substring(sentence.start(), total.figure().span().start())).find();
        if (opens && closes && counted && total.figure().value() != sum) {
          mismatches.add(new Mismatch(new Span(parts.get(0).figure().span().start(), last.end()), sum, total.figure(),
              total.figure()));
        }
      }
      start = end;
    }
    return mismatches;
  }

  /**
   * The index of the last item of a list of counts starting at {@code start} ("three men, two
   * women and a child"), or -1 when no list of two or more starts there. Every part has its noun.
   */
  private static int listEnd(String text, List<Item> items, int start) {
    if (items.get(start) == null || items.get(start).noun() == null) {
      return -1;
    }
    int end = start;
    boolean joined = false;
    while (end + 1 < items.size() && items.get(end + 1) != null && items.get(end + 1).noun() != null) {
      String between = text.substring(items.get(end).end(), items.get(end + 1).figure().span().start());
      if (between.matches("\\s*,\\s*")) {
        end++;
      } else if (between.matches("\\s*,?\\s+(?:and|plus)\\s+")) {
        end++;
        joined = true;
        break;
      } else {
        break;
      }
    }
    return joined && end > start ? end : -1;
  }
}
