package dev.copydesk.cli;

import dev.copydesk.engine.Config;
import dev.copydesk.engine.ConfigException;
import dev.copydesk.core.RuleDescription;
import dev.copydesk.engine.Engines;
import dev.copydesk.rules.RuleFileException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code copydesk rules}: lists each rule with its default severity and what it checks. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "List the rules: id, default severity, one-line description.")
final class RulesCommand implements Callable<Integer> {

  @Option(names = "--config", paramLabel = "FILE",
      description = "Config file whose rule-paths add house rules (default: the nearest .copydesk.yml).")
  Path configFile;

  @Option(names = "--rules", paramLabel = "FOLDER", description = "A folder of house rule files; may be repeated.")
  List<Path> ruleFolders = new ArrayList<>();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<RuleDescription> rules;
    try {
      Optional<Path> file = configFile != null ? Optional.of(configFile) : Config.find(Path.of(""));
      Config config = file.isPresent() ? Config.read(file.get()) : Config.defaults();
      config = config.plusRulePaths(ruleFolders);
      rules = Engines.describeAll(config);
    } catch (ConfigException | RuleFileException e) {
      err.println("copydesk: " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    int width = rules.stream().mapToInt(r -> r.id().length()).max().orElse(10);
    for (RuleDescription rule : rules) {
      out.printf("%-" + width + "s  %-10s  %s%n", rule.id(), rule.severity().label(), rule.description());
    }
    return ExitCode.CLEAN;
  }
}
