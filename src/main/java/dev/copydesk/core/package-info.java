/**
 * The few nouns everything else is built from: {@link dev.copydesk.core.Document} (a draft's
 * prose and its way back to the source), {@link dev.copydesk.core.Span}, {@link
 * dev.copydesk.core.Finding}, {@link dev.copydesk.core.Severity}, {@link dev.copydesk.core.Rule}
 * and the one thing a rule is handed, {@link dev.copydesk.core.Analysis}: the document, its
 * {@link dev.copydesk.core.Variant}, its sentences, and LanguageTool's matches and {@link
 * dev.copydesk.core.Token}s as plain values. What reports say about a rule is a {@link
 * dev.copydesk.core.RuleDescription}; one draft's outcome a {@link dev.copydesk.core.FileReport}.
 *
 * <p>This package depends on nothing but the JDK: no LanguageTool, no parsers, no output formats.
 * The variants copydesk checks in are listed here and nowhere else.
 */
package dev.copydesk.core;
