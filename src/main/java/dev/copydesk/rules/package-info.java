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
 * <p>{@code FigureConsistencyRule} compares the figures a story states, read by {@code
 * StatedFigures} (numbers in digits and words), {@code StatedCounts}, {@code StatedAges} and
 * {@code StatedTotals}, with the tagged phrases around them in {@code CountedPhrases}.
 *
 * <p>{@code DateConsistencyRule} judges the dates {@code CalendarDates} reads (and the draft's own
 * date, from its metadata or its dateline) against the calendar and the tense of their sentence;
 * {@code QuotationMarksRule} pairs quotation marks by the news convention; {@code ReferencesRule}
 * reads how a story refers to its people, with {@code PersonMentions} and {@code PersonEvidence}.
 *
 * <p>A rule may touch only what its {@link dev.copydesk.core.Analysis} hands it and its own data
 * (its rule file, the word lists it names, the user's dictionaries). It depends on the core only:
 * never on LanguageTool, configuration, files beyond its own data, or output formats. This is the
 * only package that names a rule id or a kind.
 */
package dev.copydesk.rules;
