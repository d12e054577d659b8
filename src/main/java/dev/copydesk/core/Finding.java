package dev.copydesk.core;

import java.util.List;
import java.util.Objects;

/**
 * One problem a rule found in a document: which rule, how serious, where, what to tell the
 * writer, and the replacements that would fix it (best first; an empty string deletes the span).
 */
public record Finding(
    String ruleId, Severity severity, Span span, String message, List<String> suggestions) {

  public Finding {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(message, "message");
    suggestions = List.copyOf(suggestions);
  }

  public Finding withSeverity(Severity newSeverity) {
    return new Finding(ruleId, newSeverity, span, message, suggestions);
  }
}
