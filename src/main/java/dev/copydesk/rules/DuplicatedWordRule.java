package dev.copydesk.rules;

import dev.copydesk.core.Analysis;
import dev.copydesk.core.Document;
import dev.copydesk.core.Finding;
import dev.copydesk.core.Rule;
import dev.copydesk.core.Severity;
import dev.copydesk.core.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds a word typed twice ("the the", also across a line break and in any case) and a stray
 * word left by an edit in front of another that cannot follow it ("the he", "a the").
 *
 * <p>The stray pairs and the accepted repeats ("had had", "that that") are data in the rule file.
 * A repeat whose second word is capitalised ("Walla Walla", "Bora Bora") is a name, not a typo;
 * a stray pair needs its second word in lower case, so "the IT desk" is left alone.
 */
final class DuplicatedWordRule implements Rule {

  static final Set<String> KEYS = Set.of("repeat-message", "stray-message", "exceptions", "stray-pairs");

  private final String id;
  private final Severity severity;
  private final String repeatMessage;
  private final String strayMessage;
  private final Set<String> exceptions;
  private final Map<String, Set<String>> strayPairs;

  private DuplicatedWordRule(
      String id,
      Severity severity,
      String repeatMessage,
      String strayMessage,
      Set<String> exceptions,
      Map<String, Set<String>> strayPairs) {
    this.id = id;
    this.severity = severity;
    this.repeatMessage = repeatMessage;
    this.strayMessage = strayMessage;
    this.exceptions = exceptions;
    this.strayPairs = strayPairs;
  }

  static DuplicatedWordRule from(RuleFile file) throws RuleFileException {
    file.checkKeys(KEYS);
    Set<String> exceptions = new HashSet<>();
    for (String pair : file.strings("exceptions")) {
      exceptions.add(Text.lower(pair.strip().replaceAll("\\s+", " ")));
    }
    Map<String, Set<String>> strayPairs = new HashMap<>();
    file.listMap("stray-pairs")
        .forEach((first, seconds) -> strayPairs.put(Text.lower(first), Set.copyOf(seconds)));
    return new DuplicatedWordRule(
        file.id(),
        file.severity(),
        file.requiredText("repeat-message"),
        file.requiredText("stray-message"),
        exceptions,
        strayPairs);
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
      List<Span> words = Text.words(text, paragraph);
      for (int i = 0; i + 1 < words.size(); i++) {
        Span first = words.get(i);
        Span second = words.get(i + 1);
        if (!onlySpaceBetween(text, first, second)) {
          continue;
        }
        String a = document.text(first);
        String b = document.text(second);
        Span both = new Span(first.start(), second.end());
        String pair = Text.lower(a) + " " + Text.lower(b);
        if (exceptions.contains(pair) || !containsLetter(a)) {
          continue;
        }
        if (Text.lower(a).equals(Text.lower(b)) && !Text.isCapitalised(b)) {
          findings.add(finding(repeatMessage, both, document.text(both), a));
          i++;
        } else if (strayPairs.getOrDefault(Text.lower(a), Set.of()).contains(b)) {
          findings.add(finding(strayMessage, both, document.text(both), Text.matchCase(b, a)));
          i++;
        }
      }
    }
    return findings;
  }

  private Finding finding(String template, Span span, String words, String fix) {
    return Findings.of(id, severity, span, template, Map.of("words", words, "fix", fix), List.of(fix));
  }

  /** True when only spaces or tabs, or one line break, stand between the two words. */
  private static boolean onlySpaceBetween(String text, Span first, Span second) {
    int newlines = 0;
    if (second.start() == first.end()) {
      return false;
    }
    for (int i = first.end(); i < second.start(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        newlines++;
      } else if (c != ' ' && c != '\t' && c != '\u00A0') {
        return false;
      }
    }
    return newlines <= 1;
  }

  private static boolean containsLetter(String word) {
    return word.codePoints().anyMatch(Character::isLetter);
  }
}
