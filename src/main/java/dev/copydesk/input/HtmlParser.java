package dev.copydesk.input;

import dev.copydesk.core.Document;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.Range;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Parses an HTML draft with jsoup, keeping the text a browser shows: block elements become
 * paragraphs, white space collapses as it renders, and {@code script}, {@code style}, {@code pre}
 * and the like are left out. Inline {@code code} stays in the sentence but is excluded from
 * findings.
 */
final class HtmlParser {

  /** Elements whose content is never copy. */
  private static final Set<String> SKIPPED =
      Set.of("head", "script", "style", "pre", "noscript", "template", "svg", "math", "iframe",
          "object", "textarea", "select", "button", "canvas");

  /** Elements that start a new paragraph. */
  private static final Set<String> BLOCKS =
      Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
          "blockquote", "section", "article", "aside", "header", "footer", "nav", "main",
          "figure", "figcaption", "table", "tr", "td", "th", "caption", "address", "hr", "br",
          "body", "details", "summary", "form", "fieldset", "legend");

  private HtmlParser() {}

  static Document parse(String name, String source) {
    Parser parser = Parser.htmlParser().setTrackPosition(true);
    org.jsoup.nodes.Document html = Jsoup.parse(source, "", parser);
    Document.Builder builder = Document.builder(name, source);
    builder.dated(publicationDate(html));
    walk(html.body(), builder, source, false);
    return builder.build();
  }

  /**
   * The page's publication date from its meta tags ({@code article:published_time}, {@code
   * name="date"}, {@code itemprop="datePublished"}), or null.
   */
  private static java.time.LocalDate publicationDate(org.jsoup.nodes.Document html) {
    java.util.Map<String, java.util.List<String>> values = new java.util.LinkedHashMap<>();
    for (Element meta : html.select("meta[content]")) {
      for (String attribute : new String[] {"property", "name", "itemprop"}) {
        String key = meta.attr(attribute);
        if (!key.isEmpty()) {
          values.computeIfAbsent(key.toLowerCase(java.util.Locale.ROOT), k -> new java.util.ArrayList<>()).add(meta.attr("content"));
        }
      }
    }
    return MetadataDates.first(values);
  }

  private static void walk(Node node, Document.Builder builder, String source, boolean inCode) {
    if (node instanceof TextNode text) {
      Range range = text.sourceRange();
      String whole = text.getWholeText();
      if (range.isTracked()) {
        builder.appendDecoded(whole, range.startPos(), Math.min(range.endPos(), source.length()), true);
      } else {
        builder.appendDecoded(whole, builder.length() == 0 ? 0 : source.length() - 1, source.length(), true);
      }
      return;
    }
    if (node instanceof Comment comment) {
      Range range = comment.sourceRange();
      builder.suppressions(comment.outerHtml(), range.isTracked() ? range.startPos() : 0);
      return;
    }
    if (!(node instanceof Element element)) {
      return;
    }
    String tag = element.normalName();
    if (SKIPPED.contains(tag)) {
      return;
    }
    boolean block = BLOCKS.contains(tag);
    if (block) {
      builder.endParagraph(start(element));
    }
    boolean code = tag.equals("code") || tag.equals("kbd") || tag.equals("samp");
    if (code && !inCode) {
      builder.beginExcluded();
    }
    for (Node child : element.childNodes()) {
      walk(child, builder, source, inCode || code);
    }
    if (code && !inCode) {
      builder.endExcluded();
    }
    if (block) {
      builder.endParagraph(end(element, source));
    }
  }

  private static int start(Element element) {
    Range range = element.sourceRange();
    return range.isTracked() ? Math.max(0, range.startPos()) : 0;
  }

  private static int end(Element element, String source) {
    Range range = element.endSourceRange();
    if (!range.isTracked() || range.endPos() < 0) {
      range = element.sourceRange();
    }
    return range.isTracked() ? Math.min(Math.max(0, range.endPos()), source.length()) : source.length();
  }
}
