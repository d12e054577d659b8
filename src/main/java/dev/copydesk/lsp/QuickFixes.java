package dev.copydesk.lsp;

import dev.copydesk.core.Document;
import dev.copydesk.core.FileReport;
import dev.copydesk.core.Finding;
import dev.copydesk.core.Span;
import dev.copydesk.engine.Fixes;
import dev.copydesk.input.DraftFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * The code actions on the findings under a range: each of a finding's first five suggestions
 * (a promotional block's deletion among them), a suppression comment in Markdown and HTML, and
 * "add to the dictionary" for a word the speller does not know.
 *
 * <p>Every edit is made by the engine's {@link Fixes}, which {@code copydesk fix} uses, on the
 * draft's text as it was checked, and carries that version, so an editor whose buffer has moved
 * on refuses it rather than apply it in the wrong place.
 */
final class QuickFixes {

  /** The command the server carries out itself: arguments, the draft's URI and the word. */
  static final String ADD_TO_DICTIONARY = "copydesk.addToDictionary";

  /** Editors list the actions in a menu; past five suggestions the likeliest are long gone. */
  static final int MOST_SUGGESTIONS = 5;

  /** The issue type of the findings whose word can be added to a dictionary (LanguageTool's vocabulary). */
  private static final String MISSPELLING = "misspelling";

  /**
   * A checked draft as its diagnostics were published.
   *
   * @param uri the draft's URI
   * @param version the version checked
   * @param format how it was parsed
   * @param report the engine's report on it
   * @param settings the settings it was checked with
   */
  record Checked(String uri, int version, DraftFormat format, FileReport report, DraftSettings.Settings settings) {}

  private QuickFixes() {}

  /** The actions for the findings whose range meets {@code range} or that the client's diagnostics name. */
  static List<Either<Command, CodeAction>> actions(Checked checked, Range range, List<Diagnostic> diagnostics, boolean versionedEdits) {
    Document document = checked.report().document();
    List<Either<Command, CodeAction>> actions = new ArrayList<>();
    List<CodeAction> suppressions = new ArrayList<>();
    for (Finding finding : checked.report().findings()) {
      Span source = document.sourceSpan(finding.span());
      Range at = Diagnostics.range(document, source);
      Diagnostic diagnostic = diagnostics.stream()
          .filter(d -> d != null && at.equals(d.getRange()) && Diagnostics.code(d).filter(finding.ruleId()::equals).isPresent())
          .findFirst().orElse(null);
      if (diagnostic == null && (range == null || !meets(at, range))) {
        continue;
      }
      List<Diagnostic> about = diagnostic == null ? List.of() : List.of(diagnostic);
      List<String> suggestions = finding.suggestions();
      for (int i = 0; i < Math.min(MOST_SUGGESTIONS, suggestions.size()); i++) {
        CodeAction action = action(replacementTitle(checked, finding, source, suggestions.get(i)), about);
        action.setEdit(edit(checked, fix(checked.report(), finding, i), versionedEdits));
        action.setIsPreferred(i == 0);
        actions.add(Either.forRight(action));
      }
      if (MISSPELLING.equals(checked.settings().describe(finding.ruleId()).issueType(finding.severity()))) {
        String word = document.source().substring(source.start(), source.end());
        CodeAction action = action("Add '" + word + "' to the dictionary", about);
        action.setCommand(new Command("Add '" + word + "' to the dictionary", ADD_TO_DICTIONARY, List.of(checked.uri(), word)));
        actions.add(Either.forRight(action));
      }
      if (checked.format() != DraftFormat.TEXT) {
        CodeAction action = action("Disable " + finding.ruleId() + " for this line (a copydesk-disable-next-line comment)", about);
        action.setEdit(edit(checked, suppression(document, source.start(), finding.ruleId(), checked.format()), versionedEdits));
        suppressions.add(action);
      }
    }
    // The fixes first: an editor's "apply the first quick fix" should fix, not silence.
    suppressions.forEach(action -> actions.add(Either.forRight(action)));
    return actions;
  }

  private static CodeAction action(String title, List<Diagnostic> about) {
    CodeAction action = new CodeAction(title);
    action.setKind(CodeActionKind.QuickFix);
    action.setDiagnostics(about);
    return action;
  }

  private static String replacementTitle(Checked checked, Finding finding, Span source, String suggestion) {
    if (!suggestion.isEmpty()) {
      return "Replace with '" + suggestion + "'";
    }
    if (checked.settings().fixedByDefault().contains(finding.ruleId())) {
      Document document = checked.report().document();
      // The line of the span's last character: a block that ends with its line break ends on that line.
      int last = Math.max(source.start(), source.end() - 1);
      int lines = document.positionOfSource(last).line() - document.positionOfSource(source.start()).line() + 1;
      return "Delete the promotional text (" + lines + (lines == 1 ? " line" : " lines") + ")";
    }
    String text = checked.report().document().source().substring(source.start(), source.end());
    return "Delete '" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
  }

  /**
   * The edit that gives the draft {@code Fixes} would make with the finding's {@code index}th
   * suggestion: the one stretch of source that differs, widened to the finding's own span so an
   * editor shows the whole word replaced.
   */
  static TextEdit fix(FileReport report, Finding finding, int index) {
    List<String> suggestions = new ArrayList<>(finding.suggestions());
    suggestions.add(0, suggestions.remove(index));
    Finding chosen = new Finding(finding.ruleId(), finding.severity(), finding.span(), finding.message(), suggestions);
    Document document = report.document();
    String before = document.source();
    String after = Fixes.apply(new FileReport(document, report.language(), List.of(chosen), true), any -> true).source();
    int prefix = 0;
    int most = Math.min(before.length(), after.length());
    while (prefix < most && before.charAt(prefix) == after.charAt(prefix)) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < most - prefix && before.charAt(before.length() - 1 - suffix) == after.charAt(after.length() - 1 - suffix)) {
      suffix++;
    }
    Span own = document.sourceSpan(finding.span());
    int start = Math.min(prefix, own.start());
    int end = Math.max(before.length() - suffix, own.end());
    String replacement = after.substring(start, after.length() - (before.length() - end));
    return new TextEdit(Diagnostics.range(document, new Span(start, end)), replacement);
  }

  /**
   * A {@code copydesk-disable-next-line} comment for the line the finding starts on. It goes on a
   * line of its own above it, indented alike, where that line opens a block (the draft's first
   * line, one after a blank line, or any line in HTML); inside a Markdown paragraph or list item
   * a line of its own would end the paragraph, so the comment ends the line before instead, as
   * inline HTML, which copydesk reads the same way.
   */
  static TextEdit suppression(Document document, int sourceOffset, String ruleId, DraftFormat format) {
    String source = document.source();
    String comment = "<!-- copydesk-disable-next-line " + ruleId + " -->";
    int lineStart = sourceOffset;
    while (lineStart > 0 && source.charAt(lineStart - 1) != '\n' && source.charAt(lineStart - 1) != '\r') {
      lineStart--;
    }
    int previousEnd = lineStart;
    if (previousEnd > 0 && source.charAt(previousEnd - 1) == '\n') {
      previousEnd--;
    }
    if (previousEnd > 0 && source.charAt(previousEnd - 1) == '\r') {
      previousEnd--;
    }
    int previousStart = previousEnd;
    while (previousStart > 0 && source.charAt(previousStart - 1) != '\n' && source.charAt(previousStart - 1) != '\r') {
      previousStart--;
    }
    boolean opensBlock = lineStart == 0 || source.substring(previousStart, previousEnd).isBlank();
    if (format == DraftFormat.MARKDOWN && !opensBlock) {
      Position end = Diagnostics.position(document, previousEnd);
      return new TextEdit(new Range(end, end), " " + comment);
    }
    int indentEnd = lineStart;
    while (indentEnd < source.length() && (source.charAt(indentEnd) == ' ' || source.charAt(indentEnd) == '\t')) {
      indentEnd++;
    }
    String lineBreak = source.indexOf("\r\n") >= 0 ? "\r\n" : "\n";
    Position start = Diagnostics.position(document, lineStart);
    return new TextEdit(new Range(start, start), source.substring(lineStart, indentEnd) + comment + lineBreak);
  }

  private static WorkspaceEdit edit(Checked checked, TextEdit edit, boolean versioned) {
    if (versioned) {
      TextDocumentEdit change = new TextDocumentEdit(new VersionedTextDocumentIdentifier(checked.uri(), checked.version()), List.of(edit));
      return new WorkspaceEdit(List.of(Either.forLeft(change)));
    }
    return new WorkspaceEdit(Map.of(checked.uri(), List.of(edit)));
  }

  /** True when two ranges share a position (touching counts: a cursor at a word's end is on it). */
  private static boolean meets(Range a, Range b) {
    return compare(a.getStart(), b.getEnd()) <= 0 && compare(b.getStart(), a.getEnd()) <= 0;
  }

  private static int compare(Position a, Position b) {
    return a.getLine() != b.getLine() ? Integer.compare(a.getLine(), b.getLine()) : Integer.compare(a.getCharacter(), b.getCharacter());
  }
}
