package dev.copydesk.rules;

import dev.copydesk.core.Span;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The lines of a page's ending that ask something of the reader, for {@link PromoShapes}: calls
 * to action ("Sign up for our newsletter", "Follow us on X", "Need more space? Subscribe to..."),
 * contact and tip lines ("Write to X at x@y.com", "Have a tip?", a bare address) and the comment
 * widget's lines ("Leave a Reply", "Comments are closed"). The words are the rule file's data.
 */
final class PromoCalls {

  static final Set<String> KEYS =
      Set.of(
          "imperatives",
          "weak-imperatives",
          "calls-to-action",
          "promo-objects",
          "outlet-objects",
          "object-openers",
          "max-call-to-action-words",
          "contact-lines",
          "contact-phrases",
          "comment-words",
          "comment-lines");

  /** A call-to-action phrase in a line longer than this is copy that mentions it, unless it is a pitch. */
  private static final int MAX_PHRASE_LINE_WORDS = 15;

  /** Nor in a full sentence longer than this. */
  private static final int MAX_PHRASE_SENTENCE_WORDS = 12;

  /** "Need more space?", "Want more science?": the short question that opens a pitch. */
  private static final int MAX_PITCH_QUESTION_WORDS = 6;

  /** Comment widgets' lines are short: "Leave a Reply", "(42) Comments", "Join Discussion". */
  private static final int MAX_COMMENT_LINE_WORDS = 6;

  /** A contact line holds an address and at most this many other words ("E-mail: x@y.com"). */
  private static final int MAX_CONTACT_OTHER_WORDS = 2;

  private static final String QUOTE_OPENERS = "\"'\u201C\u2018\u00AB";
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern SENTENCE_BREAK = Pattern.compile("(?<=[.!?:])\\s*(?=\\p{Lu})");

  private final Set<String> imperatives;
  private final Set<String> weakImperatives;
  private final Pattern callsToAction;
  private final Set<String> promoObjects;
  private final Set<String> outletObjects;
  private final Set<String> objectOpeners;
  private final Set<String> minorWords;
  private final int maxCallToActionWords;
  private final Pattern contactLines;
  private final Pattern contactPhrases;
  private final Set<String> commentWords;
  private final Pattern commentLines;
  private final Set<String> social;

  /** The calls of a rule file; {@code social} names the platforms whose addresses are contact lines. */
  PromoCalls(RuleFile file, Set<String> social) throws RuleFileException {
    imperatives = Set.copyOf(PromoShapes.lowered(file, "imperatives"));
    weakImperatives = Set.copyOf(PromoShapes.lowered(file, "weak-imperatives"));
    callsToAction = Text.phrasePattern(file.strings("calls-to-action"));
    promoObjects = Set.copyOf(PromoShapes.lowered(file, "promo-objects"));
    outletObjects = Set.copyOf(PromoShapes.lowered(file, "outlet-objects"));
    objectOpeners = Set.copyOf(PromoShapes.lowered(file, "object-openers"));
    minorWords = Set.copyOf(PromoShapes.lowered(file, "minor-words"));
    maxCallToActionWords = file.integer("max-call-to-action-words", 40);
    contactLines = Text.phrasePattern(file.strings("contact-lines"));
    contactPhrases = Text.phrasePattern(file.strings("contact-phrases"));
    commentWords = Set.copyOf(PromoShapes.lowered(file, "comment-words"));
    commentLines = Text.phrasePattern(file.strings("comment-lines"));
    this.social = social;
  }

  /** The most words a call to action, contact line or comment notice holds. */
  int maxWords() {
    return maxCallToActionWords;
  }

  /** True when the text holds a call-to-action phrase ("our newsletter", "sign up"). */
  boolean mentionsCall(String text) {
    return callsToAction != null && callsToAction.matcher(text).find();
  }

  /**
   * "Write to X at x@y.com", "Reach the reporters on Twitter at ...", "Have a tip?": a line that
   * opens with a contact phrase; or one that is an address (e-mail, handle, social profile) and
   * hardly anything else.
   */
  boolean isContact(String text, int count) {
    if (contactLines != null && count <= maxCallToActionWords) {
      var matcher = contactLines.matcher(text);
      int start = 0;
      while (start < text.length() && !Character.isLetterOrDigit(text.charAt(start))) {
        start++;
      }
      if (matcher.region(start, text.length()).lookingAt()) {
        return true;
      }
    }
    if (contactPhrases != null && count <= maxCallToActionWords && contactPhrases.matcher(text).find()) {
      return true; // "Jane Doe can be reached at ..."
    }
    int addresses = 0;
    int others = 0;
    for (String token : SPACES.split(text)) {
      if (isAddress(token)) {
        addresses++;
      } else if (!PromoShapes.words(token).isEmpty()) {
        others++;
      }
    }
    return addresses > 0 && others <= MAX_CONTACT_OTHER_WORDS;
  }

  /** An e-mail address, a handle, or the address of a profile on a social site ("twitter.com/x"). */
  private boolean isAddress(String token) {
    String lower = Text.lower(token);
    int at = lower.indexOf('@');
    if (at >= 0 && at + 1 < lower.length() && Character.isLetterOrDigit(lower.charAt(at + 1))) {
      return true;
    }
    for (String site : social) {
      if (lower.contains(site + ".com/")) {
        return true;
      }
    }
    return false;
  }

