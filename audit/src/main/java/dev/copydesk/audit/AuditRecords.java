package dev.copydesk.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.copydesk.core.FileReport;
import dev.copydesk.report.JsonReporter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The rows checking an article makes, in one table that {@link Audit} splits into the outputs: a
 * {@code finding} row for each finding (its fields exactly those of {@code check --format json},
 * made by the same reporter), one {@code article} row for each article checked (its words, for
 * the summary's rates) and an {@code error} row for each article that could not be checked, or
 * not to its end, with the reason. Each row carries the article's id and its carried columns.
 */
final class AuditRecords {

  static final String FINDING = "finding";
  static final String ARTICLE = "article";
  static final String ERROR = "error";

  /** The finding's fields, in the order {@code --format json} writes them. */
  static final List<String> FINDING_COLUMNS = List.of(
      "rule", "severity", "line", "column", "endLine", "endColumn", "offset", "length", "text", "message", "suggestions");
  static final Set<String> FINDING_FIELDS = Set.copyOf(FINDING_COLUMNS);

  private AuditRecords() {}

  /** The table's schema: kind, id, the finding's fields, words, reason, then the carried columns. */
  static StructType schema(List<StructField> carried) {
    StructType schema = new StructType()
        .add("kind", DataTypes.StringType, false)
        .add("id", DataTypes.StringType, true)
        .add("rule", DataTypes.StringType, true)
        .add("severity", DataTypes.StringType, true)
        .add("line", DataTypes.IntegerType, true)
        .add("column", DataTypes.IntegerType, true)
        .add("endLine", DataTypes.IntegerType, true)
        .add("endColumn", DataTypes.IntegerType, true)
        .add("offset", DataTypes.IntegerType, true)
        .add("length", DataTypes.IntegerType, true)
        .add("text", DataTypes.StringType, true)
        .add("message", DataTypes.StringType, true)
        .add("suggestions", DataTypes.createArrayType(DataTypes.StringType, false), true)
        .add("words", DataTypes.LongType, true)
        .add("reason", DataTypes.StringType, true);
    for (StructField field : carried) {
      schema = schema.add(field.name(), field.dataType(), true);
    }
    return schema;
  }

  /** The finding rows and the article row of one checked article. */
  static List<Row> checked(String id, FileReport report, long words, Object[] carried) {
    List<Row> rows = new ArrayList<>();
    JsonNode findings = JsonReporter.tree(List.of(report)).get("files").get(0).get("findings");
    for (JsonNode finding : findings) {
      List<String> suggestions = new ArrayList<>();
      finding.get("suggestions").forEach(suggestion -> suggestions.add(suggestion.asText()));
      rows.add(row(FINDING, id, new Object[] {
          finding.get("rule").asText(), finding.get("severity").asText(),
          finding.get("line").asInt(), finding.get("column").asInt(),
          finding.get("endLine").asInt(), finding.get("endColumn").asInt(),
          finding.get("offset").asInt(), finding.get("length").asInt(),
          finding.get("text").asText(), finding.get("message").asText(),
          suggestions.toArray(String[]::new)}, null, null, carried));
    }
    rows.add(row(ARTICLE, id, null, words, null, carried));
    return rows;
  }

  /** The row of an article that could not be checked, or not to its end. */
  static Row error(String id, String reason, Object[] carried) {
    return row(ERROR, id, null, null, reason, carried);
  }

  private static Row row(String kind, String id, Object[] finding, Long words, String reason, Object[] carried) {
    Object[] values = new Object[4 + FINDING_COLUMNS.size() + carried.length];
    values[0] = kind;
    values[1] = id;
    if (finding != null) {
      System.arraycopy(finding, 0, values, 2, finding.length);
    }
    values[2 + FINDING_COLUMNS.size()] = words;
    values[3 + FINDING_COLUMNS.size()] = reason;
    System.arraycopy(carried, 0, values, 4 + FINDING_COLUMNS.size(), carried.length);
    return RowFactory.create(values);
  }
}
