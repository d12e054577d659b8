package dev.copydesk.audit;

import dev.copydesk.engine.Config;
import java.io.Serializable;

/**
 * The settings the audit's command line lays over the config file (language, size limit, time
 * budget), as text, so the driver can ship them to the executors with the config file and each
 * executor applies them exactly as the driver did.
 */
record CommandLineSettings(String language, String maxSize, String timeBudget) implements Serializable {

  static CommandLineSettings of(String language, String maxSize, String timeBudget) {
    return new CommandLineSettings(language, maxSize, timeBudget);
  }

  /** The config with these settings on top; a bad value is an IllegalArgumentException naming it. */
  Config applyTo(Config config) {
    Config result = config;
    if (language != null) {
      result = result.withLanguage(Config.checkLanguage(language));
    }
    if (maxSize != null) {
      result = result.withMaxBytes(Config.parseSize(maxSize));
    }
    if (timeBudget != null) {
      result = result.withTimeBudget(Config.parseDuration(timeBudget));
    }
    return result;
  }
}
