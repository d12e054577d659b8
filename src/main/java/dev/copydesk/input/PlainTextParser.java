package dev.copydesk.input;

import dev.copydesk.core.Document;
import java.util.Arrays;

/**
 * Parses a plain-text draft.
 *
 * <p>News systems export plain text with one paragraph per line, and headline lists pasted under
 * a story are one headline per line; so a line break ends a paragraph. The exception is a
 * hard-wrapped paragraph: a line followed by one that starts with a lower-case letter continues
 * the same sentence, and is joined to it with a space (so "the\nthe" is still one sentence).
 */
final class PlainTextParser {

  private PlainTextParser() {}

  static Document parse(String name, String source) {
    int[] identity = new int[source.length() + 1];
    Arrays.setAll(identity, i -> i);
    return parse(Document.builder(name, source), source, identity);
  }

  /**
   * Parses {@code text} as plain text into {@code builder}, its character i standing for the
   * source character at {@code sourceOffsets[i]} (the array one longer than the text, for its
   * end). Annotated text, whose markup reads as something else, is parsed this way too.
   */
  static Document parse(Document.Builder builder, String text, int[] sourceOffsets) {
    String source = text;
    int lineStart = 0;
    int previousLineEnd = -1;
    while (lineStart <= source.length()) {
      int lineEnd = lineStart;
      while (lineEnd < source.length() && source.charAt(lineEnd) != '\n' && source.charAt(lineEnd) != '\r') {
        lineEnd++;
      }
      String line = source.substring(lineStart, lineEnd);
      if (line.isBlank()) {
        builder.endParagraph(sourceOffsets[lineStart]);
      } else {
        if (previousLineEnd >= 0) {
          if (continuesSentence(line)) {
            builder.appendSynthetic(" ", sourceOffsets[previousLineEnd]);
          } else {
            builder.endParagraph(sourceOffsets[previousLineEnd]);
          }
        }
        for (int i = lineStart; i < lineEnd; i++) {
          builder.append(text.charAt(i), sourceOffsets[i]);
        }
      }
      previousLineEnd = line.isBlank() ? -1 : lineEnd;
      if (lineEnd == source.length()) {
        break;
      }
      lineStart = lineEnd + (source.startsWith("\r\n", lineEnd) ? 2 : 1);
    }
    return builder.build();
  }

  private static boolean continuesSentence(String line) {
    String trimmed = line.stripLeading();
    return !trimmed.isEmpty() && Character.isLowerCase(trimmed.codePointAt(0));
  }
}
