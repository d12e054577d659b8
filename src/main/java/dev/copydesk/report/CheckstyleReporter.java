package dev.copydesk.report;

import dev.copydesk.core.FileReport;
import dev.copydesk.core.Finding;
import dev.copydesk.core.Position;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Checkstyle's XML, which reviewdog ({@code -f=checkstyle}) and Jenkins Warnings read: a
 * {@code <file>} per draft and an {@code <error>} per finding, {@code source} naming the rule.
 */
final class CheckstyleReporter implements Reporter {

  @Override
  public void write(List<FileReport> reports, ReportContext context, Writer out) throws IOException {
    try {
      XMLStreamWriter xml = Xml.open(out);
      xml.writeStartElement("checkstyle");
      xml.writeAttribute("version", "8.0");
      for (FileReport report : reports) {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("file");
        xml.writeAttribute("name", report.path());
        for (Finding finding : report.findings()) {
          Position start = report.document().start(finding.span());
          xml.writeCharacters("\n    ");
          xml.writeEmptyElement("error");
          xml.writeAttribute("line", Integer.toString(start.line()));
          xml.writeAttribute("column", Integer.toString(start.column()));
          xml.writeAttribute("severity", switch (finding.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case SUGGESTION -> "info";
          });
          xml.writeAttribute("message", finding.message());
          xml.writeAttribute("source", "copydesk." + finding.ruleId());
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
      }
      xml.writeCharacters("\n");
      xml.writeEndElement();
      Xml.close(xml, out);
    } catch (XMLStreamException e) {
      throw new IOException("cannot write checkstyle XML: " + e.getMessage(), e);
    }
  }
}
