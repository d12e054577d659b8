package dev.copydesk.audit;

import dev.copydesk.input.DraftFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Where an audit's articles come from: the paths of the command line, each a draft file, a folder
 * of drafts (searched as {@code check} searches one), a table of articles (JSON Lines or Parquet
 * files, or a folder of them) or a glob of any of these, on any file system Spark reads (a local
 * folder, HDFS, S3). They become one table: {@code id}, {@code text} (a table's) or {@code
 * location} (a draft file's, read by the task that checks it), {@code format}, {@code source} (the
 * file a row came from) and the tables' other columns, carried through to the output.
 */
final class ArticleSources {

  /** The columns an audit reads itself; every other column of a table is carried through. */
  static final Set<String> OWN_COLUMNS = Set.of("id", "text", "format", "location", "source", "_corrupt_record");

  private ArticleSources() {}

  /** One draft file: its name in the output (the path as the user would type it) and where it is. */
  record Draft(String id, String location) {}

  /** The articles to audit, with the columns they carry. */
  record Articles(Dataset<Row> rows, List<StructField> carried) {}

  /** What the paths name: draft files, table files, and a line for each path that names nothing. */
  record Found(List<Draft> drafts, List<String> jsonTables, List<String> parquetTables, List<String> problems) {

    boolean isEmpty() {
      return drafts.isEmpty() && jsonTables.isEmpty() && parquetTables.isEmpty();
    }

    /** The articles as one table, split into at least {@code tasks} partitions. */
    Articles read(SparkSession spark, int tasks) {
      List<Dataset<Row>> parts = new ArrayList<>();
      if (!drafts.isEmpty()) {
        StructType schema = new StructType()
            .add("id", DataTypes.StringType, false)
            .add("location", DataTypes.StringType, false)
            .add("source", DataTypes.StringType, false);
        List<Row> rows = drafts.stream().map(d -> RowFactory.create(d.id(), d.location(), d.location())).toList();
        var rdd = JavaSparkContext.fromSparkContext(spark.sparkContext())
            .parallelize(rows, Math.max(1, Math.min(tasks, rows.size())));
        parts.add(spark.createDataFrame(rdd, schema));
      }
      if (!jsonTables.isEmpty()) {
        // Every line kept: one that is not JSON becomes a row of _corrupt_record, and so an
        // errors/ row, not a failed job.
        parts.add(table(spark.read().option("mode", "PERMISSIVE").json(jsonTables.toArray(String[]::new)), jsonTables));
      }
      if (!parquetTables.isEmpty()) {
        parts.add(table(spark.read().parquet(parquetTables.toArray(String[]::new)), parquetTables));
      }
      Dataset<Row> all = parts.get(0);
      for (Dataset<Row> part : parts.subList(1, parts.size())) {
        all = all.unionByName(part, true);
      }
      for (String column : List.of("text", "format", "location")) {
        if (!Arrays.asList(all.columns()).contains(column)) {
          all = all.withColumn(column, functions.lit(null).cast(DataTypes.StringType));
        }
      }
      if (all.rdd().getNumPartitions() < tasks) {
        // A table of a million stories may be one file; one partition would be one core's work.
        all = all.repartition(tasks);
      }
      List<StructField> carried = Arrays.stream(all.schema().fields())
          .filter(field -> !OWN_COLUMNS.contains(field.name()))
          .toList();
      return new Articles(all, carried);
    }

    /** A table of articles checked for the columns it needs, its id as text, its source file named. */
    private static Dataset<Row> table(Dataset<Row> table, List<String> files) {
      List<String> columns = Arrays.asList(table.columns());
      if (!columns.contains("id") || !columns.contains("text")) {
        throw new IllegalArgumentException(String.join(", ", files) + ": a table of articles needs an 'id' and a 'text' column"
            + " (it has: " + String.join(", ", columns) + ")");
      }
      for (String column : columns) {
        if (OWN_COLUMNS.contains(column)) {
          continue;
        }
        if (AuditRecords.FINDING_FIELDS.contains(column) || column.equals("reason") || column.equals("kind") || column.equals("words")) {
          throw new IllegalArgumentException(String.join(", ", files) + ": column '" + column
              + "' has the name of an output field; rename it to carry it through");
        }
      }
      Dataset<Row> named = table.withColumn("id", table.col("id").cast(DataTypes.StringType))
          .withColumn("source", functions.input_file_name());
      if (columns.contains("format")) {
        named = named.withColumn("format", named.col("format").cast(DataTypes.StringType));
      }
      return named.withColumn("text", named.col("text").cast(DataTypes.StringType));
    }
  }

