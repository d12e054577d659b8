package dev.copydesk.cli;

import dev.copydesk.engine.DiskCache;
import dev.copydesk.languagetool.MatchCache;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Where LanguageTool's results are kept between runs, shared by the commands that check. */
final class CacheOptions {

  @Option(names = "--cache-dir", paramLabel = "FOLDER",
      description = "Keep LanguageTool's results per paragraph here, so unchanged paragraphs are not checked again "
          + "(default: $XDG_CACHE_HOME/copydesk or ~/.cache/copydesk).")
  Path cacheDir;

  @Option(names = "--no-cache", description = "Neither read nor write the result cache.")
  boolean noCache;

  /** The cache folder: --cache-dir's, or the default one. Background servers live under it too. */
  Path folder() {
    return cacheDir != null ? cacheDir : DiskCache.defaultFolder();
  }

  /**
   * The {@code copydesk serve} arguments that give a background server this run's cache: the
   * same folder, named absolutely, and none with --no-cache.
   */
  List<String> serveArguments() {
    List<String> arguments = new ArrayList<>(List.of("--cache-dir", folder().toAbsolutePath().toString()));
    if (noCache) {
      arguments.add("--no-cache");
    }
    return arguments;
  }

  /** The cache, or null with --no-cache. */
  MatchCache cache() {
    return noCache ? null : new DiskCache(folder());
  }
}
