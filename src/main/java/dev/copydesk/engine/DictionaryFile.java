package dev.copydesk.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A user dictionary file that servers write to: the words a writer adds from an editor ({@code
 * copydesk lsp}'s "Add to the dictionary", LanguageTool's {@code /v2/words/add}) and deletes.
 *
 * <p>Every change rewrites the whole file into a temporary file beside it and renames that over
 * it, so a reader (another server, a {@code copydesk check} in CI) sees the old file or the new
 * one, never half of one; comments and the order of the other lines are kept. Changes from one
 * process are serialised on the file's path; two processes adding at once may lose one word,
 * never corrupt the file.
 */
public final class DictionaryFile {

  /** The file beside a config that names no dictionary; {@link Config#read} reads it when it exists. */
  public static final String BESIDE_CONFIG = ".copydesk-dictionary.txt";

  private final Path path;

  public DictionaryFile(Path path) {
    this.path = path.toAbsolutePath().normalize();
  }

  public Path path() {
    return path;
  }

  /**
   * The file new words go to for drafts under a config: its first dictionary (the file's own,
   * not one the command line added), else {@link #BESIDE_CONFIG} beside it.
   */
  public static DictionaryFile forConfig(Path configFile) throws ConfigException {
    Path file = configFile.toAbsolutePath();
    Config own = Config.read(file);
    Path beside = file.getParent().resolve(BESIDE_CONFIG);
    Optional<Path> named = own.dictionaries().stream().filter(p -> !p.equals(beside)).findFirst();
    return new DictionaryFile(named.orElse(beside));
  }

  /** The words in the file, in order, comments and blank lines left out; none when it does not exist. */
  public List<String> words() throws IOException {
    List<String> words = new ArrayList<>();
    for (String line : lines()) {
      String word = entry(line);
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    return words;
  }

  /**
   * Adds a word on a line of its own, creating the file (and its folder) if need be; true when
   * it was added, false when the file held it already.
   */
  public boolean add(String word) throws IOException {
    String entry = checkWord(word);
    synchronized (lock()) {
      List<String> lines = lines();
      if (lines.stream().map(DictionaryFile::entry).anyMatch(entry::equals)) {
        return false;
      }
      lines.add(entry);
      write(lines);
      return true;
    }
  }

  /** Deletes every line holding exactly the word; true when there was one. */
  public boolean delete(String word) throws IOException {
    String entry = checkWord(word);
    synchronized (lock()) {
      List<String> lines = lines();
      boolean removed = lines.removeIf(line -> entry(line).equals(entry));
      if (removed) {
        write(lines);
      }
      return removed;
    }
  }

  /**
   * A word as a dictionary line holds it: one line, no comment sign, no surrounding space, not
   * empty, and short (a name, not a paragraph pasted by mistake).
   */
  public static String checkWord(String word) {
    String stripped = word == null ? "" : word.strip();
    if (stripped.isEmpty() || stripped.length() > 100 || stripped.contains("#") || stripped.chars().anyMatch(c -> c == '\n' || c == '\r' || Character.isISOControl(c))) {
      throw new IllegalArgumentException("'" + (word == null ? "" : word.replaceAll("\\p{Cntrl}", "?"))
          + "' is not a word a dictionary can hold (one line, no '#', at most 100 characters)");
    }
    return stripped;
  }

  private static String entry(String line) {
    int hash = line.indexOf('#');
    return (hash >= 0 ? line.substring(0, hash) : line).strip();
  }

  private List<String> lines() throws IOException {
    if (!Files.exists(path)) {
      return new ArrayList<>();
    }
    return new ArrayList<>(Files.readAllLines(path, StandardCharsets.UTF_8));
  }

  private void write(List<String> lines) throws IOException {
    Files.createDirectories(path.getParent());
    // A name of this process's own beside the file (a rename is atomic only within one file
    // system); written with the default permissions, as the file itself would be.
    Path temporary = path.resolveSibling("." + path.getFileName() + "." + ProcessHandle.current().pid() + "."
        + Thread.currentThread().getId() + ".tmp");
    try {
      Files.write(temporary, lines, StandardCharsets.UTF_8);
      try {
        Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** One lock per file within this process, so two requests never interleave their rewrites. */
  private Object lock() {
    return LOCKS.computeIfAbsent(path, any -> new Object());
  }

  private static final ConcurrentHashMap<Path, Object> LOCKS = new ConcurrentHashMap<>();
}
