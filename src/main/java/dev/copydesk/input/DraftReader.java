package dev.copydesk.input;

import dev.copydesk.core.Document;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Turns the bytes of a draft into a {@link Document}: decodes them, then parses the markup. */
public final class DraftReader {

  private DraftReader() {}

  /** Reads and parses a draft file; the document is named {@code name} in reports. */
  public static Document read(Path path, String name) throws InputException {
    if (Files.isDirectory(path)) {
      throw new InputException("is a directory, not a draft");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new InputException("no such file");
    } catch (AccessDeniedException e) {
      throw new InputException("permission denied");
    } catch (IOException e) {
      throw new InputException("cannot be read: " + e.getMessage(), e);
    }
    return parse(name, decode(bytes), DraftFormat.ofFileName(path.getFileName().toString()));
  }

  /** Reads a draft from a stream (standard input); its format comes from {@code name}. */
  public static Document read(InputStream in, String name) throws InputException {
    try {
      return parse(name, decode(in.readAllBytes()), DraftFormat.ofFileName(name));
    } catch (IOException e) {
      throw new InputException("cannot be read: " + e.getMessage(), e);
    }
  }

  /** Parses decoded source text in the given format. */
  public static Document parse(String name, String source, DraftFormat format) {
    return switch (format) {
      case TEXT -> PlainTextParser.parse(name, source);
      case MARKDOWN -> MarkdownParser.parse(name, source);
      case HTML -> HtmlParser.parse(name, source);
    };
  }

  /** Decodes strict UTF-8, dropping a byte-order mark; binary data is refused. */
  static String decode(byte[] bytes) throws InputException {
    int nul = indexOfNul(bytes);
    if (nul >= 0) {
      throw new InputException("looks like a binary file (NUL byte at offset " + nul + "), skipped");
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    String text;
    try {
      text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new InputException(
          "is not valid UTF-8 (first bad byte at offset " + firstBadUtf8(bytes) + ")");
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static int indexOfNul(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  /** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
  static int firstBadUtf8(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
    ByteBuffer in = ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(Math.max(16, bytes.length));
    decoder.decode(in, out, true);
    return in.position();
  }
}
