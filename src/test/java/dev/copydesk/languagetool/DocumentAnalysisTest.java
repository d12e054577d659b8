package dev.copydesk.languagetool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.copydesk.TestEngine;
import dev.copydesk.core.Analysis;
import dev.copydesk.core.Document;
import dev.copydesk.core.Span;
import dev.copydesk.core.Token;
import dev.copydesk.core.Variant;
import dev.copydesk.input.DraftFormat;
import dev.copydesk.input.DraftReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a rule is handed: the variant decided first, LanguageTool's work done once, tokens on the prose's offsets. */
class DocumentAnalysisTest {

  private static final String DRAFT = "The harbour authority said on Monday that talks had stalled.\n\n"
      + "Dockers, who walked out in March, say the offer is too low. Officials declined to comment.";

  private static Analysis analysis(String text) {
    return TestEngine.analyse(DraftReader.parse("draft.txt", text, DraftFormat.TEXT));
  }

  @Test
  void theVariantIsTheDraftsOwnUnlessItAsksForOne() {
    assertEquals(Variant.EN_GB, analysis(DRAFT).language(), "'harbour' is British");
    assertEquals(Variant.FALLBACK, analysis("The talks stalled.").language(), "no evidence either way");
    Document asked = DraftReader.parse("draft.txt", DRAFT, DraftFormat.TEXT).withLanguage(Variant.EN_US);
    assertEquals(Variant.EN_US, TestEngine.analyse(asked).language());
  }

  @Test
  void languageToolChecksOnceHoweverManyRulesAsk() {
    Analysis analysis = analysis("The the talks stalled on Monday.");
    assertSame(analysis.languageToolMatches(), analysis.languageToolMatches());
    assertFalse(analysis.languageToolMatches().isEmpty(), "LanguageTool reports the doubled word");
    assertTrue(analysis.languageToolComplete());
  }

  @Test
  void tokensLieOnTheProseWithTheirTagsAndChunks() {
    Analysis analysis = analysis(DRAFT);
    Document document = analysis.document();
    List<Token> tokens = analysis.tokens();
    for (Token token : tokens) {
      String text = document.text(token.span());
      assertFalse(text.isBlank(), "no white space among the tokens");
      assertEquals(text.strip(), text, token.toString());
    }
    Token said = tokens.stream().filter(token -> document.text(token.span()).equals("said")).findFirst().orElseThrow();
    assertTrue(said.hasTag("VBD"), "'said' is a past-tense verb: " + said.tags());
    assertTrue(said.lemmas().contains("say"), said.lemmas().toString());
    Token officials = tokens.stream().filter(token -> document.text(token.span()).equals("Officials")).findFirst().orElseThrow();
    assertTrue(officials.hasTag("NNS"), "a plural noun: " + officials.tags());
    assertTrue(officials.chunks().stream().anyMatch(chunk -> chunk.contains("NP")), "in a noun phrase: " + officials.chunks());
    assertTrue(officials.span().start() > document.paragraphs().get(1).start(), "offsets run on across paragraphs");
  }

  @Test
  void sentencesAreEachParagraphsOwn() {
    Analysis analysis = analysis(DRAFT);
    List<Span> sentences = analysis.sentences();
    assertEquals(3, sentences.size(), sentences.toString());
    assertEquals("Officials declined to comment.", analysis.document().text(sentences.get(2)));
  }
}
