package dev.copydesk.core;

/**
 * A place in a source file as an editor shows it: 1-based line and 1-based column, the column
 * counting UTF-16 code units from the start of the line.
 */
public record Position(int line, int column) {}
