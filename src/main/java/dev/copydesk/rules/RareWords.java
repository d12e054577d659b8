package dev.copydesk.rules;

import dev.copydesk.core.Analysis;
import dev.copydesk.core.Document;
import dev.copydesk.core.LanguageToolMatch;
import dev.copydesk.core.Span;
import java.util.List;

/**
 * Whether a word only the rarest word lists know, or only as a name, is a slip of a common word
 * ("withing", "curch", "frome"), weighed against what the draft says about it.
 */
final class RareWords {

  private final WordLists.Lists wordLists;
  private final List<String> definitionCues;

  RareWords(WordLists.Lists wordLists, List<String> definitionCues) {
    this.wordLists = wordLists;
    this.definitionCues = definitionCues.stream().map(Text::lower).toList();
  }

  /**
   * The common word a lower-case word only the rarest lists know ("withing", "curch": abbreviations,
   * archaic, dialect and informal forms), or only as a name ("frome"), is a slip of, or null: a
   * suggestion one edit away that is at most {@code commonest} in SCOWL's levels, when the
   * draft gives no sign the word was meant: it is used once, and not glossed (in quotation marks,
   * followed by a bracket, or after "called", "known as" and the other definition cues). The
   * house dictionary was asked before.
   */
  String slipOfCommonWord(Analysis analysis, LanguageToolMatch match, String word, int uses, int commonest) {
    return slipOfCommonWord(analysis, match, word, uses, commonest, Findings.MAX_SUGGESTIONS);
  }

  /** As above, weighing the first {@code weighed} suggestions. */
  String slipOfCommonWord(Analysis analysis, LanguageToolMatch match, String word, int uses, int commonest, int weighed) {
    if (glossed(analysis.document(), match.span()) || besideUnknownWord(analysis, match.span())) {
      return null;
    }
    String lowerWord = Text.lower(word);
    String meant = null;
    int meantLevel = commonest + 1;
    for (String suggestion : match.suggestions().subList(0, Math.min(weighed, match.suggestions().size()))) {
      String lowerSuggestion = Text.lower(suggestion);
      int level = wordLists.level(lowerSuggestion);
      // The commonest of them ("from", not "frame", for "frome"); on a tie, the speller's order.
      if (level < meantLevel && !lowerSuggestion.equals(lowerWord) && WordShapes.edits(lowerWord, lowerSuggestion) == 1
          && lowerSuggestion.indexOf(' ') < 0 && lowerSuggestion.indexOf('-') < 0 && analysis.knowsWord(lowerSuggestion)) {
        meant = suggestion;
        meantLevel = level;
      }
    }
    // Used again, the spelling was meant, unless it is one of the few thousand commonest words
    // the draft writes right more often still: "ripped frome her arms ... hiding her frome the
    // law" among a score of "from"s is the same slip twice, not a word the writer chose.
    if (uses > 1 && (meant == null || meantLevel > WordLists.EVERYDAY_LEVEL
        || wholeWordCount(analysis.document().text(), Text.lower(meant)) <= uses)) {
      return null;
    }
    return meant;
  }

  /** How often the text holds the word, case as given, as a whole word. */
  private static int wholeWordCount(String text, String word) {
    int count = 0;
    for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      int end = at + word.length();
      if ((at == 0 || !Character.isLetter(text.charAt(at - 1))) && (end >= text.length() || !Character.isLetter(text.charAt(end)))) {
        count++;
      }
    }
    return count;
  }

  /**
   * True when the word before or after is a lower-case word the speller does not know: a foreign
   * phrase ("le chien", "nolo contendere"). An unknown capitalised neighbour is a name, no sign
   * of a phrase: "analysis frome Poynter" is a slip before a name.
   */
  private static boolean besideUnknownWord(Analysis analysis, Span span) {
    String text = analysis.document().text();
    List<Span> before = Text.words(text, new Span(Math.max(0, span.start() - 30), span.start()));
    List<Span> after = Text.words(text, new Span(span.end(), Math.min(text.length(), span.end() + 30)));
    for (Span neighbour : List.of(before.isEmpty() ? span : before.get(before.size() - 1), after.isEmpty() ? span : after.get(0))) {
      String word = analysis.document().text(neighbour);
      if (!neighbour.equals(span) && Text.isLowerCase(word) && !analysis.knowsWord(word)) {
        return true;
      }
    }
    return false;
  }

  /** True when the draft marks the word as meant: quoted, glossed in brackets, or after a definition cue. */
  private boolean glossed(Document document, Span span) {
    String text = document.text();
    // Quotation marks at the word, or a space inside them, as some wire copy sets them (" eva ").
    int start = span.start() >= 2 && text.charAt(span.start() - 1) == ' ' ? span.start() - 1 : span.start();
    int end = span.end() + 1 < text.length() && text.charAt(span.end()) == ' ' ? span.end() + 1 : span.end();
    char before = start > 0 ? text.charAt(start - 1) : ' ';
    char after = end < text.length() ? text.charAt(end) : ' ';
    if ("\"'\u201C\u2018".indexOf(before) >= 0 && "\"'\u201D\u2019".indexOf(after) >= 0) {
      return true;
    }
    if (text.startsWith(" (", span.end())) {
      return true;
    }
    String lead = Text.lower(text.substring(Math.max(0, span.start() - 20), span.start())).stripTrailing();
    return definitionCues.stream().anyMatch(cue -> lead.endsWith(" " + cue) || lead.equals(cue));
  }

}
