package dev.copydesk.audit;

import dev.copydesk.engine.Config;
import dev.copydesk.engine.ConfigException;
import dev.copydesk.engine.Engine;
import dev.copydesk.engine.Engines;
import dev.copydesk.rules.RuleFileException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The engines of one executor JVM for one job's files: built once per JVM from the shipped files,
 * and lent to one task at a time. A task borrows an engine for all its articles and gives it back
 * when it ends, so an executor running N tasks at once holds N engines (N LanguageTools), as
 * {@code check --jobs N} does, however many tasks it runs in turn.
 */
final class EnginePool {

  private static final Map<String, EnginePool> POOLS = new ConcurrentHashMap<>();

  private final Config config;
  private final Engines engines;
  private final ConcurrentLinkedQueue<Engine> idle = new ConcurrentLinkedQueue<>();

  private EnginePool(Config config, Engines engines) {
    this.config = config;
    this.engines = engines;
  }

  /** This JVM's pool for the job's files, built by the first task that asks. */
  static EnginePool forJob(JobFiles files) {
    return POOLS.computeIfAbsent(files.name(), name -> {
      try {
        Config config = files.config();
        // No cache: an archive is read once, and a per-paragraph cache of millions of stories
        // would only fill an executor's disk.
        return new EnginePool(config, Engines.of(config, null));
      } catch (ConfigException | RuleFileException e) {
        // The driver read the same files before the job started: this is a broken shipment.
        throw new IllegalStateException("the job's shipped config does not load on this executor: " + e.getMessage(), e);
      }
    });
  }

  /** The config the engines were built from (size limit, time budget). */
  Config config() {
    return config;
  }

  /** An engine for the calling task alone, until it gives it back. */
  Engine borrow() {
    Engine engine = idle.poll();
    if (engine == null) {
      engine = engines.forThread();
      // A task is one core's work: its drafts are checked one paragraph at a time, as check
      // does with as many drafts as cores.
      engine.setThreadsPerDraft(1);
    }
    return engine;
  }

  void giveBack(Engine engine) {
    idle.add(engine);
  }
}
