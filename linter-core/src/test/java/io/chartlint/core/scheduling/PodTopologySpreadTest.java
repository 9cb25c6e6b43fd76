package io.chartlint.core.scheduling;

import static io.chartlint.core.scheduling.PodTopologySpread.Outcome.FITS;
import static io.chartlint.core.scheduling.PodTopologySpread.Outcome.NODE_LABEL_MISSING;
import static io.chartlint.core.scheduling.PodTopologySpread.Outcome.SKEW;
import static org.assertj.core.api.Assertions.assertThat;

import io.chartlint.core.scheduling.PodTopologySpread.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The PodTopologySpread filter, with the cases of {@code TestSingleConstraint} and {@code
 * TestMultipleConstraints} in {@code
 * pkg/scheduler/framework/plugins/podtopologyspread/filtering_test.go}, each named as there, with
 * the node inclusion policies on. {@link Outcome#NODE_LABEL_MISSING} is upstream's {@code
 * UnschedulableAndUnresolvable}, {@link Outcome#SKEW} its {@code Unschedulable}. The case with a
 * terminating pod is left out: a manifest never describes one.
 */
class PodTopologySpreadTest {
  private static final LabelSelector FOO = LabelSelector.exists("foo");
  private static final LabelSelector BAR = LabelSelector.exists("bar");
  private static final List<Taint> UNSCHEDULABLE =
      List.of(new Taint("node.kubernetes.io/unschedulable", "", Taint.NO_SCHEDULE));

  record Case(
      String name,
      PodInfo pod,
      List<SimulatedNode> nodes,
      List<PodInfo> existing,
      Map<String, Outcome> want) {
    @Override
    public String toString() {
      return name;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"singleConstraint", "multipleConstraints", "matchLabelKeys"})
  void filter(Case test) {
    PodTopologySpread.State state =
        PodTopologySpread.preFilter(test.pod(), test.nodes(), test.existing());
    Map<String, Outcome> got = new LinkedHashMap<>();
    for (SimulatedNode node : test.nodes()) {
      got.put(node.name(), state.filter(node));
    }
    assertThat(got).isEqualTo(test.want());
  }

  /** The four nodes most upstream cases use: node-a and node-b in zone1, node-x, node-y zone2. */
  private static List<SimulatedNode> fourNodes() {
    return List.of(
        node("node-a", "zone", "zone1", "node", "node-a"),
        node("node-b", "zone", "zone1", "node", "node-b"),
        node("node-x", "zone", "zone2", "node", "node-x"),
        node("node-y", "zone", "zone2", "node", "node-y"));
  }

  /** p-a1, p-a2 on node-a, p-b1 on node-b, p-y1..3 on node-y: 2/1/0/3. */
  private static List<PodInfo> spread2103() {
    return List.of(
        foo("node-a"), foo("node-a"), foo("node-b"), foo("node-y"), foo("node-y"), foo("node-y"));
  }

  /** {@code TestSingleConstraint}. */
  static Stream<Case> singleConstraint() {
    List<Case> cases = new ArrayList<>();
    cases.add(
        new Case(
            "no existing pods",
            pod(Map.of("foo", ""), spread(1, "zone", FOO)),
            fourNodes(),
            List.of(),
            want("node-a", FITS, "node-b", FITS, "node-x", FITS, "node-y", FITS)));
    cases.add(
        new Case(
            "no existing pods, incoming pod doesn't match itself",
            pod(Map.of("foo", ""), spread(1, "zone", BAR)),
            fourNodes(),
            List.of(),
            want("node-a", FITS, "node-b", FITS, "node-x", FITS, "node-y", FITS)));
    cases.add(
        new Case(
            "existing pods in a different namespace do not count",
            pod(Map.of("foo", ""), spread(1, "zone", FOO)),
            fourNodes(),
            List.of(
                PodInfo.of("ns1", Map.of("foo", ""), "node-a"),
                PodInfo.of("ns2", Map.of("foo", ""), "node-a"),
                foo("node-x"),
                foo("node-y")),
            want("node-a", FITS, "node-b", FITS, "node-x", SKEW, "node-y", SKEW)));
    cases.add(
        new Case(
            "existing pods do not match null selector",
            pod(Map.of("foo", ""), spread(1, "zone", LabelSelector.NOTHING)),
            fourNodes(),
            List.of(foo("node-x"), foo("node-y")),
            want("node-a", FITS, "node-b", FITS, "node-x", FITS, "node-y", FITS)));
    cases.add(
        new Case(
            "pods spread across zones as 3/3, all nodes fit",
            pod(Map.of("foo", ""), spread(1, "zone", FOO)),
            fourNodes(),
            spread2103(),
            want("node-a", FITS, "node-b", FITS, "node-x", FITS, "node-y", FITS)));
    cases.add(
        new Case(
            "pods spread across zones as 1/2 due to absence of label 'zone' on node-b",
            pod(Map.of("foo", ""), spread(1, "zone", FOO)),
            List.of(
                node("node-a", "zone", "zone1", "node", "node-a"),
                node("node-b", "zon", "zone1", "node", "node-b"),
                node("node-x", "zone", "zone2", "node", "node-x"),
                node("node-y", "zone", "zone2", "node", "node-y")),
            List.of(foo("node-a"), foo("node-b"), foo("node-x"), foo("node-y")),
            want("node-a", FITS, "node-b", NODE_LABEL_MISSING, "node-x", SKEW, "node-y", SKEW)));
    cases.add(
        new Case(
            "pod cannot be scheduled as all nodes don't have label 'rack'",
            pod(Map.of("foo", ""), spread(1, "rack", FOO)),
            List.of(
                node("node-a", "zone", "zone1", "node", "node-a"),
                node("node-x", "zone", "zone2", "node", "node-x")),
            List.of(),
            want("node-a", NODE_LABEL_MISSING, "node-x", NODE_LABEL_MISSING)));
    cases.add(
        new Case(
            "pods spread across nodes as 2/1/0/3, only node-x fits",
            pod(Map.of("foo", ""), spread(1, "node", FOO)),
            fourNodes(),
            spread2103(),
            want("node-a", SKEW, "node-b", SKEW, "node-x", FITS, "node-y", SKEW)));
    cases.add(
        new Case(
            "pods spread across nodes as 2/1/0/3, maxSkew is 2, node-b and node-x fit",
            pod(Map.of("foo", ""), spread(2, "node", FOO)),
            fourNodes(),
            spread2103(),
            want("node-a", SKEW, "node-b", FITS, "node-x", FITS, "node-y", SKEW)));
    cases.add(
        new Case(
            "pods spread across nodes as 2/1/0/3, but pod doesn't match itself",
            pod(Map.of("bar", ""), spread(1, "node", FOO)),
            fourNodes(),
            spread2103(),
            want("node-a", SKEW, "node-b", FITS, "node-x", FITS, "node-y", SKEW)));
    cases.add(
        new Case(
            "incoming pod has nodeAffinity, pods spread as 2/~1~/~0~/3, hence node-a fits",
            pod(Map.of("foo", ""), spread(1, "node", FOO))
                .withPlacement(nodeAffinityIn("node", "node-a", "node-y")),
            fourNodes(),
            spread2103(),
            want("node-a", FITS, "node-b", FITS, "node-x", FITS, "node-y", SKEW)));
    cases.add(
        new Case(
            "incoming pod has nodeAffinity, pods spread as 0/~2~/0/1, hence node-a fits",
            pod(Map.of("foo", ""), spread(1, "zone", FOO))
                .withPlacement(
                    placement(
                        Map.of(),
                        List.of(
                            new NodeSelectorTerm(
                                List.of(
                                    new NodeSelectorRequirement(
                                        "node", "NotIn", List.of("node-b"))),
                                List.of())),
                        List.of())),
            fourNodes(),
            List.of(foo("node-b"), foo("node-b"), foo("node-y")),
            want("node-a", FITS, "node-b", FITS, "node-x", SKEW, "node-y", SKEW)));
    List<SimulatedNode> threeNodes =
        List.of(
            node("node-a", "node", "node-a"),
            node("node-b", "node", "node-b"),
            node("node-c", "node", "node-c"));
    List<PodInfo> spread221 =
        List.of(foo("node-a"), foo("node-a"), foo("node-b"), foo("node-b"), foo("node-c"));
    cases.add(
        new Case(
            "pods spread across nodes as 2/2/1, maxSkew is 2, and the number of domains <"
                + " minDomains, then the third node fits",
            pod(Map.of("foo", ""), spreadMinDomains(2, "node", FOO, 4)),
            threeNodes,
            spread221,
            want("node-a", SKEW, "node-b", SKEW, "node-c", FITS)));
    cases.add(
        new Case(
            "pods spread across nodes as 2/2/1, maxSkew is 2, and the number of domains >"
                + " minDomains, then the all nodes fit",
            pod(Map.of("foo", ""), spreadMinDomains(2, "node", FOO, 2)),
            threeNodes,
            spread221,
            want("node-a", FITS, "node-b", FITS, "node-c", FITS)));
    cases.add(
        new Case(
            "pods spread across zone as 2/1, maxSkew is 2 and the number of domains < minDomains,"
                + " then the third and fourth nodes fit",
            pod(Map.of("foo", ""), spreadMinDomains(2, "zone", FOO, 3)),
            fourNodes(),
            List.of(foo("node-a"), foo("node-b"), foo("node-y")),
            want("node-a", SKEW, "node-b", SKEW, "node-x", FITS, "node-y", FITS)));
    cases.add(
        new Case(
            "pods spread across zone as 2/1, maxSkew is 2 and the number of domains > minDomains,"
                + " then the all nodes fit",
            pod(Map.of("foo", ""), spreadMinDomains(2, "zone", FOO, 1)),
            fourNodes(),
            List.of(foo("node-a"), foo("node-b"), foo("node-y")),
            want("node-a", FITS, "node-b", FITS, "node-x", FITS, "node-y", FITS)));
    List<SimulatedNode> fooNodes =
        List.of(
            node("node-a", "node", "node-a", "foo", ""),
            node("node-b", "node", "node-b", "foo", ""),
            node("node-x", "node", "node-x", "foo", ""),
            node("node-y", "node", "node-y"));
    List<PodInfo> spread1101 = List.of(foo("node-a"), foo("node-b"), foo("node-y"));
    cases.add(
        new Case(
            "NodeAffinityPolicy honored with labelSelectors",
            pod(Map.of("foo", ""), spread(1, "node", FOO))
                .withPlacement(placement(Map.of("foo", ""), null, List.of())),
            fooNodes,
            spread1101,
            want("node-a", SKEW, "node-b", SKEW, "node-x", FITS, "node-y", FITS)));
    cases.add(
        new Case(
            "NodeAffinityPolicy ignored with labelSelectors",
            pod(Map.of("foo", ""), policies(1, "node", FOO, false, false))
                .withPlacement(placement(Map.of("foo", ""), null, List.of())),
            fooNodes,
            spread1101,
            want("node-a", SKEW, "node-b", SKEW, "node-x", FITS, "node-y", SKEW)));
    cases.add(
        new Case(
            "NodeAffinityPolicy honored with nodeAffinity",
            pod(Map.of("foo", ""), spread(1, "node", FOO)).withPlacement(nodeAffinityIn("foo", "")),
            fooNodes,
            spread1101,
            want("node-a", SKEW, "node-b", SKEW, "node-x", FITS, "node-y", FITS)));
    cases.add(
        new Case(
            "NodeAffinityPolicy ignored with labelSelectors (nodeAffinity)",
            pod(Map.of("foo", ""), policies(1, "node", FOO, false, false))
                .withPlacement(nodeAffinityIn("foo", "")),
            fooNodes,
            spread1101,
            want("node-a", SKEW, "node-b", SKEW, "node-x", FITS, "node-y", SKEW)));
    List<SimulatedNode> taintedNodes =
        List.of(
            node("node-a", "node", "node-a", "foo", ""),
            node("node-b", "node", "node-b", "foo", ""),
            node("node-x", "node", "node-x", "foo", ""),
            new SimulatedNode("node-y", Map.of("node", "node-y"), Map.of(), UNSCHEDULABLE));
    cases.add(
        new Case(
            "NodeTaintsPolicy honored",
            pod(Map.of("foo", ""), policies(1, "node", FOO, true, true)),
            taintedNodes,
            spread1101,
            want("node-a", SKEW, "node-b", SKEW, "node-x", FITS, "node-y", FITS)));
    cases.add(
        new Case(
            "NodeTaintsPolicy ignored",
            pod(Map.of("foo", ""), spread(1, "node", FOO)),
            taintedNodes,
            spread1101,
            want("node-a", SKEW, "node-b", SKEW, "node-x", FITS, "node-y", SKEW)));
    return cases.stream();
  }

  /** {@code TestMultipleConstraints}. */
  static Stream<Case> multipleConstraints() {
    return Stream.of(
        new Case(
            "two Constraints on zone and node, spreads = [3/3, 2/1/0/3]",
            pod(Map.of("foo", ""), spread(1, "zone", FOO), spread(1, "node", FOO)),
            fourNodes(),
            spread2103(),
            want("node-a", SKEW, "node-b", SKEW, "node-x", FITS, "node-y", SKEW)),
        new Case(
            "two Constraints on zone and node, spreads = [3/4, 2/1/0/4]",
            pod(Map.of("foo", ""), spread(1, "zone", FOO), spread(1, "node", FOO)),
            fourNodes(),
            List.of(
                foo("node-a"),
                foo("node-a"),
                foo("node-b"),
                foo("node-y"),
                foo("node-y"),
                foo("node-y"),
                foo("node-y")),
            want("node-a", SKEW, "node-b", SKEW, "node-x", SKEW, "node-y", SKEW)));
  }

  /**
   * {@code matchLabelKeys}: the pod's own value of each key narrows the selector, so pods of
   * another revision do not count (the behaviour {@code TestPreFilterState}'s "matchLabelKeys"
   * cases check through the counts, here seen through Filter).
   */
  static Stream<Case> matchLabelKeys() {
    SpreadConstraint byRevision =
        new SpreadConstraint(1, "node", true, FOO, 1, true, false, List.of("revision"));
    return Stream.of(
        new Case(
            "matchLabelKeys: pods of the old revision do not count",
            pod(Map.of("foo", "", "revision", "2"), byRevision),
            List.of(node("node-a", "node", "node-a"), node("node-b", "node", "node-b")),
            List.of(
                PodInfo.of("", Map.of("foo", "", "revision", "1"), "node-a"),
                PodInfo.of("", Map.of("foo", "", "revision", "1"), "node-a"),
                PodInfo.of("", Map.of("foo", "", "revision", "2"), "node-b")),
            want("node-a", FITS, "node-b", SKEW)));
  }

  private static SimulatedNode node(String name, String... labels) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i + 1 < labels.length; i += 2) {
      map.put(labels[i], labels[i + 1]);
    }
    return new SimulatedNode(name, map, Map.of(), List.of());
  }

  private static PodInfo foo(String node) {
    return PodInfo.of("", Map.of("foo", ""), node);
  }

  private static PodInfo pod(Map<String, String> labels, SpreadConstraint... constraints) {
    return PodInfo.of("", labels, null).withSpread(List.of(constraints));
  }

  private static SpreadConstraint spread(int maxSkew, String key, LabelSelector selector) {
    return SpreadConstraint.doNotSchedule(maxSkew, key, selector);
  }

  private static SpreadConstraint spreadMinDomains(
      int maxSkew, String key, LabelSelector selector, int minDomains) {
    return new SpreadConstraint(maxSkew, key, true, selector, minDomains, true, false, List.of());
  }

  private static SpreadConstraint policies(
      int maxSkew, String key, LabelSelector selector, boolean affinity, boolean taints) {
    return new SpreadConstraint(maxSkew, key, true, selector, 1, affinity, taints, List.of());
  }

  private static PodPlacement placement(
      Map<String, String> nodeSelector,
      List<NodeSelectorTerm> terms,
      List<Toleration> tolerations) {
    return new PodPlacement(nodeSelector, terms, tolerations, false, false);
  }

  private static PodPlacement nodeAffinityIn(String key, String... values) {
    return placement(
        Map.of(),
        List.of(
            new NodeSelectorTerm(
                List.of(new NodeSelectorRequirement(key, "In", List.of(values))), List.of())),
        List.of());
  }

  private static Map<String, Outcome> want(Object... pairs) {
    Map<String, Outcome> map = new LinkedHashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      map.put((String) pairs[i], (Outcome) pairs[i + 1]);
    }
    return map;
  }
}
