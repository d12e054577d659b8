package dev.copydesk.report;

import dev.copydesk.core.Severity;
import java.util.Map;
import java.util.Optional;

/**
 * What reporters know of a run besides its findings: the tool's version, the rules that ran,
 * and the severity that fails the run (CI formats mark those findings as failures).
 *
 * @param version copydesk's version
 * @param rules the rules that ran, by id
 * @param failOn the least severity that fails the run; empty for never
 */
public record ReportContext(String version, Map<String, RuleDescription> rules, Optional<Severity> failOn) {

  public ReportContext {
    rules = Map.copyOf(rules);
  }

  /**
   * The description of the rule a finding id belongs to. LanguageTool's rules are reported one
   * by one ({@code lt:DT_PRP}) under the single {@code languagetool} rule file.
   */
  public RuleDescription describe(String findingId) {
    RuleDescription rule = rules.get(findingId);
    if (rule != null) {
      return rule;
    }
    RuleDescription languageTool = rules.get("languagetool");
    String description = "LanguageTool rule " + findingId.substring(findingId.indexOf(':') + 1);
    return new RuleDescription(findingId, description, languageTool == null ? Severity.WARNING : languageTool.severity());
  }

  /** True when a finding of this severity fails the run. */
  public boolean fails(Severity severity) {
    return failOn.isPresent() && severity.atLeast(failOn.get());
  }
}
