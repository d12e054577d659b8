/**
 * copydesk as a Language Server Protocol server ({@code copydesk lsp}), on Eclipse LSP4J: open
 * drafts checked as they change, findings published as diagnostics, quick fixes (a suggestion, a
 * deleted promotional block, a suppression comment) and the "add to the dictionary" command.
 *
 * <p>It reuses what every command uses: {@code Engines} built from the nearest config, the input
 * package's parsers, the engine's {@code Fixes} for the edits and {@code DictionaryFile} for
 * the dictionary. Only this package imports LSP4J. Depends on the core, input and engine
 * packages; nothing depends on it but the command line, which starts it.
 */
package dev.copydesk.lsp;
