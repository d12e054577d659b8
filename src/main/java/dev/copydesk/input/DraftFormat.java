package dev.copydesk.input;

import java.util.Locale;

/** The markup a draft is written in, decided by its file name. */
public enum DraftFormat {
  TEXT,
  MARKDOWN,
  HTML;

  /** The format a file name's extension says; anything unrecognised is plain text. */
  public static DraftFormat ofFileName(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".md") || lower.endsWith(".markdown")) {
      return MARKDOWN;
    }
    if (lower.endsWith(".html") || lower.endsWith(".htm")) {
      return HTML;
    }
    return TEXT;
  }

  /** True for the file names a directory search picks up as drafts. */
  public static boolean isDraftFileName(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    return lower.endsWith(".txt")
        || lower.endsWith(".md")
        || lower.endsWith(".markdown")
        || lower.endsWith(".html")
        || lower.endsWith(".htm");
  }
}
