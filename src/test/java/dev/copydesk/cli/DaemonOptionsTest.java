package dev.copydesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.copydesk.engine.Config;
import dev.copydesk.engine.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Who gets the background server by default: a person at a terminal, never CI, never when told not to. */
class DaemonOptionsTest {

  @TempDir Path temp;

  @CommandLine.Command(name = "check")
  static final class Command {}

  private static DaemonOptions.Use use(Boolean option, Config config, String... variables) {
    Map<String, String> environment = new HashMap<>();
    for (int i = 0; i < variables.length; i += 2) {
      environment.put(variables[i], variables[i + 1]);
    }
    DaemonOptions options = new DaemonOptions();
    options.daemon = option;
    return options.use(config, new RunEnvironment(environment), new CommandLine(new Command()));
  }

  private static DaemonOptions.Use use(String... variables) {
    return use(null, Config.defaults(), variables);
  }

  @Test
  void aTerminalOutsideCiGetsTheServerByDefault() {
    assertEquals(DaemonOptions.Use.BY_DEFAULT, use(RunEnvironment.STDIN_TERMINAL, "1"));
    assertEquals(DaemonOptions.Use.BY_DEFAULT, use(RunEnvironment.STDERR_TERMINAL, "1"));
    assertEquals(DaemonOptions.Use.IN_PROCESS, use(), "a pipe, a script, an editor: no terminal, no server");
    assertEquals(DaemonOptions.Use.BY_DEFAULT, use(RunEnvironment.DAEMON, "1"), "COPYDESK_DAEMON=1: a hook with no terminal");
  }

  @Test
  void ciNeverGetsOneUnlessTheCommandLineAsks() {
    for (String variable : RunEnvironment.CI_VARIABLES) {
      assertEquals(DaemonOptions.Use.IN_PROCESS, use(RunEnvironment.STDERR_TERMINAL, "1", variable, "true"), variable);
      assertEquals(DaemonOptions.Use.IN_PROCESS, use(RunEnvironment.DAEMON, "1", variable, "1"), variable);
    }
    assertEquals(DaemonOptions.Use.BY_DEFAULT, use(RunEnvironment.STDERR_TERMINAL, "1", "CI", "false"), "CI=false is no CI");
    assertEquals(DaemonOptions.Use.BY_DEFAULT, use(RunEnvironment.STDERR_TERMINAL, "1", "CI", ""));
    assertEquals(DaemonOptions.Use.ASKED, use(true, Config.defaults(), "CI", "true"), "--daemon: anywhere");
  }

  @Test
  void noDaemonTheVariableAndTheConfigEachSayNo() throws Exception {
    assertEquals(DaemonOptions.Use.IN_PROCESS, use(false, Config.defaults(), RunEnvironment.STDERR_TERMINAL, "1"));
    assertEquals(DaemonOptions.Use.IN_PROCESS, use(RunEnvironment.STDERR_TERMINAL, "1", RunEnvironment.DAEMON, "0"));
    Path file = temp.resolve(".copydesk.yml");
    Files.writeString(file, "daemon: off\nmax-daemons: 3\n");
    Config off = Config.read(file);
    assertEquals(3, off.maxDaemons());
    assertEquals(DaemonOptions.Use.IN_PROCESS, use(null, off, RunEnvironment.STDERR_TERMINAL, "1"));
    assertEquals(DaemonOptions.Use.ASKED, use(true, off), "the command line wins over the config");
    assertThrows(CommandLine.ParameterException.class, () -> use(RunEnvironment.DAEMON, "yes please"));
  }

  @Test
  void theConfigsDaemonKeysAreCheckedLikeEveryOther() throws IOException {
    for (String bad : List.of("daemon: on", "daemon: sometimes", "max-daemons: 0", "max-daemons: two")) {
      Path file = temp.resolve("bad.yml");
      Files.writeString(file, bad + "\n");
      ConfigException refused = assertThrows(ConfigException.class, () -> Config.read(file), bad);
      assertTrue(refused.getMessage().startsWith(file + ": "), refused.getMessage());
    }
    Path file = temp.resolve("fine.yml");
    Files.writeString(file, "daemon: false\n");
    assertEquals(false, readQuietly(file).daemon());
    Files.writeString(file, "daemon: auto\n");
    assertEquals(true, readQuietly(file).daemon());
    assertEquals(Config.DEFAULT_MAX_DAEMONS, Config.defaults().maxDaemons());
  }

  private static Config readQuietly(Path file) {
    try {
      return Config.read(file);
    } catch (ConfigException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  @Test
  void theLauncherKnowsTheSameCiVariables() throws IOException {
    String launcher = Files.readString(Path.of("copydesk"));
    Matcher list = Pattern.compile("(?s)ci_variables=\\((.*?)\\)").matcher(launcher);
    assertTrue(list.find(), "the launcher lists the CI variables in ci_variables=(...)");
    assertEquals(RunEnvironment.CI_VARIABLES, List.of(list.group(1).trim().split("\\s+")));
    assertTrue(launcher.contains("export " + RunEnvironment.STDIN_TERMINAL + "=1"), "the launcher tells when stdin is a terminal");
    assertTrue(launcher.contains("export " + RunEnvironment.STDERR_TERMINAL + "=1"));
  }
}
