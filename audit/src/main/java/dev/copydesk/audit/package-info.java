/**
 * The archive audit: copydesk's engine run by Apache Spark over every article of an archive, a
 * folder of drafts or a table of articles, writing findings, a summary and the articles that could
 * not be checked as tables.
 *
 * <p>Built as a project of its own (audit/pom.xml) so Spark never enters the command-line tool.
 * It uses the engine as {@code check} does, through {@code engine}, {@code input}, {@code
 * report} and {@code core}; never {@code cli} (a command's options are not an API) nor {@code
 * languagetool} or LanguageTool itself (the engine owns it). Engines are never serialised: each
 * executor JVM builds its own from the config, rule folders and dictionaries shipped with the job
 * ({@link dev.copydesk.audit.JobFiles}).
 */
package dev.copydesk.audit;
