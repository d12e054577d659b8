/**
 * The rules: reading rule files, the one switch from a file's {@code kind:} to its class, and
 * the classes themselves (spelling, duplicated words, unattributed claims, promotional blocks,
 * LanguageTool's own rules, house-style phrases).
 *
 * <p>Rules see LanguageTool only through {@link dev.copydesk.languagetool}; they know nothing of
 * files on disk beyond their own data, of configuration, or of output formats.
 */
package dev.copydesk.rules;
