package dev.copydesk.report;

import dev.copydesk.core.FileReport;
import dev.copydesk.core.Finding;
import dev.copydesk.core.Position;
import dev.copydesk.core.RuleDescription;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML, as GitLab and Jenkins show test reports: a test suite per draft and a test case per
 * rule, which fails when the rule has a finding at or above the run's fail-on severity; findings
 * below it are kept in the test case's output. Every rule that ran gets a test case, so a clean
 * draft shows as passing tests, not as none.
 */
final class JunitReporter implements Reporter {

  @Override
  public void write(List<FileReport> reports, ReportContext context, Writer out) throws IOException {
    try {
      XMLStreamWriter xml = Xml.open(out);
      int tests = 0;
      int failures = 0;
      List<Map<String, List<Finding>>> byRule = new ArrayList<>();
      for (FileReport report : reports) {
        Map<String, List<Finding>> rules = new TreeMap<>();
        context.rules().keySet().forEach(id -> rules.put(id, new ArrayList<>()));
        for (Finding finding : report.findings()) {
          rules.computeIfAbsent(finding.ruleId(), id -> new ArrayList<>()).add(finding);
        }
        for (RuleDescription rule : context.rules().values()) {
          if (!rule.findingPrefix().isEmpty() && rules.keySet().stream().anyMatch(id -> !id.equals(rule.id()) && rule.owns(id))) {
            rules.remove(rule.id()); // the other tool's rules that fired (LanguageTool's) stand for it
          }
        }
        byRule.add(rules);
        tests += rules.size();
        failures += (int) rules.values().stream().filter(f -> f.stream().anyMatch(x -> context.fails(x.severity()))).count();
      }
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "copydesk");
      xml.writeAttribute("tests", Integer.toString(tests));
      xml.writeAttribute("failures", Integer.toString(failures));
      for (int i = 0; i < reports.size(); i++) {
        suite(xml, reports.get(i), byRule.get(i), context);
      }
      xml.writeCharacters("\n");
      xml.writeEndElement();
      Xml.close(xml, out);
    } catch (XMLStreamException e) {
      throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
    }
  }

  private static void suite(XMLStreamWriter xml, FileReport report, Map<String, List<Finding>> rules, ReportContext context)
      throws XMLStreamException {
    long failed = rules.values().stream().filter(f -> f.stream().anyMatch(x -> context.fails(x.severity()))).count();
    xml.writeCharacters("\n  ");
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", report.path());
    xml.writeAttribute("tests", Integer.toString(rules.size()));
    xml.writeAttribute("failures", Long.toString(failed));
    xml.writeAttribute("errors", "0");
    xml.writeAttribute("skipped", "0");
    for (Map.Entry<String, List<Finding>> rule : rules.entrySet()) {
      xml.writeCharacters("\n    ");
      xml.writeStartElement("testcase");
      xml.writeAttribute("classname", report.path());
      xml.writeAttribute("name", rule.getKey());
      List<Finding> failing = rule.getValue().stream().filter(f -> context.fails(f.severity())).toList();
      if (!failing.isEmpty()) {
        xml.writeStartElement("failure");
        xml.writeAttribute("message", failing.size() + (failing.size() == 1 ? " finding" : " findings") + " from " + rule.getKey());
        xml.writeAttribute("type", failing.get(0).severity().label());
        xml.writeCharacters(lines(report, failing));
        xml.writeEndElement();
      }
      List<Finding> passing = rule.getValue().stream().filter(f -> !context.fails(f.severity())).toList();
      if (!passing.isEmpty()) {
        xml.writeStartElement("system-out");
        xml.writeCharacters(lines(report, passing));
        xml.writeEndElement();
      }
      xml.writeEndElement();
    }
    xml.writeCharacters("\n  ");
    xml.writeEndElement();
  }

  private static String lines(FileReport report, List<Finding> findings) {
    StringBuilder text = new StringBuilder("\n");
    for (Finding finding : findings) {
      Position start = report.document().start(finding.span());
      text.append(report.path()).append(':').append(start.line()).append(':').append(start.column())
          .append(": ").append(finding.severity().label()).append(": ").append(finding.message())
          .append(" [").append(finding.ruleId()).append("]\n");
    }
    return text.toString();
  }
}
