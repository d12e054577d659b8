/**
 * The few nouns everything else is built from: {@link dev.copydesk.core.Document}, {@link
 * dev.copydesk.core.Span}, {@link dev.copydesk.core.Finding}, {@link dev.copydesk.core.Severity},
 * {@link dev.copydesk.core.Rule}.
 *
 * <p>This package depends on nothing but the JDK: no LanguageTool, no parsers, no output formats.
 */
package dev.copydesk.core;
