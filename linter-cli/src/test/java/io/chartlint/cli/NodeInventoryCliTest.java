package io.chartlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --nodes} and config {@code nodes:}: the inventory rules run against the nodes given, and a
 * file that does not hold Node objects stops the run with exit 2, its name and line, and nothing of
 * what it holds.
 */
class NodeInventoryCliTest {
  @TempDir Path dir;

  private static final String NODES =
      """
      apiVersion: v1
      kind: List
      items:
        - apiVersion: v1
          kind: Node
          metadata:
            name: gpu-1
            labels: {eks.amazonaws.com/nodegroup: gpu, kubernetes.io/os: linux}
          spec:
            taints: [{key: nvidia.com/gpu, value: present, effect: NoSchedule}]
          status:
            allocatable: {cpu: "8", memory: 32Gi, pods: "58", nvidia.com/gpu: "4"}
        - apiVersion: v1
          kind: Node
          metadata:
            name: general-1
            labels: {eks.amazonaws.com/nodegroup: general, kubernetes.io/os: linux}
          status:
            allocatable: {cpu: "4", memory: 16Gi, pods: "58"}
      """;

  private static final String DAEMON_SET =
      """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: exporter, namespace: monitoring}
      spec:
        selector: {matchLabels: {app: exporter}}
        template:
          metadata: {labels: {app: exporter}}
          spec:
            priorityClassName: system-node-critical
            containers:
              - name: exporter
                image: example.org/exporter:1.0
                resources: {requests: {cpu: 10m, memory: 32Mi, ephemeral-storage: 10Mi}}
      """;

  private Cli lint(String... extra) throws IOException {
    Files.writeString(dir.resolve("ds.yaml"), DAEMON_SET);
    List<String> args =
        new ArrayList<>(List.of("lint", "--format", "json", "--threads", "1", "--fail-on", "info"));
    args.addAll(List.of(extra));
    args.add("ds.yaml");
    Cli cli = Cli.run(dir, args.toArray(String[]::new));
    assertThat(cli.err()).doesNotContain("Exception").doesNotContain("\tat ");
    return cli;
  }

  private static List<String> messages(Cli cli, String rule) throws IOException {
    List<String> list = new ArrayList<>();
    for (JsonNode finding : cli.json().path("findings")) {
      if (finding.path("ruleId").asText().equals(rule)) {
        list.add(finding.path("severity").asText() + " " + finding.path("message").asText());
      }
    }
    return list;
  }

  @Test
  void nodesOptionReportsThePoolsADaemonSetMisses() throws IOException {
    Files.writeString(dir.resolve("nodes.yaml"), NODES);

    Cli cli = lint("--nodes", "nodes.yaml");

    assertThat(cli.exit()).as(cli.err()).isEqualTo(1);
    assertThat(messages(cli, "daemonset-coverage"))
        .containsExactly(
            "info DaemonSet 'exporter' does not run on 1 node of the inventory:"
                + " eks.amazonaws.com/nodegroup=gpu (1 node):"
                + " taint nvidia.com/gpu=present:NoSchedule not tolerated");
  }

  @Test
  void withoutNodesTheInventoryRulesStaySilent() throws IOException {
    Cli cli = lint();

    assertThat(messages(cli, "daemonset-coverage")).isEmpty();
  }

  @Test
  void mustCoverRaisesTheGapToAnError() throws IOException {
    Files.writeString(dir.resolve("nodes.yaml"), NODES);
    Files.writeString(
        dir.resolve(".chartlint.yaml"),
        """
        nodes: [nodes.yaml]
        rules:
          daemonset-coverage:
            mustCover: [monitoring/exporter]
        """);

    Cli cli = lint();

    assertThat(messages(cli, "daemonset-coverage"))
        .singleElement()
        .satisfies(m -> assertThat(m).startsWith("error ").contains("(it is listed in mustCover)"));
  }

  @Test
  void nodesFromConfigAndCommandLineAddUp() throws IOException {
    Files.writeString(
        dir.resolve("gpu.yaml"),
        """
        apiVersion: v1
        kind: Node
        metadata:
          name: gpu-1
          labels: {eks.amazonaws.com/nodegroup: gpu}
        spec:
          taints: [{key: nvidia.com/gpu, value: present, effect: NoSchedule}]
        """);
    Files.writeString(
        dir.resolve("arm.yaml"),
        """
        apiVersion: v1
        kind: Node
        metadata:
          name: arm-1
          labels: {karpenter.sh/nodepool: arm64}
        spec:
          taints: [{key: arch, value: arm64, effect: NoSchedule}]
        """);
    Files.writeString(dir.resolve(".chartlint.yaml"), "nodes: [gpu.yaml]\n");

    Cli cli = lint("--nodes", "arm.yaml");

    assertThat(messages(cli, "workload-fits-no-node"))
        .singleElement()
        .satisfies(
            m ->
                assertThat(m)
                    .contains("can run on none of the 2 nodes")
                    .contains("eks.amazonaws.com/nodegroup=gpu (1 node)")
                    .contains("karpenter.sh/nodepool=arm64 (1 node)"));
  }

  @Test
  void aFileThatIsNotNodesIsAUsageErrorThatEchoesNothing() throws IOException {
    Files.writeString(
        dir.resolve("passwd"),
        "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n");

    Cli cli = lint("--nodes", "passwd");

    assertThat(cli.exit()).isEqualTo(2);
    assertThat(cli.err())
        .contains("invalid nodes file passwd:1: not a Kubernetes object")
        .doesNotContain("root")
        .doesNotContain("nologin");
    assertThat(cli.out()).doesNotContain("root");
  }

  @Test
  void aDeploymentInANodesFileIsAUsageErrorAtItsLine() throws IOException {
    Files.writeString(
        dir.resolve("nodes.yaml"),
        NODES + "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: secret-sauce}\n");

    Cli cli = lint("--nodes", "nodes.yaml");

    assertThat(cli.exit()).isEqualTo(2);
    assertThat(cli.err())
        .contains("invalid nodes file nodes.yaml:21: an object that is not a v1 Node")
        .doesNotContain("secret-sauce")
        .doesNotContain("Deployment");
  }

  @Test
  void invalidYamlInANodesFileNamesTheLineNotTheText() throws IOException {
    Files.writeString(dir.resolve("nodes.yaml"), "apiVersion: v1\nkind: Node\n\tsecret: [\n");

    Cli cli = lint("--nodes", "nodes.yaml");

    assertThat(cli.exit()).isEqualTo(2);
    assertThat(cli.err()).contains("invalid nodes file nodes.yaml:").doesNotContain("secret");
  }

  @Test
  void aMissingNodesFileIsAUsageError() throws IOException {
    Cli cli = lint("--nodes", "missing.yaml");

    assertThat(cli.exit()).isEqualTo(2);
    assertThat(cli.err()).contains("cannot read nodes file missing.yaml");
  }
}
