package dev.copydesk.cli;

import dev.copydesk.input.DraftFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The drafts a command line names: files as given, folders searched for drafts ({@code *.txt},
 * {@code *.md}, {@code *.markdown}, {@code *.html}, {@code *.htm}) skipping hidden folders, and
 * {@code -} for standard input. A path that names nothing to check becomes a problem line, and
 * the other paths are still checked.
 */
record Inputs(List<Input> drafts, List<String> problems) {

  /** One draft to check: a file, or standard input when {@code path} is null. */
  record Input(Path path, String name) {
    boolean isStdin() {
      return path == null;
    }
  }

  static Inputs expand(List<String> arguments, String stdinName) {
    List<Input> drafts = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (String argument : arguments) {
      if (argument.equals("-")) {
        drafts.add(new Input(null, stdinName));
        continue;
      }
      Path path = Path.of(argument);
      if (!Files.exists(path) && Files.isSymbolicLink(path)) {
        problems.add(argument + ": broken symbolic link or symbolic link loop, skipped");
      } else if (!Files.exists(path)) {
        problems.add(argument + ": no such file or folder");
      } else if (Files.isDirectory(path)) {
        List<Input> found = search(path, argument, problems);
        if (found.isEmpty()) {
          problems.add(argument + ": folder holds no drafts (*.txt, *.md, *.markdown, *.html, *.htm)");
        }
        drafts.addAll(found);
      } else {
        drafts.add(new Input(path, argument));
      }
    }
    return new Inputs(drafts, problems);
  }

  private static List<Input> search(Path folder, String shownAs, List<String> problems) {
    List<Input> found = new ArrayList<>();
    try {
      Files.walkFileTree(
          folder,
          EnumSet.of(FileVisitOption.FOLLOW_LINKS),
          Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
              boolean hidden = !dir.equals(folder) && dir.getFileName().toString().startsWith(".");
              return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              String name = file.getFileName().toString();
              if (attributes.isSymbolicLink() && DraftFormat.isDraftFileName(name)) {
                // Following links, the walker hands over a link itself only when it leads nowhere.
                problems.add(shown(folder, shownAs, file) + ": broken symbolic link, skipped");
              } else if (attributes.isRegularFile() && !name.startsWith(".") && DraftFormat.isDraftFileName(name)) {
                found.add(new Input(file, shown(folder, shownAs, file)));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              problems.add(shown(folder, shownAs, file) + ": " + describe(e));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException | UncheckedIOException e) {
      problems.add(shownAs + ": cannot search folder (" + e.getMessage() + ")");
    }
    found.sort((a, b) -> a.name().compareTo(b.name()));
    return found;
  }

  /** The file's path as the user would type it: the folder argument, then the relative path. */
  private static String shown(Path folder, String shownAs, Path file) {
    String relative = folder.relativize(file).toString();
    return shownAs.endsWith("/") ? shownAs + relative : shownAs + "/" + relative;
  }

  private static String describe(IOException e) {
    String kind = e.getClass().getSimpleName();
    return switch (kind) {
      case "FileSystemLoopException" -> "symbolic link loop, skipped";
      case "AccessDeniedException" -> "permission denied";
      default -> "cannot be read (" + kind + ")";
    };
  }
}
