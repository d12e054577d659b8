/**
 * Running a check: {@link dev.copydesk.engine.Config}, {@link dev.copydesk.engine.Engines} (the
 * one way to build an engine from a config, for every command and test), and {@link
 * dev.copydesk.engine.Engine}, whose stages read top to bottom: analyse the draft, run the
 * rules, apply the config's {@link dev.copydesk.engine.RuleSettings}, drop excluded, superseded
 * and suppressed findings, sort. Also {@link dev.copydesk.engine.Fixes} and the paragraph cache.
 *
 * <p>Depends on the core, rules and languagetool packages; knows nothing of output formats or of
 * the command line.
 */
package dev.copydesk.engine;
