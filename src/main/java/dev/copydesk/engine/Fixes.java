package dev.copydesk.engine;

import dev.copydesk.core.Document;
import dev.copydesk.core.FileReport;
import dev.copydesk.core.Finding;
import dev.copydesk.core.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Applies findings' first suggestions to a draft's source text. Fixes are applied from the end
 * of the file back, so earlier offsets stay valid; a fix overlapping one already applied is left
 * out.
 *
 * <p>A deletion that leaves no copy on its first and last lines (only markup such as
 * {@code **}, {@code - }, {@code <li>} or a link target) takes the whole lines with their line
 * breaks, so deleting a promotional block or line leaves neither a dangling bullet nor an empty
 * paragraph.
 */
public final class Fixes {

  /** The fixed source and the findings whose fixes it holds, in order of position. */
  public record Result(String source, List<Finding> applied) {}

  private Fixes() {}

  public static Result apply(FileReport report, Predicate<Finding> wanted) {
    Document document = report.document();
    StringBuilder source = new StringBuilder(document.source());
    List<Finding> candidates = new ArrayList<>();
    for (Finding finding : report.findings()) {
      if (wanted.test(finding) && !finding.suggestions().isEmpty()) {
        candidates.add(finding);
      }
    }
    candidates.sort(Comparator.comparingInt((Finding f) -> f.span().start()).reversed());
    List<Finding> applied = new ArrayList<>();
    int limit = source.length();
    for (Finding finding : candidates) {
      String replacement = finding.suggestions().get(0);
      Span span = document.sourceSpan(finding.span());
      if (replacement.isEmpty()) {
        span = wholeLines(document, finding.span(), span);
      }
      if (span.end() > limit) {
        continue; // overlaps a fix already applied
      }
      source.replace(span.start(), span.end(), replacement);
      limit = span.start();
      applied.add(0, finding);
    }
    return new Result(source.toString(), applied);
  }

  /**
   * The source span widened to whole lines when no other copy stands on its first line before it
   * or on its last line after it.
   */
  static Span wholeLines(Document document, Span prose, Span span) {
    String source = document.source();
    String text = document.text();
    int start = span.start();
    while (start > 0 && !isLineBreak(source.charAt(start - 1))) {
      start--;
    }
    int end = span.end();
    while (end < source.length() && !isLineBreak(source.charAt(end))) {
      end++;
    }
    int before = prose.start() - 1;
    while (before >= 0 && Character.isWhitespace(text.charAt(before))) {
      before--;
    }
    int after = prose.end();
    while (after < text.length() && Character.isWhitespace(text.charAt(after))) {
      after++;
    }
    boolean copyBefore = before >= 0 && document.sourceOffset(before) >= start;
    boolean copyAfter = after < text.length() && document.sourceOffset(after) < end;
    if (copyBefore || copyAfter) {
      return span;
    }
    if (source.startsWith("\r\n", end)) {
      end += 2;
    } else if (end < source.length()) {
      end++;
    }
    return new Span(start, end);
  }

  private static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r';
  }
}
