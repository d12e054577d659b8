package dev.copydesk.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.copydesk.core.Document;
import dev.copydesk.core.FileReport;
import dev.copydesk.core.RuleDescription;
import dev.copydesk.core.Variant;
import dev.copydesk.engine.Config;
import dev.copydesk.engine.Engine;
import dev.copydesk.engine.Engines;
import dev.copydesk.report.ReportContext;
import dev.copydesk.input.DraftFormat;
import dev.copydesk.input.DraftReader;
import dev.copydesk.input.InputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * copydesk over HTTP, on the JDK's own server: LanguageTool's {@code /v2/check} and
 * {@code /v2/languages}, copydesk's {@link NativeApi native endpoint}, and {@code /health}.
 *
 * <p>Checks run on a fixed pool of worker threads, each with its own engine (LanguageTool is not
 * thread-safe), behind a bounded queue: a request that finds the workers busy and the queue full
 * is answered 503 at once, so a burst never builds an unbounded backlog or runs the heap out.
 * Requests are parsed and answered on a separate, larger pool, which always has a thread left to
 * say 503. Every request is logged in one line, without its text unless asked.
 */
public final class Server {

  /**
   * How the server runs.
   *
   * @param host the address to bind (loopback unless the operator says otherwise)
   * @param port the port; 0 picks a free one
   * @param workers the checks run at once, each on a thread with its own engine
   * @param queue the checks that may wait for a worker before requests are refused with 503
   * @param maxBytes the largest draft accepted, in UTF-8 bytes (413 above it)
   * @param logText whether the access log shows the start of each request's text
   * @param idleTimeout stop after this long without a request (null: never)
   * @param settingsKey the key of the settings a background server was started for, named in every
   *     native answer so a client never takes answers meant for other settings (null: none)
   */
  public record Settings(String host, int port, int workers, int queue, long maxBytes, boolean logText, Duration idleTimeout,
      String settingsKey) {}

  private final Settings settings;
  private final String version;
  private final PrintWriter log;
  private final HttpServer http;
  private final ThreadPoolExecutor workers;
  private final ExecutorService exchanges;
  /** The engines checks use now: replaced when the dictionary file changes (see {@link WordsApi}). */
  private volatile Engines engines;
  /** Each worker's engine, and the engines it came from, so a worker takes a new one after a change. */
  private final ThreadLocal<Map.Entry<Engines, Engine>> engine = new ThreadLocal<>();
  private final WordsApi.Words words;
  private final List<RuleDescription> rules;
  private final List<String> fixedByDefault;
  private final ReportContext context;
  private final AtomicLong lastRequest = new AtomicLong(System.nanoTime());
  private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
  private volatile boolean stopping;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final java.util.concurrent.ScheduledExecutorService idleWatch;

