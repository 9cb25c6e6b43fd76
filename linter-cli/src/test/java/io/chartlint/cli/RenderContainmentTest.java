package io.chartlint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartlint.testdata.Fixtures;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user of the command line sees of rendering: hooks linted unless left out, a chart over the
 * time limit reported while the others are linted, Chart.yaml blamed for a kubeVersion range, links
 * out of a chart reported, and SIGTERM ending chartlint and its render workers at once.
 */
class RenderContainmentTest {
  @TempDir Path dir;

  private static final String UNREQUESTED_JOB =
      """
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: migrate
        annotations:
          "helm.sh/hook": pre-install
      spec:
        template:
          spec:
            restartPolicy: Never
            containers:
              - name: migrate
                image: busybox:1.36
      """;

  private static final String CONFIG_MAP =
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\ndata:\n  a: b\n";

  private Path chart(String name, String chartYamlExtra, String... templates) throws IOException {
    Path chart = dir.resolve(name);
    Files.createDirectories(chart.resolve("templates"));
    Files.writeString(
        chart.resolve("Chart.yaml"),
        "apiVersion: v2\nname: " + name + "\nversion: 0.1.0\n" + chartYamlExtra);
    for (int i = 0; i < templates.length; i++) {
      Files.writeString(chart.resolve("templates/t" + i + ".yaml"), templates[i]);
    }
    return chart;
  }

  private static List<String> findings(JsonNode report) {
    List<String> out = new ArrayList<>();
    report
        .get("findings")
        .forEach(
            f ->
                out.add(
                    f.get("ruleId").asText()
                        + " "
                        + f.at("/location/file").asText()
                        + ":"
                        + f.at("/location/line").asInt()));
    return out;
  }

  @Test
  void hookObjectsAreLintedAtTheirTemplateAndNoHooksLeavesThemOut() throws IOException {
    Path charts = Fixtures.resources().resolve("charts");
    Cli withHooks = Cli.run(charts, "lint", "--format", "json", "hooks");
    assertThat(withHooks.exit()).isEqualTo(1);
    assertThat(findings(withHooks.json()))
        .containsExactlyInAnyOrder(
            "cpu-request-missing hooks/templates/migrate-job.yaml:16",
            "memory-request-missing hooks/templates/tests/test-connection.yaml:14",
            "cpu-request-missing hooks/templates/cleanup-job.yaml:12",
            "memory-request-missing hooks/templates/cleanup-job.yaml:12",
            // info: no container of the chart requests ephemeral storage
            "ephemeral-storage-request-missing hooks/templates/deployment.yaml:16",
            "ephemeral-storage-request-missing hooks/templates/migrate-job.yaml:16",
            "ephemeral-storage-request-missing hooks/templates/tests/test-connection.yaml:14",
            "ephemeral-storage-request-missing hooks/templates/cleanup-job.yaml:12");
    Cli withoutHooks = Cli.run(charts, "lint", "--format", "json", "--no-hooks", "hooks");
    assertThat(withoutHooks.exit()).isZero();
    assertThat(findings(withoutHooks.json()))
        .containsExactly("ephemeral-storage-request-missing hooks/templates/deployment.yaml:16");
    assertThat(withoutHooks.json().at("/summary/objects").asInt()).isEqualTo(1);
    assertThat(withHooks.json().at("/summary/objects").asInt()).isEqualTo(4);
  }

  @Test
  void aChartOverTheTimeLimitIsOneFindingAndTheOthersAreLinted() throws IOException {
    chart(
        "endless",
        "",
        "{{- range until 100000 }}{{- range until 100000 }}{{- end }}{{- end }}\n" + CONFIG_MAP);
    chart("hooked", "", UNREQUESTED_JOB);
    Cli run =
        Cli.run(dir, "lint", "--format", "json", "--render-timeout", "3s", "endless", "hooked");
    assertThat(run.exit()).isEqualTo(1);
    JsonNode report = run.json();
    assertThat(findings(report))
        .contains("chart-render-error endless:1")
        .contains("cpu-request-missing hooked/templates/t0.yaml:12");
    assertThat(report.get("findings").toString()).contains("render time limit of 3s");
  }

  @Test
  void aBadRenderTimeoutIsAUsageError() {
    Cli run = Cli.run(dir, "lint", "--render-timeout", "soon", ".");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--render-timeout soon: expected a duration such as 60s");
  }

  @Test
  void aKubeVersionRangeThatExcludesTheRenderIsReportedAtChartYaml() throws IOException {
    chart("recent", "kubeVersion: \">=1.31.0-0\"\n", CONFIG_MAP);
    Cli run = Cli.run(dir, "lint", "--format", "json", "--kube-version", "1.30.0", "recent");
    assertThat(run.exit()).isEqualTo(1);
    JsonNode finding = run.json().get("findings").get(0);
    assertThat(finding.get("ruleId").asText()).isEqualTo("chart-render-error");
    assertThat(finding.at("/location/file").asText()).isEqualTo("recent/Chart.yaml");
    assertThat(finding.at("/location/line").asInt()).isEqualTo(4);
    assertThat(finding.at("/location/column").asInt()).isEqualTo(14);
    assertThat(finding.get("message").asText()).contains("--kube-version").contains("v1.30.0");
  }

