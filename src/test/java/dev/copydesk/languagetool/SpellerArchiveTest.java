package dev.copydesk.languagetool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.copydesk.core.Document;
import dev.copydesk.core.LanguageToolMatch;
import dev.copydesk.core.Variant;
import dev.copydesk.input.DraftReader;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import morfologik.fsa.FSA;
import morfologik.stemming.Dictionary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The speller archive stands in for what LanguageTool builds at start-up only if LanguageTool,
 * given it, answers exactly as it does with its own: the same words, the same matches, the same
 * suggestions in the same order. A damaged archive must never be used.
 */
class SpellerArchiveTest {

  private static final List<String> FIXTURES =
      List.of("british-features.md", "name-spellings.txt", "port-strike.txt", "energy-talks.md", "sourcing.md");

  @TempDir Path folder;

  @Test
  void languageToolGivenTheArchiveChecksAsWithItsOwnDictionary() throws Exception {
    LanguageToolChecker ownDictionary = new LanguageToolChecker(Variant.EN_GB, null);
    List<List<LanguageToolMatch>> before = new ArrayList<>();
    for (Document fixture : fixtures()) {
      before.add(ownDictionary.check(fixture, Long.MAX_VALUE).matches());
    }
    SpellerArchive archive = new SpellerArchive(folder);
    archive.save("en-GB");
    assertTrue(Files.size(archive.file("en-GB")) > 100_000, "the archive holds the built dictionary");

    // Take LanguageTool's own dictionary out of its cache and put the archived one in its place.
    Map<String, Dictionary> cache = SpellerArchive.languageToolsCache();
    assertNotNull(cache, "LanguageTool keeps its built dictionaries where the archive expects");
    String key = cache.keySet().stream().filter(k -> k.endsWith("/en_GB.info")).findFirst().orElseThrow();
    Dictionary built = cache.remove(key);
    assertTrue(archive.restore("en-GB"));
    Dictionary restored = cache.get(key);
    assertNotSame(built, restored);
    assertEquals(sequences(built.fsa), sequences(restored.fsa), "the same words, in the same order");

    LanguageToolChecker archived = new LanguageToolChecker(Variant.EN_GB, null);
    List<Document> fixtures = fixtures();
    for (int i = 0; i < fixtures.size(); i++) {
      assertEquals(before.get(i), archived.check(fixtures.get(i), Long.MAX_VALUE).matches(), FIXTURES.get(i));
    }
    assertSame(restored, cache.get(key), "LanguageTool used the archived dictionary instead of building one");
  }

  @Test
  void aDamagedOrForeignArchiveIsDeletedAndNeverUsed() throws Exception {
    new LanguageToolChecker(Variant.EN_GB, null).check(fixtures().get(0), Long.MAX_VALUE);
    SpellerArchive archive = new SpellerArchive(folder);
    archive.save("en-GB");
    Path file = archive.file("en-GB");
    byte[] good = Files.readAllBytes(file);

    byte[] damaged = good.clone();
    damaged[damaged.length / 2] ^= 0x10;
    Files.write(file, damaged);
    assertFalse(archive.restore("en-GB"), "a flipped bit fails the checksum");
    assertFalse(Files.exists(file), "and the file goes, for the next run to write anew");

    Files.write(file, java.util.Arrays.copyOf(good, good.length - 100));
    assertFalse(archive.restore("en-GB"), "a truncated file");

    // en-US's file holding en-GB's dictionary: a foreign entry.
    Files.write(archive.file("en-US"), good);
    assertFalse(archive.restore("en-US"));

    Files.write(file, "not an archive".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertFalse(archive.restore("en-GB"));
  }

  private static List<String> sequences(FSA fsa) {
    List<String> words = new ArrayList<>();
    for (ByteBuffer sequence : fsa) {
      words.add(new String(sequence.array(), sequence.position(), sequence.remaining(), java.nio.charset.StandardCharsets.UTF_8));
    }
    return words;
  }

  private static List<Document> fixtures() throws Exception {
    List<Document> documents = new ArrayList<>();
    for (String name : FIXTURES) {
      Path fixture = Path.of("fixtures", name);
      documents.add(DraftReader.read(fixture, fixture.toString()).withLanguage(Variant.EN_GB));
    }
    return documents;
  }
}
