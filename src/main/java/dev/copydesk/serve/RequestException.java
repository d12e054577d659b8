package dev.copydesk.serve;

/** A request the server refuses, with the HTTP status and the one line that says why. */
final class RequestException extends Exception {

  private final int status;

  RequestException(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }
}