  /** Expands the command line's paths; a path that names nothing readable is a problem line. */
  static Found find(SparkSession spark, List<String> arguments) throws IOException {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    List<Draft> drafts = new ArrayList<>();
    List<String> json = new ArrayList<>();
    List<String> parquet = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (String argument : arguments) {
      Path path = new Path(argument);
      FileSystem fs = path.getFileSystem(hadoop);
      List<FileStatus> matches = new ArrayList<>();
      boolean glob = argument.matches(".*[*?\\[{].*");
      if (glob) {
        FileStatus[] globbed = fs.globStatus(path);
        if (globbed != null) {
          matches.addAll(Arrays.asList(globbed));
        }
      } else if (fs.exists(path)) {
        matches.add(fs.getFileStatus(path));
      }
      if (matches.isEmpty()) {
        problems.add(argument + (glob ? ": the pattern matches no file or folder" : ": no such file or folder"));
        continue;
      }
      for (FileStatus match : matches) {
        String shownAs = glob ? shown(match.getPath()) : argument;
        if (match.isFile()) {
          switch (kindOf(match.getPath().getName())) {
            case JSON -> json.add(match.getPath().toString());
            case PARQUET -> parquet.add(match.getPath().toString());
            // A file named on the command line is a draft whatever its name, as for check.
            default -> drafts.add(new Draft(shownAs, match.getPath().toString()));
          }
          continue;
        }
        List<Draft> inFolder = new ArrayList<>();
        List<FileStatus> tables = new ArrayList<>();
        search(fs, match, match.getPath(), shownAs, inFolder, tables);
        if (!inFolder.isEmpty()) {
          // A folder of drafts is searched as check searches it; tables beside them are not articles.
          inFolder.sort(Comparator.comparing(Draft::id));
          drafts.addAll(inFolder);
        } else if (!tables.isEmpty()) {
          for (FileStatus table : tables) {
            (kindOf(table.getPath().getName()) == Kind.JSON ? json : parquet).add(table.getPath().toString());
          }
        } else {
          problems.add(shownAs + ": folder holds no drafts (*.txt, *.md, *.markdown, *.html, *.htm)"
              + " and no tables of articles (*.jsonl, *.ndjson, *.json, *.parquet)");
        }
      }
    }
    return new Found(drafts, json, parquet, problems);
  }

  private enum Kind { DRAFT, JSON, PARQUET, OTHER }

  private static Kind kindOf(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json")) {
      return Kind.JSON;
    }
    if (lower.endsWith(".parquet")) {
      return Kind.PARQUET;
    }
    return DraftFormat.isDraftFileName(fileName) ? Kind.DRAFT : Kind.OTHER;
  }

  /**
   * Walks a folder as check does, skipping hidden folders and files (and the {@code _temporary}
   * folder of a Spark job still writing there), collecting drafts and table files.
   */
  private static void search(FileSystem fs, FileStatus folder, Path root, String shownAs, List<Draft> drafts,
      List<FileStatus> tables) throws IOException {
    for (FileStatus child : fs.listStatus(folder.getPath())) {
      String name = child.getPath().getName();
      if (name.startsWith(".") || (child.isDirectory() && name.equals("_temporary"))) {
        continue;
      }
      if (child.isDirectory()) {
        search(fs, child, root, shownAs, drafts, tables);
        continue;
      }
      switch (kindOf(name)) {
        case DRAFT -> drafts.add(new Draft(shownUnder(root, shownAs, child.getPath()), child.getPath().toString()));
        case JSON, PARQUET -> tables.add(child);
        default -> { }
      }
    }
  }

  /** A file's path as the user would type it: the folder argument, then the relative path (as check shows it). */
  private static String shownUnder(Path root, String shownAs, Path file) {
    String rootPath = root.toUri().getPath();
    String filePath = file.toUri().getPath();
    String relative = filePath.startsWith(rootPath + "/") ? filePath.substring(rootPath.length() + 1) : file.getName();
    return shownAs.endsWith("/") ? shownAs + relative : shownAs + "/" + relative;
  }

  /** A glob's match as shown: a local file's own path, anything else its full URI. */
  private static String shown(Path path) {
    return "file".equals(path.toUri().getScheme()) ? path.toUri().getPath() : path.toString();
  }

  /** A column reference that survives names with dots in them. */
  static Column column(String name) {
    return functions.col("`" + name.replace("`", "``") + "`");
  }
}
