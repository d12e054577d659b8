package dev.copydesk.engine;

import dev.copydesk.core.Document;
import dev.copydesk.core.FileReport;
import dev.copydesk.core.Finding;
import dev.copydesk.core.Rule;
import dev.copydesk.core.Severity;
import dev.copydesk.core.Span;
import dev.copydesk.languagetool.LanguageToolChecker;
import dev.copydesk.rules.LoadedRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the rules on a document and turns what they report into the ordered list a reporter
 * prints: config settings applied, findings on code and URLs dropped, and a problem two rules
 * both report (a stray "the he" is also LanguageTool's DT_PRP) reported once, by the rule that
 * supersedes the other.
 *
 * <p>An engine belongs to one thread, like the LanguageTool checkers its rules hold.
 */
public final class Engine {

  /** The variant a draft is checked in when it gives no evidence of its own. */
  public static final String FALLBACK_LANGUAGE = "en-US";

  private static final Comparator<Finding> BY_POSITION =
      Comparator.<Finding>comparingInt(f -> f.span().start())
          .thenComparingInt(f -> f.span().end())
          .thenComparing(Finding::ruleId);

  private final List<LoadedRule> rules;
  private final Map<String, String> settings;
  private final String language;

  public Engine(List<LoadedRule> rules, Config config) {
    this.rules = List.copyOf(rules);
    this.settings = config.rules();
    this.language = config.language();
  }

  /** The language variant the document is checked in: the configured one, or its own. */
  public String languageOf(Document document) {
    return language.equals("auto")
        ? LanguageToolChecker.guessVariant(document.text(), FALLBACK_LANGUAGE)
        : language;
  }

  public FileReport check(Document draft) {
    Document document = draft.withLanguage(languageOf(draft));
    List<Finding> findings = new ArrayList<>();
    List<LoadedRule> owners = new ArrayList<>();
    for (LoadedRule rule : rules) {
      if (setting(rule.id(), null).equals("off")) {
        continue;
      }
      for (Finding finding : rule.rule().check(document)) {
        if (!rule.blockLevel() && touchesExcluded(finding.span(), document)) {
          continue;
        }
        Optional<Finding> configured = applySetting(finding, rule.id());
        if (configured.isPresent()) {
          findings.add(configured.get());
          owners.add(rule);
        }
      }
    }
    return new FileReport(document, dropSuperseded(findings, owners));
  }

  /**
   * Drops each finding that a finding of a superseding rule overlaps: that rule reports the same
   * problem, better. A finding never supersedes one of its own rule.
   */
  private static List<Finding> dropSuperseded(List<Finding> findings, List<LoadedRule> owners) {
    List<Finding> kept = new ArrayList<>();
    for (int i = 0; i < findings.size(); i++) {
      Finding candidate = findings.get(i);
      boolean superseded = false;
      for (int j = 0; j < findings.size() && !superseded; j++) {
        LoadedRule owner = owners.get(j);
        if (owner == owners.get(i) || owner.supersedes().isEmpty()) {
          continue;
        }
        superseded =
            findings.get(j).span().overlaps(candidate.span())
                && owner.supersedes().stream().anyMatch(p -> Rule.idMatches(p, candidate.ruleId()));
      }
      if (!superseded) {
        kept.add(candidate);
      }
    }
    kept.sort(BY_POSITION);
    return kept;
  }

  /** The finding with its configured severity, or empty if config turns it off. */
  private Optional<Finding> applySetting(Finding finding, String ruleId) {
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

  private static boolean touchesExcluded(Span span, Document document) {
    for (Span excluded : document.excluded()) {
      if (excluded.overlaps(span)) {
        return true;
      }
    }
    return false;
  }
}
