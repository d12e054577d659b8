package dev.copydesk.cli;

import java.util.LinkedHashMap;
import java.util.Map;

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

  /** The codes as {@code --help} lists them, in order. */
  static final Map<String, String> HELP = new LinkedHashMap<>();

  static {
    HELP.put(String.valueOf(CLEAN), "no finding at or above --fail-on");
    HELP.put(String.valueOf(FINDINGS), "a finding at or above --fail-on");
    HELP.put(String.valueOf(BAD_INPUT), "a bad command line, an input that could not be checked, or a bad config or rule file");
    HELP.put(String.valueOf(INTERNAL_ERROR), "an internal error (a bug: please report it)");
  }

  private ExitCode() {}
}
