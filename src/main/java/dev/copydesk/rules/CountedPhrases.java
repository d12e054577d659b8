package dev.copydesk.rules;

import dev.copydesk.core.Token;

/**
 * The phrases around a figure as the tagger reads them, for the figure-consistency rule: the
 * counted noun after a number, the verb's subject or agent, an adverb of degree, lemmas. The
 * tagger keeps every reading it could not rule out, so each question is asked of all of them.
 */
final class CountedPhrases {

  private CountedPhrases() {}

  /** The lemma of the token's first reading whose tag starts with {@code prefix}, or null. */
  static String lemmaOf(Token token, String prefix) {
    for (int i = 0; i < token.tags().size() && i < token.lemmas().size(); i++) {
      if (token.tags().get(i).startsWith(prefix)) {
        String lemma = token.lemmas().get(i);
        return lemma == null ? null : Text.lower(lemma);
      }
    }
    return null;
  }

  /** The token index of the first token starting at or after {@code offset}, or size(). */
  static int tokenAt(TaggedSentence s, int offset) {
    int i = 0;
    while (i < s.size() && s.start(i) < offset) {
      i++;
    }
    return i;
  }

  /** The subject of an active verb: the noun or pronoun right before its verb group ("police arrested"). */
  static String agentBefore(TaggedSentence s, int verb) {
    int j = verb - 1;
    while (j >= 0 && (s.isAdverb(j) || s.token(j).hasTag("MD") || isAuxiliary(s, j))) {
      j--;
    }
    return j >= 0 && (isNoun(s, j) || s.token(j).hasTag("PRP")) ? s.lower(j) : null;
  }

  /** The agent of a passive verb: the first noun of its "by" phrase ("arrested by soldiers"). */
  static String agentAfter(TaggedSentence s, int i) {
    if (i >= s.size() || !s.lower(i).equals("by")) {
      return null;
    }
    for (int j = i + 1; j < s.size() && j <= i + 4; j++) {
      if (isNoun(s, j)) {
        int last = j;
        while (last + 1 < s.size() && isNoun(s, last + 1)) {
          last++;
        }
        return s.lower(last);
      }
    }
    return null;
  }

  /**
   * The adverb of a role, as a part of it: "were seriously injured" counts fewer people than
   * "were injured", so the two are different counts. Empty for none.
   */
  static String degree(TaggedSentence s, int role) {
    int before = role - 1;
    if (before >= 0 && s.isAdverb(before) && !s.token(before).hasTag("VB") && !isAuxiliary(s, before)) {
      return s.lower(before) + " ";
    }
    int after = role + 1;
    if (after < s.size() && s.isAdverb(after) && s.lower(after).endsWith("ly")) {
      return s.lower(after) + " ";
    }
    return "";
  }

  /**
   * The head of the counted noun phrase starting at token {@code i}, or -1: a few modifiers
   * ("wounded", "floating", "dry") each followed by another modifier or a noun, then a run of
   * nouns, its last word the head ("37 police officers"). A noun with a verb reading after the
   * first is the sentence's verb ("one dock makes"), not part of the phrase.
   */
  static int nounHead(TaggedSentence s, int i) {
    int modifiers = 0;
    while (i + 1 < s.size() && modifiers < 3 && isModifier(s, i) && (isNoun(s, i + 1) || isModifier(s, i + 1))) {
      i++;
      modifiers++;
    }
    int head = -1;
    while (i < s.size() && isNoun(s, i) && (head < 0 || !s.token(i).hasTag("VB"))) {
      head = i;
      i++;
    }
    return head;
  }

  static boolean isModifier(TaggedSentence s, int i) {
    Token token = s.token(i);
    // Not a word that may be the count's own verb ("37 killed on the road": "killed" reads VBD
    // too) or a preposition ("on" reads JJ too): the phrase would run on into the predicate.
    return (token.hasTag("JJ") || token.hasTag("VBG") || token.hasTag("VBN")) && !s.isPunctuation(i)
        && Text.isLowerCase(s.analysisText(i)) && token.tags().stream().noneMatch(tag -> tag.equals("CD")
            || tag.equals("VBD") || tag.startsWith("IN") || tag.equals("RP") || tag.startsWith("DT") || tag.startsWith("CC")
            || tag.equals("TO") || tag.startsWith("PRP") || tag.equals("MD"));
  }

  /**
   * A noun and nothing else: the tagger leaves a noun reading on "in", "over" and "being", which
   * are a preposition, an adverb and a verb in a count's place.
   */
  static boolean isNoun(TaggedSentence s, int i) {
    Token token = s.token(i);
    return token.hasTag("NN") && !s.isPunctuation(i) && token.tags().stream().noneMatch(tag -> tag.startsWith("IN")
        || tag.startsWith("RB") || tag.startsWith("CC") || tag.startsWith("DT") || tag.startsWith("PRP") || tag.equals("TO")
        || tag.equals("MD") || tag.startsWith("WDT") || tag.equals("VBG") || tag.equals("CD"));
  }

  static boolean isAuxiliary(TaggedSentence s, int i) {
    Token token = s.token(i);
    String lemma = lemmaOf(token, "VB");
    return (lemma != null && (lemma.equals("be") || lemma.equals("have"))) || token.hasTag("MD");
  }

  static String lemmaOrWord(TaggedSentence s, int i, String prefix) {
    String lemma = lemmaOf(s.token(i), prefix);
    return lemma == null ? s.lower(i) : lemma;
  }
}
