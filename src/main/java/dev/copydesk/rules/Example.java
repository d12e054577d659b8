package dev.copydesk.rules;

import dev.copydesk.core.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * An example from a rule file, which is also a test of the rule: a bad text whose expected
 * findings are marked {@code [[like this]]} (with the text that fixes it, if the rule suggests
 * one), or a good text that must stay clean.
 *
 * @param text the example without its marks
 * @param expected the marked spans; empty for a good example
 * @param fixed the corrected text, for a bad example whose rule suggests a fix; or null
 */
public record Example(String text, List<Span> expected, String fixed) {

  public Example {
    expected = List.copyOf(expected);
  }

  public boolean isBad() {
    return !expected.isEmpty();
  }

  /** Parses an example with {@code [[...]]} marks; throws if the marks are unbalanced. */
  public static Example parse(String marked, String fixed) {
    StringBuilder text = new StringBuilder();
    List<Span> spans = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < marked.length(); i++) {
      if (marked.startsWith("[[", i) && start < 0) {
        start = text.length();
        i++;
      } else if (marked.startsWith("]]", i) && start >= 0) {
        spans.add(new Span(start, text.length()));
        start = -1;
        i++;
      } else {
        text.append(marked.charAt(i));
      }
    }
    if (start >= 0) {
      throw new IllegalArgumentException("unclosed [[ in example: " + marked);
    }
    return new Example(text.toString(), spans, fixed);
  }
}
