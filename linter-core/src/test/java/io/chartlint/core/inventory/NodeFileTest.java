package io.chartlint.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chartlint.core.UsageException;
import io.chartlint.core.load.LoadLimits;
import io.chartlint.core.model.PodTemplatePaths;
import io.chartlint.core.scheduling.InventoryNode;
import io.chartlint.core.scheduling.Taint;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeFileTest {
  @TempDir Path dir;

  private List<InventoryNode> read(String text) throws IOException {
    Path file = dir.resolve("nodes.yaml");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return read(file);
  }

  private static List<InventoryNode> read(Path file) {
    return NodeFile.read(
        List.of(new NodeFile.Shown(file, "nodes.yaml")),
        LoadLimits.DEFAULTS,
        new PodTemplatePaths(List.of()));
  }

  private String error(String text) {
    return assertThatThrownBy(() -> read(text))
        .isInstanceOf(UsageException.class)
        .actual()
        .getMessage();
  }

  /**
   * One Node as {@code kubectl get nodes -o yaml} prints it: keys in alphabetical order, so the
   * List's {@code kind} comes after its {@code items}, and most of each Node is status the
   * scheduler never reads.
   */
  private static void writeNode(Appendable out, int i) throws IOException {
    String name = "ip-10-0-" + i + ".eu-central-1.compute.internal";
    out.append("- apiVersion: v1\n  kind: Node\n  metadata:\n    annotations:\n")
        .append("      node.alpha.kubernetes.io/ttl: \"0\"\n")
        .append("    creationTimestamp: \"2026-11-02T10:11:12Z\"\n    labels:\n")
        .append("      eks.amazonaws.com/nodegroup: pool-" + i % 50 + "\n")
        .append("      kubernetes.io/arch: amd64\n      kubernetes.io/hostname: " + name + "\n")
        .append("      kubernetes.io/os: linux\n")
        .append("    name: " + name + "\n    resourceVersion: \"" + (1000 + i) + "\"\n")
        .append("  spec:\n    providerID: aws:///eu-central-1a/i-" + i + "\n");
    if (i % 5 == 0) {
      out.append("    taints:\n    - effect: NoSchedule\n      key: dedicated\n      value: gpu\n");
    }
    out.append("  status:\n    addresses:\n    - address: 10.0.0." + i % 250 + "\n")
        .append("      type: InternalIP\n    allocatable:\n      cpu: 7910m\n")
        .append("      memory: 31482604Ki\n      pods: \"58\"\n    capacity:\n      cpu: \"8\"\n")
        .append("    conditions:\n    - lastHeartbeatTime: \"2026-11-30T09:12:13Z\"\n")
        .append("      message: kubelet is posting ready status\n      reason: KubeletReady\n")
        .append("      status: \"True\"\n      type: Ready\n    images:\n");
    for (int k = 0; k < 45; k++) {
      out.append("    - names:\n      - 602401143452.dkr.ecr.eu-central-1.amazonaws.com/eks/image-")
          .append(String.valueOf(k))
          .append("@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n")
          .append("      - 602401143452.dkr.ecr.eu-central-1.amazonaws.com/eks/image-")
          .append(String.valueOf(k))
          .append(":v1.")
          .append(String.valueOf(k))
          .append(".0-eksbuild.1\n      sizeBytes: 123456789\n");
    }
    out.append("    nodeInfo:\n      architecture: amd64\n      kubeletVersion: v1.31.2\n");
  }

  @Test
  void readsAListAsKubectlPrintsItWithKindAfterItems() throws IOException {
    StringBuilder text = new StringBuilder("apiVersion: v1\nitems:\n");
    for (int i = 0; i < 3; i++) {
      writeNode(text, i);
    }
    text.append("kind: List\nmetadata:\n  resourceVersion: \"\"\n");

    List<InventoryNode> nodes = read(text.toString());

    assertThat(nodes).hasSize(3);
    InventoryNode first = nodes.get(0);
    assertThat(first.name()).isEqualTo("ip-10-0-0.eu-central-1.compute.internal");
    assertThat(first.node().labels())
        .containsEntry("eks.amazonaws.com/nodegroup", "pool-0")
        .containsEntry("kubernetes.io/os", "linux")
        .hasSize(4);
    assertThat(first.node().annotations()).containsEntry("node.alpha.kubernetes.io/ttl", "0");
    assertThat(first.node().taints())
        .containsExactly(new Taint("dedicated", "gpu", Taint.NO_SCHEDULE));
    assertThat(first.allocatable().get("cpu")).isEqualByComparingTo(new BigDecimal("7.91"));
    assertThat(first.allocatable().get("pods")).isEqualByComparingTo(new BigDecimal("58"));
    assertThat(nodes.get(1).node().taints()).isEmpty();
  }

  /**
   * kubectl prints about 15 KB per node, most of it the images the node has pulled: a cluster of a
   * thousand nodes is one document of 15 MB, larger than any single manifest chartlint reads.
   */
  @Test
  void readsAThousandNodesAsKubectlPrintsThem() throws IOException {
    Path file = dir.resolve("nodes.yaml");
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      out.write("apiVersion: v1\nitems:\n");
      for (int i = 0; i < 1_000; i++) {
        writeNode(out, i);
      }
      out.write("kind: List\nmetadata:\n  resourceVersion: \"\"\n");
    }
    assertThat(Files.size(file)).isGreaterThan(LoadLimits.DEFAULTS.maxDocumentChars());

    List<InventoryNode> nodes = read(file);

    assertThat(nodes).hasSize(1_000);
    assertThat(nodes.get(999).name()).isEqualTo("ip-10-0-999.eu-central-1.compute.internal");
    assertThat(nodes.stream().filter(n -> !n.node().taints().isEmpty())).hasSize(200);
  }

  @Test
  void readsOneNodePerDocumentAndJson() throws IOException {
    List<InventoryNode> nodes =
        read(
            "apiVersion: v1\nkind: Node\nmetadata: {name: a}\n---\n"
                + "{\"apiVersion\": \"v1\", \"kind\": \"Node\", \"metadata\": {\"name\": \"b\","
                + " \"labels\": {\"pool\": \"gpu\"}}, \"status\": {\"allocatable\": {\"cpu\": \"4\"}}}\n"
                + "---\n");

    assertThat(nodes).extracting(InventoryNode::name).containsExactly("a", "b");
    assertThat(nodes.get(1).node().labels()).containsEntry("pool", "gpu");
    assertThat(nodes.get(1).allocatable().get("cpu")).isEqualByComparingTo("4");
  }

  @Test
  void aCordonedNodeCarriesTheUnschedulableTaint() throws IOException {
    List<InventoryNode> nodes =
        read("apiVersion: v1\nkind: Node\nmetadata: {name: a}\nspec: {unschedulable: true}\n");

    assertThat(nodes.get(0).node().taints())
        .containsExactly(new Taint("node.kubernetes.io/unschedulable", "", Taint.NO_SCHEDULE));
  }

  @Test
  void anchorsAliasesAndMergeKeysInTheFieldsReadWorkAsInKubernetes() throws IOException {
    List<InventoryNode> nodes =
        read(
            """
            apiVersion: v1
            kind: List
            items:
              - apiVersion: v1
                kind: Node
                metadata:
                  name: a
                  labels: &gpu {pool: gpu, kubernetes.io/os: linux}
                spec:
                  taints: &taints [{key: nvidia.com/gpu, effect: NoSchedule}]
              - apiVersion: v1
                kind: Node
                metadata:
                  name: b
                  labels:
                    <<: *gpu
                    pool: gpu-large
                spec: {taints: *taints}
            """);

    assertThat(nodes.get(1).node().labels())
        .containsEntry("pool", "gpu-large")
        .containsEntry("kubernetes.io/os", "linux");
    assertThat(nodes.get(1).node().taints()).hasSize(1);
  }

  @Test
  void anAliasToASkippedFieldIsAnErrorAtItsLineThatEchoesNothing() {
    String message =
        error(
            """
            apiVersion: v1
            kind: Node
            metadata:
              name: a
            status:
              images: &secret-anchor {names: [x]}
              allocatable: *secret-anchor
            """);

    assertThat(message)
        .startsWith("invalid nodes file nodes.yaml:7: an alias names an anchor in a field")
        .doesNotContain("secret");
  }

  @Test
  void duplicateKeysCountOnlyInTheFieldsRead() throws IOException {
    assertThat(
            read(
                "apiVersion: v1\nkind: Node\nmetadata: {name: a}\n"
                    + "status:\n  nodeInfo: {bootID: x, bootID: y}\n"))
        .hasSize(1);

    String message =
        error("apiVersion: v1\nkind: Node\nmetadata:\n  name: a\n  labels: {pool: x, pool: y}\n");

    assertThat(message).startsWith("invalid nodes file nodes.yaml:5: a key written twice");
  }

  @Test
  void anAliasBombInTheFieldsReadStopsAtTheLimit() {
    StringBuilder text = new StringBuilder("apiVersion: v1\nkind: Node\nmetadata:\n  name: a\n");
    text.append("  labels:\n    a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 9; i++) {
      text.append("    a").append(i).append(": &a").append(i).append(" [");
      text.append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (i - 1))));
      text.append("]\n");
    }

    assertThat(error(text.toString()))
        .startsWith("invalid nodes file nodes.yaml:")
        .contains("aliases expand the document to more than 1000000 nodes");

    StringBuilder many = new StringBuilder("apiVersion: v1\nkind: Node\nmetadata:\n  name: a\n");
    many.append("  annotations: &a {x: y}\n  labels:\n");
    for (int i = 0; i < 101; i++) {
      many.append("    k").append(i).append(": *a\n");
    }
    assertThat(error(many.toString()))
        .startsWith("invalid nodes file nodes.yaml:")
        .contains("more than 100 aliases to collections in one document");
  }

  /**
   * SnakeYAML's scanner slows down with every level of flow nesting: fifty thousand brackets took
   * seconds, a million would take hours. The limit stops a skipped field as early as a kept one.
   */
  @Test
  void deepNestingInASkippedFieldStopsAtTheLimit() throws IOException {
    String deep = "[".repeat(1_000_000) + "]".repeat(1_000_000);

    String message =
        error("apiVersion: v1\nkind: Node\nmetadata: {name: a}\nstatus:\n  images: " + deep + "\n");

    assertThat(message).startsWith("invalid nodes file nodes.yaml:5: nested more than 100 levels");
    assertThat(
            read("apiVersion: v1\nkind: Node\nmetadata: {name: a}\nstatus:\n  images: [[[x]]]\n"))
        .hasSize(1);
  }

  @Test
  void deepNestingInAFieldReadIsAnErrorAtItsLine() {
    String deep = "[".repeat(500) + "]".repeat(500);

    String message =
        error("apiVersion: v1\nkind: Node\nmetadata:\n  name: a\n  labels: " + deep + "\n");

    assertThat(message).startsWith("invalid nodes file nodes.yaml:5: nested more than 100 levels");
  }

  @Test
  void anythingButNodesIsAnErrorThatEchoesNothing() {
    assertThat(error("root:x:0:0:root:/root:/bin/bash\n"))
        .startsWith("invalid nodes file nodes.yaml:1: not a Kubernetes object")
        .doesNotContain("root:");
    assertThat(
            error(
                "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Secret\n"
                    + "    metadata: {name: hunter2}\n"))
        .startsWith("invalid nodes file nodes.yaml:4: an object that is not a v1 Node")
        .doesNotContain("hunter2")
        .doesNotContain("Secret");
    assertThat(error("apiVersion: v1\nkind: Node\nmetadata: {labels: {a: b}}\n"))
        .startsWith("invalid nodes file nodes.yaml:1: a Node without metadata.name");
  }

  @Test
  void brokenYamlNamesTheLineNotTheText() {
    assertThat(error("apiVersion: v1\nkind: Node\nmetadata:\n  name: [secret-value\n"))
        .startsWith("invalid nodes file nodes.yaml:")
        .contains("not valid YAML")
        .doesNotContain("secret");
    assertThat(error("apiVersion: v1\nkind: Node\nstatus:\n  images: \u0007bell\n"))
        .startsWith("invalid nodes file nodes.yaml:")
        .doesNotContain("bell");
  }

  @Test
  void aFileThatIsNotUtf8IsNamedAsSuch() throws IOException {
    Path file = dir.resolve("nodes.yaml");
    Files.write(file, new byte[] {'k', 'i', 'n', 'd', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'});

    assertThatThrownBy(() -> read(file))
        .isInstanceOf(UsageException.class)
        .hasMessage("cannot read nodes file nodes.yaml: it is not UTF-8 text");
  }
}
