package dev.copydesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs as a person makes them, at a terminal (the launcher's variables say so) and outside CI:
 * through the background server by default, with the report, the fixed text and the exit code of
 * a check in process; and runs in CI, or told not to, that start no server. Each test's servers
 * live in a temporary cache folder and are stopped at the end, whatever happens.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DaemonRunsTest {

  private static final String STORY = "fixtures/port-strike.txt";
  private static final String FEATURE = "fixtures/energy-talks.md";

  /**
   * A person at a terminal, as the launcher tells copydesk, with no CI variable. (Standard input
   * only: a terminal on standard error would draw check's progress bar on the test's own.)
   */
  private static final Map<String, String> PERSON = Map.of(RunEnvironment.STDIN_TERMINAL, "1");

  @TempDir static Path temp;

  /** Every cache folder a test used, so every server started under one is stopped. */
  private static final List<Path> CACHES = new ArrayList<>();

  @AfterAll
  static void stopEveryServer() {
    for (Path cache : CACHES) {
      MainTest.run("serve", "--stop-daemons", "--cache-dir", cache.toString());
    }
  }

  private static Path cache(String name) {
    Path cache = temp.resolve(name);
    CACHES.add(cache);
    return cache;
  }

  private static MainTest.Result asPerson(Path cache, String... args) {
    return asPerson(Map.of(), cache, args);
  }

  private static MainTest.Result asPerson(Map<String, String> more, Path cache, String... args) {
    Map<String, String> environment = new HashMap<>(PERSON);
    environment.putAll(more);
    List<String> all = new ArrayList<>(List.of(args[0], "--cache-dir", cache.toString()));
    all.addAll(List.of(args).subList(1, args.length));
    return MainTest.runIn(environment, "", all.toArray(String[]::new));
  }

  private static List<Path> stateFiles(Path cache) throws IOException {
    Path folder = cache.resolve("daemons");
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (var files = Files.list(folder)) {
      return files.filter(file -> file.toString().endsWith(".state")).toList();
    }
  }

  @Test
  @Order(1)
  void aPersonsCheckGoesThroughTheBackgroundServerAndPrintsWhatACheckInProcessPrints() throws IOException {
    Path cache = cache("person");
    boolean first = true;
    for (String format : List.of("text", "json", "sarif", "checkstyle", "junit", "github", "html")) {
      MainTest.Result inProcess = MainTest.run("check", "--no-cache", "--format", format, STORY, FEATURE, "no-such-draft.txt");
      MainTest.Result warm = asPerson(cache, "check", "--format", format, STORY, FEATURE, "no-such-draft.txt");
      String started = first ? BackgroundChecks.STARTING + "\n" : "";
      assertEquals(started + inProcess.err(), warm.err(), "said once, when it starts; " + daemonLogs(cache));
      assertEquals(inProcess.code(), warm.code(), format);
      assertEquals(inProcess.out(), warm.out(), format);
      assertEquals(1, stateFiles(cache).size(), "one server for one set of settings");
      first = false;
    }
    MainTest.Result clean = asPerson(cache, "check", "fixtures/clean-wire.txt");
    assertEquals(MainTest.run("check", "fixtures/clean-wire.txt"), clean, "a clean draft exits 0 either way");
    MainTest.Result asked = MainTest.runIn(Map.of(), "", "check", "--daemon", "--cache-dir", cache.toString(), "--format", "json", STORY);
    assertEquals(MainTest.run("check", "--format", "json", STORY), asked, "--daemon without a terminal: the same server");
  }

  @Test
  @Order(2)
  void fixThroughTheBackgroundServerGivesTheTextAFixInProcessGives() throws IOException {
    Path cache = temp.resolve("person");
    Path draft = temp.resolve("talks.md");
    Files.writeString(draft, "# Talks end\n\nThe talks ended without a deal on Friday, and the the unions walked out.\n\n"
        + "**You may also like**\n\n- [Ferry firm fined](https://example.org/a)\n- [Best markets](https://example.org/b)\n"
        + "- [Keeper signs deal](https://example.org/c)\n");
    for (List<String> rules : List.of(List.<String>of(), List.of("--rule", "duplicated-word"), List.of("--rule", "*"))) {
      List<String> args = new ArrayList<>(List.of("fix"));
      args.addAll(rules);
      args.add(draft.toString());
      MainTest.Result inProcess = MainTest.run(args.toArray(String[]::new));
      MainTest.Result warm = asPerson(cache, args.toArray(String[]::new));
      assertEquals(inProcess, warm, rules.toString());
      assertTrue(inProcess.err().contains("fixed ["), inProcess.err());
    }
    for (String fixture : List.of(STORY, "fixtures/promo-sponsored.html", "fixtures/promo-newsletter.txt")) {
      assertEquals(MainTest.run("fix", "--rule", "*", fixture), asPerson(cache, "fix", "--rule", "*", fixture), fixture);
    }
    assertEquals(1, stateFiles(cache).size(), "fix used the server check started");
  }

  @Test
  @Order(3)
  void aServerThatHasDiedIsNotTrustedAndTheRunChecksInProcess() throws Exception {
    Path cache = temp.resolve("person");
    Path state = stateFiles(cache).get(0);
    Properties recorded = new Properties();
    try (var in = Files.newInputStream(state)) {
      recorded.load(in);
    }
    long pid = Long.parseLong(recorded.getProperty("pid"));
    ProcessHandle server = ProcessHandle.of(pid).orElseThrow();
    server.destroyForcibly(); // as a crash or the kernel's out-of-memory killer would, leaving its state file
    server.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);

    MainTest.Result warm = asPerson(cache, "check", "--format", "json", STORY);
    MainTest.Result inProcess = MainTest.run("check", "--format", "json", STORY);
    assertEquals(1, warm.errLines().size(), warm.err());
    assertTrue(warm.err().startsWith("copydesk: checking in process: the background server (process " + pid + ") has died"), warm.err());
    assertEquals(inProcess.out(), warm.out());
    assertEquals(inProcess.code(), warm.code());
    assertEquals(List.of(), stateFiles(cache), "the dead server's state file is gone, so the next run starts a new one");
  }

  @Test
  @Order(4)
  void ciEveryWayOfSayingNoAndNothingToCheckStartNoServer() throws IOException {
    Path config = temp.resolve("no-daemon.yml");
    Files.writeString(config, "daemon: off\n");
    MainTest.Result inProcess = MainTest.run("check", STORY);
    List<MainTest.Result> runs = new ArrayList<>();
    Path cache = cache("ci");
    for (String variable : List.of("CI", "GITHUB_ACTIONS", "GITLAB_CI", "JENKINS_URL", "BUILDKITE", "TF_BUILD", "TEAMCITY_VERSION")) {
      runs.add(asPerson(Map.of(variable, "true"), cache, "check", STORY));
    }
    runs.add(asPerson(Map.of("CI", "true", RunEnvironment.DAEMON, "1"), cache, "check", STORY));
    runs.add(asPerson(Map.of(RunEnvironment.DAEMON, "0"), cache, "check", STORY));
    runs.add(asPerson(cache, "check", "--no-daemon", STORY));
    runs.add(asPerson(cache, "check", "--config", config.toString(), STORY));
    for (MainTest.Result run : runs) {
      assertEquals(inProcess, run);
    }
    assertEquals(MainTest.run("fix", STORY), asPerson(Map.of("CI", "true"), cache, "fix", STORY));
    assertEquals(MainTest.run("check", "no-such-draft.txt"), asPerson(cache, "check", "no-such-draft.txt"),
        "a person's misspelt path: nothing to check, so no server to start");
    assertEquals(MainTest.run("fix", "no-such-draft.txt"), asPerson(cache, "fix", "no-such-draft.txt"));
    assertEquals(List.of(), stateFiles(cache), "no server started");
    assertFalse(Files.exists(cache.resolve("daemons")), "nothing of a server's even created");
  }

  @Test
  @Order(5)
  void aServerThatCannotStartLeavesTheRunInProcessWithOneLineSayingWhy() throws IOException {
    Path cache = cache("blocked");
    Files.createDirectories(cache);
    Files.writeString(cache.resolve("daemons"), "a file where the servers' folder belongs\n");
    MainTest.Result warm = asPerson(cache, "check", "--format", "sarif", STORY);
    MainTest.Result inProcess = MainTest.run("check", "--format", "sarif", STORY);
    assertEquals(1, warm.errLines().size(), warm.err());
    assertTrue(warm.err().startsWith("copydesk: checking in process: "), warm.err());
    assertEquals("copydesk: checking in process: cannot use " + cache.resolve("daemons") + " for the background server (a file is in the way)",
        warm.err().strip());
    assertEquals(inProcess.out(), warm.out());
    assertEquals(inProcess.code(), warm.code());
  }

  private static String daemonLogs(Path cache) throws IOException {
    StringBuilder logs = new StringBuilder("background server logs:\n");
    Path folder = cache.resolve("daemons");
    if (Files.isDirectory(folder)) {
      try (var files = Files.list(folder)) {
        for (Path log : files.filter(file -> file.toString().endsWith(".log")).toList()) {
          logs.append(Files.readString(log));
        }
      }
    }
    return logs.toString();
  }
}
