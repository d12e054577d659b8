package dev.copydesk.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * The word lists the spelling rule weighs evidence with, shipped gzipped under
 * {@code rules/word-lists/} (built from SCOWL by its {@code update.sh}): a gazetteer of names,
 * how common each word is, and the variant spellings dictionaries list. Read once per run and shared by every thread's rules:
 * they are large and never change.
 */
final class WordLists {

  /** A gazetteer and word levels, as read from their files. */
  record Lists(Set<String> names, Map<String, Integer> levels, Set<String> variants) {

    /** True when the gazetteer holds the word as written (possessive 's ignored). */
    boolean isName(String word) {
      return names.contains(word.replaceFirst("['\u2019]s$", ""));
    }

    /**
     * How common a lower-case word is: SCOWL's size level, 10 for the commonest thousands up to
     * 50; {@code Integer.MAX_VALUE} for a word rarer than that or unknown.
     */
    int level(String lowerCaseWord) {
      return levels.getOrDefault(lowerCaseWord, Integer.MAX_VALUE);
    }

    /** True for a variant spelling SCOWL lists ("employe", "altho", "cigaret"). */
    boolean isVariant(String lowerCaseWord) {
      return variants.contains(lowerCaseWord);
    }
  }

  /** SCOWL's level up to which a word is common enough to be what a typo meant. */
  static final int COMMON_LEVEL = 50;

  /**
   * SCOWL's level of the commonest words (county, president, university): a transposition of
   * one of these is a typo even among names ("Fulton Counyt"); of a rarer word ("sprinkle"), it
   * is more likely a surname ("Beryl W. Sprinkel").
   */
  static final int COMMONEST_LEVEL = 20;

  /** SCOWL's level of the few thousand commonest words (from, last, being). */
  static final int EVERYDAY_LEVEL = 10;

  /** SCOWL's level up to which a word LanguageTool lacks is still a word: rare, but real. */
  static final int KNOWN_LEVEL = 70;

  private static final Map<String, Lists> LOADED = new ConcurrentHashMap<>();

  private WordLists() {}

  static Lists read(Path names, Path levels, Path variants) throws RuleFileException {
    String key = names.toUri() + "\n" + levels.toUri() + "\n" + variants.toUri();
    Lists cached = LOADED.get(key);
    if (cached != null) {
      return cached;
    }
    // About 200,000 entries: read straight into sized hash tables and handed out read-only (a
    // copy into immutable collections took a further 0.2 s of a cold start).
    Set<String> nameSet = new HashSet<>(131_072);
    forEachLine(names, line -> nameSet.add(line.strip()));
    Map<String, Integer> levelMap = new HashMap<>(262_144);
    forEachLine(levels, line -> {
      int tab = line.indexOf('\t');
      if (tab > 0) {
        try {
          levelMap.put(line.substring(0, tab), Integer.valueOf(line.substring(tab + 1).strip()));
        } catch (NumberFormatException e) {
          throw new RuleFileException(levels + ": '" + line + "' is not 'word<TAB>level'");
        }
      }
    });
    Set<String> variantSet = new HashSet<>();
    forEachLine(variants, line -> variantSet.add(line.strip()));
    Lists lists = new Lists(
        Collections.unmodifiableSet(nameSet), Collections.unmodifiableMap(levelMap), Collections.unmodifiableSet(variantSet));
    LOADED.put(key, lists);
    return lists;
  }

  /** What is done with each line of a word list. */
  private interface LineReader {
    void read(String line) throws RuleFileException;
  }

  /** Hands each line of the (possibly gzipped) list to the reader, blank lines and # comments left out. */
  private static void forEachLine(Path file, LineReader reader) throws RuleFileException {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 65_536) : raw;
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 65_536)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          reader.read(line);
        }
      }
    } catch (IOException e) {
      throw new RuleFileException(file + ": cannot read word list (" + e.getMessage() + ")");
    }
  }
}
