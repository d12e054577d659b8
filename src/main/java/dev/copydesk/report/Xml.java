package dev.copydesk.report;

import java.io.IOException;
import java.io.Writer;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** The JDK's StAX writer, set up once for the XML formats: it escapes every attribute and text. */
final class Xml {

  private Xml() {}

  static XMLStreamWriter open(Writer out) throws XMLStreamException {
    XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
    xml.writeStartDocument("UTF-8", "1.0");
    xml.writeCharacters("\n");
    return xml;
  }

  static void close(XMLStreamWriter xml, Writer out) throws XMLStreamException, IOException {
    xml.writeEndDocument();
    xml.flush();
    out.write("\n");
  }
}
