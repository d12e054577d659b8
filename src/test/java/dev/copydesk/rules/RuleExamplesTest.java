package dev.copydesk.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.copydesk.TestEngine;
import dev.copydesk.core.Document;
import dev.copydesk.core.Finding;
import dev.copydesk.core.Span;
import dev.copydesk.input.DraftFormat;
import dev.copydesk.input.DraftReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the examples of every built-in rule file as tests, so adding a rule adds its tests: a bad
 * example's marked spans are exactly what the rule finds, its first suggestions turn it into the
 * fixed text, the fixed text is clean, and a good example is clean.
 */
class RuleExamplesTest {

  @Test
  void everyRuleHasBadAndGoodExamples() {
    for (LoadedRule rule : TestEngine.rules()) {
      assertFalse(rule.examples().stream().noneMatch(Example::isBad), rule.id() + " has no bad example");
      assertFalse(rule.examples().stream().allMatch(Example::isBad), rule.id() + " has no good example");
    }
  }

  @TestFactory
  Stream<DynamicTest> examples() {
    List<DynamicTest> tests = new ArrayList<>();
    for (LoadedRule rule : TestEngine.rules()) {
      for (Example example : rule.examples()) {
        String name = rule.id() + (example.isBad() ? " flags: " : " passes: ") + example.text();
        tests.add(DynamicTest.dynamicTest(name, () -> check(rule, example)));
      }
    }
    return tests.stream();
  }

  private static void check(LoadedRule rule, Example example) {
    List<Finding> findings = findings(rule, example.text());
    List<Span> found = findings.stream().map(Finding::span).toList();
    assertEquals(example.expected(), found, "spans found by " + rule.id() + " in: " + example.text()
        + "\nfindings: " + findings);
    if (example.fixed() != null) {
      assertEquals(example.fixed(), applyFirstSuggestions(example.text(), findings),
          "the rule's suggestions should give the fixed text");
      assertEquals(List.of(), findings(rule, example.fixed()), "the fixed text should be clean");
    }
  }

  /** The rule's findings on a text, as the engine would show it: in order of position. */
  private static List<Finding> findings(LoadedRule rule, String text) {
    Document document = DraftReader.parse("example.txt", text, DraftFormat.TEXT);
    return rule.rule().check(TestEngine.analyse(document)).stream()
        .sorted(Comparator.comparingInt((Finding f) -> f.span().start()))
        .toList();
  }

  static String applyFirstSuggestions(String text, List<Finding> findings) {
    StringBuilder fixed = new StringBuilder(text);
    List<Finding> backwards = new ArrayList<>(findings);
    backwards.sort(Comparator.comparingInt((Finding f) -> f.span().start()).reversed());
    for (Finding finding : backwards) {
      if (!finding.suggestions().isEmpty()) {
        fixed.replace(finding.span().start(), finding.span().end(), finding.suggestions().get(0));
      }
    }
    return fixed.toString().strip();
  }
}
