package dev.copydesk.report;

import dev.copydesk.core.RuleDescription;
import dev.copydesk.core.Severity;
import java.util.LinkedHashMap;
import java.util.List;
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

  /** A context naming the rules in the order given. */
  public static ReportContext of(String version, List<RuleDescription> rules, Optional<Severity> failOn) {
    Map<String, RuleDescription> byId = new LinkedHashMap<>();
    rules.forEach(rule -> byId.put(rule.id(), rule));
    return new ReportContext(version, byId, failOn);
  }

  /** The rule that reported a finding id: the rule of that id, or the one whose prefix it carries. */
  public Optional<RuleDescription> ownerOf(String findingId) {
    RuleDescription rule = rules.get(findingId);
    if (rule != null) {
      return Optional.of(rule);
    }
    return rules.values().stream().filter(owner -> owner.owns(findingId)).findFirst();
  }

  /**
   * The description of the rule a finding id belongs to. LanguageTool's rules are reported one
   * by one ({@code lt:DT_PRP}) under the single rule of its kind, and described each on its own.
   */
  public RuleDescription describe(String findingId) {
    return ownerOf(findingId).map(owner -> owner.ofFinding(findingId)).orElseGet(() -> RuleDescription.unknown(findingId));
  }

  /** True when a finding of this severity fails the run. */
  public boolean fails(Severity severity) {
    return failOn.isPresent() && severity.atLeast(failOn.get());
  }
}
