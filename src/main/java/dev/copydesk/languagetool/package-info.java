/**
 * The adapter to LanguageTool. {@link dev.copydesk.languagetool.LanguageToolChecker} is the only
 * class in copydesk that imports {@code org.languagetool}; everything else sees its results as
 * {@link dev.copydesk.languagetool.LanguageToolMatch} values.
 */
package dev.copydesk.languagetool;
