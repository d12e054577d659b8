package dev.copydesk.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dictionary file servers write, and where a config sends new words. */
class DictionaryFileTest {

  @TempDir Path folder;

  @Test
  void aDictionaryBesideTheConfigIsReadAfterTheNamedOnes() throws Exception {
    Path config = folder.resolve(".copydesk.yml");
    Files.writeString(config, "dictionaries: [names.txt]\n");
    assertEquals(List.of(folder.resolve("names.txt")), Config.read(config).dictionaries(), "none beside it yet");
    Files.writeString(folder.resolve(DictionaryFile.BESIDE_CONFIG), "Ilves\n");
    assertEquals(List.of(folder.resolve("names.txt"), folder.resolve(DictionaryFile.BESIDE_CONFIG)), Config.read(config).dictionaries());
  }

  @Test
  void newWordsGoToTheConfigsFirstDictionaryElseBesideIt() throws Exception {
    Path config = folder.resolve(".copydesk.yml");
    Files.writeString(config, "dictionaries: [names.txt, more.txt]\n");
    assertEquals(folder.resolve("names.txt"), DictionaryFile.forConfig(config).path());
    Files.writeString(config, "language: en-GB\n");
    assertEquals(folder.resolve(DictionaryFile.BESIDE_CONFIG), DictionaryFile.forConfig(config).path());
  }

  @Test
  void addingAndDeletingKeepTheOtherLinesAndLeaveNoTemporaryFile() throws Exception {
    Path file = folder.resolve("words.txt");
    Files.writeString(file, "# house names\nIlves  # the envoy\n\n");
    DictionaryFile dictionary = new DictionaryFile(file);
    assertTrue(dictionary.add(" Zorblat "));
    assertFalse(dictionary.add("Zorblat"));
    assertFalse(dictionary.add("Ilves"), "a word with a comment after it is there already");
    assertEquals(List.of("# house names", "Ilves  # the envoy", "", "Zorblat"), Files.readAllLines(file));
    assertEquals(List.of("Ilves", "Zorblat"), dictionary.words());
    assertTrue(dictionary.delete("Ilves"));
    assertFalse(dictionary.delete("Ilves"));
    assertEquals(List.of("# house names", "", "Zorblat"), Files.readAllLines(file));
    try (var files = Files.list(folder)) {
      assertEquals(List.of(file), files.toList());
    }
    assertThrows(IllegalArgumentException.class, () -> dictionary.add("two\nlines"));
    assertThrows(IllegalArgumentException.class, () -> dictionary.add("a # comment"));
    assertThrows(IllegalArgumentException.class, () -> dictionary.add("   "));
  }

  @Test
  void aMissingFileIsCreatedWithItsFolder() throws Exception {
    DictionaryFile dictionary = new DictionaryFile(folder.resolve("desk/words.txt"));
    assertEquals(List.of(), dictionary.words());
    assertTrue(dictionary.add("zorblat"));
    assertEquals(List.of("zorblat"), Files.readAllLines(folder.resolve("desk/words.txt")));
  }
}
