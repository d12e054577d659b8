package dev.copydesk.engine;

import dev.copydesk.core.Analysis;
import dev.copydesk.core.Document;
import dev.copydesk.core.FileReport;
import dev.copydesk.core.Finding;
import dev.copydesk.core.Rule;
import dev.copydesk.core.RuleDescription;
import dev.copydesk.core.Severity;
import dev.copydesk.core.Span;
import dev.copydesk.core.Suppression;
import dev.copydesk.languagetool.DocumentAnalysis;
import dev.copydesk.languagetool.LanguageTools;
import dev.copydesk.rules.LoadedRule;
import dev.copydesk.rules.RuleLoader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the rules on a draft and turns what they report into the ordered list a reporter prints,
 * in stages that read top to bottom in {@link #check}: analyse the draft, run the rules, apply
 * the config's settings and drop findings on code and URLs, drop a finding another rule reports
 * better (a stray "the he" is also LanguageTool's DT_PRP), drop what inline comments switch off,
 * and sort.
 *
 * <p>An engine belongs to one thread, like the LanguageTool its analyses use; {@link Engines}
 * builds one for each thread from a config.
 */
public final class Engine {

  /** A finding with the rule that reported it, as the stages pass it on. */
  private record Found(Finding finding, LoadedRule rule) {}

  private static final Comparator<Finding> BY_POSITION =
      Comparator.<Finding>comparingInt(f -> f.span().start())
          .thenComparingInt(f -> f.span().end())
          .thenComparing(Finding::ruleId);

  private final List<LoadedRule> rules;
  private final Config config;
  private final LanguageTools languageTools;

  Engine(List<LoadedRule> rules, Config config, LanguageTools languageTools) {
    // The editorial rules are quick and linear; LanguageTool is the slow part. Running it last
    // gives a draft that outruns its time budget every editorial finding first.
    List<LoadedRule> ordered = new ArrayList<>(rules);
    ordered.sort(Comparator.comparing(rule -> rule.kind().usesLanguageTool()));
    this.rules = List.copyOf(ordered);
    this.config = config;
    this.languageTools = languageTools;
  }

  /** Every rule the engine was built with, the ones the config turns off included. */
  public List<LoadedRule> rules() {
    return rules;
  }

  /** What the reports say about the rules this engine runs, the config's "off" ones left out. */
  public List<RuleDescription> describeRules() {
    RuleSettings settings = new RuleSettings(config.rules());
    return rules.stream().filter(settings::runs).map(LoadedRule::describe).toList();
  }

  /** How many threads may check one draft's paragraphs with LanguageTool at once (default 1). */
  public void setThreadsPerDraft(int threads) {
    languageTools.setThreads(threads);
  }

  /** The analysis this engine's rules would get for the draft, with no time budget. */
  public Analysis analyse(Document document) {
    return languageTools.analyse(document, config.variant(), Long.MAX_VALUE);
  }

  public FileReport check(Document document) {
    long now = System.nanoTime();
    long deadline = now + Math.min(config.timeBudget().toNanos(), Long.MAX_VALUE - now);
    RuleSettings settings = config.settingsFor(document.name());
    List<LoadedRule> enabled = rules.stream().filter(settings::runs).toList();

    DocumentAnalysis analysis = languageTools.analyse(document, config.variant(), deadline);
    if (enabled.stream().anyMatch(rule -> rule.kind().usesLanguageTool())) {
      // LanguageTool loads for seconds: it starts now, if a paragraph needs it, and loads while
      // the editorial rules run.
      analysis.startLanguageTool();
    }

    List<Found> found = new ArrayList<>();
    boolean complete = true;
    for (LoadedRule rule : enabled) {
      if (System.nanoTime() > deadline) {
        complete = false; // the rules left are not run: the draft is reported as not fully checked
        break;
      }
      for (Finding finding : rule.rule().check(analysis)) {
        found.add(new Found(finding, rule));
      }
    }
    complete &= analysis.languageToolComplete();

    List<Found> configured = new ArrayList<>();
    for (Found each : found) {
      if (!each.rule().kind().blockLevel() && touchesExcluded(each.finding().span(), document)) {
        continue;
      }
      settings.apply(each.finding(), each.rule().id()).ifPresent(finding -> configured.add(new Found(finding, each.rule())));
    }
    // Superseding comes first: a duplicate LanguageTool reports under another id must go with the
    // editorial finding that a comment switches off, not outlive it.
    List<Found> kept = dropSuperseded(configured);
    kept.removeIf(each -> suppressed(document, each));
    List<Finding> findings = new ArrayList<>(kept.stream().map(Found::finding).toList());
    findings.addAll(unknownSuppressions(document));
    findings.sort(BY_POSITION);
    return new FileReport(document, analysis.language(), findings, complete);
  }

  /**
   * Drops each finding that a finding of a superseding rule overlaps: that rule reports the same
   * problem, better. A finding never supersedes one of its own rule. Findings are sorted by start
   * first, so each superseding finding looks only at its neighbours: a long draft with thousands
   * of findings stays linear, not quadratic. The findings kept come back in order of position.
   */
  private static List<Found> dropSuperseded(List<Found> found) {
    List<Found> byStart = new ArrayList<>(found);
    byStart.sort(Comparator.comparingInt(each -> each.finding().span().start()));
    int[] starts = byStart.stream().mapToInt(each -> each.finding().span().start()).toArray();
    int longest = found.stream().mapToInt(each -> each.finding().span().length()).max().orElse(0);
    Set<Found> dropped = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Found superseding : found) {
      LoadedRule owner = superseding.rule();
      if (owner.supersedes().isEmpty()) {
        continue;
      }
      Span span = superseding.finding().span();
      for (int k = lowerBound(starts, span.start() - longest); k < starts.length && starts[k] < span.end() + 1; k++) {
        Found candidate = byStart.get(k);
        if (candidate.rule() != owner
            && candidate.finding().span().overlaps(span)
            && owner.supersedes().stream().anyMatch(p -> Rule.idMatches(p, candidate.finding().ruleId()))) {
          dropped.add(candidate);
        }
      }
    }
    List<Found> kept = new ArrayList<>();
    for (Found each : found) {
      if (!dropped.contains(each)) {
        kept.add(each);
      }
    }
    kept.sort(Comparator.comparing(Found::finding, BY_POSITION));
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

  /** True when an inline comment before the finding switches it, or its rule, off. */
  private static boolean suppressed(Document document, Found found) {
    int start = document.sourceSpan(found.finding().span()).start();
    int line = document.positionOfSource(start).line();
    boolean allOff = false;
    Set<String> off = new HashSet<>();
    for (Suppression suppression : document.suppressions()) {
      if (suppression.sourceOffset() > start) {
        break;
      }
      switch (suppression.directive()) {
        case "disable-next-line" -> {
          if (document.positionOfSource(suppression.sourceOffset()).line() + 1 == line
              && names(suppression.rules(), found)) {
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
    return allOff || (!off.isEmpty() && names(List.copyOf(off), found));
  }

  /** True when the names are empty (every rule) or one names the finding or its rule. */
  private static boolean names(List<String> names, Found found) {
    return names.isEmpty()
        || names.stream().anyMatch(n -> Rule.idMatches(n, found.finding().ruleId()) || n.equals(found.rule().id()));
  }

  /**
   * A warning for each name in a suppression comment that is no rule's, so a misspelt rule id
   * never silently switches nothing off.
   */
  private List<Finding> unknownSuppressions(Document document) {
    List<Finding> warnings = new ArrayList<>();
    for (Suppression suppression : document.suppressions()) {
      for (String name : suppression.rules()) {
        boolean known = name.endsWith("*") || rules.stream().anyMatch(rule -> namesRule(name, rule));
        if (!known) {
          int at = Math.min(document.proseOffsetAt(suppression.sourceOffset()), document.text().length());
          warnings.add(new Finding(RuleLoader.SUPPRESSION_WARNING, Severity.WARNING, new Span(at, at),
              "copydesk-" + suppression.directive() + " on line " + document.positionOfSource(suppression.sourceOffset()).line()
                  + " names '" + name + "', which is not a rule: nothing is switched off for it",
              List.of()));
        }
      }
    }
    return warnings;
  }

  /** True when a suppression names the rule or a finding id under its prefix ({@code lt:DT_PRP}). */
  private static boolean namesRule(String name, LoadedRule rule) {
    return rule.id().equals(name) || (!rule.findingPrefix().isEmpty() && name.startsWith(rule.findingPrefix()));
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
