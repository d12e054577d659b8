package dev.copydesk.languagetool;

import dev.copydesk.core.Analysis;
import dev.copydesk.core.Document;
import dev.copydesk.core.LanguageToolMatch;
import dev.copydesk.core.Span;
import dev.copydesk.core.Token;
import dev.copydesk.core.Variant;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One draft's {@link Analysis}, with LanguageTool behind it: its check and its tagging run on
 * the first question, once, and every later question gets the same answer.
 */
public final class DocumentAnalysis implements Analysis {

  private final Document document;
  private final Variant language;
  private final LanguageToolChecker checker;
  private final long deadline;
  private List<Span> sentences;
  private List<Token> tokens;
  private boolean tokensComplete = true;
  private LanguageToolChecker.Checked checked;

  DocumentAnalysis(Document document, Variant language, LanguageToolChecker checker, long deadline) {
    this.document = document;
    this.language = language;
    this.checker = checker;
    this.deadline = deadline;
  }

  /**
   * Starts LanguageTool loading now, if a paragraph is not in the cache, for a draft whose
   * rules will ask for it: it loads for seconds, while the editorial rules run.
   */
  public void startLanguageTool() {
    checker.prepare(document);
  }

  @Override
  public Document document() {
    return document;
  }

  @Override
  public Variant language() {
    return language;
  }

  @Override
  public List<Span> sentences() {
    if (sentences == null) {
      sentences = sentencesOf(document);
    }
    return sentences;
  }

  @Override
  public List<Token> tokens() {
    if (tokens == null) {
      LanguageToolChecker.Tagged tagged = checker.tokens(document, deadline);
      tokens = List.copyOf(tagged.tokens());
      tokensComplete = tagged.complete();
    }
    return tokens;
  }

  @Override
  public List<LanguageToolMatch> languageToolMatches() {
    return checked().matches();
  }

  @Override
  public boolean languageToolComplete() {
    return (checked == null || checked.complete()) && tokensComplete;
  }

  private LanguageToolChecker.Checked checked() {
    if (checked == null) {
      checked = checker.check(document, deadline);
    }
    return checked;
  }

  @Override
  public boolean knowsWord(String word) {
    return checker.knowsWord(word);
  }

  @Override
  public Variant variantOfSpelling(String word) {
    return Variants.ofSpelling(word);
  }

  /** Each paragraph's sentences, by the JDK's English sentence breaks, trailing white space left out. */
  private static List<Span> sentencesOf(Document document) {
    List<Span> sentences = new ArrayList<>();
    String text = document.text();
    BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ENGLISH);
    for (Span paragraph : document.paragraphs()) {
      iterator.setText(text.substring(paragraph.start(), paragraph.end()));
      int start = iterator.first();
      for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
        int s = paragraph.start() + start;
        int e = paragraph.start() + end;
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
          e--;
        }
        if (e > s) {
          sentences.add(new Span(s, e));
        }
      }
    }
    return List.copyOf(sentences);
  }
}
