package dev.copydesk.rules;

import dev.copydesk.core.Document;
import dev.copydesk.core.Span;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calendar dates a draft states, the way news copy writes them: "March 5", "Mar. 5, 2026",
 * "5 March 2026", "the 5th of March", each with the weekday written before it if there is one
 * ("Friday, March 5"). And the draft's own date: its metadata's, or else a dateline that opens the
 * copy ("WASHINGTON, March 3, 2026 —", "Published: 3 March 2026").
 *
 * <p>Only dates with a day are read: a month alone ("in March") says nothing a weekday or a tense
 * could contradict. A day range ("March 5-7") is left alone, since its weekday belongs to no one
 * day of it.
 */
final class CalendarDates {

  /** A date the copy states: where it is, its weekday as written (or null), and its parts. */
  record Mention(Span span, Span weekdaySpan, DayOfWeek weekday, Month month, int day, Integer year) {

    boolean yearStated() {
      return year != null;
    }
  }

  private static final String WEEKDAY =
      "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon\\.|Tues?\\.|Wed\\.|Thu(?:rs?)?\\.|Fri\\.|Sat\\.|Sun\\.)";
  private static final String MONTH =
      "(January|February|March|April|May|June|July|August|September|October|November|December"
          + "|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?)";
  /** A year after a date: four digits not followed by more of a number ("March 5, 2,000 people" has none). */
  private static final String YEAR = "(?:,?\\s+(1[6-9]\\d\\d|2[01]\\d\\d)(?![\\d,.]\\d|\\d))?";
  /** After a day: no more digits, no time ("5:30"), no range ("5-7"). */
  private static final String DAY_END = "(?:st|nd|rd|th)?(?![\\p{L}\\d]|[:.]\\d|\\s*[-\u2013]\\s*\\d)";

  /** "Friday, March 5, 2026", "Mar. 5", "March 5th". */
  private static final Pattern MONTH_DAY = Pattern.compile(
      "(?:(?<![\\p{L}])" + WEEKDAY + ",?\\s+)?(?<![\\p{L}])" + MONTH + "\\s+(\\d{1,2})" + DAY_END + YEAR);
  /** "Friday 5 March 2026", "Friday, the 5th of March". */
  private static final Pattern DAY_MONTH = Pattern.compile(
      "(?:(?<![\\p{L}])" + WEEKDAY + ",?\\s+(?:the\\s+)?)?(?<![\\p{L}\\d][-\u2013]?)(?<![-\u2013]\\s?)(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?"
          + MONTH + "(?![\\p{L}])" + YEAR);

  /** What may come before a dateline's date: a label, or a place in capitals ("WASHINGTON, D.C.,"). */
  private static final Pattern DATELINE_LEAD = Pattern.compile(
      "(?:(?:Published|Posted|Updated|Last updated|Date|Dated|First published)(?:\\s+on)?:?\\s*"
          + "|\\p{Lu}[\\p{Lu} .'-]+(?:,\\s*\\p{Lu}[\\p{L}.]*(?:\\s\\p{Lu}[\\p{L}.]*)?)?,\\s+)?");
  /** A dateline's end: the story starts after a dash or an agency's name, or the line is the date alone. */
  private static final Pattern DATELINE_END = Pattern.compile("\\s*(?:\\([^)]{1,40}\\))?\\s*(?:[-\u2013\u2014]|$|\\|)");

  /** How many of the first paragraphs may hold a dateline: a headline and a standfirst can come first. */
  private static final int DATELINE_PARAGRAPHS = 4;

  private CalendarDates() {}

