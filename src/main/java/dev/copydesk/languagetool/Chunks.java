package dev.copydesk.languagetool;

import dev.copydesk.core.Document;
import dev.copydesk.core.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * The pieces a draft goes to LanguageTool in: a paragraph at a time, which lets an unchanged
 * paragraph come from the cache and the time budget be checked between paragraphs, and a very
 * long paragraph (a whole draft on one line) in pieces of about two pages.
 */
final class Chunks {

  /**
   * About two pages of copy: the longest piece of one paragraph checked in one call, so a draft
   * on one line stops within moments of its deadline and is checked in time linear in its length.
   */
  private static final int CHUNK_CHARS = 10_000;

  private Chunks() {}

  /**
   * The prose cut into paragraphs; a paragraph longer than {@link #CHUNK_CHARS} characters is
   * cut after a sentence, or failing that at a space.
   */
  static List<Span> of(Document document) {
    String text = document.text();
    List<Span> pieces = new ArrayList<>();
    for (Span paragraph : document.paragraphs()) {
      int start = paragraph.start();
      while (paragraph.end() - start > CHUNK_CHARS) {
        int cut = cutPoint(text, start, start + CHUNK_CHARS);
        pieces.add(new Span(start, cut));
        start = cut;
      }
      pieces.add(new Span(start, paragraph.end()));
    }
    return pieces;
  }

  /** Where to cut a long paragraph before {@code limit}: after a sentence, else at a space. */
  private static int cutPoint(String text, int start, int limit) {
    int space = -1;
    for (int i = limit - 1; i > start + CHUNK_CHARS / 2; i--) {
      char c = text.charAt(i);
      if (c == ' ' && ".!?".indexOf(text.charAt(i - 1)) >= 0) {
        return i + 1;
      }
      if (space < 0 && c == ' ') {
        space = i + 1;
      }
    }
    return space > 0 ? space : limit;
  }
}
