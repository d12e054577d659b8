package dev.copydesk.report;

import dev.copydesk.core.Severity;

/** What a report says about a rule: its id, one line on what it checks, its default severity. */
public record RuleDescription(String id, String description, Severity severity) {}
