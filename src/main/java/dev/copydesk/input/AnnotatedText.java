package dev.copydesk.input;

import dev.copydesk.core.Document;
import java.util.List;

/**
 * Text that arrives already split into prose and markup, as LanguageTool's HTTP clients send it
 * ({@code data={"annotation": [{"text": ...}, {"markup": ..., "interpretAs": ...}]}}): an editor
 * plug-in knows its own markup better than any parser here would.
 *
 * <p>The document's source is every part joined, markup included, so offsets count the way the
 * client's do; its prose is the text parts with each markup read as its {@code interpretAs}
 * (nothing when absent), then parsed as plain text.
 */
public final class AnnotatedText {

  /** One part: prose when {@code markup} is null, otherwise markup read as {@code interpretAs}. */
  public record Part(String text, String markup, String interpretAs) {

    public static Part text(String text) {
      return new Part(text, null, null);
    }

    public static Part markup(String markup, String interpretAs) {
      return new Part(null, markup, interpretAs == null ? "" : interpretAs);
    }
  }

  private AnnotatedText() {}

  public static Document parse(String name, List<Part> parts) {
    StringBuilder source = new StringBuilder();
    StringBuilder prose = new StringBuilder();
    int[] offsets = new int[16];
    int count = 0;
    for (Part part : parts) {
      String read = part.markup() == null ? part.text() : part.interpretAs();
      int start = source.length();
      if (offsets.length < count + read.length() + 1) {
        offsets = java.util.Arrays.copyOf(offsets, Math.max(offsets.length * 2, count + read.length() + 1));
      }
      for (int i = 0; i < read.length(); i++) {
        // Prose maps character for character; what markup reads as maps to the markup's start.
        offsets[count++] = part.markup() == null ? start + i : start;
      }
      prose.append(read);
      source.append(part.markup() == null ? part.text() : part.markup());
    }
    offsets[count] = source.length();
    return PlainTextParser.parse(Document.builder(name, source.toString()), prose.toString(), offsets);
  }
}
