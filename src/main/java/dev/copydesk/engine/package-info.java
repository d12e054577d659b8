/**
 * Running a check: configuration, and the engine that applies the rules to a document, drops what
 * config turns off or another rule supersedes, and orders the findings.
 *
 * <p>Knows nothing of output formats or of the command line.
 */
package dev.copydesk.engine;
