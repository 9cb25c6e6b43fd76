package io.chartlint.rules.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * chartlint against the peers' own fixtures for missing requests: Polaris {@code
 * cpuRequestsMissing} and {@code memoryRequestsMissing} (with the limits checks' fixtures as
 * controls) and kube-linter {@code unset-cpu-requirements}. Each row records the peer's verdict,
 * chartlint's, and why they differ where they do.
 */
class PeerFixturesTest {

  /**
   * One object of a peer fixture.
   *
   * @param cpu containers chartlint reports under cpu-request-missing
   * @param memory containers chartlint reports under memory-request-missing
   */
  record Row(
      String file, String object, String peer, Set<String> cpu, Set<String> memory, String note) {
    @Override
    public String toString() {
      return file + " " + object;
    }
  }

  private static final Set<String> NGINX = Set.of("nginx");
  private static final Set<String> NONE = Set.of();

  static Stream<Row> table() {
    return Stream.of(
        new Row(
            "polaris/cpuRequestsMissing/failure.yaml",
            "Pod/nginx",
            "cpuRequestsMissing FAIL",
            NGINX,
            NONE,
            "agree: no cpu request"),
        new Row(
            "polaris/cpuRequestsMissing/success.yaml",
            "Pod/nginx",
            "cpuRequestsMissing PASS",
            NONE,
            NONE,
            "agree"),
        new Row(
            "polaris/memoryRequestsMissing/failure.yaml",
            "Pod/nginx",
            "memoryRequestsMissing FAIL",
            NGINX,
            NGINX,
            "agree: requests is null; the cpu request is missing too"),
        new Row(
            "polaris/memoryRequestsMissing/success.yaml",
            "Pod/nginx",
            "memoryRequestsMissing PASS",
            NGINX,
            NONE,
            "agree on memory; Polaris's cpu check is not run on this file"),
        new Row(
            "polaris/cpuLimitsMissing/failure.yaml",
            "Pod/nginx",
            "control (limits: memory only); Polaris requests checks would FAIL both",
            NGINX,
            NONE,
            "differ on memory: the memory limit is defaulted into the request"),
        new Row(
            "polaris/cpuLimitsMissing/success.yaml",
            "Pod/nginx",
            "control (limits: cpu, memory); Polaris requests checks would FAIL both",
            NONE,
            NONE,
            "differ: both limits are defaulted into requests (pkg/apis/core/v1/defaults.go)"),
        new Row(
            "polaris/memoryLimitsMissing/failure.cpu.yaml",
            "Pod/nginx",
            "control (limits: cpu only)",
            NONE,
            NGINX,
            "differ on cpu: the cpu limit is defaulted into the request"),
        new Row(
            "polaris/memoryLimitsMissing/failure.yaml",
            "Pod/nginx",
            "control (limits: null)",
            NGINX,
            NGINX,
            "agree: nothing requested"),
        new Row(
            "polaris/memoryLimitsMissing/success.yaml",
            "Pod/nginx",
            "control (limits: memory only)",
            NGINX,
            NONE,
            "differ on memory: the memory limit is defaulted into the request"),
        new Row(
            "kube-linter/unset-cpu-requirements.yml",
            "Deployment/app1",
            "FLAGGED: container \"app\" has cpu request 0",
            Set.of("app"),
            Set.of("app"),
            "agree: requests sits directly under the container, which Kubernetes ignores, so the"
                + " container has no resources at all"),
        new Row(
            "kube-linter/unset-cpu-requirements.yml",
            "DeploymentConfig/app2",
            "FLAGGED: container \"app\" has cpu request 0",
            NONE,
            NONE,
            "differ: OpenShift's DeploymentConfig is not a built-in pod template kind (SPEC §6);"
                + " podTemplatePaths can add it"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void agreesWithThePeerExceptWhereRecorded(Row row) {
    Path file = fixtures().resolve(row.file());
    assumeTrue(Files.isRegularFile(file), "peer fixtures absent");
    assertThat(Findings.flagged(file, "cpu-request-missing").getOrDefault(row.object(), Set.of()))
        .as("cpu-request-missing on %s (peer: %s; %s)", row, row.peer(), row.note())
        .containsExactlyInAnyOrderElementsOf(row.cpu());
    assertThat(
            Findings.flagged(file, "memory-request-missing").getOrDefault(row.object(), Set.of()))
        .as("memory-request-missing on %s (peer: %s; %s)", row, row.peer(), row.note())
        .containsExactlyInAnyOrderElementsOf(row.memory());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void reportsNoObjectTheTableDoesNotList(String file) {
    Path path = fixtures().resolve(file);
    assumeTrue(Files.isRegularFile(path), "peer fixtures absent");
    List<String> listed = table().filter(r -> r.file().equals(file)).map(Row::object).toList();
    Map<String, Set<String>> all = new TreeMap<>(Findings.flagged(path, "cpu-request-missing"));
    all.putAll(Findings.flagged(path, "memory-request-missing"));
    assertThat(listed).containsAll(all.keySet());
  }

  static Stream<String> files() {
    return table().map(Row::file).distinct();
  }

  private static Path fixtures() {
    String corpus = System.getProperty("chartlint.corpus", "../shared/corpus");
    return Path.of(corpus).resolve("peer-fixtures");
  }
}
