package dev.copydesk.serve;

import dev.copydesk.engine.Config;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * A copydesk server the command line starts in the background and reuses, as Gradle does its
 * daemon: the first {@code copydesk check --daemon} pays for LanguageTool's start, the later ones
 * only for a small JVM and one request.
 *
 * <p>A daemon serves one set of settings (config, dictionaries, house rules, language), named
 * by a key the command line derives from them and their files' contents; a changed dictionary
 * gets a new daemon, never stale answers. Each daemon records its port and process id in
 * {@code FOLDER/KEY.state}, binds to loopback only, names its key in every answer, and stops
 * after an idle hour. At most a set number are alive at once: starting one more stops the least
 * recently used first (the state file's time is when it was last used).
 */
public final class Daemon {

  /** How long a daemon lives without a request. */
  public static final Duration IDLE_TIMEOUT = Duration.ofHours(1);

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private static final String STATE_SUFFIX = ".state";

  private Daemon() {}

  /** Where background servers keep their state files and logs, under the cache folder. */
  public static Path folder(Path cacheFolder) {
    return cacheFolder.resolve("daemons");
  }

  /**
   * Names the background server for a set of settings: copydesk's version and class path, the
   * serve arguments, and the contents of every file they read (config, dictionaries, rule files),
   * so an edited dictionary gets a new server rather than a stale one.
   */
  public static String key(String version, List<String> serveArguments, Config config) throws IOException {
    // FNV-1a, 64 bits: a name, not a secret, and no security provider to start for it (a
    // message digest's first use costs a check through a warm server a few hundredths).
    long hash = 0xcbf29ce484222325L;
    List<String> parts = new ArrayList<>(List.of(version, System.getProperty("java.class.path")));
    // A rebuilt jar keeps its version and its path: its size and time tell it from the old one,
    // whose daemon would answer with the old code.
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path file = Path.of(entry);
      if (Files.isRegularFile(file)) {
        parts.add(Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis());
      }
    }
    parts.addAll(serveArguments);
    List<Path> files = new ArrayList<>();
    for (int i = 0; i + 1 < serveArguments.size(); i++) {
      if (serveArguments.get(i).equals("--config")) {
        files.add(Path.of(serveArguments.get(i + 1)));
      }
    }
    files.addAll(config.dictionaries());
    for (Path folder : config.rulePaths()) {
      if (Files.isDirectory(folder)) {
        try (var walk = Files.walk(folder)) {
          walk.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
      } else {
        files.add(folder);
      }
    }
    for (Path file : files) {
      parts.add(file.toAbsolutePath().toString());
    }
    for (String part : parts) {
      hash = fnv(hash, (part + "\0").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    for (Path file : files) {
      if (Files.isRegularFile(file)) {
        hash = fnv(hash, Files.readAllBytes(file));
      }
    }
    return String.format("%016x", hash);
  }

  private static long fnv(long hash, byte[] bytes) {
    for (byte b : bytes) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return hash;
  }

  /** The state file names a server that is no longer running: it crashed or was killed. */
  public static final class DiedException extends IOException {
    DiedException(String message) {
      super(message);
    }
  }

  /**
   * The URL of the daemon for {@code key}, started first if none is running. Starting one when
   * {@code maxDaemons} are alive stops the least recently used first. A state file that names a
   * process no longer running (a crash, a kill) is a {@link DiedException}, and removed: the caller
   * says so and checks without a daemon, and the next run starts a fresh one.
   *
   * @param folder where daemons keep their state files and logs
   * @param mainClass the command line's main class, which the daemon runs as {@code serve}
   * @param serveArguments the {@code copydesk serve} arguments that give it the run's settings
   * @param starting run just before a daemon is started (to say so), not when one is reused
   */
  public static URI connect(Path folder, String key, String mainClass, List<String> serveArguments, int maxDaemons,
      Runnable starting) throws IOException {
    Files.createDirectories(folder);
    Path state = folder.resolve(key + STATE_SUFFIX);
    Optional<URI> running = reuse(state);
    if (running.isPresent()) {
      return running.get();
    }
    // One client starts a daemon at a time, so the count of live ones stays within the bound;
    // others arriving meanwhile wait on the lock, then find theirs.
    try (FileChannel lockFile = FileChannel.open(folder.resolve("start.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lockFile.lock()) {
      running = reuse(state);
      if (running.isPresent()) {
        return running.get();
      }
      stopLeastRecentlyUsed(folder, key, maxDaemons - 1);
      starting.run();
      Path log = folder.resolve(key + ".log");
      Process process = start(state, log, key, mainClass, serveArguments);
      long giveUp = System.nanoTime() + START_TIMEOUT.toNanos();
      while (System.nanoTime() < giveUp) {
        running = running(state);
        if (running.isPresent()) {
          return running.get();
        }
        if (!process.isAlive()) {
          throw new IOException("the background server stopped at start (exit " + process.exitValue() + "); see " + log);
        }
        sleep(50);
      }
      process.destroy();
      throw new IOException("the background server did not start within " + START_TIMEOUT.toSeconds() + " s; see " + log);
    }
  }

  /**
   * The running daemon a state file names, marked as just used (the file's time is what the
   * least-recently-used order reads); empty when there is no state file, or a stale one from
   * before this machine (or container) started. A state file naming a process that has ended since
   * is removed and reported.
   */
  private static Optional<URI> reuse(Path state) throws IOException {
    if (!Files.exists(state)) {
      return Optional.empty();
    }
    Optional<State> recorded = readState(state);
    if (recorded.isPresent() && server(recorded.get()).isPresent()) {
      try {
        Files.setLastModifiedTime(state, FileTime.from(Instant.now()));
      } catch (IOException e) {
        // The order of use is a hint for which daemon to stop first, not worth failing a check.
      }
      return Optional.of(URI.create("http://127.0.0.1:" + recorded.get().port()));
    }
    Files.deleteIfExists(state);
    if (recorded.isPresent() && recorded.get().started() < startOfMachine()) {
      return Optional.empty();
    }
    Path log = state.resolveSibling(state.getFileName().toString().replace(STATE_SUFFIX, ".log"));
    throw new DiedException(recorded.isPresent()
        ? "the background server (process " + recorded.get().pid() + ") has died; see " + log
        : "the background server's state file " + state + " is not one a copydesk server wrote");
  }

  /** When this machine's (or container's) first process started: older state files are stale. */
  private static long startOfMachine() {
    return ProcessHandle.of(1).map(Daemon::startOf).orElse(-1L);
  }

  /**
   * Stops the least recently used daemons until at most {@code most} are alive besides
   * {@code keep}'s; returns the state files of those stopped. Each is sent SIGTERM and given the
   * time its checks in progress have to finish, then killed.
   */
  static List<Path> stopLeastRecentlyUsed(Path folder, String keep, int most) throws IOException {
    List<Path> live = new ArrayList<>();
    try (var files = Files.list(folder)) {
      for (Path state : files.filter(file -> file.toString().endsWith(STATE_SUFFIX)).sorted().toList()) {
        if (!state.getFileName().toString().equals(keep + STATE_SUFFIX) && readState(state).flatMap(Daemon::server).isPresent()) {
          live.add(state);
        }
      }
    }
    live.sort(java.util.Comparator.comparing(Daemon::lastUsed));
    List<Path> stopped = new ArrayList<>();
    for (Path state : live.subList(0, Math.max(0, live.size() - Math.max(0, most)))) {
      Optional<ProcessHandle> process = readState(state).flatMap(Daemon::server);
      if (process.isPresent()) {
        stop(process.get());
      }
      Files.deleteIfExists(state);
      stopped.add(state);
    }
    return stopped;
  }

  private static FileTime lastUsed(Path state) {
    try {
      return Files.getLastModifiedTime(state);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  /** SIGTERM, the server's 30 s of grace for checks in progress and some, then SIGKILL. */
  private static void stop(ProcessHandle process) {
    process.destroy();
    try {
      process.onExit().get(40, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** Stops every daemon recorded in {@code folder}; returns how many were stopped. */
  public static int stopAll(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    int stopped = 0;
    try (var files = Files.list(folder)) {
      for (Path state : files.filter(file -> file.toString().endsWith(STATE_SUFFIX)).toList()) {
        Optional<ProcessHandle> process = readState(state).flatMap(Daemon::server);
        if (process.isPresent()) {
          stop(process.get());
          stopped++;
        }
        Files.deleteIfExists(state);
      }
    }
    return stopped;
  }

  /** Written by a starting server: where it listens and which process it is. */
  public static void writeState(Path state, int port) throws IOException {
    Path temporary = state.resolveSibling(state.getFileName() + ".tmp");
    ProcessHandle self = ProcessHandle.current();
    Files.writeString(temporary, "port=" + port + "\npid=" + self.pid() + "\nstarted=" + startOf(self) + "\n");
    Files.move(temporary, state, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Removed by a stopping server, if the file still names it. */
  public static void removeState(Path state) {
    Optional<State> recorded = readState(state);
    if (recorded.isPresent() && recorded.get().pid() == ProcessHandle.current().pid()) {
      try {
        Files.deleteIfExists(state);
      } catch (IOException e) {
        // A state file left behind names a dead process; the next client ignores it.
      }
    }
  }

  /** What a state file records: the port, and the process by id and start time. */
  private record State(int port, long pid, long started) {}

  /**
   * The URL of the server a state file names, if that process is still alive. No request is
   * made: a client through a warm server should not pay for a second round trip.
   */
  private static Optional<URI> running(Path state) {
    return readState(state)
        .filter(recorded -> server(recorded).isPresent())
        .map(recorded -> URI.create("http://127.0.0.1:" + recorded.port()));
  }

  /**
   * The live process a state file names: the same id and the same start time, since a process
   * id can be reused by another program after a crash.
   */
  private static Optional<ProcessHandle> server(State recorded) {
    return ProcessHandle.of(recorded.pid())
        .filter(ProcessHandle::isAlive)
        .filter(process -> startOf(process) == recorded.started());
  }

  private static long startOf(ProcessHandle process) {
    return process.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(-1L);
  }

  /** A state file's contents; empty when missing or not what a server wrote (never trusted). */
  private static Optional<State> readState(Path state) {
    Properties properties = new Properties();
    try (var in = Files.newInputStream(state)) {
      properties.load(in);
      return Optional.of(new State(Integer.parseInt(properties.getProperty("port", "")),
          Long.parseLong(properties.getProperty("pid", "")), Long.parseLong(properties.getProperty("started", ""))));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Process start(Path state, Path log, String key, String mainClass, List<String> serveArguments) throws IOException {
    List<String> command = new ArrayList<>();
    // Its own session, so a Ctrl-C meant for the client does not reach the daemon.
    if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
      command.add("/usr/bin/setsid");
    }
    command.add(ProcessHandle.current().info().command().orElse("java"));
    // A long-lived server: the full JIT pays off, unlike in a short command-line run.
    command.addAll(List.of("-XX:+UseSerialGC", "-Xss4m", "-Xmx1g"));
    // What the launcher told this run through copydesk's own system properties (such as where
    // LanguageTool's speller archive is), it tells the daemon too; the launcher's paths are absolute.
    System.getProperties().stringPropertyNames().stream()
        .filter(name -> name.startsWith("copydesk."))
        .sorted()
        .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
    command.addAll(List.of("-cp", absoluteClassPath(),
        mainClass, "serve", "--host", "127.0.0.1", "--port", "0",
        "--state-file", state.toString(), "--daemon-key", key, "--idle-timeout", IDLE_TIMEOUT.toMinutes() + "m"));
    command.addAll(serveArguments);
    return new ProcessBuilder(command)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .redirectErrorStream(true)
        .directory(state.getParent().toFile())
        .start();
  }

  /** This JVM's class path with every entry absolute, as the daemon runs in another folder. */
  private static String absoluteClassPath() {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      entries.add(Path.of(entry).toAbsolutePath().toString());
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  private static void sleep(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting the background server");
    }
  }
}
