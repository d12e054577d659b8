package dev.copydesk.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.copydesk.TestEngine;
import dev.copydesk.core.Document;
import dev.copydesk.core.FileReport;
import dev.copydesk.core.Finding;
import dev.copydesk.core.Position;
import dev.copydesk.core.Span;
import dev.copydesk.input.DraftFormat;
import dev.copydesk.input.DraftReader;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random and mutated drafts, in every format, through the whole engine, LanguageTool included:
 * nothing escapes, every finding lies inside the prose, its line and column agree with its
 * offset in the source, and a second check gives the same findings.
 */
class EnginePropertiesTest {

  /** Pieces drafts are made of: copy, markup of both formats, odd characters, line breaks. */
  private static final List<String> PIECES = List.of(
      "The minister said", " the the ", " talks ", "Presdient", " a source revealed ", "analysts say.",
      "You may also like\n", "Sign up for our newsletter\n", "\n", "\r\n", "\r", "\n\n", "  ", "\t",
      "# ", "## ", "**", "*", "_", "`", "```\n", "    ", "> ", "- ", "1. ", "[link](http://x.org/a)",
      "<https://example.org>", "<!-- c -->", "---\n", "<p>", "</p>", "<script>x</script>", "&amp;",
      "&#8217;", "&bogus;", "<code>", "</code>", "<br>", "<li>", "\\*", "\u00e9", "\u2019", "\u201C",
      "\u201D", "\uD83D\uDE00", "\u0301", "\uFEFF", "\u00A0", "\u200B", "\u0000", "https://a.b/c?d=e",
      "e@x.org", "@handle", "£95m", "5,000", "Witkoff", "it is understood", "reportedly");

  @Provide
  Arbitrary<String> drafts() {
    Arbitrary<String> fromPieces = Arbitraries.of(PIECES).list().ofMinSize(0).ofMaxSize(40)
        .map(list -> String.join("", list));
    Arbitrary<String> randomUnicode = Arbitraries.strings().all().ofMaxLength(200);
    Arbitrary<String> mixed = Combinators.combine(fromPieces, randomUnicode, fromPieces)
        .as((a, b, c) -> a + b + c);
    return Arbitraries.oneOf(fromPieces, randomUnicode, mixed);
  }

  @Property(tries = 150)
  void everyFindingIsInsideTheTextAndAgreesWithTheSource(
      @ForAll("drafts") String source, @ForAll DraftFormat format) {
    Document document = DraftReader.parse("draft", source, format);
    FileReport first = TestEngine.check(document);
    for (Finding finding : first.findings()) {
      Span span = finding.span();
      assertTrue(span.end() <= document.text().length(), "span inside the prose: " + finding);
      Span sourceSpan = document.sourceSpan(span);
      assertTrue(sourceSpan.end() <= source.length(), "source span inside the source: " + finding);
      assertEquals(positionOf(source, sourceSpan.start()), document.start(span), "line and column of " + finding);
      assertEquals(positionOf(source, sourceSpan.end()), document.end(span), "end line and column of " + finding);
    }
    FileReport second = TestEngine.check(DraftReader.parse("draft", source, format));
    assertEquals(first.findings(), second.findings(), "the same draft gives the same findings");
  }

  /** Line and column counted independently of Document: \n, \r\n and lone \r end lines. */
  private static Position positionOf(String source, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      char c = source.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= source.length() || source.charAt(i + 1) != '\n'))) {
        line++;
        lineStart = i + 1;
      }
    }
    return new Position(line, offset - lineStart + 1);
  }
}
