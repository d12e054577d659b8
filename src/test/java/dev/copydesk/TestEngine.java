package dev.copydesk;

import dev.copydesk.core.Document;
import dev.copydesk.core.FileReport;
import dev.copydesk.engine.Config;
import dev.copydesk.engine.Engine;
import dev.copydesk.languagetool.LanguageTools;
import dev.copydesk.rules.Dictionary;
import dev.copydesk.rules.LoadedRule;
import dev.copydesk.rules.RuleContext;
import dev.copydesk.rules.RuleLoader;
import java.util.List;

/**
 * The built-in rules and an engine over them, built once per test JVM: LanguageTool takes
 * seconds to start, so a suite that built it per test would spend its time starting up.
 */
public final class TestEngine {

  private static final LanguageTools LANGUAGE_TOOLS = new LanguageTools();
  private static List<LoadedRule> rules;
  private static Engine engine;

  private TestEngine() {}

  public static synchronized List<LoadedRule> rules() {
    if (rules == null) {
      try {
        RuleContext context = new RuleContext(LANGUAGE_TOOLS, Dictionary.empty());
        rules = RuleLoader.build(RuleLoader.readRuleFiles(List.of()), context);
      } catch (Exception e) {
        throw new IllegalStateException("built-in rules do not load", e);
      }
    }
    return rules;
  }

  public static synchronized Engine engine() {
    if (engine == null) {
      engine = new Engine(rules(), Config.defaults(), LANGUAGE_TOOLS);
    }
    return engine;
  }

  /**
   * A new engine over the built-in rules with a LanguageTool of its own, for a test that needs
   * one per thread (a server's workers).
   */
  public static Engine fresh() throws Exception {
    LanguageTools languageTools = new LanguageTools();
    RuleContext context = new RuleContext(languageTools, Dictionary.empty());
    return new Engine(RuleLoader.build(RuleLoader.readRuleFiles(List.of()), context), Config.defaults(), languageTools);
  }

  public static FileReport check(Document document) {
    return engine().check(document);
  }
}
