/**
 * Reading drafts: decoding bytes, then turning plain text, Markdown or HTML into a {@link
 * dev.copydesk.core.Document} whose every prose offset maps back to the source.
 *
 * <p>Depends on the core and on the markup parsers (commonmark-java, jsoup) only; never on rules,
 * LanguageTool or reporting.
 */
package dev.copydesk.input;
