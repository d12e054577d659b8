package dev.copydesk.audit;

import dev.copydesk.engine.Config;
import dev.copydesk.engine.ConfigException;
import dev.copydesk.engine.Engines;
import dev.copydesk.rules.RuleFileException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code copydesk audit}: checks every article of an archive on Spark and writes {@code
 * findings/}, {@code summary/} and {@code errors/} under one folder. The same class is the job's
 * main class under {@code spark-submit}, where Spark's master comes from spark-submit; run by the
 * launcher, it is local mode on this machine's cores.
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "Audit an archive on Apache Spark: every article checked as 'copydesk check' would, the findings,"
          + " a summary and the articles that could not be checked written as tables under --output.",
      "Exit codes: 0 the audit completed (findings are data here, not failures); 2 a bad input path,"
          + " config, rule file or option (the paths that could be read are still audited); 3 an internal error."
    })
public final class AuditCommand implements Callable<Integer> {

  static final int COMPLETED = 0;
  static final int BAD_INPUT = 2;
  static final int INTERNAL_ERROR = 3;

  @Parameters(paramLabel = "PATH", arity = "1..*",
      description = "Drafts (files, folders searched for *.txt *.md *.markdown *.html *.htm, globs) or tables of articles"
          + " (*.jsonl *.ndjson *.json *.parquet files, or folders of them) with an id and a text column.")
  List<String> paths = new ArrayList<>();

  @Option(names = "--output", paramLabel = "DIR", required = true,
      description = "The folder to write findings/, summary/ and errors/ under; each is replaced, so a re-run gives the same output.")
  String output;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "parquet",
      description = "parquet or jsonl (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Config file (default: the nearest .copydesk.yml in the current folder or above); its rule folders and dictionaries are shipped with the job.")
  Path configFile;

  @Option(names = "--no-config", description = "Read no config file, not even a .copydesk.yml found nearby.")
  boolean noConfig;

  @Option(names = "--lang", paramLabel = "LANG", description = "Language variant: auto, en-GB or en-US (default: the config's, else auto).")
  String language;

  @Option(names = "--max-size", paramLabel = "SIZE", description = "Articles larger than this go to errors/, such as 5MB (default: 5MB).")
  String maxSize;

  @Option(names = "--time-budget", paramLabel = "DURATION",
      description = "An article still being checked after this long goes to errors/, its findings so far to findings/ (default: 60s).")
  String timeBudget;

  @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8",
      description = "The draft files' character encoding (default: ${DEFAULT-VALUE}); tables are read as their format says.")
  String encoding;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark's master, such as local[2] (default: spark-submit's, else local[*], every core of this machine).")
  String master;

  @Option(names = "--partitions", paramLabel = "N",
      description = "Split the articles into at least N tasks (default: four a core, so a slow article holds up one core briefly).")
  Integer partitions;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true), args));
  }

  /** Runs the audit and returns its exit code; all output goes to {@code out} and {@code err}. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = new CommandLine(new AuditCommand());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
      err.println("copydesk: internal error: " + e);
      e.printStackTrace(err);
      return INTERNAL_ERROR;
    });
    commandLine.setParameterExceptionHandler((e, args2) -> {
      err.println("copydesk: " + e.getMessage());
      err.println("Try 'copydesk audit --help'.");
      return BAD_INPUT;
    });
    int code = commandLine.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    OutputFormat outputFormat;
    Charset charset;
    Config config;
    CommandLineSettings settings = CommandLineSettings.of(language, maxSize, timeBudget);
    try {
      outputFormat = OutputFormat.parse(format);
      charset = Charset.forName(encoding);
      config = config(settings);
      // Built here only to refuse a bad rule file or dictionary before Spark starts; this engine
      // checks nothing (each executor builds its own) and builds no LanguageTool.
      Engines.of(config, null);
    } catch (ConfigException | RuleFileException e) {
      err.println("copydesk: " + e.getMessage());
      return BAD_INPUT;
    } catch (IllegalArgumentException e) { // a bad --format, --encoding, --lang, --max-size or --time-budget
      err.println("copydesk: " + e.getMessage());
      return BAD_INPUT;
    }
    if (partitions != null && partitions < 1) {
      err.println("copydesk: --partitions must be at least 1");
      return BAD_INPUT;
    }

    SparkSession spark = session();
    try {
      JobFiles jobFiles = JobFiles.stage(configFile(), config, settings, spark);
      ArticleSources.Found found = ArticleSources.find(spark, paths);
      found.problems().forEach(problem -> err.println("copydesk: " + problem));
      if (found.isEmpty()) {
        return BAD_INPUT;
      }
      int tasks = partitions != null ? partitions : 4 * spark.sparkContext().defaultParallelism();
      ArticleSources.Articles articles;
      try {
        articles = found.read(spark, tasks);
      } catch (IllegalArgumentException e) {
        err.println("copydesk: " + e.getMessage());
        return BAD_INPUT;
      }
      Audit.Result result = Audit.run(spark, articles, jobFiles, charset, config.maxBytes());
      result.write(output, outputFormat);
      err.println("copydesk: audited " + result.checked() + " articles (" + result.words() + " words): "
          + result.findings() + " findings, " + result.errors() + " in errors/; written under " + output);
      err.flush();
      return found.problems().isEmpty() ? COMPLETED : BAD_INPUT;
    } finally {
      spark.stop();
    }
  }

  /** The Spark session: spark-submit's master when there is one, else --master, else every local core. */
  private SparkSession session() {
    SparkConf conf = new SparkConf().setAppName("copydesk audit");
    if (master != null) {
      conf.setMaster(master);
    } else if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    if (conf.get("spark.master").startsWith("local")) {
      // On one machine the web UI is a port nobody looks at, and the default of 200 shuffle
      // partitions is 200 tasks to add up a summary of a few thousand rows.
      conf.setIfMissing("spark.ui.enabled", "false");
      conf.setIfMissing("spark.sql.shuffle.partitions", "8");
      // Local mode talks only to itself: on the loopback address, never on the machine's network.
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
    }
    return SparkSession.builder().config(conf).getOrCreate();
  }

  /** The config file's settings with the command line's on top, as {@code check} reads them. */
  private Config config(CommandLineSettings settings) throws ConfigException {
    if (configFile != null && Files.isDirectory(configFile)) {
      throw new ConfigException(configFile + ": is a folder, not a config file");
    }
    if (configFile != null && !Files.isRegularFile(configFile)) {
      throw new ConfigException(configFile + ": no such config file");
    }
    Config config = configFile().isPresent() ? Config.read(configFile().get()) : Config.defaults();
    return settings.applyTo(config);
  }

  private java.util.Optional<Path> configFile() {
    if (noConfig) {
      return java.util.Optional.empty();
    }
    return configFile != null ? java.util.Optional.of(configFile) : Config.find(Path.of(""));
  }

  /** The two table formats an audit writes. */
  enum OutputFormat {
    PARQUET("parquet"),
    JSONL("json");

    final String sparkSource;

    OutputFormat(String sparkSource) {
      this.sparkSource = sparkSource;
    }

    static OutputFormat parse(String text) {
      return switch (text.toLowerCase(java.util.Locale.ROOT)) {
        case "parquet" -> PARQUET;
        case "jsonl", "json" -> JSONL;
        default -> throw new IllegalArgumentException("--format '" + text + "' is not one of parquet, jsonl");
      };
    }
  }
}
