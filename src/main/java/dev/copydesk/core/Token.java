package dev.copydesk.core;

import java.util.List;

/**
 * A word or punctuation mark of the prose as LanguageTool's tagger reads it, with every reading
 * it allows after disambiguation.
 *
 * @param span where the token is in the document's prose
 * @param tags its part-of-speech tags, one a reading (Penn Treebank tags: {@code NNP}, {@code VBD})
 * @param lemmas the base form of each reading, in the order of {@code tags}
 * @param chunks its chunk tags ({@code B-NP-singular}, {@code I-VP}), which group tokens into phrases
 */
public record Token(Span span, List<String> tags, List<String> lemmas, List<String> chunks) {

  public Token {
    tags = List.copyOf(tags);
    lemmas = List.copyOf(lemmas);
    chunks = List.copyOf(chunks);
  }

  /** True when a reading's tag starts with {@code prefix} ({@code "VB"} for any verb form). */
  public boolean hasTag(String prefix) {
    return tags.stream().anyMatch(tag -> tag.startsWith(prefix));
  }
}
