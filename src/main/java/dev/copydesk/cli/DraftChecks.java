package dev.copydesk.cli;

import dev.copydesk.core.Document;
import dev.copydesk.core.FileReport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Checks drafts on a pool of threads, each thread with a checker of its own (LanguageTool is not
 * thread-safe), and hands the results back in the order of the drafts, so a report is the same
 * whatever the number of threads.
 */
final class DraftChecks {

  /** Checks one draft, locally or on a server. */
  interface Checker {
    FileReport check(Document document) throws IOException;
  }

  private DraftChecks() {}

  /**
   * Runs {@code checkOne} on every draft, on at most {@code jobs} threads; each thread takes its
   * checker from {@code checkers} once and keeps it. A tick of the bar (when there is one) each
   * draft.
   */
  static <T> List<T> inOrder(List<Inputs.Input> drafts, int jobs, Supplier<Checker> checkers, Progress bar,
      java.util.function.BiFunction<Inputs.Input, Checker, T> checkOne) throws InterruptedException {
    Function<Checker, Function<Inputs.Input, T>> ticking = checker -> input -> {
      T outcome = checkOne.apply(input, checker);
      if (bar != null) {
        bar.stepped();
      }
      return outcome;
    };
    int threads = Math.min(jobs, drafts.size());
    if (threads <= 1) {
      Function<Inputs.Input, T> check = ticking.apply(checkers.get());
      List<T> outcomes = new ArrayList<>();
      for (Inputs.Input input : drafts) {
        outcomes.add(check.apply(input));
      }
      return outcomes;
    }
    ThreadLocal<Function<Inputs.Input, T>> perThread = ThreadLocal.withInitial(() -> ticking.apply(checkers.get()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
      Thread thread = new Thread(task, "copydesk-worker");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Inputs.Input input : drafts) {
        futures.add(pool.submit(() -> perThread.get().apply(input)));
      }
      List<T> outcomes = new ArrayList<>();
      for (Future<T> future : futures) {
        try {
          outcomes.add(future.get());
        } catch (ExecutionException e) {
          throw new IllegalStateException(e.getCause());
        }
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }
}
