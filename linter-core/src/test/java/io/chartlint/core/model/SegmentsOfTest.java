package io.chartlint.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartlint.core.load.DocumentParser;
import io.chartlint.core.load.LoadLimits;
import io.chartlint.core.load.RawDocument;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Where a node lies in its document: found by its position where the text says, and by searching
 * the tree where aliases and merge keys put a node somewhere else than where it is written.
 */
class SegmentsOfTest {
  private static Node parse(String yaml) {
    return new DocumentParser(LoadLimits.DEFAULTS)
        .parse(new RawDocument(0, 1, yaml, (int) yaml.lines().count(), null, null))
        .root();
  }

  private static String path(Node root, String dotted) {
    return YamlNodes.pathOf(root, YamlNodes.at(root, dotted));
  }

  @Test
  void blockAndFlowNodesAreFoundWhereTheyAreWritten() {
    Node root =
        parse(
            """
            spec:
              empty:
              replicas: 3
              template:
                spec:
                  containers:
                    - name: a
                    - {name: b, resources: {requests: {cpu: 1}}}
            """);

    assertThat(path(root, "spec.replicas")).isEqualTo("spec.replicas");
    assertThat(path(root, "spec.empty")).isEqualTo("spec.empty");
    Node containers = YamlNodes.at(root, "spec.template.spec.containers");
    Node second = YamlNodes.items(containers).get(1);
    Node cpu = YamlNodes.at(second, "resources.requests.cpu");
    assertThat(YamlNodes.pathOf(root, cpu))
        .isEqualTo("spec.template.spec.containers[1].resources.requests.cpu");
    Node key = YamlNodes.keyNode(YamlNodes.at(root, "spec.template"), "spec");
    assertThat(YamlNodes.pathOf(root, key)).isEqualTo("spec.template.spec");
  }

  @Test
  void aNodeSharedThroughAnAliasIsFoundAtItsAnchor() {
    Node root =
        parse(
            """
            defaults: &d {cpu: 100m}
            spec:
              requests: *d
            """);
    Node shared = YamlNodes.at(root, "spec.requests.cpu");

    assertThat(YamlNodes.pathOf(root, shared)).isEqualTo("defaults.cpu");
  }

  @Test
  void aNodeOnlyReachableThroughAnAliasIsStillFound() {
    Node root = parse("a: &x [1, 2]\nb: *x\n");
    Node other = parse("z: 0\n"); // a node from another document is below neither

    assertThat(YamlNodes.segmentsOf(root, YamlNodes.items(YamlNodes.get(root, "b")).get(1)))
        .containsExactly("a", "[1]");
    assertThat(YamlNodes.segmentsOf(root, YamlNodes.get(other, "z"))).isNull();
  }

  @Test
  void aMergedKeyIsFoundInTheMappingThatMergesIt() {
    Node root =
        parse(
            """
            base: &b {memory: 1Gi}
            requests:
              <<: *b
              cpu: 1
            """);
    Node memory = YamlNodes.at(root, "requests.memory");

    assertThat(memory).isNotNull();
    assertThat(YamlNodes.pathOf(root, memory)).isEqualTo("base.memory");
    assertThat(path(root, "requests.cpu")).isEqualTo("requests.cpu");
  }

  @Test
  void theRootItselfHasAnEmptyPath() {
    Node root = parse("a: 1\n");

    assertThat(YamlNodes.segmentsOf(root, root)).isEqualTo(List.of());
  }
}
