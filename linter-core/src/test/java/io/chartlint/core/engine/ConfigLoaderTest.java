package io.chartlint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chartlint.core.Severity;
import io.chartlint.core.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void readsEveryKeyOfTheSpecExample() {
    Config config =
        ConfigLoader.parse(
            dir.resolve(".chartlint.yaml"),
            """
            failOn: warning
            rules:
              cpu-request-missing: {severity: warning}
              toleration-duplicate: {enabled: false}
              virtual-node-exclusion:
                nodeTypes: [virtual-kubelet, kwok]
            nodes: [ops/cluster-nodes.yaml]
            podTemplatePaths:
              - {apiVersion: example.com/v1, kind: Agent, path: spec.template.spec}
            exclude:
              - {kind: DaemonSet, namespace: kube-system, name: kube-proxy, rules: [virtual-node-exclusion], reason: "managed by EKS", until: 2027-01-31}
            baseline: .chartlint-baseline.json
            policies: [policies/]
            """);
    assertThat(config.failOn()).isEqualTo(FailOn.WARNING);
    assertThat(config.rule("cpu-request-missing").severity()).isEqualTo(Severity.WARNING);
    assertThat(config.rule("toleration-duplicate").enabled()).isFalse();
    assertThat(config.rule("virtual-node-exclusion").parameters().strings("nodeTypes"))
        .containsExactly("virtual-kubelet", "kwok");
    assertThat(config.nodes()).singleElement().isEqualTo(dir.resolve("ops/cluster-nodes.yaml"));
    assertThat(config.podTemplatePaths())
        .singleElement()
        .satisfies(p -> assertThat(p.kind()).isEqualTo("Agent"));
    assertThat(config.excludes())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.reason()).isEqualTo("managed by EKS");
              assertThat(e.until()).hasToString("2027-01-31");
              assertThat(e.line()).isEqualTo(11);
            });
    assertThat(config.baseline()).isEqualTo(dir.resolve(".chartlint-baseline.json"));
  }

  @Test
  void schemaErrorsNameTheLine() {
    assertThatThrownBy(
            () ->
                ConfigLoader.parse(
                    dir.resolve(".chartlint.yaml"),
                    "failOn: error\nexclude:\n  - kind: DaemonSet\n    name: x\nfailon: warning\n"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining(".chartlint.yaml:3")
        .hasMessageContaining("reason")
        .hasMessageContaining(".chartlint.yaml:5")
        .hasMessageContaining("failon");
  }

  @Test
  void yamlErrorsNameTheLine() {
    assertThatThrownBy(() -> ConfigLoader.parse(dir.resolve("c.yaml"), "rules:\n  a: [\n"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("c.yaml:");
  }

  @Test
  void discoversTheConfigInAParentUpToTheRepositoryRoot() throws IOException {
    Files.createDirectories(dir.resolve("repo/.git"));
    Files.createDirectories(dir.resolve("repo/charts/web"));
    Files.writeString(dir.resolve("repo/.chartlint.yaml"), "failOn: info\n");
    Files.writeString(dir.resolve(".chartlint.yaml"), "failOn: never\n");
    assertThat(ConfigLoader.discover(dir.resolve("repo/charts/web")).failOn())
        .isEqualTo(FailOn.INFO);
    Files.delete(dir.resolve("repo/.chartlint.yaml"));
    assertThat(ConfigLoader.discover(dir.resolve("repo/charts/web")).file()).isNull();
  }
}
