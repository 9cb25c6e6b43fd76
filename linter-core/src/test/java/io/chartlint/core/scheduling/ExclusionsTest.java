package io.chartlint.core.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExclusionsTest {

  private static NodeSelectorRequirement parse(String text) {
    return NodeSelectorRequirement.parse(text);
  }

  @Test
  void mergesNotInValuesPerKeyInFirstSeenOrder() {
    List<NodeSelectorRequirement> merged =
        Exclusions.merge(
            List.of(
                parse("type NotIn [virtual-kubelet]"),
                parse("eks.amazonaws.com/compute-type NotIn [fargate]"),
                parse("type NotIn [kwok]"),
                parse("type NotIn [virtual-kubelet, fake-kubelet]")));
    assertThat(merged)
        .extracting(NodeSelectorRequirement::toString)
        .containsExactly(
            "type NotIn [virtual-kubelet, kwok, fake-kubelet]",
            "eks.amazonaws.com/compute-type NotIn [fargate]");
  }

  @Test
  void doesNotExistReplacesNotInOnTheSameKey() {
    assertThat(
            Exclusions.merge(
                List.of(
                    parse("kwok.x-k8s.io/node NotIn [fake]"),
                    parse("kwok.x-k8s.io/node DoesNotExist"))))
        .extracting(NodeSelectorRequirement::toString)
        .containsExactly("kwok.x-k8s.io/node DoesNotExist");
  }

  @Test
  void keepsOtherRequirementsOnce() {
    NodeSelectorRequirement in = parse("kubernetes.io/os In [linux]");
    assertThat(Exclusions.merge(List.of(in, in))).containsExactly(in);
  }

  @Test
  void exclusionExcludesNodesThatFailIt() {
    SimulatedNode kwok = new SimulatedNode("k", Map.of("type", "kwok"), Map.of(), List.of());
    assertThat(Exclusions.excludes(parse("type NotIn [kwok]"), kwok)).isTrue();
    assertThat(Exclusions.excludes(parse("type NotIn [virtual-kubelet]"), kwok)).isFalse();
  }

  @Test
  void annotationOnlyKeyDoesNotExclude() {
    SimulatedNode kwok =
        new SimulatedNode(
            "k", Map.of("type", "kwok"), Map.of("kwok.x-k8s.io/node", "fake"), List.of());
    assertThat(Exclusions.excludes(parse("kwok.x-k8s.io/node DoesNotExist"), kwok)).isFalse();
  }

  @Test
  void osNotInVirtualKubeletIsNotAnInterlinkExclusionForOtherNodes() {
    SimulatedNode interlink =
        new SimulatedNode(
            "i",
            Map.of(
                "virtual-node.interlink/type", "virtual-kubelet",
                "kubernetes.io/os", "virtual-kubelet"),
            Map.of(),
            List.of());
    assertThat(Exclusions.excludes(parse("virtual-node.interlink/type DoesNotExist"), interlink))
        .isTrue();
  }

  @Test
  void missingFromReportsOnlyWhatATermLacks() {
    NodeSelectorTerm term =
        NodeSelectorTerm.ofExpressions(
            parse("type NotIn [virtual-kubelet]"), parse("kwok.x-k8s.io/node DoesNotExist"));
    List<NodeSelectorRequirement> missing =
        Exclusions.missingFrom(
            term,
            List.of(
                parse("type NotIn [virtual-kubelet, kwok]"),
                parse("kwok.x-k8s.io/node DoesNotExist"),
                parse("liqo.io/type NotIn [virtual-node]")));
    assertThat(missing)
        .extracting(NodeSelectorRequirement::toString)
        .containsExactly("type NotIn [kwok]", "liqo.io/type NotIn [virtual-node]");
  }

  @Test
  void addingTheMissingExpressionsToEveryTermExcludesTheNodes() {
    SimulatedNode kwok = new SimulatedNode("k", Map.of("type", "kwok"), Map.of(), List.of());
    List<NodeSelectorRequirement> exclusions = List.of(parse("type NotIn [kwok]"));
    List<NodeSelectorTerm> terms =
        List.of(
            NodeSelectorTerm.ofExpressions(parse("kubernetes.io/os NotIn [windows]")),
            NodeSelectorTerm.ofExpressions(parse("type NotIn [virtual-kubelet]")));
    assertThat(Scheduling.anyTermMatches(terms, kwok)).isTrue();
    List<NodeSelectorTerm> fixed =
        terms.stream().map(t -> t.withExpressions(Exclusions.missingFrom(t, exclusions))).toList();
    assertThat(Scheduling.anyTermMatches(fixed, kwok)).isFalse();
  }
}
