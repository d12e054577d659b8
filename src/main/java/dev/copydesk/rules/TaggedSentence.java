package dev.copydesk.rules;

import dev.copydesk.core.Analysis;
import dev.copydesk.core.Span;
import dev.copydesk.core.Token;
import java.util.List;
import java.util.Set;

/**
 * One sentence's tagged tokens, with the questions {@link Attributions} asks of them: which chunk
 * a token is in, whether it is punctuation, an adverb, a name, a passive participle.
 */
final class TaggedSentence {
  private final Analysis analysis;
  private final List<Token> tokens;
  private final Set<String> properWords;

TaggedSentence(Analysis analysis, List<Token> tokens, Set<String> properWords) {
    this.analysis = analysis;
    this.tokens = tokens;
    this.properWords = properWords;
  }

  /**
   * The tagged tokens of the analysis that lie inside {@code span} and outside every one of the
   * {@code skipped} spans (quotations), found by a binary search: the draft's tokens are in order,
   * and a scan of all of them for every span would make a long draft quadratic.
   */
  static TaggedSentence of(Analysis analysis, Span span, List<Span> skipped, Set<String> properWords) {
    List<Token> all = analysis.tokens();
    int low = 0;
    int high = all.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (all.get(mid).span().start() < span.start()) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    List<Token> tokens = new java.util.ArrayList<>();
    for (int i = low; i < all.size() && all.get(i).span().start() < span.end(); i++) {
      Token token = all.get(i);
      if (span.contains(token.span()) && skipped.stream().noneMatch(skip -> skip.overlaps(token.span()))) {
        tokens.add(token);
      }
    }
    return new TaggedSentence(analysis, tokens, properWords);
  }

  int size() {
    return tokens.size();
  }

  int start(int i) {
    return tokens.get(i).span().start();
  }

  int end(int i) {
    return tokens.get(i).span().end();
  }

  /** The token's text as written. */
  String analysisText(int i) {
    return analysis.document().text(tokens.get(i).span());
  }

  String lower(int i) {
    return Text.lower(analysis.document().text(tokens.get(i).span()));
  }

  /**
   * A past participle after a form of "be", "get" or "become" in its verb group: "was learned", "is
   * widely seen", "has become recognized".
   */
  boolean passiveAt(int i) {
    if (!tokens.get(i).hasTag("VBN")) {
      return false;
    }
    for (int j = i - 1; j >= 0 && i - j <= 4 && (inVerbChunk(j) || isAdverb(j)); j--) {
      if (tokens.get(j).lemmas().contains("be") || tokens.get(j).lemmas().contains("get")
          || tokens.get(j).lemmas().contains("become")) {
        return true;
      }
      if (tokens.get(j).hasTag("VBN")) {
        return false; // "who asked not to be named said": the "be" is the other participle's
      }
    }
    return false;
  }

  boolean inVerbChunk(int i) {
    return tokens.get(i).chunks().stream().anyMatch(chunk -> chunk.endsWith("-VP"));
  }

  boolean inNounChunk(int i) {
    return tokens.get(i).chunks().stream().anyMatch(chunk -> chunk.contains("-NP"));
  }

  boolean beginsNounChunk(int i) {
    return tokens.get(i).chunks().stream().anyMatch(chunk -> chunk.startsWith("B-NP"));
  }

  boolean isDeterminer(int i) {
    return tokens.get(i).hasTag("DT") || tokens.get(i).hasTag("PDT") || tokens.get(i).hasTag("PRP$") || tokens.get(i).hasTag("CD");
  }

  boolean isPunctuation(int i) {
    return tokens.get(i).tags().stream().anyMatch(tag -> tag.equals("PCT") || tag.equals(",") || tag.equals("."));
  }

  boolean isAdverb(int i) {
    // "overly optimistic", "still see": an adverb inside another chunk is one by its tags alone.
    boolean adverbTags = !tokens.get(i).tags().isEmpty() && tokens.get(i).tags().stream().allMatch(tag -> tag.startsWith("RB"));
    return (adverbTags || tokens.get(i).chunks().stream().anyMatch(chunk -> chunk.endsWith("-ADVP"))) && !isPunctuation(i);
  }

  /** A preposition or adjective that ties one noun phrase to another: "familiar with", "close to", "at". */
  boolean isLinking(int i) {
    return !isPunctuation(i) && tokens.get(i).chunks().stream()
        .anyMatch(chunk -> chunk.endsWith("-PP") || chunk.endsWith("-ADJP"));
  }

  /**
   * A name: a capitalised word that does not merely open the sentence ("Sheets" said, which the
   * tagger takes for a plural, is one when the draft capitalises it elsewhere too), or one that
   * opens it and that the tagger knows only as a name, or does not know.
   */
  boolean isName(int i) {
    String word = analysis.document().text(tokens.get(i).span());
    // "Commerzbank economists said": a word the dictionary knows only as a name, or not at all
    if (i == 0 && Text.isCapitalised(word) && word.chars().anyMatch(Character::isLowerCase)
        && tokens.get(i).tags().stream().allMatch(tag -> tag.equals("NNP") || tag.equals("NNPS"))) {
      return true;
    }
    return Text.isProperNoun(word, i == 0, properWords) && (i > 0 || tokens.get(i).hasTag("NNP") || properWords.contains(word));
  }

  Token token(int i) {
    return tokens.get(i);
  }
}
