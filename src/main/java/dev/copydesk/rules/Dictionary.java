package dev.copydesk.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Words and names a newsroom accepts, one per line, {@code #} starting a comment.
 *
 * <p>An entry in lower case accepts the word in any case ({@code tass} accepts "Tass" and
 * "TASS"). An entry with a capital letter is case-sensitive, as in Hunspell: {@code Apple}
 * accepts "Apple" and "APPLE" but not "apple", so a company can be accepted without accepting
 * its name misspelt as a common word.
 */
public final class Dictionary {

  private final Set<String> anyCase = new HashSet<>();
  private final Set<String> exactCase = new HashSet<>();
  /** The case-sensitive entries in capitals, since "APPLE" in a headline is "Apple". */
  private final Set<String> exactCaseUpper = new HashSet<>();

  public static Dictionary empty() {
    return new Dictionary();
  }

  /** Reads dictionary files, in order; a missing or unreadable file is an error naming it. */
  public static Dictionary read(List<Path> files) throws RuleFileException {
    Dictionary dictionary = new Dictionary();
    for (Path file : files) {
      dictionary.add(file);
    }
    return dictionary;
  }

  public Dictionary add(Path file) throws RuleFileException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new RuleFileException(file + ": cannot read dictionary (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
    }
    for (String line : lines) {
      int hash = line.indexOf('#');
      String word = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (!word.isEmpty()) {
        addWord(word);
      }
    }
    return this;
  }

  public Dictionary addWord(String word) {
    if (word.equals(word.toLowerCase(Locale.ROOT))) {
      anyCase.add(word);
    } else {
      exactCase.add(word);
      exactCaseUpper.add(word.toUpperCase(Locale.ROOT));
    }
    return this;
  }

  public Dictionary merge(Dictionary other) {
    anyCase.addAll(other.anyCase);
    exactCase.addAll(other.exactCase);
    exactCaseUpper.addAll(other.exactCaseUpper);
    return this;
  }

  /** True if the word, as written, is accepted. A possessive 's is ignored. */
  public boolean accepts(String word) {
    String bare = word.replaceFirst("['\u2019]s$", "");
    if (anyCase.contains(bare.toLowerCase(Locale.ROOT)) || exactCase.contains(bare)) {
      return true;
    }
    return bare.equals(bare.toUpperCase(Locale.ROOT)) && exactCaseUpper.contains(bare);
  }

  public int size() {
    return anyCase.size() + exactCase.size();
  }
}