  @Test
  void aLinkThatLeavesTheChartIsAFindingAndIsNotFollowed() throws IOException {
    assumeTrue(File.separatorChar == '/', "symbolic links need a Unix file system here");
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOPSECRET");
    Path chart =
        chart(
            "linked", "", CONFIG_MAP.replace("a: b", "a: {{ .Files.Get \"secret.txt\" | quote }}"));
    Files.createSymbolicLink(chart.resolve("secret.txt"), secret);
    Cli run = Cli.run(dir, "lint", "--format", "json", "linked");
    assertThat(findings(run.json())).containsExactly("chart-render-error linked/secret.txt:1");
    assertThat(run.out()).contains("leads outside the chart").doesNotContain("TOPSECRET");
  }

  // ---- signals: chartlint in a process of its own ----

  private Process chartlint(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .directory(dir.toFile())
        .redirectOutput(dir.resolve("out.txt").toFile())
        .redirectError(dir.resolve("err.txt").toFile())
        .start();
  }

  /** Waits until the process has a render worker, and returns the worker. */
  private static ProcessHandle worker(Process process) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<ProcessHandle> worker =
          process
              .descendants()
              .filter(p -> p.info().commandLine().orElse("").contains("RenderWorker"))
              .findFirst();
      if (worker.isPresent()) {
        return worker.get();
      }
      assertThat(process.isAlive()).as("chartlint is running").isTrue();
      Thread.sleep(50);
    }
    throw new AssertionError("no render worker started");
  }

  private static void assertEndsWithinTwoSecondsOfSigterm(Process process, ProcessHandle worker)
      throws InterruptedException {
    List<ProcessHandle> before = process.descendants().toList();
    assertThat(before).contains(worker);
    long start = System.nanoTime();
    process.destroy(); // SIGTERM
    boolean ended = process.waitFor(2, TimeUnit.SECONDS);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    if (!ended) {
      process.destroyForcibly();
      before.forEach(ProcessHandle::destroyForcibly);
    }
    assertThat(ended).as("chartlint ended within 2 s of SIGTERM (took %s)", took).isTrue();
    Thread.sleep(100);
    assertThat(before).as("processes chartlint started").noneMatch(ProcessHandle::isAlive);
  }

  @Test
  void sigtermDuringARenderEndsChartlintAndItsWorkers() throws Exception {
    assumeTrue(File.separatorChar == '/', "SIGTERM is a Unix signal");
    chart(
        "endless",
        "",
        "{{- range until 100000 }}{{- range until 100000 }}{{- end }}{{- end }}\n" + CONFIG_MAP);
    Process process = chartlint("lint", "--render-timeout", "10m", "endless");
    ProcessHandle worker = worker(process);
    Thread.sleep(1500); // the worker is rendering: its Go code cannot be interrupted
    assertEndsWithinTwoSecondsOfSigterm(process, worker);
  }

  @Test
  void sigtermAfterARenderEndsChartlintAndItsWorkers() throws Exception {
    assumeTrue(File.separatorChar == '/', "SIGTERM is a Unix signal");
    chart("hooked", "", UNREQUESTED_JOB);
    // standard input stays open: chartlint has rendered the chart and waits for the rest
    Process process = chartlint("lint", "hooked", "-");
    ProcessHandle worker = worker(process);
    // the render is over when the worker has started, loaded Helm and then stays idle for a second
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    Duration cpu = Duration.ZERO;
    while (System.nanoTime() < deadline) {
      Thread.sleep(1000);
      Duration now = worker.info().totalCpuDuration().orElse(Duration.ZERO);
      if (now.compareTo(Duration.ofMillis(500)) > 0 && now.equals(cpu)) {
        break;
      }
      cpu = now;
    }
    assertThat(process.isAlive()).isTrue();
    assertEndsWithinTwoSecondsOfSigterm(process, worker);
  }

  @Test
  void aWorkerWhoseParentIsKilledEndsByItself() throws Exception {
    assumeTrue(File.separatorChar == '/', "SIGKILL is a Unix signal");
    chart(
        "endless",
        "",
        "{{- range until 100000 }}{{- range until 100000 }}{{- end }}{{- end }}\n" + CONFIG_MAP);
    Process process = chartlint("lint", "--render-timeout", "10m", "endless");
    ProcessHandle worker = worker(process);
    Thread.sleep(1500);
    process.destroyForcibly(); // SIGKILL: no shutdown hook runs
    process.waitFor(5, TimeUnit.SECONDS);
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (worker.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    boolean alive = worker.isAlive();
    worker.destroyForcibly();
    assertThat(alive).as("the orphaned worker is still running").isFalse();
  }
}
