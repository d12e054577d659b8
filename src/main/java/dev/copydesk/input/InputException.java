package dev.copydesk.input;

/** A draft that cannot be checked; the message says why in words a writer understands. */
public final class InputException extends Exception {

  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
