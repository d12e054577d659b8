package dev.copydesk.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.copydesk.engine.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The background servers' bookkeeping, on stand-ins: processes that sleep, named by state files
 * as a server names itself, so the least-recently-used bound and the distrust of dead servers are
 * tested without starting a JVM each.
 */
class DaemonTest {

  @TempDir Path folder;

  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void stopStandIns() {
    processes.forEach(Process::destroyForcibly);
  }

  /** A live process and a state file naming it as server {@code key}, last used {@code minutesAgo}. */
  private ProcessHandle standIn(String key, int minutesAgo) throws IOException {
    Process process = new ProcessBuilder("sleep", "300").start();
    processes.add(process);
    long started = process.toHandle().info().startInstant().orElseThrow().toEpochMilli();
    Path state = folder.resolve(key + ".state");
    Files.writeString(state, "port=1\npid=" + process.pid() + "\nstarted=" + started + "\n");
    Files.setLastModifiedTime(state, FileTime.fromMillis(System.currentTimeMillis() - minutesAgo * 60_000L));
    return process.toHandle();
  }

  @Test
  void startingOneMoreThanTheBoundStopsTheLeastRecentlyUsed() throws Exception {
    ProcessHandle oldest = standIn("a", 30);
    ProcessHandle recent = standIn("b", 1);
    ProcessHandle middle = standIn("c", 10);
    ProcessHandle starting = standIn("new", 60);

    // Room for the new one with at most two alive: one other may stay, the most recent.
    List<Path> stopped = Daemon.stopLeastRecentlyUsed(folder, "new", 1);

    assertEquals(List.of(folder.resolve("a.state"), folder.resolve("c.state")), stopped);
    assertFalse(oldest.isAlive());
    assertFalse(middle.isAlive());
    assertTrue(recent.isAlive());
    assertTrue(starting.isAlive(), "the one being started is never counted against itself");
    assertFalse(Files.exists(folder.resolve("a.state")));
    assertTrue(Files.exists(folder.resolve("b.state")));
    assertEquals(List.of(), Daemon.stopLeastRecentlyUsed(folder, "new", 1), "within the bound, nothing is stopped");
  }

  @Test
  void aStateFileNamingAProcessThatEndedIsReportedAndRemoved() throws Exception {
    ProcessHandle dead = standIn("k", 0);
    dead.destroy();
    dead.onExit().get();
    Path state = folder.resolve("k.state");
    Daemon.DiedException died = assertThrows(Daemon.DiedException.class,
        () -> Daemon.connect(folder, "k", "no.such.Main", List.of(), 2, () -> { }));
    assertTrue(died.getMessage().contains("(process " + dead.pid() + ") has died"), died.getMessage());
    assertFalse(Files.exists(state), "so the next run starts a fresh one");

    Files.writeString(state, "port=1\npid=1\n");
    assertThrows(Daemon.DiedException.class, () -> Daemon.connect(folder, "k", "no.such.Main", List.of(), 2, () -> { }),
        "a state file no server wrote is not trusted either");
  }

  @Test
  void aStateFileFromBeforeTheMachineStartedIsStaleNotDead() throws Exception {
    Files.writeString(folder.resolve("old.state"), "port=1\npid=999999\nstarted=1000\n");
    List<String> said = new ArrayList<>();
    IOException notStarted = assertThrows(IOException.class,
        () -> Daemon.connect(folder, "old", "no.such.Main", List.of(), 2, () -> said.add("starting")));
    assertFalse(notStarted instanceof Daemon.DiedException, notStarted.getMessage());
    assertEquals(List.of("starting"), said, "a fresh server was started (and, with no such main class, stopped at once)");
    assertTrue(notStarted.getMessage().contains("stopped at start"), notStarted.getMessage());
  }

  @Test
  void theKeyChangesWithTheContentsOfTheFilesTheSettingsName() throws Exception {
    Path dictionary = folder.resolve("names.txt");
    Files.writeString(dictionary, "Witkoff\n");
    Config config = Config.defaults().plusDictionaries(List.of(dictionary));
    List<String> arguments = List.of("--no-config", "--dictionary", dictionary.toString());
    String before = Daemon.key("1", arguments, config);
    assertEquals(before, Daemon.key("1", arguments, config));
    Files.writeString(dictionary, "Witkoff\nDmitriev\n");
    assertNotEquals(before, Daemon.key("1", arguments, config), "an edited dictionary gets a new server");
    assertNotEquals(before, Daemon.key("2", arguments, config), "so does another version");
  }
}
