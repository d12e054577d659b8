package dev.copydesk.lsp;

import dev.copydesk.core.Document;
import dev.copydesk.core.FileReport;
import dev.copydesk.core.Finding;
import dev.copydesk.core.RuleDescription;
import dev.copydesk.core.Severity;
import dev.copydesk.core.Span;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * A draft's findings as the protocol's diagnostics: the finding's source range in the editor's
 * lines and UTF-16 columns, the rule id as {@code code} with a link to the rule's documentation,
 * the severity mapped, and the finding itself in {@code data}.
 */
final class Diagnostics {

  /** Who the diagnostics are from, as editors show it beside each message. */
  static final String SOURCE = "copydesk";

  /** LanguageTool's own page for each of its rules, by id. */
  private static final String LANGUAGETOOL_RULE_PAGE = "https://community.languagetool.org/rule/show/";

  private Diagnostics() {}

  /**
   * One diagnostic a finding. Suggestions are {@link DiagnosticSeverity#Information} unless the
   * client asked for hints ({@code initializationOptions.suggestionSeverity: "hint"}), which most
   * editors show without underlining.
   */
  static List<Diagnostic> of(FileReport report, DraftSettings.Settings settings, DiagnosticSeverity suggestionSeverity) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    Document document = report.document();
    for (Finding finding : report.findings()) {
      Span source = document.sourceSpan(finding.span());
      Diagnostic diagnostic = new Diagnostic(range(document, source), finding.message(),
          severity(finding.severity(), suggestionSeverity), SOURCE, finding.ruleId());
      documentation(finding.ruleId(), settings).ifPresent(href -> diagnostic.setCodeDescription(new DiagnosticCodeDescription(href)));
      diagnostic.setData(data(finding, source, document));
      diagnostics.add(diagnostic);
    }
    if (!report.complete()) {
      diagnostics.add(new Diagnostic(new Range(new Position(0, 0), new Position(0, 0)),
          "copydesk stopped checking this draft at its time budget (time-budget: in the config): findings may be missing",
          DiagnosticSeverity.Warning, SOURCE));
    }
    return diagnostics;
  }

  /** One diagnostic on the draft's first line saying why it was not checked. */
  static Diagnostic notChecked(String problem) {
    return new Diagnostic(new Range(new Position(0, 0), new Position(0, 0)), "copydesk: " + problem, DiagnosticSeverity.Error, SOURCE);
  }

  static DiagnosticSeverity severity(Severity severity, DiagnosticSeverity suggestion) {
    return switch (severity) {
      case ERROR -> DiagnosticSeverity.Error;
      case WARNING -> DiagnosticSeverity.Warning;
      case SUGGESTION -> suggestion;
    };
  }

  /** The range of a source span: LSP's lines and columns count from 0, in UTF-16 units as the source does. */
  static Range range(Document document, Span source) {
    return new Range(position(document, source.start()), position(document, source.end()));
  }

  static Position position(Document document, int sourceOffset) {
    dev.copydesk.core.Position at = document.positionOfSource(sourceOffset);
    return new Position(at.line() - 1, at.column() - 1);
  }

  /**
   * Where a rule is explained: LanguageTool's page for one of its rules, the rule file (its
   * description and examples) for copydesk's own.
   */
  private static java.util.Optional<String> documentation(String findingId, DraftSettings.Settings settings) {
    RuleDescription rule = settings.describe(findingId);
    if (!rule.findingPrefix().isEmpty() && !findingId.equals(rule.id())) {
      return java.util.Optional.of(LANGUAGETOOL_RULE_PAGE + URLEncoder.encode(rule.bareId(findingId), StandardCharsets.UTF_8) + "?lang=en");
    }
    Path file = settings.ruleFiles().get(rule.id());
    return java.util.Optional.ofNullable(file).map(path -> path.toUri().toString());
  }

  /** The finding, as {@code data}: what a client (or a later code action) needs to act on it. */
  private static Map<String, Object> data(Finding finding, Span source, Document document) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("rule", finding.ruleId());
    data.put("severity", finding.severity().label());
    data.put("offset", source.start());
    data.put("length", source.length());
    data.put("text", document.source().substring(source.start(), source.end()));
    data.put("suggestions", finding.suggestions());
    return data;
  }

  /** The rule id a diagnostic names, if it is one of copydesk's. */
  static java.util.Optional<String> code(Diagnostic diagnostic) {
    Either<String, Integer> code = diagnostic.getCode();
    return code == null || !code.isLeft() || !SOURCE.equals(diagnostic.getSource()) ? java.util.Optional.empty() : java.util.Optional.of(code.getLeft());
  }
}
