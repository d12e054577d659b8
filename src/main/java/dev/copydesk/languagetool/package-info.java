/**
 * The adapter to LanguageTool. {@link dev.copydesk.languagetool.LanguageToolChecker} is the only
 * class in copydesk that uses LanguageTool's API; everything else sees its results as
 * {@link dev.copydesk.languagetool.LanguageToolMatch} values. The one other class that imports
 * {@code org.languagetool}, {@code SpellerArchive}, keeps a dictionary LanguageTool builds at
 * every start in a file between runs, and is used only by the checker.
 */
package dev.copydesk.languagetool;
