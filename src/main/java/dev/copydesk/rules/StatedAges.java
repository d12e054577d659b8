package dev.copydesk.rules;

import dev.copydesk.core.Span;
import dev.copydesk.rules.StatedFigures.Figure;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ages a story gives named people, for the figure-consistency rule: "Okafor, 46,", "the
 * 47-year-old Okafor", "Okafor, a 47-year-old engineer", "Okafor, aged 47". A figure in brackets
 * after a name ("Root (86)") is left alone: it is as often a score, a count or a party's seat.
 */
final class StatedAges {

  /** An age given to a named person: the surname it belongs to, a first name or title when given. */
  record Age(Figure figure, String surname, String first, String title, int sentence, Span cue) {}

  /** An age that disagrees with an earlier one for the same person. */
  record Clash(Age later, Age earlier) {}

  private static final Pattern YEAR_OLD = Pattern.compile("^[-\u2010 ]years?[-\u2010 ]old\\b");

  private final Set<String> titles;
  private final Set<String> timeWords;
  private final Pattern nameBefore;
  private final Pattern nameAfter;

  /**
   * @param titleList the titles that may stand before a name ("Mr", "Dr"), as the rule file gives them
   * @param timeWords month and day names, which are no surnames ("Monday, 12,")
   */
  StatedAges(List<String> titleList, Set<String> timeWords) {
    this.titles = Text.lowerSet(titleList);
    this.timeWords = timeWords;
    String alternatives = titleList.isEmpty() ? "\\b\\B" : String.join("|", titleList.stream().map(Pattern::quote).toList());
    nameBefore = Pattern.compile("(?:\\b(" + alternatives + ")\\.?\\s+)?((?:\\p{Lu}[\\p{L}'\u2019.-]*\\s+){0,3}\\p{Lu}[\\p{L}'\u2019-]+)$");
    nameAfter = Pattern.compile("^\\s+(?:(" + alternatives + ")\\.?\\s+)?(\\p{Lu}[\\p{L}'\u2019-]+(?:\\s+\\p{Lu}[\\p{L}'\u2019-]+){0,3})");
  }

  /**
   * The figure as the age of a named person, or null: "Okafor, 46,", "the 47-year-old Okafor",
   * "Okafor, a 47-year-old engineer", "Okafor, aged 47", "Okafor (47)".
   */
  Age read(String text, Span sentence, TaggedSentence s, Figure figure, int n) {
    if (!figure.whole() || figure.value() < 1 || figure.value() > 115) {
      return null;
    }
    String before = text.substring(sentence.start(), figure.span().start());
    String after = text.substring(figure.span().end(), sentence.end());
    Matcher yearOld = YEAR_OLD.matcher(after);
    Matcher name = null;
    int cueStart = figure.span().start();
    int cueEnd = figure.span().end();
    if (yearOld.find()) {
      cueEnd = figure.span().end() + yearOld.end();
      Matcher following = nameAfter.matcher(after.substring(yearOld.end()));
      int nameEnd = following.find() ? figure.span().end() + yearOld.end() + following.end() : -1;
      int next = nameEnd < 0 ? s.size() : CountedPhrases.tokenAt(s, nameEnd);
      // "the 24-year-old Atlanta woman": a capital before a noun is the noun's modifier, no name.
      boolean modifier = next < s.size() && CountedPhrases.isNoun(s, next) && !s.token(next).hasTag("VB") && Text.isLowerCase(s.analysisText(next));
      if (nameEnd >= 0 && !modifier && before.matches("(?is).*\\b(?:the|a|an)\\s*$") && !before.matches("(?is).*,\\s*(?:the|a|an)\\s*$")) {
        Age age = ageOf(figure, following.group(1), following.group(2), n, new Span(cueStart, cueEnd + following.end()));
        if (age != null) {
          return age;
        }
      }
      Matcher appositive = Pattern.compile("(?s)(.*?),\\s*(?:a|an|the)\\s*$").matcher(before);
      if (appositive.matches()) {
        name = nameBefore.matcher(appositive.group(1));
      }
    } else if (before.matches("(?s).*\\S,\\s*$") && after.matches("(?s)^(?:,(?!\\s*\\d)|;|\\s+and\\b|\\.\\s*$|\\s*$).*")) {
      name = nameBefore.matcher(before.replaceFirst(",\\s*$", ""));
    } else if (before.matches("(?s).*\\S,?\\s+aged\\s*$")) {
      name = nameBefore.matcher(before.replaceFirst(",?\\s+aged\\s*$", ""));
    }
    // "Root (86)" is left alone: a figure in brackets after a name is as often a score, a count
    // or a party's seat as an age.
    if (name == null || !name.find()) {
      return null;
    }
    int nameStart = sentence.start() + name.start(2);
    return ageOf(figure, name.group(1), name.group(2), n, new Span(Math.min(nameStart, cueStart), Math.max(cueEnd, figure.span().end())));
  }

  private Age ageOf(Figure figure, String title, String fullName, int n, Span cue) {
    String[] words = fullName.trim().split("\\s+");
    int firstWord = 0;
    while (firstWord < words.length && titles.contains(Text.lower(words[firstWord].replace(".", "")))) {
      title = words[firstWord];
      firstWord++;
    }
    if (firstWord >= words.length) {
      return null;
    }
    String surname = words[words.length - 1].replaceAll("['\u2019]s$", "");
    String lowerSurname = Text.lower(surname);
    if (timeWords.contains(lowerSurname) || surname.length() < 2 || Text.isAllCapitals(surname)
        || lowerSurname.equals("the") || lowerSurname.equals("he") || lowerSurname.equals("she")) {
      return null;
    }
    String first = words.length - firstWord >= 2 ? words[firstWord] : null;
    return new Age(figure, surname, first, title == null ? null : Text.lower(title.replace(".", "")), n, cue);
  }

  /**
   * Each age that disagrees with an earlier one for the same person, with that earlier one:
   * the same surname, no first names or titles that tell two people apart, and no two people of
   * that surname aged in the story (a bare surname could be either).
   */
  static List<Clash> clashes(List<Age> ages) {
    List<Clash> clashes = new ArrayList<>();
    for (int later = 1; later < ages.size(); later++) {
      Age age = ages.get(later);
      for (int earlier = 0; earlier < later; earlier++) {
        Age other = ages.get(earlier);
        if (!other.surname().equals(age.surname()) || other.figure().value() == age.figure().value()) {
          continue;
        }
        if (age.first() != null && other.first() != null && !age.first().equals(other.first())) {
          continue; // two people of one family
        }
        if (age.title() != null && other.title() != null && !age.title().equals(other.title())) {
          continue; // Mr and Mrs Okafor
        }
        if (distinctFirstNames(ages, age.surname()) > 1) {
          continue; // the story names two people of that surname: which one a bare surname means is not clear
        }
        clashes.add(new Clash(age, other));
        break;
      }
    }
    return clashes;
  }

  private static long distinctFirstNames(List<Age> ages, String surname) {
    return ages.stream().filter(a -> a.surname().equals(surname) && a.first() != null).map(Age::first).distinct().count();
  }
}
