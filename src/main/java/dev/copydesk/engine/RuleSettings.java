package dev.copydesk.engine;

import dev.copydesk.core.Finding;
import dev.copydesk.core.Rule;
import dev.copydesk.core.Severity;
import dev.copydesk.rules.LoadedRule;
import java.util.Map;
import java.util.Optional;

/**
 * The config's rule settings in force for one draft, by rule or finding id: {@code off}, {@code
 * on}, or a severity; a key ending in {@code *} matches any ending.
 */
public record RuleSettings(Map<String, String> settings) {

  public RuleSettings {
    settings = Map.copyOf(settings);
  }

  /** True when the config turns the rule off. */
  public boolean turnsOff(String ruleId) {
    return setting(ruleId, null).equals("off");
  }

  /**
   * True when the rule runs: not turned off, and, for a rule shipped switched off, named by the
   * config (exactly or by a pattern) with {@code on} or a severity.
   */
  public boolean runs(LoadedRule rule) {
    if (rule.enabledByDefault()) {
      return !turnsOff(rule.id());
    }
    return names(rule.id()) && !turnsOff(rule.id());
  }

  private boolean names(String ruleId) {
    return settings.keySet().stream().anyMatch(key -> key.endsWith("*") ? Rule.idMatches(key, ruleId) : key.equals(ruleId));
  }

  /** The finding with its configured severity, or empty if config turns it off. */
  Optional<Finding> apply(Finding finding, String ruleId) {
    String value = setting(finding.ruleId(), ruleId);
    return switch (value) {
      case "off" -> Optional.empty();
      case "on" -> Optional.of(finding);
      default -> Optional.of(finding.withSeverity(Severity.parse(value)));
    };
  }

  /**
   * The setting for a finding id: an exact entry wins, then the longest matching {@code *}
   * pattern, then the entry for the rule that produced it; "on" if none.
   */
  private String setting(String findingId, String ruleId) {
    String exact = settings.get(findingId);
    if (exact != null) {
      return exact;
    }
    String best = null;
    int bestLength = -1;
    for (Map.Entry<String, String> entry : settings.entrySet()) {
      String key = entry.getKey();
      if (key.endsWith("*") && Rule.idMatches(key, findingId) && key.length() > bestLength) {
        best = entry.getValue();
        bestLength = key.length();
      }
    }
    if (best != null) {
      return best;
    }
    return ruleId == null ? "on" : settings.getOrDefault(ruleId, "on");
  }
}
