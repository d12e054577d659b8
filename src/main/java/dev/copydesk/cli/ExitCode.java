package dev.copydesk.cli;

/** The exit codes of copydesk, documented in {@code --help} and the README. */
final class ExitCode {

  /** No finding at or above the fail-on severity. */
  static final int CLEAN = 0;

  /** At least one finding at or above the fail-on severity. */
  static final int FINDINGS = 1;

  /** A bad command line, an input that could not be checked, or a bad config or rule file. */
  static final int BAD_INPUT = 2;

  /** A bug in copydesk. */
  static final int INTERNAL_ERROR = 3;

  private ExitCode() {}
}
