package io.chartlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chartlint.testdata.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process as a user runs it. */
class MainTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  private Run run(InputStream stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args,
            stdin,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            dir);
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Run run(String... args) {
    return run(InputStream.nullInputStream(), args);
  }

  private Path brokenStream() throws IOException {
    Path source =
        Fixtures.rulesDirectory()
            .resolve("yaml-syntax/fail-broken-document-between-good-ones.yaml");
    Path file = dir.resolve("stream.yaml");
    Files.copy(source, file);
    return file;
  }

  @Test
  void lintReportsFindingsBeforeAndAfterABrokenDocumentAndExitsOne() throws IOException {
    brokenStream();
    Run run = run("lint", "stream.yaml");
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out())
        .contains("stream.yaml:13:13 error yaml-syntax mapping values are not allowed here")
        .contains("stream.yaml:18:")
        .contains("error yaml-syntax could not find expected ':'")
        .contains("2 errors, 0 warnings, 0 infos in 1 input, 1 object");
  }

  @Test
  void theCompletionScriptCompletesEverySubcommandAndTheirOptions() {
    Run run = run("completion");
    assertThat(run.code()).isZero();
    assertThat(run.out())
        .contains("local commands=\"lint fix rules explain version completion help\"")
        .contains("function _picocli_chartlint_lint()")
        .contains("'--fail-on'")
        .contains("function _picocli_chartlint_explain()");
  }

  @Test
  void aCommandNamedFirstRunsAloneAndStillReportsMistakes() {
    assertThat(run("version").out()).startsWith("chartlint ");
    Run typo = run("lint", "--fail-onn", "error", "x.yaml");
    assertThat(typo.code()).isEqualTo(2);
    assertThat(typo.err()).contains("--fail-onn").contains("Try 'chartlint lint --help'.");
    Run unknown = run("lnt", ".");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("lint");
  }

  @Test
  void lintReadsStandardInput() throws IOException {
    byte[] text = Files.readAllBytes(brokenStream());
    Run run = run(new ByteArrayInputStream(text), "lint", "-");
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out()).contains("<stdin>:13:13 error yaml-syntax");
  }

  @Test
  void jsonOutputHasTheSpecShape() throws IOException {
    brokenStream();
    Run run = run("lint", "--format", "json", "stream.yaml");
    JsonNode root = new ObjectMapper().readTree(run.out());
    assertThat(root.path("tool").path("name").asText()).isEqualTo("chartlint");
    JsonNode finding = root.path("findings").get(0);
    assertThat(finding.path("ruleId").asText()).isEqualTo("yaml-syntax");
    assertThat(finding.path("severity").asText()).isEqualTo("error");
    assertThat(finding.has("resource")).isTrue();
    assertThat(finding.path("resource").isNull()).isTrue();
    assertThat(finding.path("location").path("file").asText()).isEqualTo("stream.yaml");
    assertThat(finding.path("location").path("line").asInt()).isEqualTo(13);
    assertThat(finding.path("location").path("column").asInt()).isEqualTo(13);
    assertThat(finding.path("location").has("template")).isTrue();
    assertThat(finding.path("location").has("rendered")).isTrue();
    assertThat(finding.has("fix")).isTrue();
    JsonNode summary = root.path("summary");
    assertThat(summary.path("error").asInt()).isEqualTo(2);
    for (String key : new String[] {"warning", "info", "suppressed", "files", "objects"}) {
      assertThat(summary.has(key)).as(key).isTrue();
    }
  }

  @Test
  void writesAFormatToAFileWhileTextGoesToStandardOutput() throws IOException {
    brokenStream();
    Run run = run("lint", "--format", "json=out/report.json", "--format", "text", "stream.yaml");
    assertThat(run.out()).contains("yaml-syntax");
    assertThat(
            new ObjectMapper().readTree(dir.resolve("out/report.json").toFile()).path("findings"))
        .hasSize(2);
  }

  @Test
  void failOnNeverExitsZero() throws IOException {
    brokenStream();
    assertThat(run("lint", "--fail-on", "never", "stream.yaml").code()).isZero();
  }

  @Test
  void usageErrorsExitTwoWithoutAStackTrace() {
    Run missing = run("lint", "missing.yaml");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err())
        .contains("no such file or directory: missing.yaml")
        .doesNotContain("at io.");
    assertThat(run("lint", "--format", "yaml", ".").code()).isEqualTo(2);
    assertThat(run("lint", "--fail-on", "fatal", ".").code()).isEqualTo(2);
    assertThat(run("lint", "--no-such-option").code()).isEqualTo(2);
  }

  @Test
  void anInvalidConfigIsAUsageErrorNamingTheLine() throws IOException {
    Files.writeString(dir.resolve(".chartlint.yaml"), "failOn: error\nrules:\n  yaml-sintax: {}\n");
    Files.writeString(
        dir.resolve("a.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
    Run run = run("lint", "a.yaml");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains(".chartlint.yaml:3").contains("did you mean 'yaml-syntax'");
  }

  @Test
  void explainPrintsTheRulePageAndSuggestsOnTypos() {
    Run explain = run("explain", "yaml-duplicate-key");
    assertThat(explain.code()).isZero();
    assertThat(explain.out()).startsWith("# yaml-duplicate-key").contains("## How to fix");
    Run typo = run("explain", "yaml-duplicate-keys");
    assertThat(typo.code()).isEqualTo(2);
    assertThat(typo.err()).contains("did you mean 'yaml-duplicate-key'");
  }

  @Test
  void rulesListsEveryRuleAsJson() throws IOException {
    Run run = run("rules", "--format", "json");
    assertThat(run.code()).isZero();
    JsonNode rules = new ObjectMapper().readTree(run.out()).path("rules");
    assertThat(rules.findValuesAsText("id")).contains("yaml-syntax", "manifest-invalid");
  }

  @Test
  void helpMatchesTheGoldenFile() throws IOException {
    for (String command : new String[] {"", "lint", "fix"}) {
      Run run = command.isEmpty() ? run("--help") : run(command, "--help");
      assertThat(run.code()).isZero();
      String name = command.isEmpty() ? "help.txt" : command + "-help.txt";
      Path golden =
          Path.of(System.getProperty("chartlint.root", ".."))
              .resolve("linter-cli/src/test/resources/golden/" + name);
      if (Boolean.getBoolean("chartlint.updateGolden")) {
        Files.writeString(golden, run.out());
      }
      assertThat(run.out())
          .as("%s (regenerate with -Dchartlint.updateGolden=true)", name)
          .isEqualTo(Files.readString(golden));
    }
  }

  @Test
  void versionPrintsTheVersion() {
    assertThat(run("version").out()).startsWith("chartlint ");
  }

  @Test
  void completionPrintsAScript() {
    assertThat(run("completion").out()).contains("complete").contains("chartlint");
  }
}
