package dev.copydesk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.copydesk.rules.RuleKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape the README's architecture section promises, checked on the sources: which package
 * may use which, that only {@code rules} names a rule id or kind, that only {@code rules} and
 * {@code languagetool} spell LanguageTool's finding prefix, that every package says what it
 * holds, and that no class outgrows a reading.
 */
class ArchitectureTest {

  private static final Path MAIN = Path.of("src/main/java/dev/copydesk");

  /** The README's table: each package and the copydesk packages it may use besides itself. */
  private static final Map<String, Set<String>> MAY_USE = Map.of(
      "core", Set.of(),
      "input", Set.of("core"),
      "languagetool", Set.of("core"),
      "rules", Set.of("core"),
      "engine", Set.of("core", "rules", "languagetool"),
      "report", Set.of("core"),
      "serve", Set.of("core", "input", "engine", "report"),
      "lsp", Set.of("core", "input", "engine"),
      "cli", Set.of("core", "input", "languagetool", "rules", "engine", "report", "serve", "lsp"));

  /** Longer than this, a class wants splitting along its seams (or a line in the README saying why not). */
  private static final int MOST_LINES = 450;

  private static final Pattern COPYDESK_PACKAGE = Pattern.compile("\\bdev\\.copydesk\\.([a-z]+)\\.");
  private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
  private static final Pattern COMMENT = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*");

  @Test
  void everyPackageUsesOnlyWhatTheReadmeAllows() throws IOException {
    List<String> breaches = new ArrayList<>();
    for (Path file : sources()) {
      String from = packageOf(file);
      Matcher use = COPYDESK_PACKAGE.matcher(code(file));
      while (use.find()) {
        String to = use.group(1);
        if (!to.equals(from) && !MAY_USE.getOrDefault(from, Set.of()).contains(to)) {
          breaches.add(MAIN.relativize(file) + " uses " + to);
        }
      }
      if (!from.equals("languagetool") && code(file).contains("org.languagetool")) {
        breaches.add(MAIN.relativize(file) + " uses LanguageTool, which only the languagetool package may");
      }
    }
    assertEquals(List.of(), breaches);
    assertEquals(new TreeSet<>(MAY_USE.keySet()), new TreeSet<>(packages()), "the table names every package");
  }

  @Test
  void onlyTheRulesPackageNamesARuleIdOrKind() throws IOException {
    Set<String> names = new TreeSet<>(RuleKind.names());
    try (Stream<Path> files = Files.list(Path.of("rules"))) {
      files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".yml"))
          .forEach(name -> names.add(name.substring(0, name.length() - 4)));
    }
    List<String> breaches = new ArrayList<>();
    for (Path file : sources()) {
      String from = packageOf(file);
      Matcher literal = STRING.matcher(code(file));
      while (literal.find()) {
        String text = literal.group(1);
        if (!from.equals("rules") && names.contains(text)) {
          breaches.add(MAIN.relativize(file) + " names \"" + text + "\"");
        }
        if (!from.equals("rules") && !from.equals("languagetool") && text.startsWith("lt:")) {
          breaches.add(MAIN.relativize(file) + " spells \"" + text + "\"");
        }
      }
    }
    assertEquals(List.of(), breaches);
  }

  @Test
  void everyPackageSaysWhatItHoldsAndNoClassOutgrowsAReading() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    List<String> breaches = new ArrayList<>();
    for (String name : packages()) {
      if (!Files.isRegularFile(MAIN.resolve(name).resolve("package-info.java"))) {
        breaches.add(name + " has no package-info.java");
      }
    }
    for (Path file : sources()) {
      long lines = Files.readAllLines(file, StandardCharsets.UTF_8).size();
      if (lines > MOST_LINES && !readme.contains("`" + file.getFileName() + "`")) {
        breaches.add(MAIN.relativize(file) + " has " + lines + " lines, and the README does not say why");
      }
    }
    assertEquals(List.of(), breaches);
  }

  private static List<Path> sources() throws IOException {
    try (Stream<Path> walk = Files.walk(MAIN)) {
      return walk.filter(path -> path.toString().endsWith(".java")).sorted().toList();
    }
  }

  private static List<String> packages() throws IOException {
    try (Stream<Path> list = Files.list(MAIN)) {
      return list.filter(Files::isDirectory).map(path -> path.getFileName().toString()).sorted().toList();
    }
  }

  private static String packageOf(Path file) {
    return MAIN.relativize(file).getName(0).toString();
  }

  /** The file without its comments, which may name anything. */
  private static String code(Path file) throws IOException {
    return COMMENT.matcher(Files.readString(file, StandardCharsets.UTF_8)).replaceAll("");
  }
}
