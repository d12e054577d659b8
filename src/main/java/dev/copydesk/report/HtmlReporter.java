package dev.copydesk.report;

import dev.copydesk.core.Document;
import dev.copydesk.core.FileReport;
import dev.copydesk.core.Finding;
import dev.copydesk.core.Position;
import dev.copydesk.core.Severity;
import dev.copydesk.core.Span;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jsoup.nodes.Document.OutputSettings;
import org.jsoup.nodes.Element;

/**
 * A report for editors: one self-contained HTML file (inline CSS and script, nothing fetched)
 * that shows each draft as an article with every finding highlighted where it occurs and
 * explained beside it, counts by rule and severity at the top, filters by severity and rule, the
 * promotional block struck through, and the draft's proper names listed for checking.
 *
 * <p>The page is built with jsoup's element API, which escapes every piece of the draft: a draft
 * holding {@code <script>} or {@code </textarea>} shows it as text, and it runs nothing.
 */
final class HtmlReporter implements Reporter {

  private static final String STYLE = String.join("\n",
      "body{font:16px/1.5 Georgia,serif;margin:0;color:#222;background:#fafafa}",
      "header{background:#222;color:#fff;padding:1em 2em}header h1{margin:0 0 .3em;font:bold 1.4em sans-serif}",
      "table.counts{border-collapse:collapse;font:13px sans-serif;margin:.5em 0}",
      "table.counts td,table.counts th{border:1px solid #666;padding:2px 8px;text-align:right}",
      "table.counts th:first-child,table.counts td:first-child{text-align:left}",
      "#filters{font:13px sans-serif}#filters label{margin-right:1em;white-space:nowrap}",
      "section.draft{padding:1em 2em;border-bottom:1px solid #ccc}section.draft h2{font:bold 1.1em sans-serif}",
      ".layout{display:flex;gap:2em;align-items:flex-start}article{flex:3;max-width:42em;background:#fff;padding:1em 2em;box-shadow:0 1px 3px #aaa}",
      "aside{flex:2;font:14px/1.4 sans-serif}aside ol{padding-left:1.2em}aside li{margin-bottom:.6em}",
      "mark{background:none;border-bottom:3px solid;padding:0 1px}",
      "mark.error{background:#fdd;border-color:#c00}mark.warning{background:#ffe9b3;border-color:#d80}",
      "mark.suggestion{background:#e3eeff;border-color:#36c}mark.promo{text-decoration:line-through;background:#eee;color:#777}",
      "mark.hidden{background:none;border-color:transparent;text-decoration:none;color:inherit}",
      "li.hidden{display:none}.sev{font-weight:bold;text-transform:uppercase;font-size:11px;padding:1px 4px;border-radius:3px;color:#fff}",
      ".sev.error{background:#c00}.sev.warning{background:#d80}.sev.suggestion{background:#36c}",
      ".rule{font-family:monospace}.fix{color:#060}.names{columns:2;font-size:13px}");

  private static final String SCRIPT = String.join("\n",
      "(function(){",
      "  var boxes=document.querySelectorAll('#filters input');",
      "  function shown(el){",
      "    var on={};boxes.forEach(function(b){on[b.dataset.kind+':'+b.value]=b.checked;});",
      "    return on['severity:'+el.dataset.severity]!==false&&on['rule:'+el.dataset.rule]!==false;",
      "  }",
      "  function apply(){",
      "    document.querySelectorAll('li.finding').forEach(function(li){li.classList.toggle('hidden',!shown(li));});",
      "    document.querySelectorAll('mark').forEach(function(m){",
      "      var any=m.dataset.findings.split(' ').some(function(id){var li=document.getElementById('explain-'+id);return li&&shown(li);});",
      "      m.classList.toggle('hidden',!any);",
      "    });",
      "  }",
      "  boxes.forEach(function(b){b.addEventListener('change',apply);});",
      "})();");

