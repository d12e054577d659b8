package dev.copydesk.lsp;

import dev.copydesk.engine.Config;
import dev.copydesk.engine.Engines;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * How a language server runs.
 *
 * @param configFile the config for every draft ({@code --config}); empty to use the nearest
 *     {@code .copydesk.yml} to each draft
 * @param noConfig true to read no config file at all ({@code --no-config})
 * @param commandLine the command line's settings, applied over each config read
 * @param engines builds the engines for a config, with the run's cache
 * @param workers drafts checked at once, each worker with its own engines
 * @param debounce how long a draft must stay unchanged before it is checked
 */
public record LspOptions(
    Optional<Path> configFile, boolean noConfig, UnaryOperator<Config> commandLine, EngineFactory engines, int workers,
    Duration debounce) {

  /**
   * Builds engines for a config: {@code Engines.of(config, cache)} with the command's cache. A
   * bad rule file or dictionary throws, and its message becomes a diagnostic on the draft.
   */
  @FunctionalInterface
  public interface EngineFactory {
    Engines build(Config config) throws Exception;
  }
}
