package dev.copydesk.audit;

import static dev.copydesk.audit.ArticleSources.column;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.AtomicType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.storage.StorageLevel;

/**
 * One audit: the articles checked once (the rows kept, on memory and disk, since three outputs
 * are made from them and checking is the whole cost), then split into {@code findings/}, {@code
 * errors/} and the {@code summary/} added up from the findings and the articles' words.
 */
final class Audit {

  /** The column whose month the summary groups by, besides grouping by each carried column. */
  static final String PUBLISHED = "published";

  private Audit() {}

  /** The outputs of an audit, computed when written or counted. */
  record Result(Dataset<Row> findingRows, Dataset<Row> errorRows, Dataset<Row> summaryRows, long checked, long words,
      long findings, long errors) {

    /** Writes the three tables under {@code output}, each replacing what a previous run left there. */
    void write(String output, AuditCommand.OutputFormat format) {
      String base = output.endsWith("/") ? output : output + "/";
      write(findingRows, base + "findings", format);
      write(summaryRows, base + "summary", format);
      write(errorRows, base + "errors", format);
    }

    private static void write(Dataset<Row> table, String path, AuditCommand.OutputFormat format) {
      // Overwrite, and Spark's commit protocol, make a re-run (or a re-run task) leave exactly one
      // copy of each row; a null stays a field in JSON Lines, so every row has the same keys.
      table.write().mode(SaveMode.Overwrite).format(format.sparkSource).option("ignoreNullFields", "false").save(path);
    }
  }

  static Result run(SparkSession spark, ArticleSources.Articles articles, JobFiles jobFiles, Charset charset, long maxBytes) {
    List<String> carried = articles.carried().stream().map(StructField::name).toList();
    JavaRDD<Row> records = articles.rows().javaRDD().mapPartitions(new ArticleCheck(jobFiles, charset, carried));
    Dataset<Row> all = spark.createDataFrame(records, AuditRecords.schema(articles.carried()))
        .persist(StorageLevel.MEMORY_AND_DISK());

    List<Column> findingColumns = new ArrayList<>();
    findingColumns.add(col("id"));
    AuditRecords.FINDING_COLUMNS.forEach(name -> findingColumns.add(col(name)));
    carried.forEach(name -> findingColumns.add(column(name)));
    Dataset<Row> findings = all.filter(col("kind").equalTo(AuditRecords.FINDING))
        .select(findingColumns.toArray(Column[]::new))
        .orderBy(col("id"), col("offset"), col("length"), col("rule"));

    List<Column> errorColumns = new ArrayList<>(List.of(col("id"), col("reason")));
    carried.forEach(name -> errorColumns.add(column(name)));
    Dataset<Row> errors = all.filter(col("kind").equalTo(AuditRecords.ERROR))
        .select(errorColumns.toArray(Column[]::new)).orderBy(col("id"), col("reason"));

    Row totals = all.groupBy().agg(
        sum(when(col("kind").equalTo(AuditRecords.ARTICLE), 1L).otherwise(0L)),
        sum(when(col("kind").equalTo(AuditRecords.ARTICLE), col("words")).otherwise(0L)),
        sum(when(col("kind").equalTo(AuditRecords.FINDING), 1L).otherwise(0L)),
        sum(when(col("kind").equalTo(AuditRecords.ERROR), 1L).otherwise(0L))).first();
    return new Result(findings, errors, summary(all, articles.carried()),
        totals.isNullAt(0) ? 0 : totals.getLong(0), totals.isNullAt(1) ? 0 : totals.getLong(1),
        totals.isNullAt(2) ? 0 : totals.getLong(2), totals.isNullAt(3) ? 0 : totals.getLong(3));
  }

  /**
   * Findings per rule and severity, with the articles and words of the group and the rate per
   * 10,000 words: over the whole archive ({@code grouping} "all"), by each carried column of a
   * plain type (its value as text), and by month ({@code yyyy-MM}) when a {@code published} column
   * is present; {@code published} itself is grouped by month only, since its raw values are
   * nearly all different. A group with no finding has no row.
   */
  static Dataset<Row> summary(Dataset<Row> all, List<StructField> carried) {
    List<Grouping> groupings = new ArrayList<>();
    groupings.add(new Grouping("all", lit("all")));
    for (StructField field : carried) {
      if (field.name().equals(PUBLISHED)) {
        Column month = regexp_extract(column(field.name()).cast(DataTypes.StringType), "^(\\d{4}-\\d{2})", 1);
        groupings.add(new Grouping("month", when(month.equalTo(""), lit(null)).otherwise(month)));
      } else if (field.dataType() instanceof AtomicType) {
        groupings.add(new Grouping(field.name(), column(field.name()).cast(DataTypes.StringType)));
      }
    }
    Dataset<Row> articles = all.filter(col("kind").equalTo(AuditRecords.ARTICLE));
    Dataset<Row> findings = all.filter(col("kind").equalTo(AuditRecords.FINDING));
    Dataset<Row> summary = null;
    for (Grouping grouping : groupings) {
      Dataset<Row> sizes = articles.groupBy(grouping.value().as("group_value"))
          .agg(count(lit(1)).as("articles"), sum(col("words")).as("words"));
      Dataset<Row> counts = findings.groupBy(grouping.value().as("value"), col("rule"), col("severity"))
          .agg(count(lit(1)).as("findings"));
      Dataset<Row> rows = counts.join(sizes, counts.col("value").eqNullSafe(sizes.col("group_value")))
          .select(lit(grouping.name()).as("grouping"), col("value"), col("rule"), col("severity"), col("findings"),
              col("articles"), col("words"),
              when(col("words").gt(0), col("findings").multiply(10_000.0).divide(col("words"))).as("per10kWords"));
      summary = summary == null ? rows : summary.unionByName(rows);
    }
    return summary.orderBy(col("grouping"), col("value"), col("rule"), col("severity"));
  }

  /** One way of grouping the summary: its name and the value each article is grouped by. */
  private record Grouping(String name, Column value) {}
}
