/**
 * Output formats. Each {@link dev.copydesk.report.Reporter} turns file reports into one format;
 * this is the only package where lines and columns are computed from offsets for printing.
 *
 * <p>Depends on the core only; rules and the engine never import it.
 */
package dev.copydesk.report;