  @Override
  public void write(List<FileReport> reports, ReportContext context, Writer out) throws IOException {
    org.jsoup.nodes.Document page = org.jsoup.nodes.Document.createShell("");
    page.outputSettings(new OutputSettings().prettyPrint(false).charset("UTF-8"));
    page.head().appendElement("meta").attr("charset", "utf-8");
    page.head().appendElement("meta").attr("http-equiv", "Content-Security-Policy")
        .attr("content", "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'");
    page.head().appendElement("title").text("copydesk report");
    page.head().appendElement("style").appendChild(new org.jsoup.nodes.DataNode(STYLE));
    Element body = page.body();
    header(body.appendElement("header"), reports, context);
    for (int i = 0; i < reports.size(); i++) {
      draft(body.appendElement("section").addClass("draft"), reports.get(i), i, context);
    }
    body.appendElement("script").appendChild(new org.jsoup.nodes.DataNode(SCRIPT));
    out.write("<!DOCTYPE html>\n");
    out.write(page.outerHtml());
    out.write("\n");
  }

  private static void header(Element header, List<FileReport> reports, ReportContext context) {
    header.appendElement("h1").text("copydesk report");
    Map<String, Map<Severity, Integer>> counts = new TreeMap<>();
    Map<Severity, Integer> totals = new EnumMap<>(Severity.class);
    for (FileReport report : reports) {
      for (Finding finding : report.findings()) {
        counts.computeIfAbsent(finding.ruleId(), id -> new EnumMap<>(Severity.class)).merge(finding.severity(), 1, Integer::sum);
        totals.merge(finding.severity(), 1, Integer::sum);
      }
    }
    header.appendElement("p").text(reports.size() + (reports.size() == 1 ? " draft" : " drafts") + " checked by copydesk "
        + context.version() + ": " + totals.getOrDefault(Severity.ERROR, 0) + " errors, "
        + totals.getOrDefault(Severity.WARNING, 0) + " warnings, "
        + totals.getOrDefault(Severity.SUGGESTION, 0) + " suggestions.");
    Element table = header.appendElement("table").addClass("counts");
    Element head = table.appendElement("tr");
    head.appendElement("th").text("rule");
    for (Severity severity : List.of(Severity.ERROR, Severity.WARNING, Severity.SUGGESTION)) {
      head.appendElement("th").text(severity.label());
    }
    for (Map.Entry<String, Map<Severity, Integer>> rule : counts.entrySet()) {
      Element row = table.appendElement("tr");
      row.appendElement("td").addClass("rule").text(rule.getKey());
      for (Severity severity : List.of(Severity.ERROR, Severity.WARNING, Severity.SUGGESTION)) {
        row.appendElement("td").text(Integer.toString(rule.getValue().getOrDefault(severity, 0)));
      }
    }
    Element filters = header.appendElement("form").id("filters");
    filters.appendText("Show: ");
    for (Severity severity : List.of(Severity.ERROR, Severity.WARNING, Severity.SUGGESTION)) {
      checkbox(filters, "severity", severity.label());
    }
    filters.appendText(" Rules: ");
    for (String rule : counts.keySet()) {
      checkbox(filters, "rule", rule);
    }
  }

  private static void checkbox(Element form, String kind, String value) {
    Element label = form.appendElement("label");
    label.appendElement("input").attr("type", "checkbox").attr("checked", true)
        .attr("data-kind", kind).attr("value", value);
    label.appendText(" " + value);
  }

