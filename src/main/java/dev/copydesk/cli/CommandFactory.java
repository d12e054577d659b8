package dev.copydesk.cli;

import java.io.InputStream;
import picocli.CommandLine;

/** Lets picocli build the commands that read drafts with the standard input {@link Main#run} was given. */
final class CommandFactory implements CommandLine.IFactory {

  private final InputStream stdin;

  CommandFactory(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    if (type == CheckCommand.class) {
      return type.cast(new CheckCommand(stdin));
    }
    if (type == FixCommand.class) {
      return type.cast(new FixCommand(stdin));
    }
    return CommandLine.defaultFactory().create(type);
  }
}
