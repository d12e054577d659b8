/**
 * The adapter to LanguageTool, the only package that imports {@code org.languagetool}. Per
 * thread, {@link dev.copydesk.languagetool.LanguageTools} decides a draft's variant and makes
 * its {@link dev.copydesk.languagetool.DocumentAnalysis}, which asks LanguageTool (once, lazily,
 * within the draft's time budget) and hands back plain {@link dev.copydesk.core.LanguageToolMatch}
 * and {@link dev.copydesk.core.Token} values with offsets into the prose.
 *
 * <p>Along its seams: {@code LanguageToolChecker} checks, asks the speller and tags for one
 * variant, with a {@link dev.copydesk.languagetool.MatchCache}; {@code LanguageToolLoading}
 * brings LanguageTool up on loading threads; {@code Chunks} cuts the prose into the pieces it is
 * checked and cached in; {@code Variants} tells British from American spelling; {@code
 * SpellerArchive} keeps the dictionary LanguageTool builds at every start between runs.
 *
 * <p>Depends on the core only: it knows no rule, config or output format.
 */
package dev.copydesk.languagetool;
