package dev.copydesk.core;

import java.util.List;

/** The outcome of checking one draft: the document as read and its findings in order. */
public record FileReport(Document document, List<Finding> findings) {

  public FileReport {
    findings = List.copyOf(findings);
  }

  public String path() {
    return document.name();
  }
}
