package dev.copydesk.report;

import dev.copydesk.core.Document;
import dev.copydesk.core.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a draft holds, for copy editors to verify (every name's spelling is checked by
 * hand on a news desk): the HTML report lists them, and {@code check --list-names} prints them.
 */
public final class Names {

  /**
   * Runs of capitalised words: names, places, organisations, with the small words that join the
   * parts of one name between them ("Department of the Interior", "Ludwig van Beethoven",
   * "Markus de la Cruz", "Baltic Dredge & Tow"). "and" joins too, but only inside a name already
   * joined by "of" or "for" ("Center for Strategic and International Studies"), and never before
   * "the"; elsewhere it joins two names ("Putin and Trump", "the Department of the Interior and
   * the Bank of Finland"), which {@link #in} keeps apart.
   */
  private static final Pattern CAPITALISED_RUN = Pattern.compile(
      "\\p{Lu}[\\p{L}'\u2019.-]*(?:\\s+(?:(?:of|the|for|de|du|da|der|den|van|von|la|le|bin|ibn|and|&)\\s+)*(?:al-)?\\p{Lu}[\\p{L}'\u2019.-]*)*");

  /** A joining "and" in a run, which splits it unless "of" or "for" came before. */
  private static final Pattern AND = Pattern.compile("\\s+and\\s+");

  private static final Pattern OF_OR_FOR = Pattern.compile("\\s(?:of|for)\\s");

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
        for (String part : joinedNames(run)) {
          opensSentence = addName(names, part.replaceAll("\\s+", " ").replaceAll("['\u2019]s$|[.]$", ""), opensSentence);
        }
      }
    }
    return names;
  }

  /** The run cut at each "and" that joins two names rather than two parts of one. */
  private static List<String> joinedNames(String run) {
    List<String> parts = new ArrayList<>();
    Matcher and = AND.matcher(run);
    int start = 0;
    while (and.find()) {
      boolean partOfOne = OF_OR_FOR.matcher(run.substring(start, and.start()) + " ").find()
          && !run.startsWith("the ", and.end());
      if (!partOfOne) {
        parts.add(run.substring(start, and.start()));
        start = and.end();
      }
    }
    parts.add(run.substring(start));
    parts.replaceAll(part -> part.replaceFirst("^the\\s+", "")); // "the Bank of Finland" after "and"
    return parts;
  }

  /**
   * Counts one name, unless it only opens a sentence; returns false, since whatever follows in
   * the same run opens nothing.
   */
  private static boolean addName(Map<String, Integer> names, String found, boolean opensSentence) {
    String name = found;
    if (opensSentence && name.indexOf(' ') > 0) {
      // "The Tallinn harbour board": the sentence's first word is any word; the rest is a name.
      name = name.substring(name.indexOf(' ') + 1);
      opensSentence = false;
    }
    if (!opensSentence && name.length() > 1 && !CALENDAR.contains(name)) {
      names.merge(name, 1, Integer::sum);
    }
    return false;
  }
}
