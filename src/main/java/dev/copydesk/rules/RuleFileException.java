package dev.copydesk.rules;

/** A rule file or dictionary that cannot be used; the message names the file and the problem. */
public final class RuleFileException extends Exception {

  public RuleFileException(String message) {
    super(message);
  }

  public RuleFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
