package io.chartlint.core.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartlint.core.scheduling.AppliedToleration.Origin;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchedulingTest {
  private static final SimulatedNode ACI =
      new SimulatedNode(
          "virtual-node-aci-linux",
          Map.of("type", "virtual-kubelet", "kubernetes.io/os", "linux"),
          Map.of(),
          List.of(new Taint("virtual-kubelet.io/provider", "azure", Taint.NO_SCHEDULE)));
  private static final SimulatedNode KWOKCTL =
      new SimulatedNode(
          "node-000000",
          Map.of("type", "kwok", "kubernetes.io/os", "linux"),
          Map.of("kwok.x-k8s.io/node", "fake"),
          List.of());
  private static final SimulatedNode LIQO =
      new SimulatedNode(
          "liqo-cluster-b",
          Map.of("liqo.io/type", "virtual-node", "kubernetes.io/os", "linux"),
          Map.of(),
          List.of(new Taint("virtual-node.liqo.io/not-allowed", "true", Taint.NO_EXECUTE)));
  private static final SimulatedNode INTERLINK =
      new SimulatedNode(
          "interlink-slurm",
          Map.of(
              "virtual-node.interlink/type",
              "virtual-kubelet",
              "kubernetes.io/os",
              "virtual-kubelet"),
          Map.of(),
          List.of(new Taint("virtual-node.interlink/no-schedule", "true", Taint.NO_SCHEDULE)));

  private static final Toleration ALL = Toleration.of("", "Exists", "", "");
  private static final Toleration ALL_NO_SCHEDULE = Toleration.of("", "Exists", "", "NoSchedule");

  private static NodeSelectorRequirement req(String key, String operator, String... values) {
    return NodeSelectorRequirement.of(key, operator, values);
  }

  private static NodeSelectorTerm term(NodeSelectorRequirement... expressions) {
    return NodeSelectorTerm.ofExpressions(expressions);
  }

  private static PodPlacement daemonSet(List<NodeSelectorTerm> terms, Toleration... tolerations) {
    return new PodPlacement(Map.of(), terms, List.of(tolerations), true, false);
  }

  private static PodPlacement pod(
      Map<String, String> nodeSelector, List<NodeSelectorTerm> terms, Toleration... tolerations) {
    return new PodPlacement(nodeSelector, terms, List.of(tolerations), false, false);
  }

  @Test
  void podWithoutConstraintsFitsAnUntaintedNode() {
    Fit fit = Scheduling.fit(pod(Map.of(), null), KWOKCTL);
    assertThat(fit.fits()).isTrue();
    assertThat(fit.unconstrained()).isTrue();
    assertThat(fit.taints()).isEmpty();
    assertThat(fit.explanation()).contains("no nodeSelector or required node affinity");
  }

  @Test
  void taintKeepsOffAPodThatDoesNotTolerateIt() {
    Fit fit = Scheduling.fit(pod(Map.of(), null), ACI);
    assertThat(fit.fits()).isFalse();
    assertThat(fit.labelsMatch()).isTrue();
    assertThat(fit.firstUntoleratedTaint()).contains(ACI.taints().get(0));
  }

  @Test
  void reportsWhichPodTolerationToleratesEachTaint() {
    Fit fit =
        Scheduling.fit(
            daemonSet(null, Toleration.of("CriticalAddonsOnly", "Exists", "", ""), ALL), ACI);
    assertThat(fit.fits()).isTrue();
    TaintCheck check = fit.taints().get(0);
    assertThat(check.toleratedBy().origin()).isEqualTo(Origin.POD);
    assertThat(check.toleratedBy().podIndex()).isEqualTo(1);
    assertThat(fit.explanation()).contains("tolerated by tolerations[1] {operator: Exists}");
  }

  @Test
  void noScheduleToleranceDoesNotLetAPodOntoLiqo() {
    Fit fit = Scheduling.fit(daemonSet(null, ALL_NO_SCHEDULE), LIQO);
    assertThat(fit.fits()).isFalse();
    assertThat(fit.untoleratedTaints()).containsExactly(LIQO.taints().get(0));
  }

  @Test
  void preferNoScheduleTaintNeverKeepsAPodOff() {
    SimulatedNode soft =
        new SimulatedNode(
            "soft", Map.of(), Map.of(), List.of(new Taint("soft", "", Taint.PREFER_NO_SCHEDULE)));
    Fit fit = Scheduling.fit(pod(Map.of(), null), soft);
    assertThat(fit.fits()).isTrue();
    assertThat(fit.taints()).isEmpty();
  }

  @Test
  void nodeSelectorNeedsEveryPairOnTheNode() {
    assertThat(Scheduling.fit(pod(Map.of("type", "kwok"), null), KWOKCTL).fits()).isTrue();
    Fit fit = Scheduling.fit(pod(Map.of("type", "kwok", "disk", "ssd"), null), KWOKCTL);
    assertThat(fit.fits()).isFalse();
    assertThat(fit.nodeSelectorMismatches()).containsExactly("disk=ssd");
  }

  @Test
  void nodeSelectorWithEmptyValueNeedsTheLabelPresentAndEmpty() {
    SimulatedNode agent =
        new SimulatedNode("a", Map.of("node-role.kubernetes.io/agent", ""), Map.of(), List.of());
    assertThat(Scheduling.fits(pod(Map.of("node-role.kubernetes.io/agent", ""), null), agent))
        .isTrue();
    assertThat(Scheduling.fits(pod(Map.of("node-role.kubernetes.io/agent", ""), null), KWOKCTL))
        .isFalse();
  }

  @Test
  void osLinuxNodeSelectorExcludesInterlinkOnly() {
    PodPlacement linux = pod(Map.of("kubernetes.io/os", "linux"), null, ALL);
    assertThat(Scheduling.fits(linux, INTERLINK)).isFalse();
    assertThat(Scheduling.fits(linux, ACI)).isTrue();
    assertThat(Scheduling.fits(linux, LIQO)).isTrue();
    assertThat(Scheduling.fits(linux, KWOKCTL)).isTrue();
  }

  @Test
  void nodeSelectorIsAndedWithRequiredAffinity() {
    PodPlacement both =
        pod(Map.of("kubernetes.io/os", "linux"), List.of(term(req("type", "In", "kwok"))));
    assertThat(Scheduling.fits(both, KWOKCTL)).isTrue();
    Fit fit =
        Scheduling.fit(
            pod(Map.of("kubernetes.io/os", "windows"), List.of(term(req("type", "In", "kwok")))),
            KWOKCTL);
    assertThat(fit.affinityMatches()).isTrue();
    assertThat(fit.nodeSelectorMatches()).isFalse();
    assertThat(fit.fits()).isFalse();
  }

  @Test
  void termsAreOred() {
    List<NodeSelectorTerm> terms =
        List.of(
            term(req("type", "NotIn", "virtual-kubelet", "kwok")),
            term(req("kubernetes.io/os", "In", "linux")));
    Fit fit = Scheduling.fit(daemonSet(terms, ALL), KWOKCTL);
    assertThat(fit.fits()).isTrue();
    assertThat(fit.matchingTerms()).extracting(TermMatch::index).containsExactly(1);
    assertThat(fit.explanation()).contains("satisfy required node affinity term [1]");
    assertThat(fit.terms().get(0).unmetRequirements())
        .containsExactly(req("type", "NotIn", "virtual-kubelet", "kwok"));
  }

  @Test
  void expressionsInATermAreAnded() {
    List<NodeSelectorTerm> terms =
        List.of(term(req("kubernetes.io/os", "In", "linux"), req("type", "NotIn", "kwok")));
    assertThat(Scheduling.fits(daemonSet(terms, ALL), KWOKCTL)).isFalse();
    assertThat(Scheduling.fits(daemonSet(terms, ALL), ACI)).isTrue();
  }

  @Test
  void exclusionInEveryTermKeepsThePodOff() {
    List<NodeSelectorTerm> terms =
        List.of(
            term(req("type", "NotIn", "kwok"), req("kubernetes.io/os", "In", "linux")),
            term(req("type", "NotIn", "kwok"), req("kubernetes.io/arch", "In", "arm64")));
    Fit fit = Scheduling.fit(daemonSet(terms, ALL), KWOKCTL);
    assertThat(fit.fits()).isFalse();
    assertThat(fit.explanation()).contains("no required node affinity term selects it");
  }

  @Test
  void emptyTermListMatchesNothing() {
    Fit fit = Scheduling.fit(daemonSet(List.of(), ALL), KWOKCTL);
    assertThat(fit.fits()).isFalse();
    assertThat(fit.unconstrained()).isFalse();
  }

  @Test
  void absentRequiredAffinityMatchesEverything() {
    assertThat(Scheduling.fit(daemonSet(null, ALL), KWOKCTL).affinityMatches()).isTrue();
  }

  @Test
  void emptyTermMatchesNothing() {
    Fit fit = Scheduling.fit(daemonSet(List.of(new NodeSelectorTerm(null, null)), ALL), KWOKCTL);
    assertThat(fit.fits()).isFalse();
    assertThat(fit.terms().get(0).outcome()).isEqualTo(TermMatch.Outcome.EMPTY);
  }

  @Test
  void emptyTermIsIrrelevantWhenAnotherTermMatches() {
    List<NodeSelectorTerm> terms =
        List.of(new NodeSelectorTerm(List.of(), List.of()), term(req("type", "Exists")));
    assertThat(Scheduling.fits(daemonSet(terms, ALL), KWOKCTL)).isTrue();
  }

  @Test
  void termWithAParseErrorNeverMatchesButOtherTermsStillCount() {
    NodeSelectorTerm broken = term(req("type", "In", "kwok"), req("gpus", "Gt", "many"));
    Fit alone = Scheduling.fit(daemonSet(List.of(broken), ALL), KWOKCTL);
    assertThat(alone.fits()).isFalse();
    assertThat(alone.terms().get(0).outcome()).isEqualTo(TermMatch.Outcome.UNPARSABLE);
    assertThat(alone.terms().get(0).parseErrors()).isNotEmpty();

    Fit withOther =
        Scheduling.fit(daemonSet(List.of(broken, term(req("type", "In", "kwok"))), ALL), KWOKCTL);
    assertThat(withOther.fits()).isTrue();
  }

  @Test
  void invalidLabelValueInAnOtherwiseMatchingTermMakesItNeverMatch() {
    NodeSelectorTerm term = term(req("type", "NotIn", "virtual-kubelet", "Not Valid"));
    assertThat(Scheduling.fits(daemonSet(List.of(term), ALL), KWOKCTL)).isFalse();
  }

  @Test
  void matchFieldsSelectByNodeName() {
    NodeSelectorTerm byName =
        new NodeSelectorTerm(List.of(), List.of(req("metadata.name", "In", "node-000000")));
    assertThat(Scheduling.fits(daemonSet(List.of(byName), ALL), KWOKCTL)).isTrue();
    assertThat(Scheduling.fits(daemonSet(List.of(byName), ALL), ACI)).isFalse();
    NodeSelectorTerm notName =
        new NodeSelectorTerm(List.of(), List.of(req("metadata.name", "NotIn", "node-000000")));
    assertThat(Scheduling.fits(daemonSet(List.of(notName), ALL), KWOKCTL)).isFalse();
  }

  @Test
  void matchExpressionsAndMatchFieldsAreAnded() {
    NodeSelectorTerm both =
        new NodeSelectorTerm(
            List.of(req("type", "In", "kwok")), List.of(req("metadata.name", "In", "other")));
    assertThat(Scheduling.fits(daemonSet(List.of(both), ALL), KWOKCTL)).isFalse();
  }

  @Test
  void matchFieldsWithTwoValuesNeverMatch() {
    NodeSelectorTerm broken =
        new NodeSelectorTerm(List.of(), List.of(req("metadata.name", "In", "node-000000", "x")));
    assertThat(Scheduling.fits(daemonSet(List.of(broken), ALL), KWOKCTL)).isFalse();
  }

  @Test
  void matchFieldsAreSkippedForANodeWithoutName() {
    SimulatedNode nameless = new SimulatedNode("", Map.of(), Map.of(), List.of());
    NodeSelectorTerm byName =
        new NodeSelectorTerm(List.of(), List.of(req("metadata.name", "In", "anything")));
    assertThat(Scheduling.fits(daemonSet(List.of(byName), ALL), nameless)).isTrue();
  }

  @Test
  void positiveSelectorExcludesVirtualNodes() {
    List<NodeSelectorTerm> gpu = List.of(term(req("nvidia.com/gpu.present", "In", "true")));
    assertThat(Scheduling.fits(daemonSet(gpu, ALL), ACI)).isFalse();
    assertThat(Scheduling.fits(daemonSet(gpu, ALL), KWOKCTL)).isFalse();
  }

  @Test
  void ltAndGtTolerationsCountOnlyWithTheFeatureGate() {
    SimulatedNode scored =
        new SimulatedNode(
            "s", Map.of(), Map.of(), List.of(new Taint("score", "5", Taint.NO_SCHEDULE)));
    PodPlacement pod = pod(Map.of(), null, Toleration.of("score", "Lt", "10", "NoSchedule"));
    assertThat(Scheduling.fit(pod, scored).fits()).isFalse();
    assertThat(Scheduling.fit(pod, scored, true).fits()).isTrue();
  }

  @Test
  void explainsAFailingNodeSelectorAndTaint() {
    Fit fit = Scheduling.fit(pod(Map.of("disk", "ssd"), null), ACI);
    assertThat(fit.explanation())
        .startsWith("node virtual-node-aci-linux keeps the pod off")
        .contains("disk=ssd")
        .contains("virtual-kubelet.io/provider=azure:NoSchedule is not tolerated");
  }

  @Test
  void taintWithoutAnEffectKeepsNoPodOff() {
    // taint_toleration.go: only NoSchedule and NoExecute taints filter; "" is neither, and the API
    // server rejects it on a real node, so it must not be read as NoExecute.
    SimulatedNode node =
        new SimulatedNode("odd", Map.of(), Map.of(), List.of(new Taint("dedicated", "gpu", "")));
    Fit fit = Scheduling.fit(pod(Map.of(), null), node);
    assertThat(fit.fits()).isTrue();
    assertThat(fit.taints()).isEmpty();
    // a toleration for NoExecute taints alone does not change that
    assertThat(
            Scheduling.fits(
                pod(Map.of(), null, Toleration.of("dedicated", "Equal", "gpu", "NoExecute")), node))
        .isTrue();
  }

  @Test
  void tolerationWithoutAnEffectCountsAsNoExecuteForDefaultSeconds() {
    // defaulttolerationseconds/admission.go: toleration.Effect == "" || NoExecute
    List<AppliedToleration> applied =
        Scheduling.effectiveTolerations(
            pod(Map.of(), null, Toleration.of("node.kubernetes.io/not-ready", "Exists", "", "")));
    assertThat(applied)
        .extracting(a -> a.toleration().key() + " " + a.origin())
        .containsExactly(
            "node.kubernetes.io/not-ready POD",
            "node.kubernetes.io/unreachable DEFAULT_TOLERATION_SECONDS");
    List<AppliedToleration> noSchedule =
        Scheduling.effectiveTolerations(
            pod(
                Map.of(),
                null,
                Toleration.of("node.kubernetes.io/not-ready", "Exists", "", "NoSchedule")));
    assertThat(noSchedule).hasSize(3);
  }
}
