package dev.copydesk.core;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An inline switch in a Markdown or HTML draft: {@code <!-- copydesk-disable RULE... -->} until
 * {@code <!-- copydesk-enable -->}, or {@code <!-- copydesk-disable-next-line RULE... -->}. No
 * rule named means every rule.
 *
 * @param sourceOffset where the comment starts in the source
 * @param directive {@code disable}, {@code enable} or {@code disable-next-line}
 * @param rules the rule ids named (a trailing {@code *} matches any ending)
 */
public record Suppression(int sourceOffset, String directive, List<String> rules) {

  private static final Pattern COMMENT =
      Pattern.compile("<!--\\s*copydesk-(disable-next-line|disable|enable)\\b([^>]*?)-->");

  public Suppression {
    rules = List.copyOf(rules);
  }

  /** The suppressions in a stretch of markup (a comment, an HTML block) that starts at {@code offset}. */
  public static List<Suppression> in(String markup, int offset) {
    Matcher matcher = COMMENT.matcher(markup);
    List<Suppression> found = new java.util.ArrayList<>();
    while (matcher.find()) {
      String names = matcher.group(2).trim();
      found.add(new Suppression(offset + matcher.start(), matcher.group(1),
          names.isEmpty() ? List.of() : List.of(names.split("[\\s,]+"))));
    }
    return found;
  }
}
