package dev.copydesk.rules;

import dev.copydesk.core.Rule;
import dev.copydesk.core.RuleDescription;
import dev.copydesk.core.Severity;
import java.util.List;

/**
 * A rule built from its file, with what the engine and the {@code rules} listing need to know
 * about it besides its check.
 *
 * @param rule the check itself
 * @param kind the rule file's {@code kind:}
 * @param description one line for {@code copydesk rules}
 * @param severity the default severity of its findings
 * @param supersedes ids of findings this rule's findings replace where they overlap
 * @param examples the rule file's examples, run as tests
 * @param location the file the rule came from
 * @param findingPrefix the start of the ids its findings carry instead of its own ({@code lt:}),
 *     or empty
 * @param enabledByDefault false for a rule that runs only when the config names it
 */
public record LoadedRule(
    Rule rule,
    RuleKind kind,
    String description,
    Severity severity,
    List<String> supersedes,
    List<Example> examples,
    String location,
    String findingPrefix,
    boolean enabledByDefault) {

  public String id() {
    return rule.id();
  }

  /** What reports and servers say about the rule. */
  public RuleDescription describe() {
    return new RuleDescription(id(), description, severity, findingPrefix, kind.blockLevel(), kind.tool(), kind.api());
  }
}
