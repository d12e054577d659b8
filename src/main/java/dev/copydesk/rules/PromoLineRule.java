package dev.copydesk.rules;

import dev.copydesk.core.Analysis;
import dev.copydesk.core.Document;
import dev.copydesk.core.Finding;
import dev.copydesk.core.Rule;
import dev.copydesk.core.Severity;
import dev.copydesk.core.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a promotional line inside the article ("READ MORE: ...", "Sign up for our newsletter",
 * "Click here to ..."): a short paragraph that opens with one of the rule file's phrases; a
 * phrase that is only a verb ("Sign up for", "Subscribe to") must be followed by what the outlet
 * promotes ("our", "newsletter"), since a how-to's "Sign up for the bundle" is copy. The fix
 * deletes the line. Lines of a trailing promotional block are that rule's business.
 */
final class PromoLineRule implements Rule {

  static final Set<String> KEYS = Set.of("message", "line-starts", "needs-object", "objects", "max-words");

  private final String id;
  private final Severity severity;
  private final String message;
  private final Pattern lineStarts;
  private final Pattern needsObject;
  private final Pattern objects;
  private final int maxWords;

  private PromoLineRule(RuleFile file) throws RuleFileException {
    id = file.id();
    severity = file.severity();
    message = file.requiredText("message");
    lineStarts = Text.phrasePattern(file.strings("line-starts"));
    if (lineStarts == null) {
      throw file.error("line-starts", "a promo-line rule needs at least one entry under 'line-starts'");
    }
    needsObject = Text.phrasePattern(file.strings("needs-object"));
    objects = Text.phrasePattern(file.strings("objects"));
    maxWords = file.integer("max-words", 40);
  }

  static PromoLineRule from(RuleFile file) throws RuleFileException {
    file.checkKeys(KEYS);
    return new PromoLineRule(file);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public List<Finding> check(Analysis analysis) {
    Document document = analysis.document();
    String text = document.text();
    List<Finding> findings = new ArrayList<>();
    for (Span paragraph : document.paragraphs()) {
      int start = paragraph.start();
      while (start < paragraph.end() && !Character.isLetterOrDigit(text.charAt(start))) {
        start++; // "**READ MORE:**", "- Sign up"
      }
      Matcher matcher = lineStarts.matcher(text).region(start, paragraph.end());
      if (!matcher.lookingAt() || Text.words(text, paragraph).size() > maxWords) {
        continue;
      }
      boolean objectNamed = objects != null && objects.matcher(text).region(matcher.end(), paragraph.end()).find();
      if (needsObject != null && needsObject.matcher(matcher.group()).matches() && !objectNamed) {
        continue; // "Sign up for the bundle with your account's email" is copy; "Sign up for our newsletter" is not
      }
      String cue = matcher.group();
      findings.add(Findings.of(id, severity, paragraph, message, Map.of("cue", cue), List.of("")));
    }
    return findings;
  }
}
