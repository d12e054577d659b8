package dev.copydesk.input;

import dev.copydesk.core.Document;

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
    Document.Builder builder = Document.builder(name, source);
    int lineStart = 0;
    int previousLineEnd = -1;
    while (lineStart <= source.length()) {
      int lineEnd = lineStart;
      while (lineEnd < source.length() && source.charAt(lineEnd) != '\n' && source.charAt(lineEnd) != '\r') {
        lineEnd++;
      }
      String line = source.substring(lineStart, lineEnd);
      if (line.isBlank()) {
        builder.endParagraph(lineStart);
      } else {
        if (previousLineEnd >= 0) {
          if (continuesSentence(line)) {
            builder.appendSynthetic(" ", previousLineEnd);
          } else {
            builder.endParagraph(previousLineEnd);
          }
        }
        builder.appendSource(lineStart, lineEnd);
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
