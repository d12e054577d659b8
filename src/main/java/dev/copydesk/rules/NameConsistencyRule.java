package dev.copydesk.rules;

import dev.copydesk.core.Analysis;
import dev.copydesk.core.Document;
import dev.copydesk.core.LanguageToolMatch;
import dev.copydesk.core.Finding;
import dev.copydesk.core.Rule;
import dev.copydesk.core.Severity;
import dev.copydesk.core.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * One name spelt two ways in a draft ("Witkoff" ... "Witkof", "Dmitriev" ... "Dmitriyev"): the
 * spelling rule lets both through as names, and only the draft itself shows one is wrong.
 *
 * <p>Two capitalised words are taken for one name when they share the first letter, are five
 * letters or longer, and are one edit apart (a swap of neighbours counting as one; two edits for
 * names of eight letters or more), and neither is the other's plural. The spelling used fewer
 * times is flagged, the other suggested; on a tie the longer spelling is taken for the right one,
 * as a dropped letter is the commoner slip. Only a spelling the dictionary does not know is
 * flagged: "Jonhson" next to "Johnson", never "Johnson" next to "Jonhson".
 */
final class NameConsistencyRule implements Rule {

  static final Set<String> KEYS = Set.of("message");

  private static final int MIN_LENGTH = 5;

  /** From this length, two edits still make one name ("Dmitriyev", "Dmitriev" is one). */
  private static final int LONG_NAME = 8;

  private static final LevenshteinDistance TWO_EDITS = new LevenshteinDistance(2);

  private final String id;
  private final Severity severity;
  private final String message;

  private NameConsistencyRule(RuleFile file) throws RuleFileException {
    this.id = file.id();
    this.severity = file.severity();
    this.message = file.requiredText("message");
  }

  static NameConsistencyRule from(RuleFile file) throws RuleFileException {
    file.checkKeys(KEYS);
    return new NameConsistencyRule(file);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public List<Finding> check(Analysis analysis) {
    Document document = analysis.document();
    String text = document.text();
    Map<String, List<Span>> uses = new LinkedHashMap<>();
    for (Span paragraph : document.paragraphs()) {
      for (Span word : Text.words(text, paragraph)) {
        String name = bare(document.text(word));
        if (name.length() >= MIN_LENGTH && Text.isCapitalised(name) && !Text.isAllCapitals(name)) {
          uses.computeIfAbsent(name, n -> new ArrayList<>()).add(new Span(word.start(), word.start() + name.length()));
        }
      }
    }
    // The words the speller does not know are those of its matches, which the spelling rule has
    // already asked for (and the cache may hold): no question to LanguageTool per word.
    Set<String> unknown = new java.util.HashSet<>();
    for (LanguageToolMatch match : analysis.languageToolMatches()) {
      if (match.spelling()) {
        unknown.add(bare(document.text(match.span())));
      }
    }
    List<String> names = new ArrayList<>(uses.keySet());
    List<Finding> findings = new ArrayList<>();
    for (String minority : names) {
      if (!unknown.contains(minority)) {
        continue;
      }
      String majority = null;
      for (String other : names) {
        if (!other.equals(minority) && sameName(minority, other) && outweighs(other, minority, uses)
            && (majority == null || uses.get(other).size() > uses.get(majority).size())) {
          majority = other;
        }
      }
      if (majority == null || analysis.knowsWord(Text.lower(majority))) {
        continue; // "Presdient" next to "President": a misspelt common word, the spelling rule's
      }
      for (Span use : uses.get(minority)) {
        findings.add(Findings.of(id, severity, use, message, Map.of("word", minority, "suggestion", majority), List.of(majority)));
      }
    }
    findings.sort((a, b) -> Integer.compare(a.span().start(), b.span().start()));
    return findings;
  }

  /** True when the other spelling is the reference: used more often, or as often and longer. */
  private static boolean outweighs(String other, String minority, Map<String, List<Span>> uses) {
    int otherUses = uses.get(other).size();
    int minorityUses = uses.get(minority).size();
    return otherUses > minorityUses || (otherUses == minorityUses && other.length() > minority.length());
  }

  static boolean sameName(String a, String b) {
    if (a.charAt(0) != b.charAt(0) || plural(a, b) || plural(b, a)) {
      return false;
    }
    String lowerA = Text.lower(a);
    String lowerB = Text.lower(b);
    if (WordShapes.isAdjacentTransposition(lowerA, lowerB)) {
      return true;
    }
    int distance = TWO_EDITS.apply(lowerA, lowerB);
    int allowed = Math.min(a.length(), b.length()) >= LONG_NAME ? 2 : 1;
    return distance >= 0 && distance <= allowed;
  }

  private static boolean plural(String word, String other) {
    return other.equals(word + "s") || other.equals(word + "es");
  }

  /** The word without a possessive ending. */
  private static String bare(String word) {
    return word.replaceFirst("['\u2019]s$", "");
  }
}
