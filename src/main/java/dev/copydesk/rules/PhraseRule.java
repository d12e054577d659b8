package dev.copydesk.rules;

import dev.copydesk.core.Analysis;
import dev.copydesk.core.Document;
import dev.copydesk.core.Finding;
import dev.copydesk.core.Rule;
import dev.copydesk.core.Severity;
import dev.copydesk.core.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A house-style rule written as data alone: phrases to avoid, each with its preferred form (or
 * nothing, to flag it without a fix). Phrases match as whole words, in any case, and the
 * replacement takes the case of the phrase's first letter.
 *
 * <p>Phrases are matched literally, never as regular expressions, so a house-style file cannot
 * make a check backtrack for ever.
 */
final class PhraseRule implements Rule {

  static final Set<String> KEYS = Set.of("message", "phrases");

  private final String id;
  private final Severity severity;
  private final String message;
  private final Map<String, String> phrases;
  private final Pattern pattern;

  private PhraseRule(String id, Severity severity, String message, Map<String, String> phrases) {
    this.id = id;
    this.severity = severity;
    this.message = message;
    this.phrases = phrases;
    this.pattern = Text.phrasePattern(phrases.keySet());
  }

  static PhraseRule from(RuleFile file) throws RuleFileException {
    file.checkKeys(KEYS);
    Map<String, String> phrases = new java.util.LinkedHashMap<>();
    file.stringMap("phrases")
        .forEach((phrase, replacement) -> phrases.put(phrase.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "), replacement));
    if (phrases.isEmpty()) {
      throw file.error("phrases", "a phrase rule needs at least one entry under 'phrases'");
    }
    return new PhraseRule(file.id(), file.severity(), file.requiredText("message"), phrases);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public List<Finding> check(Analysis analysis) {
    Document document = analysis.document();
    List<Finding> findings = new ArrayList<>();
    Matcher matcher = pattern.matcher(document.text());
    while (matcher.find()) {
      String found = matcher.group();
      String replacement = phrases.getOrDefault(found.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "), "");
      String fixed = Text.matchCase(replacement, found);
      findings.add(Findings.of(id, severity, new Span(matcher.start(), matcher.end()), message,
          Map.of("match", found, "replacement", fixed), replacement.isEmpty() ? List.of() : List.of(fixed)));
    }
    return findings;
  }
}
