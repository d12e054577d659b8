package dev.copydesk.core;

/**
 * A half-open range {@code [start, end)} of offsets into a document's prose text.
 *
 * <p>Offsets count UTF-16 code units, as Java strings do. Every position copydesk reports is
 * derived from a span; line and column are computed only when a report is written.
 */
public record Span(int start, int end) {

  public Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
  }

  public int length() {
    return end - start;
  }

  /** True when the two spans share at least one offset (empty spans overlap nothing). */
  public boolean overlaps(Span other) {
    return start < other.end && other.start < end;
  }

  /** True when {@code other} lies wholly inside this span. */
  public boolean contains(Span other) {
    return start <= other.start && other.end <= end;
  }
}
