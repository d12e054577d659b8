/**
 * The command line: picocli commands, expanding paths into drafts, exit codes. The only package
 * that writes to the terminal, and {@link dev.copydesk.cli.Main#main} the only place that exits.
 */
package dev.copydesk.cli;
