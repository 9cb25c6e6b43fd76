package io.chartlint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartlint.core.engine.LintRequest;
import io.chartlint.core.engine.LintResult;
import io.chartlint.core.engine.Linter;
import io.chartlint.core.load.helm.ChartRenderRequest;
import io.chartlint.core.load.helm.ChartRenderer;
import io.chartlint.core.load.helm.ChartRenderers;
import io.chartlint.core.rule.Finding;
import io.chartlint.core.rule.RuleSet;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken and hostile inputs, as a user would hand them to {@code chartlint lint}: each one is a
 * clear finding or usage error at the right file and line, never a stack trace, and never hides the
 * findings of the documents and inputs around it.
 */
class HostileInputsTest {
  @TempDir Path dir;

  /** A Deployment whose container requests nothing: two findings, at line {@code first + 8}. */
  private static String deployment(String name) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: %s
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: example/app:1
        """
        .formatted(name);
  }

  private static final int CONTAINER_LINE = 9;

  private Cli lint(String... paths) {
    List<String> args = new ArrayList<>(List.of("lint", "--format", "json", "--threads", "1"));
    args.addAll(List.of(paths));
    Cli cli = Cli.run(dir, args.toArray(String[]::new));
    assertThat(cli.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(cli.exit()).as(cli.err()).isNotEqualTo(3);
    return cli;
  }

  /** Each finding as {@code file:line rule-id message}. */
  private static List<String> findings(Cli cli) throws IOException {
    List<String> out = new ArrayList<>();
    for (JsonNode f : cli.json().get("findings")) {
      JsonNode location = f.get("location");
      out.add(
          location.get("file").asText()
              + ":"
              + location.get("line").asInt()
              + " "
              + f.get("ruleId").asText()
              + " "
              + f.get("message").asText());
    }
    return out;
  }

  private static List<String> notices(Cli cli) throws IOException {
    List<String> out = new ArrayList<>();
    cli.json().path("summary").path("notices").forEach(n -> out.add(n.asText()));
    return out;
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    return file;
  }

  @Test
  void anAliasBombIsStoppedAtTheExpansionLimitAndTheNextDocumentIsLinted() throws IOException {
    StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 10; i++) {
      bomb.append("a%d: &a%d [".formatted(i, i));
      bomb.append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (i - 1))));
      bomb.append("]\n");
    }
    write("bomb.yaml", bomb + "---\n" + deployment("after"));
    Cli cli = lint("bomb.yaml");
    assertThat(cli.exit()).isEqualTo(1);
    assertThat(findings(cli))
        .anySatisfy(
            f -> assertThat(f).startsWith("bomb.yaml:").contains("yaml-syntax").contains("alias"))
        .anySatisfy(
            f -> assertThat(f).startsWith("bomb.yaml:" + (11 + CONTAINER_LINE) + " cpu-request"));
  }

  @Test
  void deepNestingIsALimitFindingNotAStackOverflow() throws IOException {
    int depth = 20_000;
    String flow = "a: " + "[".repeat(depth) + "]".repeat(depth) + "\n";
    StringBuilder block = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      block.append("  ".repeat(i)).append("k:\n");
    }
    write("deep.yaml", flow + "---\n" + block + "---\n" + deployment("after"));
    Cli cli = lint("deep.yaml");
    List<String> findings = findings(cli);
    assertThat(findings)
        .anySatisfy(f -> assertThat(f).startsWith("deep.yaml:1 yaml-syntax").contains("Nesting"))
        .anySatisfy(f -> assertThat(f).startsWith("deep.yaml:").contains("yaml-syntax"))
        .anySatisfy(
            f -> assertThat(f).startsWith("deep.yaml:" + (503 + CONTAINER_LINE) + " cpu-request"));
    assertThat(findings.stream().filter(f -> f.contains("yaml-syntax"))).hasSize(2);
  }

  @Test
  void aHundredMegabyteScalarIsSkippedUnreadAndTheNextDocumentIsLinted() throws IOException {
    Path file = dir.resolve("huge.yaml");
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      out.write(deployment("before"));
      out.write("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: huge\ndata:\n  blob: ");
      char[] chunk = new char[1024 * 1024];
      java.util.Arrays.fill(chunk, 'x');
      for (int i = 0; i < 100; i++) {
        out.write(chunk);
      }
      out.write("\n---\n");
      out.write(deployment("after"));
    }
    Cli cli = lint("huge.yaml");
    assertThat(findings(cli))
        .contains(
            "huge.yaml:"
                + CONTAINER_LINE
                + " cpu-request-missing "
                + "container 'app' has no cpu request")
        .anySatisfy(
            f -> assertThat(f).startsWith("huge.yaml:11 yaml-syntax document is larger than 8 MiB"))
        .anySatisfy(
            f -> assertThat(f).startsWith("huge.yaml:" + (18 + CONTAINER_LINE) + " cpu-request"));
  }

  @Test
  void aBinaryFileNamedYamlIsOneFinding() throws IOException {
    byte[] bytes = new byte[64 * 1024];
    new Random(42).nextBytes(bytes);
    write("image.yaml", bytes);
    write("good.yaml", deployment("good"));
    Cli cli = lint("image.yaml", "good.yaml");
    assertThat(cli.exit()).isEqualTo(1);
    List<String> findings = findings(cli);
    assertThat(findings.stream().filter(f -> f.startsWith("image.yaml:")))
        .singleElement()
        .satisfies(f -> assertThat(f).contains("yaml-syntax").contains("not valid UTF-8"));
    assertThat(findings).anySatisfy(f -> assertThat(f).startsWith("good.yaml:9 cpu-request"));
  }

  @Test
  void controlCharactersInValidUtf8AreASyntaxFindingAtTheirLine() throws IOException {
    write("nul.yaml", deployment("before") + "---\nkind: Config\0Map\n");
    Cli cli = lint("nul.yaml");
    assertThat(findings(cli))
        .anySatisfy(
            f ->
                assertThat(f)
                    .isEqualTo(
                        "nul.yaml:12 yaml-syntax special character U+0000 is not allowed in YAML;"
                            + " is this a binary file?"))
        .anySatisfy(f -> assertThat(f).startsWith("nul.yaml:9 cpu-request"));
  }

  @Test
  void invalidUtf8IsReportedAtTheLineOfTheBadByteAndTheOtherDocumentsAreLinted()
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int documents = 400; // well past the reader's buffers
    for (int i = 0; i < documents; i++) {
      bytes.writeBytes(("---\n" + deployment("d" + i)).getBytes(StandardCharsets.UTF_8));
    }
    bytes.writeBytes(
        "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  k: caf"
            .getBytes(StandardCharsets.UTF_8));
    bytes.write(0xE9); // Latin-1 é
    bytes.write('\n');
    bytes.writeBytes(("---\n" + deployment("after")).getBytes(StandardCharsets.UTF_8));
    write("latin1.yaml", bytes.toByteArray());
    Cli cli = lint("latin1.yaml");
    int badLine = documents * 11 + 7;
    List<String> findings = findings(cli);
    assertThat(findings)
        .contains(
            "latin1.yaml:"
                + badLine
                + " yaml-syntax the file is not valid UTF-8 text; Kubernetes manifests must be UTF-8");
    assertThat(findings.stream().filter(f -> f.contains("yaml-syntax"))).hasSize(1);
    assertThat(findings.stream().filter(f -> f.contains("cpu-request-missing")))
        .hasSize(documents + 1);
    assertThat(findings)
        .contains(
            "latin1.yaml:"
                + (badLine + 1 + CONTAINER_LINE)
                + " cpu-request-missing container 'app' has no cpu request");
    assertThat(findings)
        .contains(
            "latin1.yaml:"
                + (400 * 11 - 11 + 1 + CONTAINER_LINE)
                + " cpu-request-missing container 'app' has no cpu request");
  }

  @Test
  void aByteOrderMarkAndCrLfLineEndsChangeNoLineOrColumn() throws IOException {
    String text = deployment("web") + "    bad: [\n---\n" + deployment("next");
    write("plain.yaml", text);
    write("bom.yaml", "\uFEFF" + text);
    write("crlf.yaml", text.replace("\n", "\r\n"));
    write("both.yaml", "\uFEFF" + text.replace("\n", "\r\n"));
    Cli plain = lint("plain.yaml");
    List<String> expected = findings(plain).stream().map(f -> f.substring(5)).toList();
    assertThat(expected)
        // the unclosed "[" on line 11 is found at the "---" below it: reported on line 11
        .anySatisfy(f -> assertThat(f).startsWith(".yaml:11 yaml-syntax").contains("at line 11"))
        .anySatisfy(f -> assertThat(f).startsWith(".yaml:21 cpu-request"));
    for (String name : List.of("bom", "crlf", "both")) {
      Cli cli = lint(name + ".yaml");
      assertThat(findings(cli).stream().map(f -> f.substring(name.length())).toList())
          .as(name)
          .isEqualTo(expected);
      assertThat(cli.json().get("findings").get(0).get("location").get("column").asInt())
          .isEqualTo(plain.json().get("findings").get(0).get("location").get("column").asInt());
    }
  }

  @Test
  void aTabInIndentationIsASyntaxFindingAtItsLine() throws IOException {
    write(
        "tabs.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: tabbed\n---\n" + deployment("next"));
    Cli cli = lint("tabs.yaml");
    assertThat(findings(cli))
        .anySatisfy(f -> assertThat(f).startsWith("tabs.yaml:4 yaml-syntax").contains("\\t"))
        .anySatisfy(f -> assertThat(f).startsWith("tabs.yaml:" + (5 + CONTAINER_LINE) + " cpu"));
  }

  @Test
  void anUnreadableFileNamedOnTheCommandLineIsAUsageError() throws IOException {
    Path file = write("secret.yaml", deployment("secret"));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    assumeFalse(Files.isReadable(file), "running as root: every file is readable");
    Cli cli = Cli.run(dir, "lint", "secret.yaml");
    assertThat(cli.exit()).isEqualTo(2);
    assertThat(cli.err()).contains("cannot read secret.yaml: permission denied");
  }

  @Test
  void anUnreadableFileFoundInADirectoryIsAFindingAndTheOthersAreLinted() throws IOException {
    Path file = write("manifests/secret.yaml", deployment("secret"));
    write("manifests/web.yaml", deployment("web"));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    assumeFalse(Files.isReadable(file), "running as root: every file is readable");
    Cli cli = lint("manifests");
    assertThat(findings(cli))
        .anySatisfy(
            f -> assertThat(f).startsWith("manifests/secret.yaml:1 yaml-syntax cannot read"))
        .anySatisfy(f -> assertThat(f).startsWith("manifests/web.yaml:9 cpu-request"));
  }

  @Test
  void aDirectoryLoopThroughSymbolicLinksIsNotedAndEveryFileLintedOnce() throws IOException {
    write("manifests/web.yaml", deployment("web"));
    write("manifests/sub/agent.yaml", deployment("agent"));
    Files.createSymbolicLink(dir.resolve("manifests/sub/loop"), dir.resolve("manifests"));
    Cli cli = lint("manifests");
    assertThat(cli.exit()).isEqualTo(1);
    assertThat(findings(cli).stream().filter(f -> f.contains("cpu-request-missing")))
        .containsExactly(
            "manifests/sub/agent.yaml:9 cpu-request-missing container 'app' has no cpu request",
            "manifests/web.yaml:9 cpu-request-missing container 'app' has no cpu request");
    assertThat(notices(cli))
        .anySatisfy(n -> assertThat(n).startsWith("manifests/sub/loop").contains("loops back"));
  }

  @Test
  void aChartWithALinkOutsideItselfIsAFindingAndTheLinkIsNotFollowed() throws IOException {
    write("outside/secret.yaml", "password: hunter2\n");
    write("chart/Chart.yaml", "apiVersion: v2\nname: web\nversion: 1.0.0\n");
    write("chart/templates/service.yaml", "apiVersion: v1\nkind: Service\n");
    Files.createSymbolicLink(
        dir.resolve("chart/templates/secret.yaml"), Path.of("../../outside/secret.yaml"));
    Files.createSymbolicLink(dir.resolve("chart/templates/gone.yaml"), Path.of("nowhere.yaml"));
    Cli cli = lint("chart");
    assertThat(findings(cli))
        .anySatisfy(
            f ->
                assertThat(f)
                    .startsWith(
                        "chart/templates/secret.yaml:1 chart-render-error a symbolic link that"
                            + " leads outside the chart: not followed"));
    assertThat(cli.out()).doesNotContain("hunter2");
    assertThat(notices(cli))
        .anySatisfy(
            n ->
                assertThat(n)
                    .isEqualTo(
                        "chart/templates/gone.yaml: a symbolic link that leads" + " nowhere"));
  }

  @Test
  void aChartYamlThatIsNotYamlIsASyntaxFindingAndTheChartIsNotRendered() throws IOException {
    write("chart/Chart.yaml", "apiVersion: v2\nname: web\n  version: [1.0.0\n");
    write("chart/templates/deployment.yaml", deployment("web"));
    write("binary/Chart.yaml", new byte[] {'n', 'a', (byte) 0xC3, 0x28, '\n'});
    write("nameless/Chart.yaml", "apiVersion: v2\nversion: 1.0.0\n");
    write("good.yaml", deployment("good"));
    Cli cli = lint("chart", "binary", "nameless", "good.yaml");
    assertThat(cli.exit()).isEqualTo(1);
    assertThat(findings(cli))
        .anySatisfy(f -> assertThat(f).startsWith("chart/Chart.yaml:3 yaml-syntax"))
        .anySatisfy(
            f ->
                assertThat(f)
                    .isEqualTo(
                        "binary/Chart.yaml:1 yaml-syntax the file is not valid UTF-8 text;"
                            + " Kubernetes manifests must be UTF-8"))
        .anySatisfy(
            f ->
                assertThat(f)
                    .isEqualTo(
                        "nameless/Chart.yaml:1 chart-render-error Chart.yaml has no name; Helm"
                            + " cannot load a chart without one"))
        .anySatisfy(f -> assertThat(f).startsWith("good.yaml:9 cpu-request"))
        .noneSatisfy(f -> assertThat(f).startsWith("chart:"))
        .noneSatisfy(f -> assertThat(f).startsWith("binary:"))
        .noneSatisfy(f -> assertThat(f).startsWith("nameless:"));
  }

  @Test
  void aTemplateThatRecursesIsARenderErrorAndTheOtherInputsAreStillLinted() throws IOException {
    ChartRenderer renderer = ChartRenderers.defaultRenderer(null);
    write("chart/Chart.yaml", "apiVersion: v2\nname: loop\nversion: 1.0.0\n");
    write(
        "chart/templates/loop.yaml",
        "{{- define \"loop\" }}{{ include \"loop\" . }}{{ end }}\n{{ include \"loop\" . }}\n");
    write("good.yaml", deployment("good"));
    LintResult result =
        new Linter(RuleSet.discover())
            .lint(
                LintRequest.of(List.of("chart", "good.yaml"), dir)
                    .withThreads(1)
                    .withRenderer(renderer, ChartRenderRequest.of(dir), false));
    assertThat(result.internalErrors()).isEmpty();
    assertThat(result.findings())
        .anySatisfy(
            f -> {
              assertThat(f.ruleId()).isEqualTo("chart-render-error");
              assertThat(f.location().file()).isEqualTo("chart/templates/loop.yaml");
              assertThat(f.message())
                  .contains("nested reference name: loop")
                  .contains("more nested include calls");
            })
        .extracting(Finding::ruleId)
        .contains("cpu-request-missing");
  }
}
