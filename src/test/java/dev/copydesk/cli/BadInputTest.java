package dev.copydesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder of everything a CMS export can hold, checked in one run: each bad file is one line on
 * standard error, the good drafts are checked in full, the run exits 2, and no file changes.
 */
class BadInputTest {

  @TempDir Path folder;

  @Test
  void aFolderOfBadInputsIsReportedFileByFileAndNothingChanges() throws Exception {
    write("good.txt", "The minister said the the talks would resume on Monday.\n");
    write("empty.txt", "");
    Files.write(folder.resolve("photo.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0});
    Files.write(folder.resolve("latin1.txt"), "Caf\u00e9 owners said the the rent had doubled.\n".getBytes(Charset.forName("windows-1252")));
    write("bom.txt", "\uFEFFThe the council met.\n");
    write("crlf.txt", "First line.\r\nThe the second line.\r\n");
    write("cr.md", "# Title\r\rThe the old Mac line.\r");
    write("nul.html", "<p>A page with a \u0000 byte in it.</p>");
    Files.createSymbolicLink(folder.resolve("loop"), folder);
    Files.createSymbolicLink(folder.resolve("dangling.txt"), folder.resolve("gone.txt"));
    Files.createDirectory(folder.resolve("folder.md"));
    write(".hidden/secret.txt", "the the\n");
    Map<String, String> before = hashes();

    MainTest.Result result = MainTest.run("check", folder.toString());

    assertEquals(2, result.code(), result.err());
    List<String> problems = result.errLines();
    assertOneLine(problems, "photo.txt: looks like a binary file (NUL byte at offset 8), skipped");
    assertOneLine(problems, "latin1.txt: is not valid UTF-8 (first bad byte at offset 3;");
    assertOneLine(problems, "nul.html: looks like a binary file (NUL byte at offset 17), skipped");
    assertOneLine(problems, "loop: symbolic link loop, skipped");
    assertOneLine(problems, "dangling.txt: broken symbolic link, skipped");
    assertEquals(5, problems.size(), result.err());
    String out = result.out();
    assertTrue(out.contains("good.txt:1:19: error: 'the the'"), out);
    assertTrue(out.contains("bom.txt:1:1: error: 'The the'"), "a byte-order mark does not shift columns: " + out);
    assertTrue(out.contains("crlf.txt:2:1: error: 'The the'"), out);
    assertTrue(out.contains("cr.md:3:1: error: 'The the'"), out);
    assertFalse(out.contains("empty.txt:"), "an empty draft is checked and clean");
    assertFalse(out.contains("secret.txt"), "hidden folders are skipped");
    assertTrue(out.lines().reduce((a, b) -> b).orElse("").contains("5 files checked"), out);
    assertEquals(before, hashes(), "no file in the folder changed");

    MainTest.Result latin1 = MainTest.run("check", "--encoding", "windows-1252", folder.resolve("latin1.txt").toString());
    assertEquals(1, latin1.code(), latin1.err());
    assertTrue(latin1.out().contains("latin1.txt:1:18: error: 'the the'"), latin1.out());
  }

  @Test
  void aDraftOverTheSizeLimitIsSkippedWithItsSize() throws IOException {
    write("long.txt", "word ".repeat(300_000));
    MainTest.Result result = MainTest.run("check", "--max-size", "1MB", folder.resolve("long.txt").toString());
    assertEquals(2, result.code());
    assertEquals(List.of("copydesk: " + folder.resolve("long.txt") + ": is 1.4 MB, over the 1.0 MB limit (--max-size or max-size: in the config), skipped"),
        result.errLines());
  }

  @Test
  void aDraftThatOutrunsItsTimeBudgetIsReportedAsNotFullyChecked() throws IOException {
    StringBuilder draft = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      draft.append("The council said the plan for the bridge would be published on Monday.\n");
    }
    write("long.txt", draft.toString());
    MainTest.Result result = MainTest.run("check", "--no-cache", "--time-budget", "1s", folder.resolve("long.txt").toString());
    assertEquals(2, result.code(), result.err());
    assertEquals(1, result.errLines().size(), result.err());
    assertTrue(result.err().contains("long.txt: not fully checked: its time budget of 1 s ran out"), result.err());
  }

  @Test
  void hostileConfigAndRuleFilesAreOneLineErrorsNamingTheFile() throws IOException {
    write("draft.txt", "Fine copy.\n");
    write("bad.yml", "rules: [unclosed\n");
    MainTest.Result yaml = MainTest.run("check", "--config", folder.resolve("bad.yml").toString(), folder.resolve("draft.txt").toString());
    assertEquals(2, yaml.code());
    assertEquals(1, yaml.errLines().size(), yaml.err());
    assertTrue(yaml.err().startsWith("copydesk: " + folder.resolve("bad.yml")), yaml.err());

    write("house/broken.yml", "kind: phrase\ndescription: x\nseverity: loud\nmessage: m\nphrases: {a: b}\n");
    MainTest.Result rule = MainTest.run("check", "--rules", folder.resolve("house").toString(), folder.resolve("draft.txt").toString());
    assertEquals(2, rule.code());
    assertEquals(List.of("copydesk: " + folder.resolve("house/broken.yml") + ":3: 'loud' is not a severity (error, warning or suggestion)"),
        rule.errLines());

    write("house/broken.yml", "kind: phrase\ndescription: \"unclosed\nseverity: warning\n");
    MainTest.Result unclosed = MainTest.run("rules", "--rules", folder.resolve("house").toString());
    assertEquals(2, unclosed.code());
    assertEquals(1, unclosed.errLines().size(), unclosed.err());

    // YAML reads a bare no as false: a list of words with "no" in it must say so, not lose the word.
    write("boolean/duplicated-word.yml", "kind: duplicated-word\ndescription: x\nseverity: error\n"
        + "repeat-message: m\nstray-message: m\nexceptions: [had had, no]\n");
    MainTest.Result bool = MainTest.run("check", "--rules", folder.resolve("boolean").toString(), folder.resolve("draft.txt").toString());
    assertEquals(2, bool.code(), bool.err());
    assertEquals(List.of("copydesk: " + folder.resolve("boolean/duplicated-word.yml") + ":6: 'exceptions' holds an unquoted"
        + " yes, no, on, off, true or false, which YAML reads as a boolean: quote it (\"no\")"), bool.errLines());

    MainTest.Result notAFolder = MainTest.run("check", "--rules", folder.resolve("draft.txt").toString(), folder.resolve("draft.txt").toString());
    assertEquals(List.of("copydesk: " + folder.resolve("draft.txt") + ": is a file, not a folder of rule files"), notAFolder.errLines());
  }

  private static void assertOneLine(List<String> lines, String fragment) {
    assertEquals(1, lines.stream().filter(l -> l.contains(fragment)).count(), "one line with '" + fragment + "' in " + lines);
  }

  private void write(String name, String text) throws IOException {
    Path path = folder.resolve(name);
    Files.createDirectories(path.getParent());
    Files.writeString(path, text, StandardCharsets.UTF_8);
  }

  /** A hash of every regular file under the folder, by relative path. */
  private Map<String, String> hashes() throws IOException, NoSuchAlgorithmException {
    Map<String, String> hashes = new TreeMap<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        hashes.put(folder.relativize(file).toString(), HexFormat.of().formatHex(digest));
      }
    }
    return hashes;
  }
}
