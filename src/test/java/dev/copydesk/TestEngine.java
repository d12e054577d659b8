package dev.copydesk;

import dev.copydesk.core.Analysis;
import dev.copydesk.core.Document;
import dev.copydesk.core.FileReport;
import dev.copydesk.engine.Config;
import dev.copydesk.engine.Engine;
import dev.copydesk.engine.Engines;
import dev.copydesk.rules.LoadedRule;
import java.util.List;

/**
 * The built-in rules and an engine over them, built once per test JVM the way every command
 * builds one: LanguageTool takes seconds to start, so a suite that built it per test would spend
 * its time starting up.
 */
public final class TestEngine {

  private static Engines engines;
  private static Engine engine;

  private TestEngine() {}

  /** Engines over the built-in rules and the default config, no cache. */
  public static synchronized Engines engines() {
    if (engines == null) {
      try {
        engines = Engines.of(Config.defaults(), null);
      } catch (Exception e) {
        throw new IllegalStateException("built-in rules do not load", e);
      }
    }
    return engines;
  }

  public static synchronized Engine engine() {
    if (engine == null) {
      engine = engines().forThread();
    }
    return engine;
  }

  public static List<LoadedRule> rules() {
    return engine().rules();
  }

  /** The analysis the built-in rules get for the document. */
  public static Analysis analyse(Document document) {
    return engine().analyse(document);
  }

  public static FileReport check(Document document) {
    return engine().check(document);
  }
}
