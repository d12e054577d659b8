package dev.copydesk.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.copydesk.core.Rule;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads rule files and builds rules from them.
 *
 * <p>The built-in rules ship inside the jar under {@code rules/}; a newsroom's own folders are
 * read after them, and a file there with the same name (the same rule id) replaces the built-in
 * one. The rule's {@code kind:} picks its class through {@link RuleKind}, the one place that
 * knows every kind.
 */
public final class RuleLoader {

  /**
   * The id of the engine's own warning about a suppression comment that names no rule; it is
   * reserved, as no rule file reports under it.
   */
  public static final String SUPPRESSION_WARNING = "suppression";

  private static final YAMLMapper YAML = new YAMLMapper();

  private RuleLoader() {}

  /** The folder of the built-in rule files, inside the jar or on the class path. */
  public static Path builtinDirectory() {
    URL marker = RuleLoader.class.getResource("/rules/dictionary.txt");
    if (marker == null) {
      throw new IllegalStateException("built-in rules are missing from the class path");
    }
    try {
      URI uri = marker.toURI();
      if ("jar".equals(uri.getScheme())) {
        FileSystem jar;
        try {
          jar = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          jar = FileSystems.getFileSystem(uri);
        }
        return jar.getPath("/rules");
      }
      return Path.of(uri).getParent();
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot open the built-in rules: " + e.getMessage(), e);
    }
  }

  /**
   * Reads the rule files of the built-in folder and then of each extra folder, in order; a
   * later file with the same id replaces an earlier one.
   */
  public static List<RuleFile> readRuleFiles(List<Path> extraFolders) throws RuleFileException {
    Map<String, RuleFile> byId = new LinkedHashMap<>();
    List<Path> folders = new ArrayList<>();
    folders.add(builtinDirectory());
    folders.addAll(extraFolders);
    for (Path folder : folders) {
      if (Files.isRegularFile(folder)) {
        throw new RuleFileException(folder + ": is a file, not a folder of rule files");
      }
      if (!Files.isDirectory(folder)) {
        throw new RuleFileException(folder + ": rule folder does not exist");
      }
      List<Path> files;
      try (Stream<Path> list = Files.list(folder)) {
        files =
            list.filter(p -> p.getFileName().toString().matches("[a-z0-9][a-z0-9-]*\\.ya?ml"))
                .sorted()
                .toList();
      } catch (IOException e) {
        throw new RuleFileException(folder + ": cannot list rule folder (" + e.getMessage() + ")");
      }
      for (Path file : files) {
        RuleFile ruleFile = readRuleFile(file);
        byId.put(ruleFile.id(), ruleFile);
      }
    }
    return List.copyOf(byId.values());
  }

  /** Reads and parses one rule file; its id is its file name without the extension. */
  public static RuleFile readRuleFile(Path file) throws RuleFileException {
    String source;
    try {
      source = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new RuleFileException(RuleFile.location(file) + ": cannot read rule file (" + e.getMessage() + ")");
    }
    JsonNode body;
    try {
      body = YAML.readTree(source);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      String problem = e.getOriginalMessage().lines().findFirst().orElse("").strip();
      throw new RuleFileException(
          RuleFile.location(file) + (line > 0 ? ":" + line : "") + ": not valid YAML (" + problem + ")");
    }
    if (body == null || !body.isObject()) {
      throw new RuleFileException(RuleFile.location(file) + ": a rule file must be a YAML map of keys");
    }
    String id = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    return new RuleFile(id, file, body, source);
  }

  /** Builds every rule from its file, with the words the user's dictionaries accept. */
  public static List<LoadedRule> build(List<RuleFile> files, Dictionary userDictionary) throws RuleFileException {
    List<LoadedRule> rules = new ArrayList<>(files.size());
    for (RuleFile file : files) {
      rules.add(build(file, userDictionary));
    }
    return rules;
  }

  public static LoadedRule build(RuleFile file, Dictionary userDictionary) throws RuleFileException {
    String name = file.kind();
    RuleKind kind = RuleKind.named(name).orElseThrow(() ->
        file.error("kind", "unknown kind '" + name + "' (known: " + String.join(", ", RuleKind.names()) + ")"));
    Rule rule = kind.build(file, userDictionary);
    String findingPrefix = rule instanceof LanguageToolRule languageTool ? languageTool.prefix() : "";
    return new LoadedRule(rule, kind, file.description(), file.severity(), file.supersedes(), file.examples(),
        file.location(), findingPrefix, file.enabledByDefault());
  }
}
