package dev.copydesk.cli;

import dev.copydesk.engine.Config;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Whether {@code check} and {@code fix} check on a background server, shared by both: by default a
 * person at a terminal gets one (a check in a fraction of a second instead of three), CI never.
 */
final class DaemonOptions {

  /** How a run checks its drafts. */
  enum Use {
    /** In this process. */
    IN_PROCESS,
    /** On the background server, because {@code --daemon} asked for it (anywhere, CI included). */
    ASKED,
    /** On the background server, because a person is at a terminal and no CI is seen. */
    BY_DEFAULT
  }

  @Option(names = "--daemon", negatable = true,
      description = "Check on a background server with this run's settings, started on first use and reused by later runs "
          + "(the default at a terminal outside CI; it stops after an idle hour; 'copydesk serve --stop-daemons' stops it now). "
          + "--daemon asks for it anywhere, CI included; --no-daemon checks in this process.")
  Boolean daemon;

  @Option(names = "--max-daemons", paramLabel = "N",
      description = "At most N background servers alive at once; starting one more stops the least recently used first "
          + "(default: max-daemons in the config, else 2).")
  Integer maxDaemons;

  /**
   * How this run checks. The command line decides first ({@code --daemon}, {@code --no-daemon}),
   * then {@code COPYDESK_DAEMON=0}, then the config's {@code daemon: off}; then CI never gets a
   * daemon, and a person at a terminal (or anyone with {@code COPYDESK_DAEMON=1}) does.
   */
  Use use(Config config, RunEnvironment environment, CommandLine commandLine) {
    if (daemon != null) {
      return daemon ? Use.ASKED : Use.IN_PROCESS;
    }
    Boolean variable;
    try {
      variable = environment.daemon();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandLine, e.getMessage());
    }
    if (Boolean.FALSE.equals(variable) || !config.daemon() || environment.ci()) {
      return Use.IN_PROCESS;
    }
    return Boolean.TRUE.equals(variable) || environment.terminal() ? Use.BY_DEFAULT : Use.IN_PROCESS;
  }

  /** The bound on live background servers: --max-daemons, else the config's. */
  int maxDaemons(Config config, CommandLine commandLine) {
    if (maxDaemons == null) {
      return config.maxDaemons();
    }
    if (maxDaemons < 1) {
      throw new CommandLine.ParameterException(commandLine, "--max-daemons must be at least 1");
    }
    return maxDaemons;
  }
}
