package dev.copydesk.serve;

import dev.copydesk.core.Document;
import dev.copydesk.core.FileReport;
import dev.copydesk.core.RuleDescription;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Checks drafts on a running {@code copydesk serve} through its native endpoint. The draft is
 * read and parsed here as well as there, so the answer's source offsets are placed on this side's
 * copy and every report format works as it does for a local check. Thread-safe.
 *
 * <p>Uses the JDK's {@link HttpURLConnection}: it starts faster than {@code java.net.http}'s
 * client, which matters in a command-line run that should finish in a fraction of a second.
 */
public final class RemoteChecker {

  /** How long a busy server (503) is retried before the draft is given up on. */
  private static final Duration BUSY_PATIENCE = Duration.ofSeconds(60);

  private final URI server;
  private final String language;
  private final Duration timeout;
  private final String settingsKey;
  private volatile List<RuleDescription> rules = List.of();
  private volatile List<String> fixedByDefault = List.of();

  /**
   * @param server the server's base URL, such as {@code http://127.0.0.1:8081}
   * @param language the variant to check in ({@code auto}, {@code en-GB}, {@code en-US})
   * @param timeout how long one answer may take (the server's time budget, and some)
   */
  public RemoteChecker(URI server, String language, Duration timeout) {
    this(server, language, timeout, null);
  }

  /**
   * A checker that takes answers only from the server started for {@code settingsKey} (a
   * background server, {@link Daemon}); any other answer is an IOException, never a report.
   */
  public RemoteChecker(URI server, String language, Duration timeout, String settingsKey) {
    this.server = server;
    this.language = language;
    this.timeout = timeout;
    this.settingsKey = settingsKey;
  }

  /** Checks one draft; an IOException's message says what went wrong, in one line. */
  public FileReport check(Document document) throws IOException {
    URI uri = server.resolve(NativeApi.PATH + "?path=" + URLEncoder.encode(document.name(), StandardCharsets.UTF_8)
        + "&language=" + URLEncoder.encode(language, StandardCharsets.UTF_8));
    byte[] body = document.source().getBytes(StandardCharsets.UTF_8);
    long giveUp = System.nanoTime() + BUSY_PATIENCE.toNanos();
    long wait = 100;
    while (true) {
      HttpURLConnection connection = post(uri, body);
      int status = connection.getResponseCode();
      if (status == 200) {
        NativeApi.Answer answer;
        try (InputStream in = connection.getInputStream()) {
          answer = NativeApi.read(in);
        }
        if (settingsKey != null && !settingsKey.equals(answer.settingsKey())) {
          throw new IOException("the server at " + server + " answers for other settings ("
              + (answer.settingsKey() == null ? "none named" : answer.settingsKey()) + ", not " + settingsKey + ")");
        }
        if (answer.files().size() != 1) {
          throw new IOException("the copydesk server at " + server + " answered for " + answer.files().size() + " files, not one");
        }
        rules = answer.rules();
        fixedByDefault = answer.fixedByDefault();
        return NativeApi.report(document, answer.files().get(0));
      }
      String message = errorText(connection);
      // A busy server is worth waiting for; a stopping one is not.
      if (status != 503 || message.startsWith(NativeApi.STOPPING) || System.nanoTime() > giveUp) {
        throw new IOException("the copydesk server at " + server + " answered " + status + ": " + message);
      }
      sleep(wait);
      wait = Math.min(wait * 2, 2000);
    }
  }

  /** The rules the server runs, as its last answer named them. */
  public List<RuleDescription> rules() {
    return rules;
  }

  /** The rules {@code copydesk fix} applies when named none, as the server's last answer named them. */
  public List<String> fixedByDefault() {
    return fixedByDefault;
  }

  /** True when a copydesk server answers its health check at {@code server}. */
  public static boolean healthy(URI server) {
    try {
      HttpURLConnection connection = (HttpURLConnection) server.resolve("/health").toURL().openConnection();
      connection.setConnectTimeout(1000);
      connection.setReadTimeout(5000);
      int status = connection.getResponseCode();
      connection.getInputStream().close();
      return status == 200;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  private HttpURLConnection post(URI uri, byte[] body) throws IOException {
    HttpURLConnection connection;
    try {
      // A server on this machine needs no proxy, and looking one up costs a short run time.
      boolean loopback = "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost());
      connection = (HttpURLConnection) (loopback ? uri.toURL().openConnection(java.net.Proxy.NO_PROXY) : uri.toURL().openConnection());
    } catch (IllegalArgumentException e) {
      throw new IOException("not a server URL: " + server);
    }
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.setConnectTimeout(5000);
    connection.setReadTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    connection.setFixedLengthStreamingMode(body.length);
    connection.setRequestProperty("Content-Type", "text/plain; charset=utf-8");
    try (OutputStream out = connection.getOutputStream()) {
      out.write(body);
    } catch (java.net.ConnectException e) {
      throw new IOException("no copydesk server answers at " + server + " (" + e.getMessage() + ")");
    }
    return connection;
  }

  private static String errorText(HttpURLConnection connection) {
    try (InputStream in = connection.getErrorStream()) {
      if (in == null) {
        return "(no message)";
      }
      return new String(in.readNBytes(2000), StandardCharsets.UTF_8).strip().replaceFirst("^Error: ", "");
    } catch (IOException e) {
      return "(no message)";
    }
  }

  private static void sleep(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while the server was busy");
    }
  }
}
