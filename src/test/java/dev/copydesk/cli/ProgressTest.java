package dev.copydesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressTest {

  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private final PrintStream terminal = new PrintStream(captured, true, StandardCharsets.UTF_8);

  private String drawn() {
    terminal.flush();
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aLongRunShowsTheDraftsCheckedOutOfAll() throws InterruptedException {
    try (Progress progress = Progress.on(terminal, 3, Duration.ZERO)) {
      progress.stepped();
      long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!drawn().contains("1/3") && System.nanoTime() < giveUp) {
        Thread.sleep(20);
      }
      progress.stepped();
      progress.stepped();
    }
    String drawn = drawn();
    assertTrue(drawn.contains("copydesk"), drawn);
    assertTrue(drawn.contains("1/3"), drawn);
    assertTrue(drawn.contains("3/3"), "the bar ends on the full count: " + drawn);
  }

  @Test
  void aRunThatEndsBeforeTheDelayDrawsNothing() throws InterruptedException {
    try (Progress progress = Progress.on(terminal, 3, Duration.ofSeconds(5))) {
      progress.stepped();
      Thread.sleep(50);
    }
    assertEquals("", drawn());
  }
}