  /** Every date stated in the prose within {@code span}, in order. */
  static List<Mention> in(String text, Span span) {
    List<Mention> mentions = new ArrayList<>();
    for (Pattern pattern : List.of(MONTH_DAY, DAY_MONTH)) {
      boolean monthFirst = pattern == MONTH_DAY;
      Matcher matcher = pattern.matcher(text).region(span.start(), span.end());
      while (matcher.find()) {
        Month month = month(matcher.group(monthFirst ? 2 : 3));
        int day = Integer.parseInt(matcher.group(monthFirst ? 3 : 2));
        if (month == null || day < 1 || day > 31) {
          continue;
        }
        Span weekdaySpan = matcher.group(1) == null ? null : new Span(matcher.start(1), matcher.end(1));
        DayOfWeek weekday = matcher.group(1) == null ? null : weekday(matcher.group(1));
        Integer year = matcher.group(4) == null ? null : Integer.valueOf(matcher.group(4));
        Mention mention = new Mention(new Span(matcher.start(), matcher.end()), weekdaySpan, weekday, month, day, year);
        if (mentions.stream().noneMatch(other -> other.span().overlaps(mention.span()))) {
          mentions.add(mention);
        }
      }
    }
    mentions.sort((a, b) -> Integer.compare(a.span().start(), b.span().start()));
    return mentions;
  }

  /**
   * The date a draft was written for: its metadata's, or else the first dateline among its first
   * paragraphs with a year stated; null when it has neither. The span is the dateline's date
   * (empty for a metadata date), which the rules do not judge against itself.
   */
  record DraftDate(LocalDate date, Span dateline) {}

  static DraftDate of(Document document) {
    if (document.dated() != null) {
      return new DraftDate(document.dated(), new Span(0, 0));
    }
    String text = document.text();
    List<Span> paragraphs = document.paragraphs();
    for (int p = 0; p < Math.min(DATELINE_PARAGRAPHS, paragraphs.size()); p++) {
      Span paragraph = paragraphs.get(p);
      for (Mention mention : in(text, paragraph)) {
        if (!mention.yearStated()) {
          continue;
        }
        Matcher lead = DATELINE_LEAD.matcher(text).region(paragraph.start(), mention.span().start());
        Matcher end = DATELINE_END.matcher(text).region(mention.span().end(), paragraph.end());
        if (lead.matches() && end.lookingAt()) {
          LocalDate date = dateOf(mention, mention.year());
          if (date != null) {
            return new DraftDate(date, mention.span());
          }
        }
        break; // only a paragraph's first date can be its dateline
      }
    }
    return null;
  }

  /** The mention's date in {@code year}, or null when the month has no such day that year. */
  static LocalDate dateOf(Mention mention, int year) {
    try {
      return LocalDate.of(year, mention.month(), mention.day());
    } catch (DateTimeException noSuchDay) {
      return null;
    }
  }

  /**
   * The years a mention without one may be in: those that put it within half a year of the
   * draft's date, the nearest first (a story of December 30 writing "Friday, Jan. 2" means the
   * next January).
   */
  static List<LocalDate> nearDraft(Mention mention, LocalDate draftDate) {
    List<LocalDate> dates = new ArrayList<>();
    for (int year = draftDate.getYear() - 1; year <= draftDate.getYear() + 1; year++) {
      LocalDate date = dateOf(mention, year);
      if (date != null && Math.abs(ChronoUnit.DAYS.between(draftDate, date)) <= 183) {
        dates.add(date);
      }
    }
    dates.sort((a, b) -> Long.compare(Math.abs(ChronoUnit.DAYS.between(draftDate, a)),
        Math.abs(ChronoUnit.DAYS.between(draftDate, b))));
    return dates;
  }

  /** The weekday's name written the way the copy wrote the one it replaces: in full, or abbreviated. */
  static String weekdayName(DayOfWeek day, String model) {
    String full = day.getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
    if (!model.endsWith(".")) {
      return full;
    }
    return switch (day) {
      case TUESDAY -> "Tues.";
      case THURSDAY -> "Thurs.";
      default -> full.substring(0, 3) + ".";
    };
  }

  /** The date as the messages write it: "March 5, 2026". */
  static String written(LocalDate date) {
    return date.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH) + " " + date.getDayOfMonth()
        + ", " + date.getYear();
  }

  private static Month month(String written) {
    String prefix = written.replace(".", "").toLowerCase(Locale.ROOT).substring(0, 3);
    for (Month month : Month.values()) {
      if (month.getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT).startsWith(prefix)) {
        return month;
      }
    }
    return null;
  }

  private static DayOfWeek weekday(String written) {
    String prefix = written.toLowerCase(Locale.ROOT).substring(0, 3);
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT).startsWith(prefix)) {
        return day;
      }
    }
    return null;
  }
}
