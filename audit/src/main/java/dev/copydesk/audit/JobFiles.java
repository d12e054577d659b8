package dev.copydesk.audit;

import dev.copydesk.engine.Config;
import dev.copydesk.engine.ConfigException;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.spark.SparkFiles;
import org.apache.spark.sql.SparkSession;

/**
 * The files an engine is built from, shipped with the job: the config file, each rule folder and
 * each dictionary it names, and the command line's settings, copied into one folder that Spark
 * hands to every executor ({@code SparkContext.addFile}). An executor reads them back as a config
 * whose paths point at its own copies. Engines themselves are never serialised: a LanguageTool is
 * hundreds of megabytes of lazily built state that each JVM builds faster than it could receive.
 *
 * <p>The folder is named by a digest of everything in it, so two jobs with the same files share
 * one name, and an executor that already built engines for it (a local-mode JVM running tests,
 * say) keeps them.
 *
 * @param name the shipped folder's name, which {@link SparkFiles#get} resolves on an executor
 */
record JobFiles(String name) implements Serializable {

  private static final String CONFIG = "config.yml";
  private static final String SETTINGS = "settings.properties";

  /**
   * Copies the config file (if any), its rule folders and dictionaries and the command-line
   * settings into a folder named by their digest, and adds it to the job.
   */
  static JobFiles stage(Optional<Path> configFile, Config config, CommandLineSettings settings, SparkSession spark)
      throws IOException {
    Path staging = Files.createTempDirectory("copydesk-job");
    if (configFile.isPresent()) {
      Files.copy(configFile.get(), staging.resolve(CONFIG));
    }
    for (int i = 0; i < config.rulePaths().size(); i++) {
      copyTree(config.rulePaths().get(i), staging.resolve("rules-" + i));
    }
    for (int i = 0; i < config.dictionaries().size(); i++) {
      Path dictionary = config.dictionaries().get(i);
      if (Files.isRegularFile(dictionary)) {
        Files.copy(dictionary, staging.resolve("dictionary-" + i));
      }
    }
    Properties properties = new Properties();
    properties.setProperty("rule-folders", String.valueOf(config.rulePaths().size()));
    properties.setProperty("dictionaries", String.valueOf(config.dictionaries().size()));
    if (settings.language() != null) {
      properties.setProperty("language", settings.language());
    }
    if (settings.maxSize() != null) {
      properties.setProperty("max-size", settings.maxSize());
    }
    if (settings.timeBudget() != null) {
      properties.setProperty("time-budget", settings.timeBudget());
    }
    try (var writer = Files.newBufferedWriter(staging.resolve(SETTINGS), StandardCharsets.UTF_8)) {
      // Properties.store writes a date line, which would change the digest on every run.
      for (String key : new java.util.TreeSet<>(properties.stringPropertyNames())) {
        writer.write(key + "=" + properties.getProperty(key) + "\n");
      }
    }
    Path named = staging.resolveSibling("copydesk-job-" + digest(staging));
    if (Files.exists(named)) {
      deleteTree(named);
    }
    Files.move(staging, named);
    named.toFile().deleteOnExit();
    spark.sparkContext().addFile(named.toUri().toString(), true);
    return new JobFiles(named.getFileName().toString());
  }

  /** On an executor: the config these files make, its rule folders and dictionaries the local copies. */
  Config config() throws ConfigException {
    Path folder = Path.of(SparkFiles.get(name));
    Properties properties = new Properties();
    try (var reader = Files.newBufferedReader(folder.resolve(SETTINGS), StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("the job's shipped files are incomplete: " + folder, e);
    }
    Path configFile = folder.resolve(CONFIG);
    Config read = Files.isRegularFile(configFile) ? Config.read(configFile) : Config.defaults();
    Config config = CommandLineSettings.of(properties.getProperty("language"), properties.getProperty("max-size"),
        properties.getProperty("time-budget")).applyTo(read);
    List<Path> ruleFolders = new ArrayList<>();
    for (int i = 0; i < Integer.parseInt(properties.getProperty("rule-folders")); i++) {
      ruleFolders.add(folder.resolve("rules-" + i));
    }
    List<Path> dictionaries = new ArrayList<>();
    for (int i = 0; i < Integer.parseInt(properties.getProperty("dictionaries")); i++) {
      dictionaries.add(folder.resolve("dictionary-" + i));
    }
    return new Config(config.language(), config.failOn(), config.rules(), dictionaries, ruleFolders,
        config.maxBytes(), config.timeBudget(), config.overrides(), config.daemon(), config.maxDaemons());
  }

  private static void copyTree(Path from, Path to) throws IOException {
    if (!Files.exists(from)) {
      return; // the rule loader has already refused it on the driver
    }
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.sorted().toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }

  private static void deleteTree(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** A digest of every file's relative path and bytes, in a fixed order. */
  private static String digest(Path folder) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
        digest.update(folder.relativize(path).toString().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(Files.readAllBytes(path));
        digest.update((byte) 0);
      }
    }
    return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
  }
}
