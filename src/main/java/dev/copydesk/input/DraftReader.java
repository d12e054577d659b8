package dev.copydesk.input;

import dev.copydesk.core.Document;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
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

  /** Reads and parses a UTF-8 draft file of any size; the document is named {@code name}. */
  public static Document read(Path path, String name) throws InputException {
    return read(path, name, StandardCharsets.UTF_8, Long.MAX_VALUE);
  }

  /**
   * Reads and parses a draft file in the given character set, refusing one larger than
   * {@code maxBytes}; the document is named {@code name} in reports.
   */
  public static Document read(Path path, String name, Charset charset, long maxBytes) throws InputException {
    if (Files.isDirectory(path)) {
      throw new InputException("is a directory, not a draft");
    }
    if (Files.exists(path) && !Files.isRegularFile(path)) {
      // Reading a named pipe or a device would block for ever.
      throw new InputException("is not a regular file (a pipe, socket or device), skipped");
    }
    byte[] bytes;
    try {
      long size = Files.size(path);
      if (size > maxBytes) {
        throw new InputException("is " + describeSize(size) + ", over the " + describeSize(maxBytes)
            + " limit (--max-size or max-size: in the config), skipped");
      }
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new InputException("no such file");
    } catch (AccessDeniedException e) {
      throw new InputException("permission denied");
    } catch (IOException e) {
      throw new InputException("cannot be read: " + e.getMessage(), e);
    }
    return parse(name, decode(bytes, charset), DraftFormat.ofFileName(path.getFileName().toString()));
  }

  /** Reads a UTF-8 draft from a stream (standard input); its format comes from {@code name}. */
  public static Document read(InputStream in, String name) throws InputException {
    return read(in, name, StandardCharsets.UTF_8, Long.MAX_VALUE);
  }

  /** Reads a draft from a stream, at most {@code maxBytes} of it; its format comes from {@code name}. */
  public static Document read(InputStream in, String name, Charset charset, long maxBytes) throws InputException {
    try {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw new InputException("is over the " + describeSize(maxBytes)
            + " limit (--max-size or max-size: in the config), skipped");
      }
      return parse(name, decode(bytes, charset), DraftFormat.ofFileName(name));
    } catch (IOException e) {
      throw new InputException("cannot be read: " + e.getMessage(), e);
    }
  }

  /** "20.0 MB", "512 KB", "300 bytes". */
  static String describeSize(long bytes) {
    if (bytes >= 1024 * 1024) {
      return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
    return bytes >= 1024 ? (bytes / 1024) + " KB" : bytes + " bytes";
  }

  /** Parses decoded source text in the given format. */
  /**
   * The calendar date at the start of an ISO date or date-time value ("2026-03-03",
   * "2026-03-03T09:30:00Z"), read as a draft's metadata date is; null when it holds none.
   */
  public static java.time.LocalDate metadataDate(String value) {
    return MetadataDates.parse(value);
  }

  public static Document parse(String name, String source, DraftFormat format) {
    return switch (format) {
      case TEXT -> PlainTextParser.parse(name, source);
      case MARKDOWN -> MarkdownParser.parse(name, source);
      case HTML -> HtmlParser.parse(name, source);
    };
  }

  /** Decodes strict UTF-8, dropping a byte-order mark; binary data is refused. */
  static String decode(byte[] bytes) throws InputException {
    return decode(bytes, StandardCharsets.UTF_8);
  }

  /**
   * Decodes strictly in the given character set, dropping a byte-order mark; binary data is
   * refused, and so is a byte the character set does not define, with its offset.
   */
  static String decode(byte[] bytes, Charset charset) throws InputException {
    int nul = indexOfNul(bytes);
    if (nul >= 0) {
      throw new InputException("looks like a binary file (NUL byte at offset " + nul + "), skipped");
    }
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    String text;
    try {
      text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      String hint = charset.equals(StandardCharsets.UTF_8) ? "; name its encoding with --encoding, e.g. windows-1252" : "";
      throw new InputException("is not valid " + charset.name() + " (first bad byte at offset "
          + firstBadByte(bytes, charset) + hint + ")");
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

  /** The offset of the first byte that does not start or continue a valid sequence. */
  static int firstBadByte(byte[] bytes, Charset charset) {
    CharsetDecoder decoder = charset.newDecoder();
    ByteBuffer in = ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(Math.max(16, bytes.length));
    decoder.decode(in, out, true);
    return in.position();
  }
}
