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
  private static final java.util.Set<String> USES_LANGUAGETOOL = java.util.Set.of("languagetool", "spelling", "name-consistency");

  private final List<LoadedRule> rules;
  private final Map<String, String> baseSettings;
  private final List<Config.Override> overrides;
  /** The settings of the draft being checked: the config's, with its matching overrides on top. */
  private Map<String, String> settings;
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
    this.baseSettings = config.rules();
    this.overrides = config.overrides();
    this.settings = baseSettings;
    this.language = config.language();
    this.timeBudget = config.timeBudget();
    this.languageTools = languageTools;
  }

  /** The rules this engine runs, config's "off" ones left out. */
  public List<LoadedRule> enabledRules() {
    return rules.stream().filter(rule -> !setting(rule.id(), null).equals("off")).toList();
  }

  /** How many threads may check one draft's paragraphs with LanguageTool at once (default 1). */
  public void setThreadsPerDraft(int threads) {
    languageTools.setThreads(threads);
  }

  /** The language variant the document is checked in: the configured one, or its own. */
  public String languageOf(Document document) {
    return language.equals("auto")
        ? LanguageToolChecker.guessVariant(document.text(), FALLBACK_LANGUAGE)
        : language;
  }

  public FileReport check(Document draft) {
    // A language already set on the document (a server request's "language") wins over the
    // config's, as the command line's --lang does.
    Document document = draft.language() != null ? draft : draft.withLanguage(languageOf(draft));
    settings = settingsFor(document.name());
    long now = System.nanoTime();
    long deadline = now + Math.min(timeBudget.toNanos(), Long.MAX_VALUE - now);
    languageTools.setDeadline(deadline);
    if (enabledRules().stream().anyMatch(rule -> USES_LANGUAGETOOL.contains(rule.kind()))) {
      // LanguageTool loads for seconds: it starts now, if a paragraph needs it, and loads while
      // the editorial rules run.
      languageTools.checkerFor(document.language()).prepare(document);
    }
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
    settings = baseSettings;
    // Superseding comes first: a duplicate LanguageTool reports under another id must go with the
    // editorial finding that a comment switches off, not outlive it.
    java.util.Map<Finding, LoadedRule> ownerOf = new java.util.IdentityHashMap<>();
    for (int i = 0; i < findings.size(); i++) {
      ownerOf.put(findings.get(i), owners.get(i));
    }
    List<Finding> kept = new ArrayList<>(dropSuperseded(findings, owners));
    List<LoadedRule> keptOwners = new ArrayList<>(kept.stream().map(ownerOf::get).toList());
    applySuppressions(document, kept, keptOwners);
    kept.sort(BY_POSITION);
    return new FileReport(document, kept, complete);
  }

  /** The config's rule settings with those of every override whose globs match the path. */
  private Map<String, String> settingsFor(String path) {
    if (overrides.isEmpty()) {
      return baseSettings;
    }
    Map<String, String> merged = new java.util.HashMap<>(baseSettings);
    for (Config.Override override : overrides) {
      if (override.matches(path)) {
        merged.putAll(override.rules());
      }
    }
    return merged;
  }

  /** The id a suppression comment names for findings that the rule of that id did not report. */
  public static final String SUPPRESSION_RULE = "suppression";

  /**
   * Drops the findings that inline comments switch off, and reports a comment that names no
   * known rule as a warning of its own, so a misspelt rule id never silently switches nothing off.
   */
  private void applySuppressions(Document document, List<Finding> findings, List<LoadedRule> owners) {
    List<dev.copydesk.core.Suppression> suppressions = document.suppressions();
    if (suppressions.isEmpty()) {
      return;
    }
    for (int i = findings.size() - 1; i >= 0; i--) {
      if (suppressed(document, findings.get(i), owners.get(i), suppressions)) {
        findings.remove(i);
        owners.remove(i);
      }
    }
    LoadedRule engineRule = null;
    for (dev.copydesk.core.Suppression suppression : suppressions) {
      for (String name : suppression.rules()) {
        boolean known = name.endsWith("*") || name.startsWith("lt:")
            || rules.stream().anyMatch(rule -> rule.id().equals(name));
        if (!known) {
          int at = Math.min(document.proseOffsetAt(suppression.sourceOffset()), document.text().length());
          Span span = new Span(at, at);
          findings.add(new Finding(SUPPRESSION_RULE, Severity.WARNING, span,
              "copydesk-" + suppression.directive() + " on line " + document.positionOfSource(suppression.sourceOffset()).line()
                  + " names '" + name + "', which is not a rule: nothing is switched off for it",
              List.of()));
          owners.add(engineRule == null ? engineRule = suppressionRule() : engineRule);
        }
      }
    }
  }

  private static boolean suppressed(
      Document document, Finding finding, LoadedRule owner, List<dev.copydesk.core.Suppression> suppressions) {
    int start = document.sourceSpan(finding.span()).start();
    int line = document.positionOfSource(start).line();
    boolean allOff = false;
    java.util.Set<String> off = new java.util.HashSet<>();
    for (dev.copydesk.core.Suppression suppression : suppressions) {
      if (suppression.sourceOffset() > start) {
        break;
      }
      switch (suppression.directive()) {
        case "disable-next-line" -> {
          if (document.positionOfSource(suppression.sourceOffset()).line() + 1 == line
              && names(suppression.rules(), finding, owner)) {
            return true;
          }
        }
        case "disable" -> {
          if (suppression.rules().isEmpty()) {
            allOff = true;
          } else {
            off.addAll(suppression.rules());
          }
        }
        default -> { // enable
          if (suppression.rules().isEmpty()) {
            allOff = false;
            off.clear();
          } else {
            off.removeAll(suppression.rules());
          }
        }
      }
    }
    return allOff || (!off.isEmpty() && names(List.copyOf(off), finding, owner));
  }

  /** True when the names are empty (every rule) or one names the finding or its rule. */
  private static boolean names(List<String> names, Finding finding, LoadedRule owner) {
    return names.isEmpty()
        || names.stream().anyMatch(n -> Rule.idMatches(n, finding.ruleId()) || n.equals(owner.id()));
  }

  /** The stand-in owner of the engine's own warnings about suppression comments. */
  private static LoadedRule suppressionRule() {
    Rule rule = new Rule() {
      @Override
      public String id() {
        return SUPPRESSION_RULE;
      }

      @Override
      public List<Finding> check(Document document) {
        return List.of();
      }
    };
    return new LoadedRule(rule, SUPPRESSION_RULE, "A suppression comment that names no known rule.",
        Severity.WARNING, List.of(), List.of(), "copydesk", false);
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
