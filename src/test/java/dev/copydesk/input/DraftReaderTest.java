package dev.copydesk.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.copydesk.core.Document;
import dev.copydesk.core.Position;
import dev.copydesk.core.Span;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Each input format becomes prose whose every offset maps back to where the writer sees it. */
class DraftReaderTest {

  /** The source position of the first occurrence of {@code word} in the prose. */
  private static Position where(Document document, String word) {
    int at = document.text().indexOf(word);
    assertTrue(at >= 0, "'" + word + "' not in prose: " + document.text());
    return document.start(new Span(at, at + word.length()));
  }

  @Test
  void plainTextMakesEachLineAParagraphButJoinsHardWrappedSentences() {
    Document document = DraftReader.parse("a.txt", "Headline here\nFirst line runs\non to the next.\n\nLast one.", DraftFormat.TEXT);
    assertEquals("Headline here\n\nFirst line runs on to the next.\n\nLast one.", document.text());
    assertEquals(3, document.paragraphs().size());
    assertEquals(new Position(3, 1), where(document, "on to"));
  }

  @Test
  void crlfAndLoneCrLineEndingsKeepColumnsRight() {
    Document document = DraftReader.parse("a.txt", "One.\r\nTwo words.\rThree here.", DraftFormat.TEXT);
    assertEquals(new Position(2, 5), where(document, "words"));
    assertEquals(new Position(3, 7), where(document, "here"));
  }

  @Test
  void byteOrderMarkIsDroppedAndDoesNotShiftColumns() throws InputException {
    byte[] bytes = "\uFEFFThe the end.".getBytes(StandardCharsets.UTF_8);
    String decoded = DraftReader.decode(bytes);
    assertEquals("The the end.", decoded);
    Document document = DraftReader.parse("a.txt", decoded, DraftFormat.TEXT);
    assertEquals(new Position(1, 5), where(document, "the end"));
  }

  @Test
  void invalidUtf8NamesTheOffsetOfTheFirstBadByte() {
    byte[] bytes = {'c', 'a', 'f', (byte) 0xE9, ' ', 'o', 'k'};
    InputException e = assertThrows(InputException.class, () -> DraftReader.decode(bytes));
    assertEquals("is not valid UTF-8 (first bad byte at offset 3; name its encoding with --encoding, e.g. windows-1252)", e.getMessage());
  }

  @Test
  void theDraftsDateComesFromFrontMatterOrAPagesMetaTagsAndNeverFromTheCopy() {
    Document markdown = DraftReader.parse("a.md", "---\ntitle: Ferry\ndate: 2026-03-03T09:30:00Z\n---\n\nThe ferry sailed.\n",
        DraftFormat.MARKDOWN);
    assertEquals(java.time.LocalDate.of(2026, 3, 3), markdown.dated());
    Document published = DraftReader.parse("b.md", "---\npublished: \"2026-12-28\"\n---\n\nThe ferry sailed.\n",
        DraftFormat.MARKDOWN);
    assertEquals(java.time.LocalDate.of(2026, 12, 28), published.dated());
    Document html = DraftReader.parse("c.html", "<html><head><meta property=\"article:published_time\" "
        + "content=\"2026-03-03T09:30:00+01:00\"></head><body><p>The ferry sailed.</p></body></html>", DraftFormat.HTML);
    assertEquals(java.time.LocalDate.of(2026, 3, 3), html.dated());
    Document impossible = DraftReader.parse("d.md", "---\ndate: 2026-02-30\n---\n\nThe ferry sailed.\n", DraftFormat.MARKDOWN);
    assertNull(impossible.dated(), "no date rather than a wrong one");
    Document text = DraftReader.parse("e.txt", "date: 2026-03-03\nThe ferry sailed.\n", DraftFormat.TEXT);
    assertNull(text.dated(), "plain text has no metadata: its dateline is prose");
  }

  @Test
  void markdownKeepsCopyAndSkipsCodeFrontMatterAndLinkTargets() {
    String source = String.join("\n",
        "---",
        "title: secret teh",
        "---",
        "",
        "# The *big* story",
        "",
        "See the [flood map](https://example.org/teh) and run `teh-tool` now.",
        "",
        "```",
        "recieve teh",
        "```",
        "",
        "- first item",
        "> quoted words",
        "<!-- hidden teh -->",
        "");
    Document document = DraftReader.parse("a.md", source, DraftFormat.MARKDOWN);
    String prose = document.text();
    assertFalse(prose.contains("secret"), prose);
    assertFalse(prose.contains("recieve"), prose);
    assertFalse(prose.contains("example.org"), prose);
    assertFalse(prose.contains("hidden"), prose);
    assertEquals(new Position(5, 8), where(document, "big"));
    assertEquals(new Position(7, 10), where(document, "flood map"));
    assertEquals(new Position(13, 3), where(document, "first item"));
    assertEquals(new Position(14, 3), where(document, "quoted"));
    int code = prose.indexOf("teh-tool");
    assertTrue(document.excluded().stream().anyMatch(s -> s.contains(new Span(code, code + 8))),
        "inline code stays in the sentence but is excluded");
    assertEquals(new Position(7, 55), where(document, "teh-tool"));
  }

  @Test
  void htmlKeepsVisibleTextWithEntitiesMappedToTheSource() {
    String source = "<html><head><title>x</title><style>p{}</style></head><body>\n"
        + "<p>Health &amp; care   said\n  the the thing.</p><script>var teh;</script>\n"
        + "<pre>teh</pre><p>Next <b>bold</b> one.</p></body></html>";
    Document document = DraftReader.parse("a.html", source, DraftFormat.HTML);
    assertEquals("Health & care said the the thing.\n\nNext bold one.", document.text());
    assertEquals(new Position(2, 17), where(document, "care"));
    assertEquals(new Position(3, 3), where(document, "the the"));
    assertEquals(new Position(4, 26), where(document, "bold"));
  }

  @Test
  void urlsAreExcludedInEveryFormat() {
    Document document = DraftReader.parse("a.txt", "Details at https://example.org/teh-page today.", DraftFormat.TEXT);
    int at = document.text().indexOf("https");
    assertEquals(new Span(at, at + "https://example.org/teh-page".length()), document.excluded().get(0));
  }

  @Test
  void aDraftThatDisappearsBeforeItIsReadIsOneClearProblem(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp)
      throws Exception {
    java.nio.file.Path draft = java.nio.file.Files.writeString(temp.resolve("gone.txt"), "copy");
    java.nio.file.Files.delete(draft);
    InputException e = assertThrows(InputException.class, () -> DraftReader.read(draft, "gone.txt"));
    assertEquals("no such file", e.getMessage());
  }

  @Test
  void aNamedPipeIsRefusedInsteadOfBlocking(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp) throws Exception {
    java.nio.file.Path pipe = temp.resolve("pipe.txt");
    Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
    assertEquals(0, mkfifo.waitFor());
    InputException e = assertThrows(InputException.class, () -> DraftReader.read(pipe, "pipe.txt"));
    assertEquals("is not a regular file (a pipe, socket or device), skipped", e.getMessage());
  }
}
