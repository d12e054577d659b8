package dev.copydesk.cli;

import java.io.InputStream;
import picocli.CommandLine;

/**
 * Lets picocli build the commands that read drafts with the standard input and the environment
 * {@link Main#run} was given.
 */
final class CommandFactory implements CommandLine.IFactory {

  private final InputStream stdin;
  private final RunEnvironment environment;

  CommandFactory(InputStream stdin, RunEnvironment environment) {
    this.stdin = stdin;
    this.environment = environment;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    if (type == CheckCommand.class) {
      return type.cast(new CheckCommand(stdin, environment));
    }
    if (type == FixCommand.class) {
      return type.cast(new FixCommand(stdin, environment));
    }
    return CommandLine.defaultFactory().create(type);
  }
}
