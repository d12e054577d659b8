package dev.copydesk.core;

import java.util.List;

/**
 * The outcome of checking one draft: the document as read, its findings in order, and whether
 * the check reached the end of it (false when the draft's time budget ran out first).
 */
public record FileReport(Document document, List<Finding> findings, boolean complete) {

  public FileReport {
    findings = List.copyOf(findings);
  }

  public FileReport(Document document, List<Finding> findings) {
    this(document, findings, true);
  }

  public String path() {
    return document.name();
  }
}
