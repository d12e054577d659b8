package dev.copydesk.rules;

import dev.copydesk.core.Analysis;
import dev.copydesk.core.Finding;
import dev.copydesk.core.LanguageToolMatch;
import dev.copydesk.core.Rule;
import dev.copydesk.core.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * LanguageTool's own grammar, style, typography and punctuation rules, each reported under its
 * LanguageTool id with a prefix ({@code lt:DT_PRP}), its severity decided by its category.
 *
 * <p>The speller's matches are not reported here: the spelling rule owns them.
 */
final class LanguageToolRule implements Rule {

  static final Set<String> KEYS = Set.of("prefix", "categories", "disabled");

  private static final String OFF = "off";

  private final String id;
  private final String prefix;
  private final Severity defaultSeverity;
  private final Map<String, Severity> categorySeverity;
  private final Set<String> offCategories;
  private final Set<String> disabled;

  private LanguageToolRule(
      String id,
      String prefix,
      Severity defaultSeverity,
      Map<String, Severity> categorySeverity,
      Set<String> offCategories,
      Set<String> disabled) {
    this.id = id;
    this.prefix = prefix;
    this.defaultSeverity = defaultSeverity;
    this.categorySeverity = categorySeverity;
    this.offCategories = offCategories;
    this.disabled = disabled;
  }

  static LanguageToolRule from(RuleFile file) throws RuleFileException {
    file.checkKeys(KEYS);
    Map<String, Severity> severities = new HashMap<>();
    Set<String> off = new HashSet<>();
    for (Map.Entry<String, String> entry : file.stringMap("categories").entrySet()) {
      if (entry.getValue().equalsIgnoreCase(OFF)) {
        off.add(entry.getKey());
        continue;
      }
      try {
        severities.put(entry.getKey(), Severity.parse(entry.getValue()));
      } catch (IllegalArgumentException e) {
        throw file.error("categories", "categories." + entry.getKey() + ": " + e.getMessage() + " or off");
      }
    }
    return new LanguageToolRule(
        file.id(),
        file.text("prefix", "lt:"),
        file.severity(),
        severities,
        off,
        Set.copyOf(file.strings("disabled")));
  }

  @Override
  public String id() {
    return id;
  }

  /** The start of every finding id this rule reports, before LanguageTool's own id. */
  String prefix() {
    return prefix;
  }

  /** Disabled rule ids are exact, or end in {@code *} to match any ending. */
  private boolean isDisabled(String ruleId) {
    return disabled.stream().anyMatch(pattern -> Rule.idMatches(pattern, ruleId));
  }

  @Override
  public List<Finding> check(Analysis analysis) {
    List<Finding> findings = new ArrayList<>();
    for (LanguageToolMatch match : analysis.languageToolMatches()) {
      if (match.spelling() || isDisabled(match.ruleId()) || offCategories.contains(match.categoryId())) {
        continue;
      }
      Severity severity = categorySeverity.getOrDefault(match.categoryId(), defaultSeverity);
      // LanguageTool's message is final text, never a template: "${" in it stays as written.
      findings.add(Findings.withMessage(prefix + match.ruleId(), severity, match.span(), match.message(), match.suggestions()));
    }
    return findings;
  }
}
