package dev.copydesk.cli;

import java.util.List;
import java.util.Map;

/**
 * What copydesk learns of a run from its environment variables: whether a person is watching (the
 * launcher tells, since Java cannot see whether a stream is a terminal), whether it runs in CI,
 * and {@code COPYDESK_DAEMON}. {@link Main#run} is handed the variables, so tests can say which.
 */
record RunEnvironment(Map<String, String> variables) {

  /** Set by the launcher when standard input is a terminal. */
  static final String STDIN_TERMINAL = "COPYDESK_STDIN_TERMINAL";

  /** Set by the launcher when standard error is a terminal. */
  static final String STDERR_TERMINAL = "COPYDESK_STDERR_TERMINAL";

  /** {@code 0}: never the background server unless {@code --daemon}; {@code 1}: it wherever no CI is seen. */
  static final String DAEMON = "COPYDESK_DAEMON";

  /**
   * The variables CI services set, any one of which marks a run as CI: the generic {@code CI}
   * (GitHub, GitLab, CircleCI, Travis, Buildkite, Bitbucket, Drone, Woodpecker, and most others)
   * and each service's own, for those that set no {@code CI} or let a job unset it. The launcher
   * keeps the same list to pick its class archive (a test holds the two together).
   */
  static final List<String> CI_VARIABLES = List.of(
      "CI", "CONTINUOUS_INTEGRATION", "GITHUB_ACTIONS", "GITLAB_CI", "JENKINS_URL", "HUDSON_URL", "BUILDKITE",
      "TF_BUILD", "TEAMCITY_VERSION", "CIRCLECI", "TRAVIS", "BITBUCKET_BUILD_NUMBER", "DRONE", "APPVEYOR",
      "CODEBUILD_BUILD_ID", "CIRRUS_CI", "SEMAPHORE", "BUDDY", "GO_SERVER_URL");

  RunEnvironment {
    variables = Map.copyOf(variables);
  }

  /** This process's environment. */
  static RunEnvironment current() {
    return new RunEnvironment(System.getenv());
  }

  /** True when the launcher saw a terminal on standard input or standard error. */
  boolean terminal() {
    return set(STDIN_TERMINAL) || set(STDERR_TERMINAL);
  }

  /** True when standard error is a terminal, as the launcher saw it. */
  boolean stderrTerminal() {
    return set(STDERR_TERMINAL);
  }

  /** True when one of {@link #CI_VARIABLES} is set to anything but empty, {@code false} or {@code 0}. */
  boolean ci() {
    return CI_VARIABLES.stream().anyMatch(this::set);
  }

  /** {@code COPYDESK_DAEMON}: null when unset or empty, else true or false; anything else is an IllegalArgumentException. */
  Boolean daemon() {
    String value = variables.getOrDefault(DAEMON, "").trim();
    return switch (value) {
      case "" -> null;
      case "0", "false" -> false;
      case "1", "true" -> true;
      default -> throw new IllegalArgumentException(DAEMON + "='" + value + "' is not 0 (never) or 1 (wherever no CI is seen)");
    };
  }

  private boolean set(String name) {
    String value = variables.getOrDefault(name, "").trim();
    return !value.isEmpty() && !value.equalsIgnoreCase("false") && !value.equals("0");
  }
}
