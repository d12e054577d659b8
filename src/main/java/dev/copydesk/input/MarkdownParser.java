package dev.copydesk.input;

import dev.copydesk.core.Document;
import java.util.List;
import java.util.Set;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.front.matter.YamlFrontMatterVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Parses a Markdown draft with commonmark-java, keeping the copy a reader sees: headings,
 * paragraphs, list items, block quotes and link text.
 *
 * <p>Code blocks, HTML blocks and comments, link targets, images and YAML front matter are left
 * out of the prose (the front matter's publication date is kept as the draft's date); inline code stays in the prose, so the sentence around it reads whole, but is
 * excluded from findings.
 */
final class MarkdownParser {

  private static final Parser PARSER =
      Parser.builder()
          .extensions(List.of(YamlFrontMatterExtension.create()))
          .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
          .build();

  private MarkdownParser() {}

  static Document parse(String name, String source) {
    Document.Builder builder = Document.builder(name, source);
    Node parsed = PARSER.parse(source);
    YamlFrontMatterVisitor frontMatter = new YamlFrontMatterVisitor();
    parsed.accept(frontMatter);
    builder.dated(MetadataDates.first(frontMatter.getData()));
    new Walker(builder, source).blocks(parsed);
    return builder.build();
  }

  private static final class Walker {
    private static final Set<Class<? extends Node>> CONTAINERS =
        Set.of(BlockQuote.class, ListItem.class, org.commonmark.node.BulletList.class,
            org.commonmark.node.OrderedList.class, org.commonmark.node.Document.class);

    private final Document.Builder builder;
    private final String source;
    /** The source offset just after the last inline appended: where a line break maps to. */
    private int lastSourceEnd;

    Walker(Document.Builder builder, String source) {
      this.builder = builder;
      this.source = source;
    }

    void blocks(Node parent) {
      for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
        if (node instanceof Paragraph || node instanceof Heading) {
          inlines(node);
          builder.endParagraph(endOf(node));
        } else if (CONTAINERS.contains(node.getClass())) {
          blocks(node);
        } else if (node instanceof HtmlBlock html) {
          builder.suppressions(html.getLiteral(), startOf(node));
        }
        // Anything else (code blocks, HTML blocks, thematic breaks, front matter) is not copy.
      }
    }

    private void inlines(Node parent) {
      for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
        if (node instanceof Text text) {
          appendLiteral(text.getLiteral(), node);
        } else if (node instanceof Code code) {
          builder.beginExcluded();
          appendLiteral(code.getLiteral(), node);
          builder.endExcluded();
        } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
          builder.appendSynthetic(" ", lastSourceEnd);
        } else if (node instanceof Link || node instanceof Emphasis || node instanceof StrongEmphasis) {
          inlines(node);
        } else if (node instanceof HtmlInline html) {
          builder.suppressions(html.getLiteral(), startOf(node));
        } else if (node.getFirstChild() != null && !(node instanceof org.commonmark.node.Image)) {
          inlines(node);
        }
        // Images and inline HTML (tags, comments) are not copy.
      }
    }

    /** Appends a node's literal, aligned with where it stands in the source. */
    private void appendLiteral(String literal, Node node) {
      List<SourceSpan> spans = node.getSourceSpans();
      if (spans.isEmpty()) {
        builder.appendSynthetic(literal, lastSourceEnd);
        return;
      }
      int from = spans.get(0).getInputIndex();
      SourceSpan last = spans.get(spans.size() - 1);
      int to = last.getInputIndex() + last.getLength();
      int inner = source.indexOf(literal, from);
      if (!literal.isEmpty() && inner >= 0 && inner + literal.length() <= to) {
        builder.appendSource(inner, inner + literal.length());
      } else {
        builder.appendDecoded(literal, from, to, false);
      }
      lastSourceEnd = to;
    }

    private int startOf(Node node) {
      List<SourceSpan> spans = node.getSourceSpans();
      return spans.isEmpty() ? lastSourceEnd : spans.get(0).getInputIndex();
    }

    private int endOf(Node node) {
      List<SourceSpan> spans = node.getSourceSpans();
      if (spans.isEmpty()) {
        return lastSourceEnd;
      }
      SourceSpan last = spans.get(spans.size() - 1);
      return last.getInputIndex() + last.getLength();
    }
  }
}
