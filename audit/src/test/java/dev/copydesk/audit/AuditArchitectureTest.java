package dev.copydesk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The audit package's place in the README's layering: it uses the engine as a command does,
 * through core, input, engine, report and rules' exceptions, and never cli (whose options are no
 * API), languagetool, serve, or LanguageTool itself; and the package says what it holds.
 */
class AuditArchitectureTest {

  private static final Set<String> MAY_USE = Set.of("audit", "core", "input", "engine", "report", "rules");
  private static final Pattern COPYDESK_PACKAGE = Pattern.compile("\\bdev\\.copydesk\\.([a-z]+)\\.");

  @Test
  void usesOnlyWhatTheReadmeAllows() throws IOException {
    List<String> breaches = new ArrayList<>();
    Path main = Path.of("src/main/java/dev/copydesk/audit");
    try (Stream<Path> files = Files.list(main)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String code = Files.readString(file).replaceAll("(?s)/\\*.*?\\*/|//[^\\n]*", "");
        Matcher use = COPYDESK_PACKAGE.matcher(code);
        while (use.find()) {
          if (!MAY_USE.contains(use.group(1))) {
            breaches.add(file.getFileName() + " uses " + use.group(1));
          }
        }
        if (code.contains("org.languagetool")) {
          breaches.add(file.getFileName() + " uses LanguageTool");
        }
      }
    }
    assertEquals(List.of(), breaches);
    assertEquals(true, Files.isRegularFile(main.resolve("package-info.java")));
  }
}
