package dev.copydesk.report;

import dev.copydesk.core.Document;
import dev.copydesk.core.Span;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a draft holds, for copy editors to verify (every name's spelling is checked by
 * hand on a news desk): the HTML report lists them, and {@code check --list-names} prints them.
 */
public final class Names {

  /** Runs of capitalised words: names, places, organisations. */
  private static final Pattern CAPITALISED_RUN =
      Pattern.compile("\\p{Lu}[\\p{L}'\u2019.-]*(?:\\s+(?:of\\s+|the\\s+|de\\s+|van\\s+|al-)?\\p{Lu}[\\p{L}'\u2019.-]*)*");

  private static final Pattern SENTENCE_END = Pattern.compile("(?<=\\p{L}{3})\\.\\s+");

  /** Capitalised words that name no one: days and months. */
  private static final java.util.Set<String> CALENDAR = java.util.Set.of(
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
      "January", "February", "March", "April", "May", "June", "July", "August", "September",
      "October", "November", "December");

  private Names() {}

  /**
   * The proper names in the draft, by first appearance with their counts: runs of capitalised
   * words that do not open a sentence. Copy editors check the spelling of every one.
   */
  public static Map<String, Integer> in(Document document) {
    Map<String, Integer> names = new LinkedHashMap<>();
    String text = document.text();
    for (Span paragraph : document.paragraphs()) {
      Matcher matcher = CAPITALISED_RUN.matcher(text).region(paragraph.start(), paragraph.end());
      while (matcher.find()) {
        int before = matcher.start() - 1;
        while (before >= paragraph.start() && Character.isWhitespace(text.charAt(before))) {
          before--;
        }
        boolean opensSentence = before < paragraph.start() || ".!?\"\u201C:".indexOf(text.charAt(before)) >= 0;
        // A full stop after a word of three letters or more ends a sentence: "in Moscow. The".
        String run = SENTENCE_END.split(matcher.group(), 2)[0];
        String name = run.replaceAll("\\s+", " ").replaceAll("['\u2019]s$|[.]$", "");
        if (opensSentence && name.indexOf(' ') > 0) {
          // "The Tallinn harbour board": the sentence's first word is any word; the rest is a name.
          name = name.substring(name.indexOf(' ') + 1);
          opensSentence = false;
        }
        if (!opensSentence && name.length() > 1 && !CALENDAR.contains(name)) {
          names.merge(name, 1, Integer::sum);
        }
      }
    }
    return names;
  }
}
