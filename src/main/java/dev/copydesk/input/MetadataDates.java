package dev.copydesk.input;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The publication date a draft's metadata gives it: Markdown front matter's {@code date:} (or
 * {@code published:}, as static-site generators and CMS exports write it), an HTML page's
 * {@code article:published_time} or {@code datePublished}. Only the calendar date is kept: the
 * rules that use it ask which day the story was written for, not the hour.
 */
final class MetadataDates {

  /** Front matter keys and HTML meta names that hold the date a story was published, most usual first. */
  static final List<String> KEYS = List.of("date", "published", "publishdate", "publish_date", "publish-date",
      "pubdate", "published_at", "datepublished", "article:published_time", "dc.date", "dc.date.issued");

  /** An ISO date at the start of a value, whatever time and zone follow it. */
  private static final Pattern ISO_DATE = Pattern.compile("^\\s*[\"']?(\\d{4}-\\d{2}-\\d{2})(?![\\d])");

  private MetadataDates() {}

  /** The date at the start of an ISO date or date-time value, or null when it holds none. */
  static LocalDate parse(String value) {
    if (value == null) {
      return null;
    }
    Matcher matcher = ISO_DATE.matcher(value);
    if (!matcher.find()) {
      return null;
    }
    try {
      return LocalDate.parse(matcher.group(1));
    } catch (DateTimeParseException notADate) {
      return null; // "2026-02-30": no date rather than a wrong one
    }
  }

  /** The first of {@link #KEYS} present (in any case) that holds a date, or null. */
  static LocalDate first(Map<String, List<String>> values) {
    for (String key : KEYS) {
      for (Map.Entry<String, List<String>> entry : values.entrySet()) {
        if (entry.getKey().equalsIgnoreCase(key) && !entry.getValue().isEmpty()) {
          LocalDate date = parse(entry.getValue().get(0));
          if (date != null) {
            return date;
          }
        }
      }
    }
    return null;
  }
}
