package dev.copydesk.rules;

import dev.copydesk.core.Analysis;
import dev.copydesk.core.Document;
import dev.copydesk.core.Finding;
import dev.copydesk.core.Rule;
import dev.copydesk.core.Severity;
import dev.copydesk.core.Span;
import dev.copydesk.core.Token;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Real-word slips: a word the speller knows typed for the one meant ("trail" for "trial", "form"
 * for "from", "broad" for "board", "then" for "than"), told apart by the words around it.
 *
 * <p>Every slip is data in the rule file, in the shape of LanguageTool's own
 * {@code wrongWordInContext.txt}: the word typed and the word meant, the words before or after it
 * that only the meant word takes ("murder trail", "broad of directors"), the tags of a word
 * before it ("bigger then": a comparative), or, for a word rarely meant at all ("manger",
 * "pubic"), the words that show it was meant after all ("nativity", "hair"). LanguageTool's
 * confusion pairs ({@code confusion_sets.txt}) ship in its jar, but without the n-gram counts that
 * tell their words apart they are pairs alone, so the contexts here are written out.
 */
final class RealWordSlipRule implements Rule {

  static final Set<String> KEYS = Set.of("message", "slips", "preceded-by", "followed-by", "preceded-by-tags",
      "not-preceded-by", "anywhere-unless", "unless");

  /** How far either side of the word a word of {@code unless} is looked for. */
  private static final int UNLESS_WINDOW = 6;

  /** One slip: what the rule file says about the word typed. */
  private record Slip(String typed, String meant, Set<String> precededBy, List<List<String>> followedBy,
      Set<String> precededByTags, Set<String> notPrecededBy, boolean anywhere, Set<String> unless) {}

  private final String id;
  private final Severity severity;
  private final String message;
  private final Map<String, Slip> slips;

  private RealWordSlipRule(String id, Severity severity, String message, Map<String, Slip> slips) {
    this.id = id;
    this.severity = severity;
    this.message = message;
    this.slips = slips;
  }

  static RealWordSlipRule from(RuleFile file) throws RuleFileException {
    file.checkKeys(KEYS);
    Map<String, String> typedToMeant = file.stringMap("slips");
    if (typedToMeant.isEmpty()) {
      throw file.error("slips", "a real-word-slip rule needs at least one 'typed: meant' pair under 'slips'");
    }
    Map<String, List<String>> before = listsOf(file, "preceded-by", typedToMeant);
    Map<String, List<String>> after = listsOf(file, "followed-by", typedToMeant);
    Map<String, List<String>> tags = listsOf(file, "preceded-by-tags", typedToMeant);
    Map<String, List<String>> notBefore = listsOf(file, "not-preceded-by", typedToMeant);
    Map<String, List<String>> anywhere = listsOf(file, "anywhere-unless", typedToMeant);
    Map<String, List<String>> unless = listsOf(file, "unless", typedToMeant);
    Map<String, Slip> slips = new LinkedHashMap<>();
    for (Map.Entry<String, String> pair : typedToMeant.entrySet()) {
      String typed = Text.lower(pair.getKey());
      List<List<String>> phrases = new ArrayList<>();
      for (String phrase : after.getOrDefault(typed, List.of())) {
        phrases.add(Arrays.asList(Text.lower(phrase).strip().split("\\s+")));
      }
      Set<String> unlessWords = new java.util.HashSet<>(lower(unless.getOrDefault(typed, List.of())));
      unlessWords.addAll(lower(anywhere.getOrDefault(typed, List.of())));
      slips.put(typed, new Slip(typed, pair.getValue(), lower(before.getOrDefault(typed, List.of())), phrases,
          Set.copyOf(tags.getOrDefault(typed, List.of())), lower(notBefore.getOrDefault(typed, List.of())),
          anywhere.containsKey(typed), Set.copyOf(unlessWords)));
    }
    return new RealWordSlipRule(file.id(), file.severity(), file.requiredText("message"), slips);
  }

