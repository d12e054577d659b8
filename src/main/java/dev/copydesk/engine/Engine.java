package dev.copydesk.engine;

import dev.copydesk.core.Document;
import dev.copydesk.core.FileReport;
import dev.copydesk.core.Finding;
import dev.copydesk.core.Rule;
import dev.copydesk.core.Severity;
import dev.copydesk.core.Span;
import dev.copydesk.languagetool.LanguageToolChecker;
import dev.copydesk.languagetool.LanguageTools;
import dev.copydesk.rules.LoadedRule;
import java.time.Duration;
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

  /** Rule kinds that read LanguageTool's check of the draft. */
  private static final java.util.Set<String> USES_LANGUAGETOOL = java.util.Set.of("languagetool", "spelling");

  private final List<LoadedRule> rules;
  private final Map<String, String> settings;
  private final String language;
  private final Duration timeBudget;
  private final LanguageTools languageTools;

  /**
   * An engine over rules built with {@code languageTools}, which it uses to hold every draft to
   * the config's time budget.
   */
  public Engine(List<LoadedRule> rules, Config config, LanguageTools languageTools) {
    // The editorial rules are quick and linear; LanguageTool is the slow part. Running it last
    // gives a draft that outruns its time budget every editorial finding first.
    List<LoadedRule> ordered = new ArrayList<>(rules);
    ordered.sort(Comparator.comparing(rule -> USES_LANGUAGETOOL.contains(rule.kind())));
    this.rules = List.copyOf(ordered);
    this.settings = config.rules();
    this.language = config.language();
    this.timeBudget = config.timeBudget();
    this.languageTools = languageTools;
  }

  /** The rules this engine runs, config's "off" ones left out. */
  public List<LoadedRule> enabledRules() {
    return rules.stream().filter(rule -> !setting(rule.id(), null).equals("off")).toList();
  }

  /** The language variant the document is checked in: the configured one, or its own. */
  public String languageOf(Document document) {
    return language.equals("auto")
        ? LanguageToolChecker.guessVariant(document.text(), FALLBACK_LANGUAGE)
        : language;
  }

  public FileReport check(Document draft) {
    Document document = draft.withLanguage(languageOf(draft));
    long now = System.nanoTime();
    long deadline = now + Math.min(timeBudget.toNanos(), Long.MAX_VALUE - now);
    languageTools.setDeadline(deadline);
    List<Finding> findings = new ArrayList<>();
    List<LoadedRule> owners = new ArrayList<>();
    boolean complete = true;
    for (LoadedRule rule : rules) {
      if (setting(rule.id(), null).equals("off")) {
        continue;
      }
      if (System.nanoTime() > deadline) {
        complete = false; // the rules left are not run: the draft is reported as not fully checked
        break;
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
    complete &= !languageTools.cutOff(document);
    languageTools.setDeadline(Long.MAX_VALUE);
    return new FileReport(document, dropSuperseded(findings, owners), complete);
  }

  /**
   * Drops each finding that a finding of a superseding rule overlaps: that rule reports the same
   * problem, better. A finding never supersedes one of its own rule. Findings are sorted by start
   * first, so each superseding finding looks only at its neighbours: a long draft with thousands
   * of findings stays linear, not quadratic.
   */
  private static List<Finding> dropSuperseded(List<Finding> findings, List<LoadedRule> owners) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < findings.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingInt(i -> findings.get(i).span().start()));
    int[] starts = order.stream().mapToInt(i -> findings.get(i).span().start()).toArray();
    int longest = findings.stream().mapToInt(f -> f.span().length()).max().orElse(0);
    boolean[] dropped = new boolean[findings.size()];
    for (int i = 0; i < findings.size(); i++) {
      LoadedRule owner = owners.get(i);
      if (owner.supersedes().isEmpty()) {
        continue;
      }
      Span span = findings.get(i).span();
      int from = lowerBound(starts, span.start() - longest);
      for (int k = from; k < starts.length && starts[k] < span.end() + 1; k++) {
        int j = order.get(k);
        Finding candidate = findings.get(j);
        if (owners.get(j) != owner
            && candidate.span().overlaps(span)
            && owner.supersedes().stream().anyMatch(p -> Rule.idMatches(p, candidate.ruleId()))) {
          dropped[j] = true;
        }
      }
    }
    List<Finding> kept = new ArrayList<>();
    for (int i = 0; i < findings.size(); i++) {
      if (!dropped[i]) {
        kept.add(findings.get(i));
      }
    }
    kept.sort(BY_POSITION);
    return kept;
  }

  /** The first index whose value is at least {@code key}, in an ascending array. */
  private static int lowerBound(int[] sorted, int key) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sorted[mid] < key) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
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

  /** The excluded spans are sorted and never overlap, so a binary search finds the candidate. */
  private static boolean touchesExcluded(Span span, Document document) {
    List<Span> excluded = document.excluded();
    int low = 0;
    int high = excluded.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (excluded.get(mid).end() <= span.start()) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low < excluded.size() && excluded.get(low).overlaps(span);
  }
}