  private Server(Settings settings, Engines engines, String version, PrintWriter log, WordsApi.Words words) throws IOException {
    this.settings = settings;
    this.rules = engines.rules();
    this.fixedByDefault = engines.fixedByDefault();
    this.context = ReportContext.of(version, rules, Optional.empty());
    this.version = version;
    this.log = log;
    this.engines = engines;
    this.words = words;
    BlockingQueue<Runnable> waiting = settings.queue() > 0 ? new ArrayBlockingQueue<>(settings.queue()) : new SynchronousQueue<>();
    this.workers = new ThreadPoolExecutor(settings.workers(), settings.workers(), 0, TimeUnit.SECONDS, waiting,
        daemonThreads("copydesk-check"));
    this.exchanges = Executors.newFixedThreadPool(settings.workers() + settings.queue() + 4, daemonThreads("copydesk-http"));
    this.http = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 64);
    http.setExecutor(exchanges);
    http.createContext("/", this::handle);
    this.idleWatch = Executors.newSingleThreadScheduledExecutor(daemonThreads("copydesk-idle"));
  }

  /**
   * Starts a server, its workers' engines built and warmed in both variants (LanguageTool's
   * first check loads most of what it needs) before it accepts a request, so the first client is
   * not the slow one. The rules the engines run are named in the native answers.
   */
  public static Server start(Settings settings, Engines engines, String version, PrintWriter log) throws Exception {
    return start(settings, engines, version, log, null);
  }

  /** A server that also answers LanguageTool's {@code /v2/words} API over a dictionary file (null: none). */
  public static Server start(Settings settings, Engines engines, String version, PrintWriter log, WordsApi.Words words) throws Exception {
    Server server = new Server(settings, engines, version, log, words);
    server.warmUp();
    server.http.start();
    if (settings.idleTimeout() != null) {
      long every = Math.max(1, Math.min(60, settings.idleTimeout().toSeconds()));
      server.idleWatch.scheduleAtFixedRate(server::stopIfIdle, every, every, TimeUnit.SECONDS);
    }
    return server;
  }

  /** The port the server listens on (the one picked, when asked for 0). */
  public int port() {
    return http.getAddress().getPort();
  }

  /**
   * Stops taking requests, lets those in progress finish (for up to {@code grace}), then stops
   * the workers. Safe to call more than once.
   */
  public void stop(Duration grace) {
    if (stopped.getCount() == 0) {
      return;
    }
    // New requests are refused with 503 while those in progress finish; then the listener
    // closes. (The JDK's own HttpServer.stop(delay) waits out the whole delay before Java 21,
    // busy or not, so the waiting is done here.)
    stopping = true;
    long giveUp = System.nanoTime() + grace.toNanos();
    while (inFlight.get() > 0 && System.nanoTime() < giveUp) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    http.stop(0);
    workers.shutdown();
    try {
      workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    workers.shutdownNow();
    exchanges.shutdownNow();
    idleWatch.shutdownNow();
    stopped.countDown();
  }

  /** Waits until the server has stopped. */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  private void stopIfIdle() {
    long idle = System.nanoTime() - lastRequest.get();
    if (workers.getActiveCount() == 0 && idle > settings.idleTimeout().toNanos()) {
      log.println(Instant.now() + " idle for " + settings.idleTimeout().toMinutes() + " min: stopping");
      stop(Duration.ofSeconds(5));
    }
  }

  private void warmUp() throws Exception {
    Document sample = DraftReader.parse("warm-up.txt", "The minister said the the talks would resume on Monday.", DraftFormat.TEXT);
    java.util.concurrent.CyclicBarrier everyWorker = new java.util.concurrent.CyclicBarrier(settings.workers());
    List<Future<FileReport>> warming = new java.util.ArrayList<>();
    for (int i = 0; i < settings.workers(); i++) {
      // The barrier holds each task until all have a thread, so every worker warms its own engine.
      warming.add(workers.submit(() -> {
        everyWorker.await();
        FileReport last = null;
        for (Variant variant : Variant.values()) {
          last = engine().check(sample.withLanguage(variant));
        }
        return last;
      }));
    }
    for (Future<FileReport> future : warming) {
      future.get();
    }
  }

  private void handle(HttpExchange exchange) {
    inFlight.incrementAndGet();
    try {
      handleCounted(exchange);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private void handleCounted(HttpExchange exchange) {
    long start = System.nanoTime();
    lastRequest.set(start);
    Response response;
    String text = null;
    try {
      if (stopping) {
        throw new Busy(NativeApi.STOPPING);
      }
      Map<String, String> parameters = FormEncoding.decode(exchange.getRequestURI().getRawQuery());
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      switch (path) {
        case "/v2/check" -> {
          requireMethod(method, "GET", "POST");
          if (method.equals("POST")) {
            parameters.putAll(FormEncoding.decode(body(exchange, 3 * settings.maxBytes() + 65536)));
          }
          text = parameters.containsKey("text") ? parameters.get("text") : parameters.get("data");
          LanguageToolApi.Request request = LanguageToolApi.request(parameters, settings.maxBytes());
          FileReport report = check(request.document());
          response = Response.json(200, LanguageToolApi.response(report, request, context));
        }
        case "/v2/languages" -> {
          requireMethod(method, "GET");
          response = Response.json(200, LanguageToolApi.languages());
        }
        case NativeApi.PATH -> {
          requireMethod(method, "POST");
          byte[] body = body(exchange, settings.maxBytes());
          String name = parameters.getOrDefault("path", "draft.txt");
          Document document;
          try {
            document = DraftReader.read(new ByteArrayInputStream(body), name, StandardCharsets.UTF_8, settings.maxBytes());
          } catch (InputException e) {
            throw new RequestException(400, name + ": " + e.getMessage());
          }
          text = document.source();
          String language = parameters.get("language");
          if (language != null && !language.equals(Config.AUTO)) {
            document = document.withLanguage(Variant.of(language).orElseThrow(() -> new RequestException(400,
                "'" + language + "' is not a language copydesk checks: use auto, " + Variant.codes())));
          }
          response = Response.json(200, NativeApi.response(check(document), rules, fixedByDefault, settings.settingsKey()));
        }
        case "/health", "/v2/healthcheck" -> {
          requireMethod(method, "GET");
          ObjectNode health = LanguageToolApi.JSON.createObjectNode()
              .put("status", "ok")
              .put("version", version)
              .put("workers", settings.workers())
              .put("checking", workers.getActiveCount())
              .put("queued", workers.getQueue().size());
          response = Response.json(200, health);
        }
        case WordsApi.PATH, WordsApi.PATH + "/add", WordsApi.PATH + "/delete" -> {
          if (method.equals("POST")) {
            parameters.putAll(FormEncoding.decode(body(exchange, 65536)));
          }
          boolean loopbackOnly = http.getAddress().getAddress().isLoopbackAddress();
          response = Response.json(200, WordsApi.answer(words, loopbackOnly, path, method, parameters,
              exchange.getRequestHeaders().getFirst("Authorization"), rebuilt -> engines = rebuilt));
        }
        default -> throw new RequestException(404, "no such endpoint: " + path
            + " (POST /v2/check, GET /v2/languages, GET /v2/words, POST " + NativeApi.PATH + ", GET /health)");
      }
    } catch (RequestException e) {
      response = Response.error(e.status(), e.getMessage());
    } catch (Busy e) {
      response = Response.error(503, e.getMessage()).withHeader("Retry-After", "1");
    } catch (IOException e) {
      response = Response.error(400, "cannot read the request: " + e.getMessage());
    } catch (RuntimeException | ExecutionException | InterruptedException e) {
      response = Response.error(500, "internal error: " + e);
    }
    long bytesSent = send(exchange, response);
    accessLog(exchange, response.status(), bytesSent, System.nanoTime() - start, text);
  }

  /** Runs a check on a worker, or refuses at once when every worker is busy and the queue is full. */
  private FileReport check(Document document) throws Busy, ExecutionException, InterruptedException {
    Future<FileReport> future;
    try {
      future = workers.submit(() -> engine().check(document));
    } catch (RejectedExecutionException e) {
      throw new Busy("busy: " + settings.workers() + " checks running and " + settings.queue()
          + " waiting; retry shortly");
    }
    return future.get();
  }

  /** The calling worker's engine, from the engines in use now. */
  private Engine engine() {
    Engines now = engines;
    Map.Entry<Engines, Engine> mine = engine.get();
    if (mine == null || mine.getKey() != now) {
      mine = Map.entry(now, now.forThread());
      engine.set(mine);
    }
    return mine.getValue();
  }

  /** The server is full: the request is answered 503, not queued without bound. */
  private static final class Busy extends Exception {
    Busy(String message) {
      super(message);
    }
  }

  private static void requireMethod(String method, String... allowed) throws RequestException {
    if (!List.of(allowed).contains(method)) {
      throw new RequestException(405, method + " is not allowed here (use " + String.join(" or ", allowed) + ")");
    }
  }

  /** The request body, refused with 413 above {@code limit} bytes before more than that is read. */
  private static byte[] body(HttpExchange exchange, long limit) throws IOException, RequestException {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null) {
      long length;
      try {
        length = Long.parseLong(declared.trim());
      } catch (NumberFormatException e) {
        throw new RequestException(400, "bad Content-Length: " + declared);
      }
      if (length > limit) {
        discard(exchange.getRequestBody(), 4 * limit);
        throw tooLarge(limit);
      }
    }
    InputStream in = exchange.getRequestBody();
    byte[] body = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 16));
    if (body.length > limit) {
      discard(in, 4 * limit);
      throw tooLarge(limit);
    }
    return body;
  }

  /**
   * Reads and drops up to {@code most} bytes of a refused body, never holding them: a client
   * still sending when the server answers and closes would otherwise see its connection reset
   * instead of the 413. A body larger still is cut off.
   */
  private static void discard(InputStream in, long most) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long read = 0;
    int n;
    while (read < most && (n = in.read(buffer)) > 0) {
      read += n;
    }
  }

  private static RequestException tooLarge(long limit) {
    return new RequestException(413, "request body over the server's limit of " + limit + " bytes (copydesk serve --max-size)");
  }

  /** An answer: status, content type and body. */
  private record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

    static Response json(int status, JsonNode json) {
      try {
        return new Response(status, "application/json", LanguageToolApi.JSON.writeValueAsBytes(json), Map.of());
      } catch (IOException e) {
        return error(500, "cannot write JSON: " + e.getMessage());
      }
    }

    /** LanguageTool answers errors in plain text, which its clients show as they are. */
    static Response error(int status, String message) {
      return new Response(status, "text/plain; charset=utf-8", ("Error: " + message + "\n").getBytes(StandardCharsets.UTF_8), Map.of());
    }

    Response withHeader(String name, String value) {
      Map<String, String> more = new HashMap<>(headers);
      more.put(name, value);
      return new Response(status, contentType, body, more);
    }
  }

  private static long send(HttpExchange exchange, Response response) {
    try {
      exchange.getResponseHeaders().set("Content-Type", response.contentType());
      response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
      exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response.body());
      }
      return response.body().length;
    } catch (IOException e) {
      return 0; // the client went away; nothing to tell it
    } finally {
      exchange.close();
    }
  }

  /** One line a request: when, who, what, the status, size and time; the text only when asked. */
  private void accessLog(HttpExchange exchange, int status, long bytes, long nanos, String text) {
    StringBuilder line = new StringBuilder()
        .append(Instant.now()).append(' ')
        .append(exchange.getRemoteAddress().getAddress().getHostAddress()).append(" \"")
        .append(exchange.getRequestMethod()).append(' ').append(exchange.getRequestURI().getPath()).append("\" ")
        .append(status).append(' ').append(bytes).append(' ')
        .append(TimeUnit.NANOSECONDS.toMillis(nanos)).append("ms");
    if (settings.logText() && text != null) {
      String start = text.length() > 60 ? text.substring(0, 60) + "..." : text;
      line.append(" text=\"").append(start.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"');
    }
    synchronized (log) {
      log.println(line);
      log.flush();
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
