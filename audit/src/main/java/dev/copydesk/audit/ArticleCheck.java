package dev.copydesk.audit;

import dev.copydesk.core.Document;
import dev.copydesk.core.FileReport;
import dev.copydesk.engine.Config;
import dev.copydesk.engine.Engine;
import dev.copydesk.input.DraftFormat;
import dev.copydesk.input.DraftReader;
import dev.copydesk.input.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;

/**
 * A task's work: every article of its partition read and checked with one engine borrowed from
 * the executor's pool, one article at a time, as its rows are asked for. What is shipped to the
 * executors is this function's few fields (the job files' name, the encoding, the carried
 * columns' names), never an engine.
 */
final class ArticleCheck implements FlatMapFunction<Iterator<Row>, Row> {

  private static final long serialVersionUID = 1L;

  private final JobFiles jobFiles;
  private final String charset;
  private final List<String> carried;

  ArticleCheck(JobFiles jobFiles, Charset charset, List<String> carried) {
    this.jobFiles = jobFiles;
    this.charset = charset.name();
    this.carried = List.copyOf(carried);
  }

  @Override
  public Iterator<Row> call(Iterator<Row> articles) {
    EnginePool pool = EnginePool.forJob(jobFiles);
    Engine engine = pool.borrow();
    TaskContext task = TaskContext.get();
    if (task != null) {
      task.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) context -> pool.giveBack(engine));
    }
    Config config = pool.config();
    Charset drafts = Charset.forName(charset);
    return new Iterator<>() {
      private final Deque<Row> ready = new ArrayDeque<>();

      @Override
      public boolean hasNext() {
        while (ready.isEmpty() && articles.hasNext()) {
          ready.addAll(check(articles.next(), engine, config, drafts));
        }
        return !ready.isEmpty();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return ready.poll();
      }
    };
  }

  /** One article's rows: its findings and itself, or an error; a failure never stops the task. */
  private List<Row> check(Row article, Engine engine, Config config, Charset drafts) {
    Object[] carriedValues = new Object[carried.size()];
    for (int i = 0; i < carriedValues.length; i++) {
      carriedValues[i] = article.get(article.fieldIndex(carried.get(i)));
    }
    String id = article.getAs("id");
    if (hasField(article, "_corrupt_record") && article.getAs("_corrupt_record") != null) {
      return List.of(AuditRecords.error(id, article.getAs("source") + ": a line that is not a JSON object, skipped", carriedValues));
    }
    if (id == null) {
      return List.of(AuditRecords.error(null, article.getAs("source") + ": an article with no id, skipped", carriedValues));
    }
    Document document;
    try {
      document = read(article, id, config, drafts);
    } catch (InputException e) {
      return List.of(AuditRecords.error(id, e.getMessage(), carriedValues));
    } catch (IOException e) {
      return List.of(AuditRecords.error(id, "cannot be read: " + e.getMessage(), carriedValues));
    }
    document = datedByRow(article, document);
    FileReport report;
    try {
      report = engine.check(document);
    } catch (RuntimeException e) {
      // A bug met on one article of millions: that article goes to errors/ and the audit goes on.
      return List.of(AuditRecords.error(id, "internal error while checking: " + e, carriedValues));
    }
    List<Row> rows = new java.util.ArrayList<>(AuditRecords.checked(id, report, words(document.text()), carriedValues));
    if (!report.complete()) {
      rows.add(AuditRecords.error(id, "not fully checked: its time budget of " + config.timeBudget().toSeconds()
          + " s ran out (--time-budget); the findings so far are in findings/", carriedValues));
    }
    return rows;
  }

  /**
   * The article dated by its row's {@code published} column when its own metadata gives no date:
   * the rules that judge dates against the story's (date-consistency) then know it, as they would
   * from a draft's front matter. A value that is no ISO date leaves the article undated.
   */
  private static Document datedByRow(Row article, Document document) {
    if (document.dated() != null || !hasField(article, Audit.PUBLISHED) || article.getAs(Audit.PUBLISHED) == null) {
      return document;
    }
    java.time.LocalDate published = DraftReader.metadataDate(String.valueOf(article.<Object>getAs(Audit.PUBLISHED)));
    return published == null ? document : document.withDate(published);
  }

  /** The article as a document: a draft file read as check reads it, or a table's text. */
  private static Document read(Row article, String id, Config config, Charset drafts) throws InputException, IOException {
    String location = article.getAs("location");
    if (location != null) {
      URI uri = URI.create(location);
      if ("file".equals(uri.getScheme())) {
        return DraftReader.read(java.nio.file.Path.of(uri), id, drafts, config.maxBytes());
      }
      org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(uri);
      try (InputStream in = FileSystem.get(uri, new Configuration()).open(path)) {
        return DraftReader.read(in, id, drafts, config.maxBytes());
      }
    }
    String text = article.getAs("text");
    if (text == null) {
      throw new InputException("has no text, skipped");
    }
    // The same limits as a draft file's: the size in UTF-8 bytes, and no binary data.
    long size = text.getBytes(StandardCharsets.UTF_8).length;
    if (size > config.maxBytes()) {
      throw new InputException("is " + megabytes(size) + ", over the " + megabytes(config.maxBytes())
          + " limit (--max-size or max-size: in the config), skipped");
    }
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      throw new InputException("looks like binary data (NUL character at offset " + nul + "), skipped");
    }
    String source = text.startsWith("\uFEFF") ? text.substring(1) : text;
    return DraftReader.parse(id, source, format(article.getAs("format"), id));
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
  }

  /** The table's format column (text, markdown or md, html), or else the id's extension. */
  private static DraftFormat format(String format, String id) throws InputException {
    if (format == null) {
      return DraftFormat.ofFileName(id);
    }
    return switch (format.trim().toLowerCase(Locale.ROOT)) {
      case "text", "txt", "plain" -> DraftFormat.TEXT;
      case "markdown", "md" -> DraftFormat.MARKDOWN;
      case "html", "htm" -> DraftFormat.HTML;
      default -> throw new InputException("format '" + format + "' is not one of text, markdown, html, skipped");
    };
  }

  private static boolean hasField(Row row, String name) {
    return java.util.Arrays.asList(row.schema().fieldNames()).contains(name);
  }

  /** Words as {@code wc -w} counts them, in the prose checked (markup, code and URLs left out). */
  static long words(String prose) {
    long words = 0;
    boolean inWord = false;
    for (int i = 0; i < prose.length(); i++) {
      boolean space = Character.isWhitespace(prose.charAt(i));
      if (!space && !inWord) {
        words++;
      }
      inWord = !space;
    }
    return words;
  }
}
