/**
 * The command line: picocli commands, expanding paths into drafts, running them through {@link
 * dev.copydesk.cli.DraftChecks}, report destinations, exit codes. A command is options in, an
 * engine call, a report out. The only package that writes to the terminal, and {@link
 * dev.copydesk.cli.Main#main} the only place that exits.
 */
package dev.copydesk.cli;
