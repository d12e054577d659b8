package dev.copydesk.rules;

import dev.copydesk.core.Document;
import dev.copydesk.core.Span;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text helpers the editorial rules share: words, quotations, sentence ends, proper nouns,
 * capitals, literal phrase patterns. (Sentences come with the {@link dev.copydesk.core.Analysis}.)
 */
final class Text {

  /** A word: letters and digits, with inner apostrophes, hyphens and dots ("don't", "U.S"). */
  private static final Pattern WORD =
      Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\p{M}'\u2019.-]*[\\p{L}\\p{N}\\p{M}])?");

  private Text() {}

  /** The words of {@code text} within {@code span}. */
  static List<Span> words(String text, Span span) {
    List<Span> words = new ArrayList<>();
    Matcher matcher = WORD.matcher(text).region(span.start(), span.end());
    while (matcher.find()) {
      words.add(new Span(matcher.start(), matcher.end()));
    }
    return words;
  }

  /**
   * The quoted stretches of a paragraph: straight double quotes paired in order, and curly
   * quotes from an opening mark to its closing mark. A quote left open runs to the paragraph's
   * end, as in news copy where a quotation continues into the next paragraph.
   */
  static List<Span> quotations(String text, Span paragraph) {
    List<Span> quotes = new ArrayList<>();
    int open = -1;
    for (int i = paragraph.start(); i < paragraph.end(); i++) {
      char c = text.charAt(i);
      boolean opening = c == '\u201C' || (c == '"' && open < 0);
      boolean closing = c == '\u201D' || (c == '"' && open >= 0);
      if (closing && open >= 0) {
        quotes.add(new Span(open, i + 1));
        open = -1;
      } else if (opening && open < 0) {
        open = i;
      }
    }
    if (open >= 0) {
      quotes.add(new Span(open, paragraph.end()));
    }
    return quotes;
  }

  /**
   * One case-insensitive pattern matching any of the phrases as whole words, each taken
   * literally (never as a regular expression, so no data file can make a check backtrack for
   * ever), longest first, with any run of white space between words. Null for no phrases.
   */
  static Pattern phrasePattern(Collection<String> phrases) {
    if (phrases.isEmpty()) {
      return null;
    }
    StringBuilder alternatives = new StringBuilder();
    phrases.stream()
        .map(String::strip)
        .sorted(Comparator.comparingInt(String::length).reversed())
        .forEach(
            phrase -> {
              if (alternatives.length() > 0) {
                alternatives.append('|');
              }
              alternatives.append(Pattern.quote(phrase).replaceAll(" +", "\\\\E\\\\s+\\\\Q"));
            });
    return Pattern.compile(
        "(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /**
   * One case-insensitive pattern matching any of the phrases anywhere, not only as whole words,
   * still literally (never as a regular expression). Null for no phrases.
   */
  static Pattern literalPattern(Collection<String> phrases) {
    if (phrases.isEmpty()) {
      return null;
    }
    StringBuilder alternatives = new StringBuilder();
    for (String phrase : phrases) {
      alternatives.append(alternatives.length() > 0 ? "|" : "").append(Pattern.quote(phrase));
    }
    return Pattern.compile(alternatives.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** True when the text between two words ends a sentence or a paragraph (or opens a quotation). */
  static boolean gapEndsSentence(String gap) {
    return SENTENCE_GAP.matcher(gap).find();
  }

  private static final Pattern SENTENCE_GAP = Pattern.compile("[.!?:\"\u201C\n]");

  /**
   * True when a line ends as a sentence does: a closing full stop, colon or semicolon (before any
   * closing quotes or brackets), not an ellipsis. A headline or a label does not.
   */
  static boolean endsLikeSentence(String line) {
    int i = line.length() - 1;
    while (i >= 0 && "\"'\u201D\u2019)]".indexOf(line.charAt(i)) >= 0) {
      i--;
    }
    return i >= 0 && (line.charAt(i) == '.' || line.charAt(i) == ':' || line.charAt(i) == ';')
        && !line.endsWith("...") && !line.endsWith("\u2026");
  }

  /**
   * The words the draft capitalises somewhere other than at the start of a sentence: its proper
   * nouns, as far as the draft itself tells. A word it also writes in lower case is a common word
   * whose capital comes from where it stands (a run-in heading, "The outlook The Vienna meeting";
   * a name it is part of, "the Inner Mongolia Health Authority" beside "health chiefs"), not a
   * name: its capital at a sentence's start says nothing. Capitals ("US" beside "us") stay names.
   */
  static Set<String> midSentenceCapitals(Document document, List<Span> sentences) {
    Set<String> proper = new HashSet<>();
    Set<String> lowerCase = new HashSet<>();
    for (Span sentence : sentences) {
      List<Span> words = Text.words(document.text(), sentence);
      for (int i = 0; i < words.size(); i++) {
        String word = document.text(words.get(i));
        if (Text.isCapitalised(word)) {
          if (i > 0) {
            proper.add(word);
          }
        } else if (Text.isLowerCase(word)) {
          lowerCase.add(word);
        }
      }
    }
    proper.removeIf(word -> !(word.length() > 1 && Text.isAllCapitals(word)) && lowerCase.contains(Text.lower(word)));
    return proper;
  }

  /**
   * True when a capitalised word is a name: anywhere but at a sentence's start; there, only if
   * the draft capitalises it elsewhere too ("Kremlin officials said", after "the Kremlin") or it
   * is in capitals ("EU officials").
   */
  static boolean isProperNoun(String word, boolean sentenceInitial, Set<String> properWords) {
    if (!Text.isCapitalised(word)) {
      return false;
    }
    return !sentenceInitial || (word.length() > 1 && Text.isAllCapitals(word)) || properWords.contains(word);
  }

  static boolean isCapitalised(String word) {
    return !word.isEmpty() && Character.isUpperCase(word.codePointAt(0));
  }

  /** True when the word has a letter and no capital ("frome", not "Frome" or "LSAT"). */
  static boolean isLowerCase(String word) {
    return word.chars().anyMatch(Character::isLetter) && word.chars().noneMatch(Character::isUpperCase);
  }

  static boolean isAllCapitals(String word) {
    boolean letter = false;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      letter |= Character.isLetter(c);
    }
    return letter;
  }

  static String lower(String word) {
    return word.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
  }

  /** A rule file's list of words as a set, each stripped and lower-cased as {@link #lower} does. */
  static Set<String> lowerSet(List<String> words) {
    Set<String> set = new HashSet<>();
    for (String word : words) {
      set.add(lower(word.strip()));
    }
    return Set.copyOf(set);
  }

  /** The word with its first letter in the case of {@code model}'s first letter. */
  static String matchCase(String word, String model) {
    if (word.isEmpty() || model.isEmpty()) {
      return word;
    }
    String first = word.substring(0, 1);
    first = isCapitalised(model) ? first.toUpperCase(Locale.ROOT) : first.toLowerCase(Locale.ROOT);
    return first + word.substring(1);
  }
}
