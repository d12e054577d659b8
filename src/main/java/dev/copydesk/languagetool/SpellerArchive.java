package dev.copydesk.languagetool;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import morfologik.fsa.builders.CFSA2Serializer;
import morfologik.stemming.Dictionary;
import org.languagetool.JLanguageTool;
import org.languagetool.rules.spelling.morfologik.MorfologikMultiSpeller;

/**
 * Keeps the part of LanguageTool's speller dictionary that LanguageTool builds at every start in
 * a file between runs.
 *
 * <p>Besides its compiled dictionary, LanguageTool's English speller accepts the words of four
 * plain-text lists (about 70,000 lines), which it sorts, builds into an automaton and serialises
 * each time a JVM first asks it a word: about 0.9 s of a cold check's CPU on this project's 2-core
 * machine, the largest piece of LanguageTool's loading after its pattern rules. The result
 * depends only on LanguageTool's version, and LanguageTool looks it up first in a static cache of
 * its own, {@code MorfologikMultiSpeller.dicPathToDict}; so the first run writes what LanguageTool
 * built (about 300 KB a variant), and later runs put it back into that cache before the speller
 * loads, which then takes it as its own (0.15 s instead of 0.9 s).
 *
 * <p>This is the one place copydesk reaches into LanguageTool's internals, so it fails safe: a
 * file of another LanguageTool version, a truncated or altered file (checked against its CRC-32),
 * or a LanguageTool whose cache is not where this class expects leaves LanguageTool to build the
 * dictionary as usual; a bad file is deleted so the next run writes a good one. The archive's
 * folder is given by the launcher (system property {@value #FOLDER_PROPERTY}), next to its
 * class-data-sharing archive, and goes with it when the jar is rebuilt; without the property
 * nothing is read or written.
 */
final class SpellerArchive {

  static final String FOLDER_PROPERTY = "copydesk.speller-archive";

  private static final String MAGIC = "copydesk speller archive 1";

  private final Path folder;

  SpellerArchive(Path folder) {
    this.folder = folder;
  }

  /** The archive the launcher asked for, or null when it asked for none. */
  static SpellerArchive fromSystemProperty() {
    String folder = System.getProperty(FOLDER_PROPERTY);
    return folder == null || folder.isBlank() ? null : new SpellerArchive(Path.of(folder));
  }

  Path file(String variant) {
    return folder.resolve("languagetool-" + JLanguageTool.VERSION + "-" + variant + ".fsa");
  }

  /**
   * Puts the variant's archived dictionaries into LanguageTool's cache, unless it holds them
   * already. Call before the variant's speller first loads. Returns true when LanguageTool will
   * find them there. (LanguageTool fills that cache, a plain map, without locking; copydesk
   * loads each variant's speller once, on one thread, and this runs on that thread just before.)
   */
  boolean restore(String variant) {
    Map<String, Dictionary> cache = languageToolsCache();
    Path file = file(variant);
    if (cache == null || !Files.isRegularFile(file)) {
      return false;
    }
    Map<String, Dictionary> read;
    try {
      read = read(file, variant);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(file);
      return false;
    }
    read.forEach(cache::putIfAbsent);
    return true;
  }

  /**
   * Writes the variant's dictionaries as LanguageTool built them, if the archive lacks them. Call
   * after the variant's speller has loaded. A failure to write costs only the time saved.
   */
  void save(String variant) {
    Map<String, Dictionary> cache = languageToolsCache();
    Path file = file(variant);
    if (cache == null || Files.exists(file)) {
      return;
    }
    Path temporary = null;
    try {
      Map<String, Dictionary> ours = new LinkedHashMap<>();
      cache.forEach((key, dictionary) -> {
        if (belongsTo(key, variant)) {
          ours.put(key, dictionary);
        }
      });
      if (ours.isEmpty()) {
        return;
      }
      Files.createDirectories(folder);
      temporary = Files.createTempFile(folder, file.getFileName().toString(), ".part");
      try (OutputStream out = Files.newOutputStream(temporary)) {
        write(ours, out);
      }
      // Another run may write the same file at the same time: whichever rename comes last wins,
      // and both files are whole.
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      if (temporary != null) {
        deleteQuietly(temporary);
      }
    }
  }

  /**
   * LanguageTool keys a dictionary by the plain-text lists it came from and the variant's
   * metadata file ({@code .../en_GB.info}); the latter says whose it is.
   */
  private static boolean belongsTo(String key, String variant) {
    return key.endsWith("/" + variant.replace('-', '_') + ".info");
  }

  private static void write(Map<String, Dictionary> dictionaries, OutputStream out) throws IOException {
    DataOutputStream data = new DataOutputStream(out);
    data.writeUTF(MAGIC);
    data.writeUTF(JLanguageTool.VERSION);
    data.writeInt(dictionaries.size());
    for (Map.Entry<String, Dictionary> entry : dictionaries.entrySet()) {
      byte[] automaton = new CFSA2Serializer().serialize(entry.getValue().fsa, new ByteArrayOutputStream()).toByteArray();
      data.writeUTF(entry.getKey());
      data.writeInt(automaton.length);
      data.write(automaton);
      data.writeLong(crc(automaton));
    }
    data.flush();
  }

  private static Map<String, Dictionary> read(Path file, String variant) throws IOException {
    Map<String, Dictionary> dictionaries = new LinkedHashMap<>();
    try (DataInputStream data = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
      if (!MAGIC.equals(data.readUTF()) || !JLanguageTool.VERSION.equals(data.readUTF())) {
        throw new IOException("not an archive of this LanguageTool");
      }
      int count = data.readInt();
      if (count < 1 || count > 16) {
        throw new IOException("implausible number of dictionaries: " + count);
      }
      for (int i = 0; i < count; i++) {
        String key = data.readUTF();
        int length = data.readInt();
        if (!belongsTo(key, variant) || length < 1 || length > 64 << 20) {
          throw new IOException("foreign or implausible entry");
        }
        byte[] automaton = data.readNBytes(length);
        if (automaton.length != length || data.readLong() != crc(automaton)) {
          throw new IOException("damaged entry");
        }
        String metadata = key.substring(key.lastIndexOf('|') + 1);
        try (InputStream info = JLanguageTool.getDataBroker().getFromResourceDirAsStream(metadata)) {
          dictionaries.put(key, Dictionary.read(new ByteArrayInputStream(automaton), info));
        }
      }
      if (data.read() != -1) {
        throw new IOException("trailing bytes");
      }
    }
    return dictionaries;
  }

  private static long crc(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return crc.getValue();
  }

  /** LanguageTool's cache of built speller dictionaries, or null if this LanguageTool has none. */
  @SuppressWarnings("unchecked")
  static Map<String, Dictionary> languageToolsCache() {
    try {
      java.lang.reflect.Field field = MorfologikMultiSpeller.class.getDeclaredField("dicPathToDict");
      field.setAccessible(true);
      return field.get(null) instanceof Map<?, ?> map ? (Map<String, Dictionary>) map : null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // left for the next run, which fails to read it again and tries again
    }
  }
}
