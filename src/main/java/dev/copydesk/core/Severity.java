package dev.copydesk.core;

import java.util.Locale;

/** How serious a finding is; ordered from least to most serious. */
public enum Severity {
  SUGGESTION,
  WARNING,
  ERROR;

  /** The lower-case name used in reports, config and rule files. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code error}, {@code warning} or {@code suggestion}, in any case. */
  public static Severity parse(String text) {
    for (Severity severity : values()) {
      if (severity.label().equalsIgnoreCase(text.trim())) {
        return severity;
      }
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not a severity (error, warning or suggestion)");
  }

  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }
}
