package dev.copydesk.rules;

import dev.copydesk.core.Rule;
import dev.copydesk.core.RuleDescription.ApiType;
import java.util.List;
import java.util.Optional;

/**
 * The registry of rule kinds: the one place that knows every {@code kind:} a rule file may name,
 * the class that checks it, and what the rest of copydesk needs to know about its findings.
 * Nothing outside this package names a kind or a rule id.
 */
public enum RuleKind {
  SPELLING("spelling", SpellingRule::from, true, false, false, Api.SPELLER),
  NAME_CONSISTENCY("name-consistency", (file, dictionary) -> NameConsistencyRule.from(file), true, false, false, Api.TYPO),
  DUPLICATED_WORD("duplicated-word", (file, dictionary) -> DuplicatedWordRule.from(file), false, false, false, Api.DUPLICATION),
  ATTRIBUTION("attribution", (file, dictionary) -> UnattributedClaimRule.from(file), true, false, false, Api.EDITORIAL),
  PROMO_BLOCK("promo-block", (file, dictionary) -> PromoBlockRule.from(file), false, true, true, Api.NON_CONFORMANCE),
  PROMO_LINE("promo-line", (file, dictionary) -> PromoLineRule.from(file), false, false, true, Api.NON_CONFORMANCE),
  REAL_WORD_SLIP("real-word-slip", (file, dictionary) -> RealWordSlipRule.from(file), true, false, false, Api.TYPO),
  LANGUAGETOOL("languagetool", (file, dictionary) -> LanguageToolRule.from(file), true, false, false, Api.LANGUAGETOOL),
  PHRASE("phrase", (file, dictionary) -> PhraseRule.from(file), false, false, false, Api.EDITORIAL),
  QUOTATION_MARKS("quotation-marks", (file, dictionary) -> QuotationMarksRule.from(file), true, false, false, Api.TYPOGRAPHY),
  DATE_CONSISTENCY("date-consistency", (file, dictionary) -> DateConsistencyRule.from(file), true, false, false, Api.INCONSISTENCY),
  REFERENCES("references", (file, dictionary) -> ReferencesRule.from(file), true, false, false, Api.EDITORIAL),
  FIGURE_CONSISTENCY("figure-consistency", (file, dictionary) -> FigureConsistencyRule.from(file), true, false, false, Api.EDITORIAL),
  UNIT_CONVERSION("unit-conversion", (file, dictionary) -> UnitConversionRule.from(file), false, false, false, Api.EDITORIAL);

  /** Builds a kind's rule from its file and the words the user's dictionaries accept. */
  interface Factory {
    Rule build(RuleFile file, Dictionary userDictionary) throws RuleFileException;
  }

  /** How each family of kinds appears in LanguageTool's HTTP API. */
  private static final class Api {
    static final ApiType SPELLER = new ApiType("misspelling", "TYPOS", "Possible Typo", "UnknownWord");
    static final ApiType TYPO = new ApiType("misspelling", "TYPOS", "Possible Typo", "Other");
    static final ApiType DUPLICATION = new ApiType("duplication", "COPYDESK", "Editorial (copydesk)", "Other");
    static final ApiType NON_CONFORMANCE = new ApiType("non-conformance", "COPYDESK", "Editorial (copydesk)", "Other");
    static final ApiType EDITORIAL = new ApiType(null, "COPYDESK", "Editorial (copydesk)", "Other");
    static final ApiType TYPOGRAPHY = new ApiType("typographical", "COPYDESK", "Editorial (copydesk)", "Other");
    static final ApiType INCONSISTENCY = new ApiType("inconsistency", "COPYDESK", "Editorial (copydesk)", "Other");
    static final ApiType LANGUAGETOOL = new ApiType(null, "LANGUAGETOOL", "LanguageTool", "Other");
  }

  private final String name;
  private final Factory factory;
  private final boolean usesLanguageTool;
  private final boolean blockLevel;
  private final boolean fixedByDefault;
  private final ApiType api;

  RuleKind(String name, Factory factory, boolean usesLanguageTool, boolean blockLevel, boolean fixedByDefault, ApiType api) {
    this.name = name;
    this.factory = factory;
    this.usesLanguageTool = usesLanguageTool;
    this.blockLevel = blockLevel;
    this.fixedByDefault = fixedByDefault;
    this.api = api;
  }

  /** The kind a rule file names, or empty for no such kind. */
  public static Optional<RuleKind> named(String name) {
    for (RuleKind kind : values()) {
      if (kind.name.equals(name)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /** Every kind's name, for messages and the README. */
  public static List<String> names() {
    return List.of(values()).stream().map(RuleKind::kindName).toList();
  }

  /** The name a rule file's {@code kind:} gives. */
  public String kindName() {
    return name;
  }

  Rule build(RuleFile file, Dictionary userDictionary) throws RuleFileException {
    return factory.build(file, userDictionary);
  }

  /**
   * True when its rules read LanguageTool's check of the draft: the engine runs them last, so a
   * draft that outruns its time budget has every editorial finding first, and starts
   * LanguageTool loading early for them.
   */
  public boolean usesLanguageTool() {
    return usesLanguageTool;
  }

  /**
   * True when its findings span whole paragraphs (a promotional block): they stand even where
   * the block holds a URL or code, which word-level findings may not touch.
   */
  public boolean blockLevel() {
    return blockLevel;
  }

  /** True when {@code copydesk fix} applies its fixes unless told which rules to fix: they delete promotion. */
  public boolean fixedByDefault() {
    return fixedByDefault;
  }

  public ApiType api() {
    return api;
  }

  /** Whose rules its findings are: LanguageTool's for the kind that reports them one by one. */
  public String tool() {
    return this == LANGUAGETOOL ? "LanguageTool" : "copydesk";
  }
}
