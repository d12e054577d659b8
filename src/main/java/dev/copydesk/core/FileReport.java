package dev.copydesk.core;

import java.util.List;

/**
 * The outcome of checking one draft: the document as read, the variant it was checked in, its
 * findings in order, and whether the check reached the end of it (false when the draft's time
 * budget ran out first).
 */
public record FileReport(Document document, Variant language, List<Finding> findings, boolean complete) {

  public FileReport {
    findings = List.copyOf(findings);
  }

  public String path() {
    return document.name();
  }
}