  private static void draft(Element section, FileReport report, int draftIndex, ReportContext context) {
    Document document = report.document();
    section.appendElement("h2").text(report.path()
        + (report.complete() ? "" : " (not fully checked: its time budget ran out)"));
    Element layout = section.appendElement("div").addClass("layout");
    Element article = layout.appendElement("article");
    List<Finding> findings = report.findings();
    for (Span paragraph : document.paragraphs()) {
      paragraph(article.appendElement("p"), document, paragraph, findings, draftIndex, context);
    }
    Element aside = layout.appendElement("aside");
    aside.appendElement("h3").text(findings.isEmpty() ? "No problems found" : "Findings");
    Element list = aside.appendElement("ol");
    for (int i = 0; i < findings.size(); i++) {
      explain(list.appendElement("li"), document, findings.get(i), draftIndex + "-" + i);
    }
    Map<String, Integer> names = Names.in(document);
    if (!names.isEmpty()) {
      aside.appendElement("h3").text("Names to verify");
      Element ul = aside.appendElement("ul").addClass("names");
      names.forEach((name, count) -> ul.appendElement("li").text(count > 1 ? name + " (" + count + ")" : name));
    }
  }

  /** A paragraph cut at every finding boundary, each piece marked with the findings over it. */
  private static void paragraph(Element p, Document document, Span paragraph, List<Finding> findings, int draftIndex,
      ReportContext context) {
    TreeSet<Integer> cuts = new TreeSet<>(List.of(paragraph.start(), paragraph.end()));
    for (Finding finding : findings) {
      Span span = finding.span();
      if (span.overlaps(paragraph)) {
        cuts.add(Math.max(span.start(), paragraph.start()));
        cuts.add(Math.min(span.end(), paragraph.end()));
      }
    }
    Integer from = null;
    for (Integer to : cuts) {
      if (from != null && to > from) {
        Span piece = new Span(from, to);
        String text = document.text(piece);
        List<Integer> over = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
          if (findings.get(i).span().overlaps(piece)) {
            over.add(i);
          }
        }
        if (over.isEmpty()) {
          p.appendText(text);
        } else {
          for (int i : over) {
            if (findings.get(i).span().start() == from) {
              p.appendElement("a").id("finding-" + draftIndex + "-" + i); // where the explanation links to
            }
          }
          mark(p.appendElement("mark"), text, over, findings, draftIndex, context);
        }
      }
      from = to;
    }
  }

  private static void mark(Element mark, String text, List<Integer> over, List<Finding> findings, int draftIndex,
      ReportContext context) {
    Severity worst = Severity.SUGGESTION;
    StringBuilder ids = new StringBuilder();
    StringBuilder title = new StringBuilder();
    boolean promo = false;
    for (int i : over) {
      Finding finding = findings.get(i);
      worst = finding.severity().atLeast(worst) ? finding.severity() : worst;
      ids.append(ids.length() == 0 ? "" : " ").append(draftIndex).append('-').append(i);
      title.append(title.length() == 0 ? "" : "\n").append(finding.message()).append(" [").append(finding.ruleId()).append(']');
      promo |= context.describe(finding.ruleId()).blockLevel(); // a promotional block, struck through
    }
    mark.addClass(worst.label()).attr("data-findings", ids.toString()).attr("title", title.toString()).text(text);
    if (promo) {
      mark.addClass("promo");
    }
  }

  private static void explain(Element li, Document document, Finding finding, String id) {
    Position start = document.start(finding.span());
    li.addClass("finding").id("explain-" + id)
        .attr("data-severity", finding.severity().label()).attr("data-rule", finding.ruleId());
    li.appendElement("a").attr("href", "#finding-" + id).text(start.line() + ":" + start.column());
    li.appendText(" ");
    li.appendElement("span").addClass("sev").addClass(finding.severity().label()).text(finding.severity().label());
    li.appendText(" ");
    li.appendElement("span").addClass("rule").text(finding.ruleId());
    li.appendElement("br");
    li.appendText(finding.message());
    if (!finding.suggestions().isEmpty()) {
      String fix = finding.suggestions().get(0);
      li.appendElement("br");
      li.appendElement("span").addClass("fix").text(fix.isEmpty() ? "Fix: delete it" : "Fix: " + fix);
    }
  }

}
