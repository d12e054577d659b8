package dev.copydesk.rules;

import dev.copydesk.core.Analysis;
import dev.copydesk.core.Document;
import dev.copydesk.core.Finding;
import dev.copydesk.core.Rule;
import dev.copydesk.core.Severity;
import dev.copydesk.core.Span;
import java.util.ArrayList;
import java.util.HashMap;
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
 * deletes the line. A paragraph that is only a box's header ("Don't Miss", "Related stories")
 * heads a box of other stories set between the article's paragraphs: the finding covers it and
 * the headlines under it, with no fix, since where the box's headlines end and the article's
 * next subhead begins the text does not say. Lines of a trailing promotional block are that
 * rule's business.
 */
final class PromoLineRule implements Rule {

  static final Set<String> KEYS = Set.of("message", "line-starts", "needs-object", "objects", "max-words",
      "box-headers", "box-message", "max-headline-words");

  /** Punctuation and symbols around a box's header: "Don't Miss:", "- Related -", "**Read more**". */
  private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{P}\\p{S}\\s]+|[\\p{P}\\p{S}\\s]+$");

  private final String id;
  private final Severity severity;
  private final String message;
  private final Pattern lineStarts;
  private final Pattern needsObject;
  private final Pattern objects;
  private final int maxWords;
  private final Set<String> boxHeaders;
  private final String boxMessage;
  private final int maxHeadlineWords;

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
    boxHeaders = Text.lowerSet(file.strings("box-headers"));
    boxMessage = boxHeaders.isEmpty() ? "" : file.requiredText("box-message");
    maxHeadlineWords = file.integer("max-headline-words", 20);
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
    List<Span> paragraphs = document.paragraphs();
    for (int p = 0; p < paragraphs.size(); p++) {
      Span paragraph = paragraphs.get(p);
      String header = EDGE_PUNCTUATION.matcher(Text.lower(document.text(paragraph))).replaceAll("");
      if (boxHeaders.contains(header)) {
        int last = p;
        while (last + 1 < paragraphs.size() && isHeadline(document.text(paragraphs.get(last + 1)))) {
          last++;
        }
        Span box = new Span(paragraph.start(), paragraphs.get(last).end());
        Map<String, String> values = new HashMap<>();
        values.put("cue", document.text(paragraph).strip());
        values.put("lines", Integer.toString(last - p + 1));
        findings.add(Findings.of(id, severity, box, boxMessage, values, List.of()));
        p = last;
        continue;
      }
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

  /** A line of a box's list: a headline, short and with no closing full stop. */
  private boolean isHeadline(String paragraph) {
    String text = paragraph.strip();
    int words = Text.words(text, new Span(0, text.length())).size();
    return words > 0 && words <= maxHeadlineWords && !Text.endsLikeSentence(text);
  }
}