  /** A map of lists whose every key must be a typed word of {@code slips}, so a misspelt key fails loudly. */
  private static Map<String, List<String>> listsOf(RuleFile file, String key, Map<String, String> slips) throws RuleFileException {
    Map<String, List<String>> lists = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> entry : file.listMap(key).entrySet()) {
      String typed = Text.lower(entry.getKey());
      if (slips.keySet().stream().noneMatch(slip -> Text.lower(slip).equals(typed))) {
        throw file.error(key, "'" + key + "." + entry.getKey() + "' names no word under 'slips'");
      }
      lists.put(typed, entry.getValue());
    }
    return lists;
  }

  private static Set<String> lower(List<String> words) {
    return Set.copyOf(words.stream().map(Text::lower).toList());
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public List<Finding> check(Analysis analysis) {
    Document document = analysis.document();
    String text = document.text();
    List<Span> words = Text.words(text, new Span(0, text.length()));
    List<Finding> findings = new ArrayList<>();
    List<Token> tokens = null;
    for (int i = 0; i < words.size(); i++) {
      String word = document.text(words.get(i));
      Slip slip = slips.get(Text.lower(word));
      if (slip == null || Text.isAllCapitals(word)) {
        continue;
      }
      String previous = i > 0 && joined(text, words.get(i - 1), words.get(i)) ? Text.lower(document.text(words.get(i - 1))) : null;
      String evidence = null;
      if (previous != null && slip.notPrecededBy().contains(previous)) {
        continue;
      }
      if (previous != null && slip.precededBy().contains(previous)) {
        evidence = "after '" + document.text(words.get(i - 1)) + "'";
      }
      if (evidence == null) {
        evidence = followedBy(document, words, i, slip);
      }
      if (evidence == null && previous != null && !slip.precededByTags().isEmpty() && i + 1 < words.size()
          && joined(text, words.get(i), words.get(i + 1))) {
        if (tokens == null) {
          tokens = analysis.tokens();
        }
        Token token = tokenAt(tokens, words.get(i - 1));
        if (token != null && slip.precededByTags().stream().anyMatch(token::hasTag)) {
          evidence = "after '" + document.text(words.get(i - 1)) + "'";
        }
      }
      if (evidence == null && slip.anywhere()) {
        evidence = "";
      }
      if (evidence == null || near(document, words, i, slip.unless())) {
        continue;
      }
      String meant = Text.matchCase(slip.meant(), word);
      findings.add(Findings.of(id, severity, words.get(i), message,
          Map.of("word", word, "meant", meant, "evidence", evidence.isEmpty() ? "" : " (" + evidence + ")"), List.of(meant)));
    }
    return findings;
  }

  /** The phrase after word i that only the meant word takes ("broad of directors"), as evidence; or null. */
  private static String followedBy(Document document, List<Span> words, int i, Slip slip) {
    String text = document.text();
    for (List<String> phrase : slip.followedBy()) {
      boolean matches = i + phrase.size() < words.size();
      for (int k = 0; matches && k < phrase.size(); k++) {
        matches = joined(text, words.get(i + k), words.get(i + k + 1))
            && Text.lower(document.text(words.get(i + k + 1))).equals(phrase.get(k));
      }
      if (matches) {
        return "before '" + String.join(" ", phrase) + "'";
      }
    }
    return null;
  }

  /** True when a word of {@code unless} stands within a few words of word i, in its paragraph. */
  private static boolean near(Document document, List<Span> words, int i, Set<String> unless) {
    if (unless.isEmpty()) {
      return false;
    }
    String text = document.text();
    for (int k = Math.max(0, i - UNLESS_WINDOW); k <= Math.min(words.size() - 1, i + UNLESS_WINDOW); k++) {
      int from = Math.min(words.get(k).end(), words.get(i).end());
      int to = Math.max(words.get(k).start(), words.get(i).start());
      if (k != i && text.substring(from, Math.max(from, to)).indexOf('\n') < 0
          && unless.contains(Text.lower(document.text(words.get(k))))) {
        return true;
      }
    }
    return false;
  }

  /** True when only spaces stand between two words: no punctuation, no line break. */
  private static boolean joined(String text, Span first, Span second) {
    return text.substring(first.end(), second.start()).chars().allMatch(c -> c == ' ');
  }

  /** LanguageTool's token at the word, found by binary search; null when none starts there. */
  private static Token tokenAt(List<Token> tokens, Span word) {
    int low = 0;
    int high = tokens.size() - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      int start = tokens.get(middle).span().start();
      if (start < word.start()) {
        low = middle + 1;
      } else if (start > word.start()) {
        high = middle - 1;
      } else {
        return tokens.get(middle);
      }
    }
    return null;
  }
}
