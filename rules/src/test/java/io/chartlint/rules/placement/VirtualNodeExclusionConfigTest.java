package io.chartlint.rules.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chartlint.core.UsageException;
import io.chartlint.core.engine.ConfigLoader;
import io.chartlint.core.engine.LintRequest;
import io.chartlint.core.engine.LintResult;
import io.chartlint.core.engine.Linter;
import io.chartlint.core.rule.Finding;
import io.chartlint.core.rule.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code virtual-node-exclusion} end to end for each node type of the catalogue: enabled alone, the
 * type is flagged for a DaemonSet that tolerates every taint, and the fix the finding gives keeps
 * the DaemonSet off it. Also the {@code nodes:} files and the {@code nodeTypes} parameter.
 */
class VirtualNodeExclusionConfigTest {
  private static final String DAEMON_SET =
      """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: agent}
      spec:
        selector: {matchLabels: {app: agent}}
        template:
          metadata: {labels: {app: agent}}
          spec:
      %s      tolerations:
              - operator: Exists
            containers:
              - {name: agent, image: example.org/agent:1.0}
      """;

  @TempDir Path dir;

  static Stream<String> nodeTypes() {
    return VirtualNodeCatalogue.builtIn().ids().stream();
  }

  @ParameterizedTest
  @MethodSource("nodeTypes")
  void eachTypeIsFlaggedAloneAndItsFixKeepsTheWorkloadOff(String type) throws IOException {
    config("rules:\n  virtual-node-exclusion:\n    nodeTypes: [" + type + "]\n");

    List<Finding> findings = lint(DAEMON_SET.formatted(""));
    assertThat(findings).hasSize(1);
    Finding finding = findings.get(0);
    assertThat(finding.message())
        .startsWith("DaemonSet 'agent' can be scheduled onto 1 type of virtual or simulated node: ")
        .contains(type + " (");

    assertThat(lint(DAEMON_SET.formatted(affinityFrom(finding.fix())))).isEmpty();
  }

  @Test
  void theMergedFixForEveryTypeKeepsTheWorkloadOffAllOfThem() throws IOException {
    List<Finding> findings = lint(DAEMON_SET.formatted(""));
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).message())
        .contains(VirtualNodeCatalogue.builtIn().ids().size() + " types of virtual or simulated");

    assertThat(lint(DAEMON_SET.formatted(affinityFrom(findings.get(0).fix())))).isEmpty();
  }

  @Test
  void nodesFromAClusterJoinTheCatalogue() throws IOException {
    // This cluster's KWOK nodes lack the type=kwok label the built-in ones carry.
    Files.writeString(
        dir.resolve("nodes.yaml"),
        """
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: Node
            metadata:
              name: sim-pool-0
              labels: {kubernetes.io/os: linux, node.example.org/pool: sim}
              annotations: {chartlint.io/virtual-node: kwok}
          - apiVersion: v1
            kind: Node
            metadata:
              name: worker-0
              labels: {kubernetes.io/os: linux}
        """);
    String keptOffKwok =
        "      affinity:\n"
            + "        nodeAffinity:\n"
            + "          requiredDuringSchedulingIgnoredDuringExecution:\n"
            + "            nodeSelectorTerms:\n"
            + "              - matchExpressions:\n"
            + "                  - {key: type, operator: NotIn, values: [kwok]}\n";
    config("rules:\n  virtual-node-exclusion:\n    nodeTypes: [kwok]\n");
    assertThat(lint(DAEMON_SET.formatted(keptOffKwok))).isEmpty();

    config("nodes: [nodes.yaml]\nrules:\n  virtual-node-exclusion:\n    nodeTypes: [kwok]\n");
    List<Finding> findings = lint(DAEMON_SET.formatted(keptOffKwok));

    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).message())
        .contains("kwok (required node affinity term [0] admits it");
  }

  @Test
  void anUnknownNodeTypeIsAConfigErrorWithASuggestion() throws IOException {
    config("rules:\n  virtual-node-exclusion:\n    nodeTypes: [kwokk]\n");

    assertThatThrownBy(() -> lint(DAEMON_SET.formatted("")))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("kwokk")
        .hasMessageContaining("did you mean 'kwok'");
  }

  @Test
  void fixValuesAreQuotedWhereKubernetesWouldReadABoolOrANumber() {
    assertThat(NodeBoundWorkloadsAvoidVirtualNodes.yamlString("true")).isEqualTo("\"true\"");
    assertThat(NodeBoundWorkloadsAvoidVirtualNodes.yamlString("yes")).isEqualTo("\"yes\"");
    assertThat(NodeBoundWorkloadsAvoidVirtualNodes.yamlString("y")).isEqualTo("\"y\"");
    assertThat(NodeBoundWorkloadsAvoidVirtualNodes.yamlString("8")).isEqualTo("\"8\"");
    assertThat(NodeBoundWorkloadsAvoidVirtualNodes.yamlString("virtual-kubelet"))
        .isEqualTo("virtual-kubelet");
    assertThat(NodeBoundWorkloadsAvoidVirtualNodes.yamlString("eklet")).isEqualTo("eklet");
  }

  private void config(String yaml) throws IOException {
    Files.writeString(dir.resolve(ConfigLoader.FILE_NAME), yaml);
  }

  private List<Finding> lint(String manifest) throws IOException {
    Path file = dir.resolve("agent.yaml");
    Files.writeString(file, manifest);
    LintResult result =
        new Linter(RuleSet.discover())
            .lint(
                LintRequest.of(List.of(file.toString()), dir)
                    .withConfig(ConfigLoader.discover(dir)));
    assertThat(result.internalErrors()).isEmpty();
    return result.findings().stream()
        .filter(f -> f.ruleId().equals("virtual-node-exclusion"))
        .toList();
  }

  /** The fix's {@code - {key: ...}} lines as the single required term of the pod spec. */
  private static String affinityFrom(String fix) {
    StringBuilder s =
        new StringBuilder(
            "      affinity:\n"
                + "        nodeAffinity:\n"
                + "          requiredDuringSchedulingIgnoredDuringExecution:\n"
                + "            nodeSelectorTerms:\n"
                + "              - matchExpressions:\n");
    fix.lines()
        .filter(line -> line.startsWith("- {key: "))
        .forEach(line -> s.append("                  ").append(line).append('\n'));
    return s.toString();
  }
}
