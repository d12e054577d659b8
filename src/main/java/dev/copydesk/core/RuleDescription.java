package dev.copydesk.core;

/**
 * What the reports and servers say about a rule: its id, one line on what it checks, its default
 * severity, and what its kind tells a client about its findings.
 *
 * @param id the rule's id
 * @param description one line on what it checks
 * @param severity the default severity of its findings
 * @param findingPrefix empty for a rule whose findings carry its own id; else the start of the ids
 *     its findings carry instead, one a rule of another tool ({@code lt:} for LanguageTool's)
 * @param blockLevel true when its findings span whole paragraphs (a promotional block)
 * @param tool whose rule each of its findings is: {@code copydesk}, or {@code LanguageTool} for
 *     the rule that reports LanguageTool's own rules one by one
 * @param api how its findings appear in LanguageTool's HTTP API
 */
public record RuleDescription(
    String id, String description, Severity severity, String findingPrefix, boolean blockLevel, String tool, ApiType api) {

  /** How a finding that names no loaded rule is described (an engine warning, a server's finding). */
  public static RuleDescription unknown(String findingId) {
    return new RuleDescription(findingId, "copydesk rule " + findingId, Severity.WARNING, "", false, "copydesk",
        new ApiType(null, "COPYDESK", "Editorial (copydesk)", "Other"));
  }

  /**
   * The description of one of its findings: itself for a finding under its own id; for one under
   * its prefix, that finding's rule of the other tool ({@code LanguageTool rule DT_PRP}).
   */
  public RuleDescription ofFinding(String findingId) {
    if (findingId.equals(id) || findingPrefix.isEmpty()) {
      return this;
    }
    return new RuleDescription(findingId, tool + " rule " + bareId(findingId), severity, "", blockLevel, tool, api);
  }

  /** The finding id as its own tool knows it: {@code DT_PRP} for {@code lt:DT_PRP}. */
  public String bareId(String findingId) {
    return !findingPrefix.isEmpty() && findingId.startsWith(findingPrefix) ? findingId.substring(findingPrefix.length()) : findingId;
  }

  /**
   * A rule's findings in LanguageTool's API, which editors colour and file by these.
   *
   * @param issueType the issue type from the Localization Quality Issue Type vocabulary
   *     ({@code misspelling}, {@code duplication}); null to decide by severity (an error is
   *     {@code grammar}, anything else {@code style})
   * @param categoryId the category id clients group and disable by ({@code TYPOS})
   * @param categoryName the category's name
   * @param typeName {@code UnknownWord} for a speller's match, else {@code Other}
   */
  public record ApiType(String issueType, String categoryId, String categoryName, String typeName) {}

  /** True when a finding id is this rule's: its own id, or one under its prefix. */
  public boolean owns(String findingId) {
    return id.equals(findingId) || (!findingPrefix.isEmpty() && findingId.startsWith(findingPrefix));
  }

  /** The issue type of a finding of this rule. */
  public String issueType(Severity findingSeverity) {
    if (api.issueType() != null) {
      return api.issueType();
    }
    return findingSeverity == Severity.ERROR ? "grammar" : "style";
  }
}
