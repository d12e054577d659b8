/**
 * The rules: where any rule lives. {@link dev.copydesk.rules.RuleKind} is the registry of kinds
 * (each {@code kind:} a rule file may name, its class, and what the engine and the servers need
 * to know of it); {@link dev.copydesk.rules.RuleLoader} reads rule files and builds their rules;
 * one class a kind checks ({@code SpellingRule}, {@code DuplicatedWordRule}, {@code
 * UnattributedClaimRule}, {@code PromoBlockRule}, {@code PromoLineRule}, {@code
 * LanguageToolRule}, {@code PhraseRule}, {@code NameConsistencyRule}), with the spelling rule's
 * evidence in {@code SpellerMatches}, {@code NameEvidence}, {@code WordShapes} and {@code
 * SuggestionRanking}, and the promo-block rule's paragraph shapes in {@code PromoShapes} and
 * {@code PromoCalls}, and the unit-conversion rule's reading of measures in {@code
 * MeasureReader}, {@code NumberReader} and {@code UnitSpellings} (which maps unit names to the
 * units library's units). {@code Text} holds the text helpers rules share (words, quotations,
 * sentence ends, capitals); {@code Findings} builds every finding.
 *
 * <p>A rule may touch only what its {@link dev.copydesk.core.Analysis} hands it and its own data
 * (its rule file, the word lists it names, the user's dictionaries). It depends on the core only:
 * never on LanguageTool, configuration, files beyond its own data, or output formats. This is the
 * only package that names a rule id or a kind.
 */
package dev.copydesk.rules;
