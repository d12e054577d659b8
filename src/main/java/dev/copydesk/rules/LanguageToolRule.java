package dev.copydesk.rules;

import dev.copydesk.core.Document;
import dev.copydesk.core.Finding;
import dev.copydesk.core.Rule;
import dev.copydesk.core.Severity;
import dev.copydesk.languagetool.LanguageToolMatch;
import dev.copydesk.languagetool.LanguageTools;
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
  private final LanguageTools languageTools;

  private LanguageToolRule(
      String id,
      String prefix,
      Severity defaultSeverity,
      Map<String, Severity> categorySeverity,
      Set<String> offCategories,
      Set<String> disabled,
      LanguageTools languageTools) {
    this.id = id;
    this.prefix = prefix;
    this.defaultSeverity = defaultSeverity;
    this.categorySeverity = categorySeverity;
    this.offCategories = offCategories;
    this.disabled = disabled;
    this.languageTools = languageTools;
  }

  static LanguageToolRule from(RuleFile file, RuleContext context) throws RuleFileException {
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
        Set.copyOf(file.strings("disabled")),
        context.languageTools());
  }

  @Override
  public String id() {
    return id;
  }

  /** Disabled rule ids are exact, or end in {@code *} to match any ending. */
  private boolean isDisabled(String ruleId) {
    return disabled.stream().anyMatch(pattern -> Rule.idMatches(pattern, ruleId));
  }

  @Override
  public List<Finding> check(Document document) {
    List<Finding> findings = new ArrayList<>();
    for (LanguageToolMatch match : languageTools.checkerFor(document.language()).check(document)) {
      if (match.spelling() || isDisabled(match.ruleId()) || offCategories.contains(match.categoryId())) {
        continue;
      }
      Severity severity = categorySeverity.getOrDefault(match.categoryId(), defaultSeverity);
      List<String> suggestions = match.suggestions();
      findings.add(
          new Finding(
              prefix + match.ruleId(),
              severity,
              match.span(),
              match.message(),
              suggestions.subList(0, Math.min(5, suggestions.size()))));
    }
    return findings;
  }
}
