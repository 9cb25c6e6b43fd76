package io.chartlint.core.scheduling;

import static io.chartlint.core.scheduling.InterPodAffinity.Outcome.AFFINITY;
import static io.chartlint.core.scheduling.InterPodAffinity.Outcome.ANTI_AFFINITY;
import static io.chartlint.core.scheduling.InterPodAffinity.Outcome.EXISTING_ANTI_AFFINITY;
import static io.chartlint.core.scheduling.InterPodAffinity.Outcome.FITS;
import static org.assertj.core.api.Assertions.assertThat;

import io.chartlint.core.scheduling.InterPodAffinity.Outcome;
import io.chartlint.core.scheduling.LabelSelector.Requirement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The InterPodAffinity filter, with the cases of {@code TestRequiredAffinitySingleNode} and {@code
 * TestRequiredAffinityMultipleNodes} in {@code
 * pkg/scheduler/framework/plugins/interpodaffinity/filtering_test.go}, each named as there. A
 * PreFilter {@code Skip} upstream is {@link Outcome#FITS} here; the cases about label values that
 * do not parse are left out (the spec validation rules report those).
 */
class InterPodAffinityTest {
  private static final Map<String, String> POD_LABEL = Map.of("service", "securityscan");
  private static final Map<String, String> POD_LABEL2 = Map.of("security", "S1");
  private static final Map<String, String> LABELS1 = Map.of("region", "r1", "zone", "z11");

  /** The namespaces the upstream test registers, with their labels. */
  private static final Map<String, Map<String, String>> NAMESPACES =
      Map.of(
          "subteam1.team1", Map.of("team", "team1"),
          "subteam2.team1", Map.of("team", "team1"),
          "subteam1.team2", Map.of("team", "team2"),
          "subteam2.team2", Map.of("team", "team2"));

  record Case(
      String name, PodInfo pod, List<PodInfo> pods, List<SimulatedNode> nodes, List<Outcome> want) {
    @Override
    public String toString() {
      return name;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"singleNode", "multipleNodes"})
  void filter(Case test) {
    Map<String, SimulatedNode> byName = new LinkedHashMap<>();
    test.nodes().forEach(node -> byName.put(node.name(), node));
    InterPodAffinity.State state =
        InterPodAffinity.preFilter(
            test.pod(), test.pods(), byName, ns -> NAMESPACES.getOrDefault(ns, Map.of()));
    List<Outcome> got = new ArrayList<>();
    for (SimulatedNode node : test.nodes()) {
      got.add(state.filter(node));
    }
    assertThat(got).isEqualTo(test.want());
  }

  /** {@code TestRequiredAffinitySingleNode}. */
  static Stream<Case> singleNode() {
    SimulatedNode node1 = node("node1", LABELS1);
    PodInfo pod = PodInfo.of("", POD_LABEL, "node1");
    List<Case> cases = new ArrayList<>();
    cases.add(
        single(
            "A pod that has no required pod affinity scheduling rules can schedule onto a node"
                + " with no existing pods",
            PodInfo.of("", Map.of(), null),
            List.of(),
            node1,
            FITS));
    cases.add(
        single(
            "satisfies with requiredDuringSchedulingIgnoredDuringExecution in PodAffinity using In"
                + " operator that matches the existing pod",
            incoming(POD_LABEL2, List.of(in("service", "region", "securityscan", "value2")), null),
            List.of(pod),
            node1,
            FITS));
    cases.add(
        single(
            "satisfies the pod with requiredDuringSchedulingIgnoredDuringExecution in PodAffinity"
                + " using not in operator in labelSelector that matches the existing pod",
            incoming(
                POD_LABEL2, List.of(notIn("service", "region", "securityscan3", "value3")), null),
            List.of(pod),
            node1,
            FITS));
    cases.add(
        single(
            "Does not satisfy the PodAffinity with labelSelector because of diff Namespace",
            incoming(
                POD_LABEL2,
                List.of(
                    new PodAffinityTerm(
                        selector(
                            new Requirement("service", "In", List.of("securityscan", "value2"))),
                        List.of("DiffNameSpace"),
                        null,
                        "",
                        null,
                        null)),
                null),
            List.of(PodInfo.of("ns", POD_LABEL, "node1")),
            node1,
            AFFINITY));
    cases.add(
        single(
            "Doesn't satisfy the PodAffinity because of unmatching labelSelector with the existing"
                + " pod",
            incoming(POD_LABEL, List.of(in("service", "", "antivirusscan", "value2")), null),
            List.of(pod),
            node1,
            AFFINITY));
    cases.add(
        single(
            "satisfies the PodAffinity with different label Operators in multiple"
                + " RequiredDuringSchedulingIgnoredDuringExecution ",
            incoming(
                POD_LABEL2,
                List.of(
                    PodAffinityTerm.of(
                        selector(
                            new Requirement("service", "Exists", List.of()),
                            new Requirement("wrongkey", "DoesNotExist", List.of())),
                        "region"),
                    PodAffinityTerm.of(
                        selector(
                            new Requirement("service", "In", List.of("securityscan")),
                            new Requirement("service", "NotIn", List.of("WrongValue"))),
                        "region")),
                null),
            List.of(pod),
            node1,
            FITS));
    cases.add(
        single(
            "The labelSelector requirements(items of matchExpressions) are ANDed, the pod cannot"
                + " schedule onto the node because one of the matchExpression item don't match.",
            incoming(
                POD_LABEL2,
                List.of(
                    PodAffinityTerm.of(
                        selector(
                            new Requirement("service", "Exists", List.of()),
                            new Requirement("wrongkey", "DoesNotExist", List.of())),
                        "region"),
                    PodAffinityTerm.of(
                        selector(
                            new Requirement("service", "In", List.of("securityscan2")),
                            new Requirement("service", "NotIn", List.of("WrongValue"))),
                        "region")),
                null),
            List.of(pod),
            node1,
            AFFINITY));
    cases.add(
        single(
            "satisfies the PodAffinity and PodAntiAffinity with the existing pod",
            incoming(
                POD_LABEL2,
                List.of(in("service", "region", "securityscan", "value2")),
                List.of(in("service", "node", "antivirusscan", "value2"))),
            List.of(pod),
            node1,
            FITS));
    cases.add(
        single(
            "satisfies the PodAffinity and PodAntiAffinity and PodAntiAffinity symmetry with the"
                + " existing pod",
            incoming(
                POD_LABEL2,
                List.of(in("service", "region", "securityscan", "value2")),
                List.of(in("service", "node", "antivirusscan", "value2"))),
            List.of(
                running(
                    POD_LABEL, "node1", List.of(in("service", "node", "antivirusscan", "value2")))),
            node1,
            FITS));
    cases.add(
        single(
            "satisfies the PodAffinity but doesn't satisfy the PodAntiAffinity with the existing"
                + " pod",
            incoming(
                POD_LABEL2,
                List.of(in("service", "region", "securityscan", "value2")),
                List.of(in("service", "zone", "securityscan", "value2"))),
            List.of(pod),
            node1,
            ANTI_AFFINITY));
    cases.add(
        single(
            "satisfies the PodAffinity and PodAntiAffinity but doesn't satisfy PodAntiAffinity"
                + " symmetry with the existing pod",
            incoming(
                POD_LABEL,
                List.of(in("service", "region", "securityscan", "value2")),
                List.of(in("service", "node", "antivirusscan", "value2"))),
            List.of(
                running(
                    POD_LABEL, "node1", List.of(in("service", "zone", "securityscan", "value2")))),
            node1,
            EXISTING_ANTI_AFFINITY));
    cases.add(
        single(
            "pod matches its own Label in PodAffinity and that matches the existing pod Labels",
            incoming(
                POD_LABEL, List.of(notIn("service", "region", "securityscan", "value2")), null),
            List.of(PodInfo.of("", Map.of("service", "securityscan"), "node2")),
            node1,
            AFFINITY));
    cases.add(
        single(
            "verify that PodAntiAffinity from existing pod is respected when pod has no"
                + " AntiAffinity constraints. doesn't satisfy PodAntiAffinity symmetry with the"
                + " existing pod",
            PodInfo.of("", POD_LABEL, null),
            List.of(
                running(
                    POD_LABEL, "node1", List.of(in("service", "zone", "securityscan", "value2")))),
            node1,
            EXISTING_ANTI_AFFINITY));
    cases.add(
        single(
            "verify that PodAntiAffinity from existing pod is respected when pod has no"
                + " AntiAffinity constraints. satisfy PodAntiAffinity symmetry with the existing"
                + " pod",
            PodInfo.of("", POD_LABEL, null),
            List.of(
                running(
                    POD_LABEL,
                    "node1",
                    List.of(notIn("service", "zone", "securityscan", "value2")))),
            node1,
            FITS));
    cases.add(
        single(
            "satisfies the PodAntiAffinity with existing pod but doesn't satisfy PodAntiAffinity"
                + " symmetry with incoming pod",
            incoming(
                POD_LABEL,
                null,
                List.of(exists("service", "region"), exists("security", "region"))),
            List.of(running(POD_LABEL2, "node1", List.of(exists("security", "zone")))),
            node1,
            ANTI_AFFINITY));
    cases.add(
        single(
            "PodAntiAffinity symmetry check a1: incoming pod and existing pod partially match each"
                + " other on AffinityTerms",
            incoming(
                POD_LABEL, null, List.of(exists("service", "zone"), exists("security", "zone"))),
            List.of(running(POD_LABEL2, "node1", List.of(exists("security", "zone")))),
            node1,
            ANTI_AFFINITY));
    cases.add(
        single(
            "PodAntiAffinity symmetry check a2: incoming pod and existing pod partially match each"
                + " other on AffinityTerms",
            incoming(POD_LABEL2, null, List.of(exists("security", "zone"))),
            List.of(
                running(
                    POD_LABEL,
                    "node1",
                    List.of(exists("service", "zone"), exists("security", "zone")))),
            node1,
            EXISTING_ANTI_AFFINITY));
    cases.add(
        single(
            "PodAntiAffinity symmetry check b1: incoming pod and existing pod partially match each"
                + " other on AffinityTerms",
            incoming(
                Map.of("abc", "", "xyz", ""),
                null,
                List.of(exists("abc", "zone"), exists("def", "zone"))),
            List.of(
                running(
                    Map.of("def", "", "xyz", ""),
                    "node1",
                    List.of(exists("abc", "zone"), exists("def", "zone")))),
            node1,
            ANTI_AFFINITY));
    cases.add(
        single(
            "affinity with NamespaceSelector",
            incoming(
                POD_LABEL2,
                List.of(
                    new PodAffinityTerm(
                        selector(
                            new Requirement("service", "In", List.of("securityscan", "value2"))),
                        List.of(),
                        selector(new Requirement("team", "In", List.of("team1"))),
                        "region",
                        null,
                        null)),
                null),
            List.of(PodInfo.of("subteam1.team1", POD_LABEL, "node1")),
            node1,
            FITS));
    cases.add(
        single(
            "affinity with non-matching NamespaceSelector",
            incoming(
                POD_LABEL2,
                List.of(
                    new PodAffinityTerm(
                        selector(
                            new Requirement("service", "In", List.of("securityscan", "value2"))),
                        List.of(),
                        selector(new Requirement("team", "In", List.of("team1"))),
                        "region",
                        null,
                        null)),
                null),
            List.of(PodInfo.of("subteam1.team2", POD_LABEL, "node1")),
            node1,
            AFFINITY));
    cases.add(
        single(
            "anti-affinity with matching NamespaceSelector",
            new PodInfo(
                "subteam1.team1",
                POD_LABEL2,
                null,
                null,
                List.of(
                    new PodAffinityTerm(
                        selector(
                            new Requirement("service", "In", List.of("securityscan", "value2"))),
                        List.of(),
                        selector(new Requirement("team", "In", List.of("team1"))),
                        "zone",
                        null,
                        null)),
                null,
                null),
            List.of(PodInfo.of("subteam2.team1", POD_LABEL, "node1")),
            node1,
            ANTI_AFFINITY));
    cases.add(
        single(
            "anti-affinity with matching all NamespaceSelector",
            new PodInfo(
                "subteam1.team1",
                POD_LABEL2,
                null,
                null,
                List.of(
                    new PodAffinityTerm(
                        selector(
                            new Requirement("service", "In", List.of("securityscan", "value2"))),
                        List.of(),
                        LabelSelector.EVERYTHING,
                        "zone",
                        null,
                        null)),
                null,
                null),
            List.of(PodInfo.of("subteam2.team1", POD_LABEL, "node1")),
            node1,
            ANTI_AFFINITY));
    cases.add(
        single(
            "anti-affinity with non-matching NamespaceSelector",
            new PodInfo(
                "subteam1.team1",
                POD_LABEL2,
                null,
                null,
                List.of(
                    new PodAffinityTerm(
                        selector(
                            new Requirement("service", "In", List.of("securityscan", "value2"))),
                        List.of(),
                        selector(new Requirement("team", "In", List.of("team1"))),
                        "zone",
                        null,
                        null)),
                null,
                null),
            List.of(PodInfo.of("subteam1.team2", POD_LABEL, "node1")),
            node1,
            FITS));
    return cases.stream();
  }

  /** {@code TestRequiredAffinityMultipleNodes}. */
  static Stream<Case> multipleNodes() {
    Map<String, String> rgChina = Map.of("region", "China");
    Map<String, String> rgChinaAzAz1 = Map.of("region", "China", "az", "az1");
    Map<String, String> rgIndia = Map.of("region", "India");
    List<Case> cases = new ArrayList<>();
    cases.add(
        new Case(
            "A pod can be scheduled onto all the nodes that have the same topology key & label"
                + " value with one of them has an existing pod that matches the affinity rules",
            incoming(Map.of(), List.of(in("foo", "region", "bar")), null),
            List.of(PodInfo.of("", Map.of("foo", "bar"), "node1")),
            List.of(node("node1", rgChina), node("node2", rgChinaAzAz1), node("node3", rgIndia)),
            List.of(FITS, FITS, AFFINITY)));
    Map<String, String> own = Map.of("foo", "bar", "service", "securityscan");
    cases.add(
        new Case(
            "The affinity rule is to schedule all of the pods of this collection to the same zone."
                + " The first pod of the collection should not be blocked from being scheduled onto"
                + " any node, even there's no existing pod that matches the rule anywhere.",
            incoming(
                own,
                List.of(in("foo", "zone", "bar"), in("service", "zone", "securityscan")),
                null),
            List.of(PodInfo.of("", Map.of("foo", "bar"), "nodeA")),
            List.of(
                node("nodeA", Map.of("zone", "az1", "hostname", "h1")),
                node("nodeB", Map.of("zone", "az2", "hostname", "h2"))),
            List.of(FITS, FITS)));
    cases.add(
        new Case(
            "The first pod of the collection can only be scheduled on nodes labelled with the"
                + " requested topology keys",
            incoming(
                own,
                List.of(in("foo", "zone", "bar"), in("service", "zone", "securityscan")),
                null),
            List.of(PodInfo.of("", Map.of("foo", "bar"), "nodeA")),
            List.of(
                node("nodeA", Map.of("zoneLabel", "az1", "hostname", "h1")),
                node("nodeB", Map.of("zoneLabel", "az2", "hostname", "h2"))),
            List.of(AFFINITY, AFFINITY)));
    cases.add(
        new Case(
            "NodeA and nodeB have same topologyKey and label value. NodeA has an existing pod that"
                + " matches the inter pod affinity rule. The pod can not be scheduled onto nodeA and"
                + " nodeB.",
            incoming(Map.of(), null, List.of(in("foo", "region", "abc"))),
            List.of(PodInfo.of("", Map.of("foo", "abc"), "nodeA")),
            List.of(
                node("nodeA", Map.of("region", "r1", "hostname", "nodeA")),
                node("nodeB", Map.of("region", "r1", "hostname", "nodeB"))),
            List.of(ANTI_AFFINITY, ANTI_AFFINITY)));
    cases.add(
        new Case(
            "This test ensures that anti-affinity matches a pod when any term of the anti-affinity"
                + " rule matches a pod.",
            incoming(
                Map.of(),
                null,
                List.of(in("foo", "region", "abc"), in("service", "zone", "securityscan"))),
            List.of(PodInfo.of("", Map.of("foo", "abc", "service", "securityscan"), "nodeA")),
            List.of(
                node("nodeA", Map.of("region", "r1", "zone", "z1", "hostname", "nodeA")),
                node("nodeB", Map.of("region", "r1", "zone", "z2", "hostname", "nodeB"))),
            List.of(ANTI_AFFINITY, ANTI_AFFINITY)));
    cases.add(
        new Case(
            "NodeA and nodeB have same topologyKey and label value. NodeA has an existing pod that"
                + " matches the inter pod affinity rule. The pod can not be scheduled onto nodeA and"
                + " nodeB but can be scheduled onto nodeC",
            incoming(Map.of(), null, List.of(in("foo", "region", "abc"))),
            List.of(PodInfo.of("", Map.of("foo", "abc"), "nodeA")),
            List.of(node("nodeA", rgChina), node("nodeB", rgChinaAzAz1), node("nodeC", rgIndia)),
            List.of(ANTI_AFFINITY, ANTI_AFFINITY, FITS)));
    cases.add(
        new Case(
            "NodeA and nodeB have same topologyKey and label value. NodeA has an existing pod that"
                + " matches the inter pod affinity rule. The pod can not be scheduled onto nodeA,"
                + " nodeB, but can be scheduled onto nodeC (NodeC has an existing pod that match the"
                + " inter pod affinity rule but in different namespace)",
            new PodInfo(
                "NS1",
                Map.of("foo", "123"),
                null,
                null,
                List.of(in("foo", "region", "bar")),
                null,
                null),
            List.of(
                PodInfo.of("NS1", Map.of("foo", "bar"), "nodeA"),
                new PodInfo(
                    "NS2",
                    Map.of(),
                    "nodeC",
                    null,
                    List.of(in("foo", "region", "123")),
                    null,
                    null)),
            List.of(node("nodeA", rgChina), node("nodeB", rgChinaAzAz1), node("nodeC", rgIndia)),
            List.of(ANTI_AFFINITY, ANTI_AFFINITY, FITS)));
    cases.add(
        new Case(
            "Test existing pod's anti-affinity: if an existing pod has a term with invalid"
                + " topologyKey, labelSelector of the term is firstly checked, and then topologyKey"
                + " of the term is also checked",
            PodInfo.of("", Map.of("foo", ""), null),
            List.of(running(Map.of(), "nodeA", List.of(exists("foo", "invalid-node-label")))),
            List.of(
                node("nodeA", Map.of("region", "r1", "zone", "z1", "hostname", "nodeA")),
                node("nodeB", Map.of("region", "r1", "zone", "z1", "hostname", "nodeB"))),
            List.of(FITS, FITS)));
    cases.add(
        new Case(
            "Test incoming pod's anti-affinity: even if labelSelector matches, we still check if"
                + " topologyKey matches",
            incoming(Map.of(), null, List.of(exists("foo", "invalid-node-label"))),
            List.of(PodInfo.of("", Map.of("foo", ""), "nodeA")),
            List.of(
                node("nodeA", Map.of("region", "r1", "zone", "z1", "hostname", "nodeA")),
                node("nodeB", Map.of("region", "r1", "zone", "z1", "hostname", "nodeB"))),
            List.of(FITS, FITS)));
    return cases.stream();
  }

  private static Case single(
      String name, PodInfo pod, List<PodInfo> pods, SimulatedNode node, Outcome want) {
    return new Case(name, pod, pods, List.of(node), List.of(want));
  }

  private static SimulatedNode node(String name, Map<String, String> labels) {
    return new SimulatedNode(name, labels, Map.of(), List.of());
  }

  private static PodInfo incoming(
      Map<String, String> labels, List<PodAffinityTerm> affinity, List<PodAffinityTerm> anti) {
    return PodInfo.of("", labels, null).withAffinity(affinity, anti);
  }

  private static PodInfo running(
      Map<String, String> labels, String node, List<PodAffinityTerm> anti) {
    return PodInfo.of("", labels, node).withAffinity(null, anti);
  }

  private static LabelSelector selector(Requirement... requirements) {
    return new LabelSelector(Map.of(), List.of(requirements));
  }

  /** {@code PodAffinityIn}/{@code PodAntiAffinityIn} of the upstream test's pod wrapper. */
  private static PodAffinityTerm in(String key, String topologyKey, String... values) {
    return PodAffinityTerm.of(selector(new Requirement(key, "In", List.of(values))), topologyKey);
  }

  private static PodAffinityTerm notIn(String key, String topologyKey, String... values) {
    return PodAffinityTerm.of(
        selector(new Requirement(key, "NotIn", List.of(values))), topologyKey);
  }

  private static PodAffinityTerm exists(String key, String topologyKey) {
    return PodAffinityTerm.of(selector(new Requirement(key, "Exists", List.of())), topologyKey);
  }
}
