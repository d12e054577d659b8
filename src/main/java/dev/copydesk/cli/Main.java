package dev.copydesk.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code copydesk} command line. {@link #main} is one line around {@link #run}, which tests
 * call directly and which returns the exit code instead of exiting.
 */
@Command(
    name = "copydesk",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "An editorial quality-check linter for news drafts.")
public final class Main implements Runnable {

  /** The commands, by name, in the order help lists them. */
  private static final Map<String, Class<?>> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put("check", CheckCommand.class);
    COMMANDS.put("fix", FixCommand.class);
    COMMANDS.put("rules", RulesCommand.class);
    COMMANDS.put("serve", ServeCommand.class);
    COMMANDS.put("lsp", LspCommand.class);
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(stdout(), stderr(), System.in, args));
  }

  /** Runs copydesk with standard input as the source of {@code -}. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(out, err, System.in, args);
  }

  /** Runs copydesk and returns its exit code; all output goes to {@code out} and {@code err}. */
  public static int run(PrintWriter out, PrintWriter err, InputStream stdin, String... args) {
    return run(out, err, stdin, System.getenv(), args);
  }

  /**
   * Runs copydesk as if its environment variables were {@code environment}: the ones it reads
   * say whether a person is at a terminal, whether the run is CI, and {@code COPYDESK_DAEMON}.
   */
  public static int run(PrintWriter out, PrintWriter err, InputStream stdin, Map<String, String> environment, String... args) {
    CommandFactory factory = new CommandFactory(stdin, new RunEnvironment(environment));
    CommandLine commandLine = new CommandLine(new Main(), factory);
    // picocli reads a command's annotations when it is added, which costs a short run (a check
    // through a warm server) a good part of its time; so a run that names its command gets
    // only that one, and any other (help, a misspelt command) gets them all.
    String named = args.length > 0 ? args[0] : "";
    for (Map.Entry<String, Class<?>> command : COMMANDS.entrySet()) {
      if (!COMMANDS.containsKey(named) || command.getKey().equals(named)) {
        commandLine.addSubcommand(command.getKey(), new CommandLine(command.getValue(), factory));
      }
    }
    commandLine.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCode.HELP);
    for (String name : List.of("check", "fix")) {
      CommandLine command = commandLine.getSubcommands().get(name);
      if (command != null) {
        command.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCode.HELP);
      }
    }
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setParameterExceptionHandler(
        (exception, arguments) -> {
          CommandLine command = exception.getCommandLine();
          command.getErr().println("copydesk: " + exception.getMessage()
              + " (see '" + command.getCommandSpec().qualifiedName() + " --help')");
          return ExitCode.BAD_INPUT;
        });
    commandLine.setExecutionExceptionHandler(
        (exception, command, parseResult) -> {
          command.getErr().println("copydesk: internal error: " + exception
              + (parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("--verbose")
                  ? "" : " (run with --verbose for details)"));
          if (parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("--verbose")) {
            exception.printStackTrace(command.getErr());
          }
          return ExitCode.INTERNAL_ERROR;
        });
    try {
      return commandLine.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  @Override
  public void run() {
    // "copydesk" alone: show what it can do, and fail as a usage error would.
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: check, fix, rules, serve or lsp");
  }

  private static PrintWriter stdout() {
    return new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
  }

  private static PrintWriter stderr() {
    return new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
  }

  /** copydesk's version, from a resource Maven fills in at build time. */
  static String version() {
    Properties properties = new Properties();
    try (InputStream in = Main.class.getResourceAsStream("/copydesk.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (java.io.IOException e) {
      return "unknown";
    }
    return properties.getProperty("version", "unknown");
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"copydesk " + version()};
    }
  }
}
