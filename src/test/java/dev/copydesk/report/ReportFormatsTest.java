package dev.copydesk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.copydesk.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Every output format, on the same fixtures, holds the same findings as --format json. */
class ReportFormatsTest {

  private static final List<String> FIXTURES = List.of("fixtures/energy-talks.md", "fixtures/port-strike.txt");

  /** "path:line:column:rule" for each finding of the JSON report: what every format must hold. */
  private static Set<String> expected;

  @TempDir Path temp;

  @BeforeAll
  static void readJson() throws Exception {
    JsonNode root = new ObjectMapper().readTree(run("--format", "json"));
    expected = new TreeSet<>();
    for (JsonNode file : root.get("files")) {
      for (JsonNode f : file.get("findings")) {
        expected.add(file.get("path").asText() + ":" + f.get("line").asInt() + ":" + f.get("column").asInt() + ":" + f.get("rule").asText());
      }
    }
    assertTrue(expected.size() > 8, "the fixtures have findings: " + expected);
  }

  private static String run(String... options) {
    List<String> args = new ArrayList<>(List.of("check", "--fail-on", "never"));
    args.addAll(List.of(options));
    args.addAll(FIXTURES);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), new ByteArrayInputStream(new byte[0]), java.util.Map.of(), args.toArray(String[]::new));
    assertEquals(0, code, err.toString());
    return out.toString();
  }

  @Test
  void sarifValidatesAgainstTheOfficialSchemaAndHoldsTheFindings() throws Exception {
    JsonNode sarif = new ObjectMapper().readTree(run("--format", "sarif"));
    JsonSchema schema;
    try (InputStream in = getClass().getResourceAsStream("/sarif-schema-2.1.0.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
    }
    Set<ValidationMessage> problems = schema.validate(sarif);
    assertEquals(Set.of(), problems, "SARIF schema violations");
    Set<String> found = new TreeSet<>();
    JsonNode run = sarif.get("runs").get(0);
    Set<String> described = new TreeSet<>();
    run.get("tool").get("driver").get("rules").forEach(rule -> described.add(rule.get("id").asText()));
    for (JsonNode result : run.get("results")) {
      JsonNode location = result.get("locations").get(0).get("physicalLocation");
      JsonNode region = location.get("region");
      found.add(location.get("artifactLocation").get("uri").asText() + ":" + region.get("startLine").asInt() + ":"
          + region.get("startColumn").asInt() + ":" + result.get("ruleId").asText());
      assertTrue(described.contains(result.get("ruleId").asText()), "every rule that fired is described");
      assertEquals(result.get("ruleId").asText(), run.get("tool").get("driver").get("rules").get(result.get("ruleIndex").asInt()).get("id").asText());
    }
    assertEquals(expected, found);
    assertTrue(sarif.toString().contains("\"fixes\""), "findings with suggestions carry fixes");
  }

  @Test
  void checkstyleParsesAsXmlAndHoldsTheFindings() throws Exception {
    org.w3c.dom.Document xml = parseXml(run("--format", "checkstyle"));
    Set<String> found = new TreeSet<>();
    NodeList files = xml.getElementsByTagName("file");
    for (int i = 0; i < files.getLength(); i++) {
      Element file = (Element) files.item(i);
      NodeList errors = file.getElementsByTagName("error");
      for (int j = 0; j < errors.getLength(); j++) {
        Element error = (Element) errors.item(j);
        assertTrue(Set.of("error", "warning", "info").contains(error.getAttribute("severity")));
        found.add(file.getAttribute("name") + ":" + error.getAttribute("line") + ":" + error.getAttribute("column") + ":"
            + error.getAttribute("source").replaceFirst("^copydesk\\.", ""));
      }
    }
    assertEquals(expected, found);
  }

  @Test
  void junitParsesAsXmlWithEveryFindingInATestCase() throws Exception {
    org.w3c.dom.Document xml = parseXml(run("--format", "junit"));
    assertEquals("testsuites", xml.getDocumentElement().getTagName());
    assertEquals(FIXTURES.size(), xml.getElementsByTagName("testsuite").getLength());
    StringBuilder text = new StringBuilder();
    NodeList cases = xml.getElementsByTagName("testcase");
    for (int i = 0; i < cases.getLength(); i++) {
      text.append(cases.item(i).getTextContent());
    }
    Set<String> found = new TreeSet<>();
    Matcher line = Pattern.compile("(?m)^(.+?):(\\d+):(\\d+): \\w+: .* \\[(\\S+)\\]$").matcher(text);
    while (line.find()) {
      found.add(line.group(1) + ":" + line.group(2) + ":" + line.group(3) + ":" + line.group(4));
    }
    assertEquals(expected, found);
  }

  @Test
  void githubLinesAreWorkflowCommands() {
    Pattern command = Pattern.compile(
        "::(error|warning|notice) file=([^,]*),line=(\\d+),col=(\\d+),endLine=\\d+,endColumn=\\d+,title=copydesk ([^:,]+)::[^\\r\\n]+");
    Set<String> found = new TreeSet<>();
    for (String line : run("--format", "github").lines().toList()) {
      Matcher m = command.matcher(line);
      assertTrue(m.matches(), "not a workflow command: " + line);
      found.add(m.group(2) + ":" + m.group(3) + ":" + m.group(4) + ":" + m.group(5).replace("%3A", ":"));
    }
    assertEquals(expected, found);
    assertEquals("a%25b%0Ac%3Ad%2Ce", GithubReporter.property("a%b\nc:d,e"));
  }

  @Test
  void htmlExplainsEveryFindingAndMarksItInTheArticle() {
    org.jsoup.nodes.Document html = Jsoup.parse(run("--format", "html"));
    assertEquals(expected.size(), html.select("li.finding").size());
    assertEquals(1, html.select("script").size(), "only the report's own script");
    assertTrue(html.select("link[href], script[src], img[src]").isEmpty(), "nothing is fetched");
    assertFalse(html.select("mark.promo").isEmpty(), "the promotional block is struck through");
    assertTrue(html.select("ul.names").text().contains("Katherina Reiche"), html.select("ul.names").text());
    for (var li : html.select("li.finding")) {
      String target = li.selectFirst("a").attr("href").substring(1);
      assertFalse(html.select("[id=" + target + "]").isEmpty(), "the explanation links to its mark: " + target);
    }
  }

  @Test
  void draftTextIsEscapedInTheHtmlReport() throws Exception {
    Path draft = temp.resolve("hostile.txt");
    Files.writeString(draft, "The the <script>alert(1)</script> and </textarea><img src=x onerror=alert(2)> copy.\n");
    StringWriter out = new StringWriter();
    Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), new ByteArrayInputStream(new byte[0]), java.util.Map.of(),
        "check", "--format", "html", draft.toString());
    org.jsoup.nodes.Document html = Jsoup.parse(out.toString());
    assertEquals(1, html.select("script").size());
    assertTrue(html.select("img").isEmpty());
    assertTrue(html.select("article").text().contains("<script>alert(1)</script>"), html.select("article").text());
  }

  @Test
  void severalFormatsInOneRunWriteTheirFilesAtomically() throws Exception {
    Path sarif = temp.resolve("out/report.sarif");
    Path html = temp.resolve("report.html");
    String text = run("--format", "text", "--format", "sarif=" + sarif, "--format", "html=" + html);
    assertTrue(text.contains("[promo-block]"), text);
    assertTrue(Files.readString(sarif).contains("\"version\" : \"2.1.0\""));
    assertTrue(Files.readString(html).startsWith("<!DOCTYPE html>"));
    Path output = temp.resolve("out.json");
    assertEquals("", run("--format", "json", "--output", output.toString()));
    assertEquals(run("--format", "json"), Files.readString(output));
    try (var files = Files.list(temp)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file is left");
    }
  }

  private static org.w3c.dom.Document parseXml(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
