package dev.copydesk.rules;

import dev.copydesk.core.Analysis;
import dev.copydesk.core.Token;
import dev.copydesk.rules.PersonMentions.Mention;
import dev.copydesk.rules.PersonMentions.TitleKind;
import dev.copydesk.rules.PersonMentions.Word;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the words around a mention say about whether it stands for a person: a verb of speech it
 * is the subject of, an apposition or an age beside a full name, a title or role word before it;
 * and what says it does not (an article, a preposition of place, a noun it modifies).
 */
final class PersonEvidence {

  static final Set<String> KEYS = Set.of("speech-verbs", "not-before-person");

  /** ", 7," after a name: the person's age. */
  static final Pattern AGE_AFTER = Pattern.compile("^\\s*,\\s*(\\d{1,3})\\s*[,.)]");

  /** "7-year-old " before a name. */
  static final Pattern AGE_BEFORE = Pattern.compile("(\\d{1,3})-year-old\\s+$");

  /** "her husband, ", "the company's founder, ": an apposition before a name. */
  static final Pattern APPOSITION_BEFORE =
      Pattern.compile("(?:\\b(?:his|her|their|its|the)|['\u2019]s)\\s+(?:[\\p{Ll}-]+\\s+){0,3}\\p{Ll}[\\p{Ll}-]*,\\s*$");

  private static final Pattern WHO_AFTER = Pattern.compile("^\\s*,\\s*who\\b");

  /** ", the engineer", ", a teacher": an apposition after a name. */
  private static final Pattern APPOSITION_AFTER = Pattern.compile("^\\s*,\\s*(?:the|a|an|who)\\s+\\p{Ll}");

  /** The lower-case word right before a name. */
  private static final Pattern WORD_BEFORE = Pattern.compile("\\b(\\p{Ll}[\\p{Ll}-]*)\\s$");

  private final PersonMentions mentions;
  private final Set<String> speechVerbs;
  private final Set<String> notBeforePerson;

  PersonEvidence(RuleFile file, PersonMentions mentions) throws RuleFileException {
    this.mentions = mentions;
    speechVerbs = Text.lowerSet(file.strings("speech-verbs"));
    notBeforePerson = Text.lowerSet(file.strings("not-before-person"));
  }

  /**
   * True when the words from {@code first} to {@code last} stand for a person: the subject of a
   * verb of speech before them or after them ("Okoro said", "said Okoro."), or a name a ", who"
   * clause follows.
   */
  boolean standsForPerson(Analysis analysis, Word first, Word last) {
    String text = analysis.document().text();
    if (WHO_AFTER.matcher(text.substring(last.span().end(), Math.min(text.length(), last.span().end() + 8))).find()) {
      return true;
    }
    if (last.possessive()) {
      return false; // "Okoro's plan": no subject of a verb of speech
    }
    List<Token> tokens = analysis.tokens();
    int at = PersonMentions.tokenAt(tokens, last.span().start());
    if (at >= 0) {
      int next = at + 1;
      while (next < tokens.size() && next - at <= 3 && isAdverb(tokens.get(next))) {
        next++;
      }
      if (next < tokens.size() && isSpeechVerb(tokens.get(next))) {
        return true;
      }
    }
    int before = PersonMentions.tokenAt(tokens, first.span().start());
    if (before > 0 && isSpeechVerb(tokens.get(before - 1))) {
      String after = text.substring(last.span().end(), Math.min(text.length(), last.span().end() + 1));
      return after.isEmpty() || ".,;:".contains(after);
    }
    return false;
  }

  /**
   * True when the draft shows that a full name is a person's: a title, an age, an apposition
   * before it or after it ("her husband, Daniel Okafor"; "Maria Okafor, the engineer,"; ", who"),
   * or a verb of speech.
   */
  boolean personEvidence(Analysis analysis, Mention mention) {
    if (mention.kind() != TitleKind.NONE) {
      return true;
    }
    String text = analysis.document().text();
    Word first = mention.names().get(0);
    Word last = mention.last();
    String after = text.substring(last.span().end(), Math.min(text.length(), last.span().end() + 12));
    String before = text.substring(Math.max(0, first.span().start() - 60), first.span().start());
    if (AGE_AFTER.matcher(after).find() || APPOSITION_AFTER.matcher(after).find() || AGE_BEFORE.matcher(before).find()
        || APPOSITION_BEFORE.matcher(before).find()) {
      return true;
    }
    Matcher role = WORD_BEFORE.matcher(before);
    if (role.find() && mentions.isOfficeTitle(role.group(1))) {
      return true; // "envoy Kurt Volker", "coach Ana Ruiz"
    }
    return standsForPerson(analysis, first, last);
  }

  /**
   * True unless where the word stands says it is no person: after an article or a preposition of
   * place ("a Greer", "the Schuylkill", "in Virginia"), or before a noun it modifies ("Sonos
   * speakers").
   */
  boolean personReference(Analysis analysis, Word word) {
    String text = analysis.document().text();
    Matcher before = WORD_BEFORE.matcher(text.substring(Math.max(0, word.span().start() - 30), word.span().start()));
    if (before.find() && notBeforePerson.contains(before.group(1))) {
      return false;
    }
    if (word.possessive()) {
      return true;
    }
    List<Token> tokens = analysis.tokens();
    int at = PersonMentions.tokenAt(tokens, word.span().start());
    if (at >= 0 && at + 1 < tokens.size()) {
      Token next = tokens.get(at + 1);
      String nextWord = analysis.document().text(next.span());
      boolean adjoining = next.span().start() == word.span().end() + 1 && text.charAt(word.span().end()) == ' ';
      if (adjoining && Text.isLowerCase(nextWord) && next.hasTag("NN") && !next.hasTag("VB") && !next.hasTag("MD")) {
        return false;
      }
    }
    return true;
  }

  private boolean isSpeechVerb(Token token) {
    if (token.chunks().stream().noneMatch(chunk -> chunk.endsWith("-VP"))) {
      return false; // "the Communese reply came": a noun, though the tagger allows a verb
    }
    for (int i = 0; i < token.tags().size(); i++) {
      if (token.tags().get(i).startsWith("VB") && i < token.lemmas().size() && speechVerbs.contains(token.lemmas().get(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAdverb(Token token) {
    return token.hasTag("RB") || token.hasTag("MD");
  }
}
