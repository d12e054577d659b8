package dev.copydesk.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The drafts checked so far, as a bar on standard error, for a person watching a long run. It
 * appears only once the run has lasted {@link #DELAY}: a check of one draft finishes before it
 * would be drawn, and a bar that flashes up and vanishes is noise. Counting is thread-safe.
 */
final class Progress implements AutoCloseable {

  /** How long a run goes before it gets a bar. */
  static final Duration DELAY = Duration.ofSeconds(2);

  private final long total;
  private final PrintStream terminal;
  private final AtomicLong done = new AtomicLong();
  private final ScheduledExecutorService timer;
  private final long started = System.nanoTime();
  private ProgressBar bar;
  private boolean closed;

  private Progress(long total, PrintStream terminal, Duration delay) {
    this.total = total;
    this.terminal = terminal;
    this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "copydesk-progress");
      thread.setDaemon(true);
      return thread;
    });
    timer.schedule(this::show, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** A bar for a run of {@code total} drafts, drawn on {@code terminal} after {@code delay}. */
  static Progress on(PrintStream terminal, long total, Duration delay) {
    return new Progress(total, terminal, delay);
  }

  /** One more draft checked. */
  void stepped() {
    done.incrementAndGet();
    synchronized (this) {
      if (bar != null) {
        bar.stepTo(done.get());
      }
    }
  }

  private synchronized void show() {
    if (closed) {
      return;
    }
    bar = new ProgressBarBuilder()
        .setTaskName("copydesk")
        .setInitialMax(total)
        .setUnit(" drafts", 1)
        .setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new ConsoleProgressBarConsumer(terminal))
        .startsFrom(done.get(), Duration.ofNanos(System.nanoTime() - started))
        .clearDisplayOnFinish()
        .build();
  }

  /** Takes the bar off the terminal, so that the report that follows starts on a clean line. */
  @Override
  public synchronized void close() {
    closed = true;
    timer.shutdownNow();
    if (bar != null) {
      bar.close();
    }
  }
}
