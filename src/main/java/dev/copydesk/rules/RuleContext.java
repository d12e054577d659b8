package dev.copydesk.rules;

import dev.copydesk.languagetool.LanguageTools;

/**
 * What rules are built with besides their own file: the LanguageTool checkers of the thread that
 * will run them, and the words the user's dictionaries accept.
 */
public record RuleContext(LanguageTools languageTools, Dictionary userDictionary) {}