  /** A comment widget's line: "Leave a Reply", "(42) Comments", "Comments are closed". */
  boolean isComments(String text, List<String> words, boolean sentence) {
    if (commentLines != null && words.size() <= maxCallToActionWords && commentLines.matcher(text).find()) {
      return true;
    }
    if (sentence || words.size() > MAX_COMMENT_LINE_WORDS) {
      return false;
    }
    return words.stream().anyMatch(commentWords::contains);
  }

  /**
   * A call to action: a line that opens with an imperative ("Follow", "Sign up", "Join"), a weaker
   * one ("Get", "See", "Check out") that names what to sign up to or follow, or a line holding a
   * call-to-action phrase ("our newsletter") that is no full sentence of copy, or a pitch ("Need
   * more space? Subscribe to ...").
   */
  boolean isCallToAction(String text, List<String> words, boolean sentence) {
    int count = words.size();
    if (count > maxCallToActionWords || QUOTE_OPENERS.indexOf(text.charAt(0)) >= 0) {
      return false; // "“Follow the science,” she said." is a quote
    }
    String first = words.get(0);
    boolean phrase = callsToAction != null && callsToAction.matcher(text).find();
    boolean platform = phrase || words.stream().anyMatch(social::contains) || hasAddress(text);
    // A lone verb is a menu link ("Subscribe", "Donate"); a sentence that opens with a verb that
    // is also a noun ("Share prices fell", "Support for the bill grew") is copy unless it speaks
    // to the reader ("your", "us") or the verb takes a name for its object ("Support the Courier
    // and ...", "Subscribe to Harbour Weekly"), as a pitch for the outlet does and the noun does not.
    if (imperatives.contains(first) && count >= 2
        && (!sentence || platform || words.stream().anyMatch(promoObjects::contains) || namesObject(text))) {
      return true;
    }
    if (weakImperatives.contains(first) && platform) {
      return true;
    }
    if (!phrase || count < 2) {
      return false; // a lone "Newsletters" or "Subscribe" is a menu's link
    }
    // News copy never opens with an emoji; promotional bullets often do.
    boolean emojiBullet = Character.getType(text.codePointAt(0)) == Character.OTHER_SYMBOL;
    if (count <= MAX_PHRASE_LINE_WORDS && (!sentence || count <= MAX_PHRASE_SENTENCE_WORDS || emojiBullet)) {
      return true;
    }
    return isPitch(text);
  }

  /**
   * True for a call to action that names nothing the outlet offers (a platform to follow it on,
   * an address, one of its own things: "our", "newsletter", "podcast") and whose object is named
   * in the item above it: "Download Acme Vault for Free" under a deal for Acme Vault, "Sign up
   * for the Streamly bundle" under a paragraph about Streamly. Such a line is the article's own
   * instruction, part of the deals or how-to story whose subject it names, as its "Get it at ..."
   * lines are; a call to follow the outlet or join its newsletter names the outlet's thing.
   */
  boolean actsOnItem(String text, List<String> item) {
    Set<String> names = names(text);
    // A platform is named with its capital ("on Facebook"); "the same email as your account" names none.
    boolean platform = names.stream().anyMatch(name -> social.contains(Text.lower(name)));
    if (platform || PromoShapes.words(text).stream().anyMatch(outletObjects::contains) || hasAddress(text)) {
      return false;
    }
    return item.stream().anyMatch(line -> names(line).stream().anyMatch(names::contains));
  }

  /**
   * The capitalised words of a line but its first, the minor words and the words a call holds
   * without naming an object ("Free", "Here"): the names it mentions, platforms among them.
   */
  private Set<String> names(String line) {
    Set<String> names = new HashSet<>();
    List<Span> spans = Text.words(line, new Span(0, line.length()));
    for (int w = 1; w < spans.size(); w++) {
      String word = line.substring(spans.get(w).start(), spans.get(w).end());
      String lower = Text.lower(word);
      if (Character.isUpperCase(word.charAt(0)) && !minorWords.contains(lower) && !promoObjects.contains(lower)) {
        names.add(word);
      }
    }
    return names;
  }

  /**
   * True when the verb that opens the line takes a name for its object: its next word, or the
   * next after the words that open an object ("to", "the": the rule file's object-openers), is
   * capitalised ("Support Snopes", "Subscribe to The Courier"), where the noun reading goes on
   * in lower case or with another preposition ("Share prices fell", "Support for Mayor Lee").
   */
  private boolean namesObject(String text) {
    List<Span> spans = Text.words(text, new Span(0, text.length()));
    for (int w = 1; w < spans.size(); w++) {
      String word = text.substring(spans.get(w).start(), spans.get(w).end());
      if (!objectOpeners.contains(Text.lower(word))) {
        return Character.isUpperCase(word.charAt(0)) && !minorWords.contains(Text.lower(word));
      }
    }
    return false;
  }

  /** "Need more space? Subscribe...", "There's plenty more. Sign up...": a question or a line, then the call. */
  private boolean isPitch(String text) {
    String[] sentences = SENTENCE_BREAK.split(text);
    if (sentences.length < 2) {
      return false;
    }
    String opening = sentences[0].strip();
    if (opening.endsWith("?") && PromoShapes.wordCount(opening) <= MAX_PITCH_QUESTION_WORDS) {
      return true;
    }
    for (int i = 1; i < sentences.length; i++) {
      List<String> words = PromoShapes.words(sentences[i]);
      if (!words.isEmpty() && imperatives.contains(words.get(0))) {
        return true;
      }
    }
    return false;
  }

  private boolean hasAddress(String text) {
    for (String token : SPACES.split(text)) {
      if (isAddress(token)) {
        return true;
      }
    }
    return false;
  }
}
