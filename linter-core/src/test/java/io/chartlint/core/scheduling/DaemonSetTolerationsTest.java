package io.chartlint.core.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartlint.core.scheduling.AppliedToleration.Origin;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DaemonSetTolerationsTest {

  private static SimulatedNode nodeWith(String key, String effect) {
    return new SimulatedNode("n", Map.of(), Map.of(), List.of(new Taint(key, "", effect)));
  }

  private static PodPlacement daemonSet(boolean hostNetwork, Toleration... tolerations) {
    return new PodPlacement(Map.of(), null, List.of(tolerations), true, hostNetwork);
  }

  private static PodPlacement deployment(Toleration... tolerations) {
    return new PodPlacement(Map.of(), null, List.of(tolerations), false, false);
  }

  @Test
  void controllerAddsSixTolerationsWithoutHostNetwork() {
    assertThat(Scheduling.daemonSetTolerations(false))
        .extracting(t -> t.key() + ":" + t.effect())
        .containsExactly(
            "node.kubernetes.io/not-ready:NoExecute",
            "node.kubernetes.io/unreachable:NoExecute",
            "node.kubernetes.io/disk-pressure:NoSchedule",
            "node.kubernetes.io/memory-pressure:NoSchedule",
            "node.kubernetes.io/pid-pressure:NoSchedule",
            "node.kubernetes.io/unschedulable:NoSchedule");
    assertThat(Scheduling.daemonSetTolerations(false))
        .allSatisfy(
            t -> {
              assertThat(t.operator()).isEqualTo("Exists");
              assertThat(t.tolerationSeconds()).isNull();
            });
  }

  @Test
  void controllerToleratesNetworkUnavailableOnlyForHostNetworkPods() {
    assertThat(Scheduling.daemonSetTolerations(true))
        .last()
        .isEqualTo(
            Toleration.of("node.kubernetes.io/network-unavailable", "Exists", "", "NoSchedule"));
    SimulatedNode node = nodeWith("node.kubernetes.io/network-unavailable", Taint.NO_SCHEDULE);
    assertThat(Scheduling.fits(daemonSet(false), node)).isFalse();
    assertThat(Scheduling.fits(daemonSet(true), node)).isTrue();
  }

  @Test
  void daemonSetPodToleratesUnschedulableAndPressureTaints() {
    for (String key :
        List.of(
            "node.kubernetes.io/unschedulable",
            "node.kubernetes.io/disk-pressure",
            "node.kubernetes.io/memory-pressure",
            "node.kubernetes.io/pid-pressure")) {
      SimulatedNode node = nodeWith(key, Taint.NO_SCHEDULE);
      Fit fit = Scheduling.fit(daemonSet(false), node);
      assertThat(fit.fits()).as(key).isTrue();
      assertThat(fit.taints().get(0).toleratedBy().origin())
          .isEqualTo(Origin.DAEMON_SET_CONTROLLER);
      assertThat(fit.explanation()).contains("added by the DaemonSet controller");
      assertThat(Scheduling.fits(deployment(), node)).as(key).isFalse();
    }
  }

  @Test
  void daemonSetPodToleratesNotReadyNoExecuteButNotNoSchedule() {
    assertThat(
            Scheduling.fits(
                daemonSet(false), nodeWith("node.kubernetes.io/not-ready", Taint.NO_EXECUTE)))
        .isTrue();
    assertThat(
            Scheduling.fits(
                daemonSet(false), nodeWith("node.kubernetes.io/not-ready", Taint.NO_SCHEDULE)))
        .isFalse();
  }

  @Test
  void controllerTolerationsDoNotTolerateVirtualNodeTaints() {
    SimulatedNode aci = nodeWith("virtual-kubelet.io/provider", Taint.NO_SCHEDULE);
    SimulatedNode liqo = nodeWith("virtual-node.liqo.io/not-allowed", Taint.NO_EXECUTE);
    assertThat(Scheduling.fits(daemonSet(true), aci)).isFalse();
    assertThat(Scheduling.fits(daemonSet(true), liqo)).isFalse();
  }

  @Test
  void controllerReplacesAMatchingTolerationAndDropsItsSeconds() {
    Toleration withSeconds =
        new Toleration("node.kubernetes.io/not-ready", "Exists", "", "NoExecute", 60L);
    List<AppliedToleration> effective =
        Scheduling.effectiveTolerations(
            daemonSet(false, Toleration.of("a", "Exists", "", ""), withSeconds));
    assertThat(effective.get(1).podIndex()).isEqualTo(1);
    assertThat(effective.get(1).origin()).isEqualTo(Origin.POD_REWRITTEN_BY_DAEMON_SET_CONTROLLER);
    assertThat(effective.get(1).toleration().tolerationSeconds()).isNull();
    assertThat(effective)
        .filteredOn(t -> t.toleration().key().equals("node.kubernetes.io/not-ready"))
        .hasSize(1);
    assertThat(effective).hasSize(2 + 5);
  }

  @Test
  void controllerKeepsAnIdenticalTolerationWhereItIs() {
    Toleration same = Toleration.of("node.kubernetes.io/unschedulable", "Exists", "", "NoSchedule");
    List<AppliedToleration> effective = Scheduling.effectiveTolerations(daemonSet(false, same));
    assertThat(effective.get(0)).isEqualTo(new AppliedToleration(same, 0, Origin.POD));
    assertThat(effective).hasSize(6);
  }

  @Test
  void controllerAppendsWhenOnlyASimilarTolerationExists() {
    // "" and Exists differ for MatchToleration, so the controller appends its own
    Toleration equal = Toleration.of("node.kubernetes.io/unschedulable", "", "", "NoSchedule");
    List<AppliedToleration> effective = Scheduling.effectiveTolerations(daemonSet(false, equal));
    assertThat(effective).hasSize(7);
    assertThat(effective.get(0).origin()).isEqualTo(Origin.POD);
  }

  @Test
  void podToleratingAllKeepsItsIndexInTheExplanation() {
    SimulatedNode node = nodeWith("node.kubernetes.io/unschedulable", Taint.NO_SCHEDULE);
    Fit fit = Scheduling.fit(daemonSet(false, Toleration.of("", "Exists", "", "")), node);
    assertThat(fit.taints().get(0).toleratedBy().podIndex()).isZero();
  }

  @Test
  void admissionAddsNotReadyAndUnreachableForOrdinaryPods() {
    List<AppliedToleration> effective = Scheduling.effectiveTolerations(deployment());
    assertThat(effective)
        .extracting(AppliedToleration::toleration)
        .containsExactly(
            new Toleration("node.kubernetes.io/not-ready", "Exists", "", "NoExecute", 300L),
            new Toleration("node.kubernetes.io/unreachable", "Exists", "", "NoExecute", 300L));
    assertThat(effective)
        .extracting(AppliedToleration::origin)
        .containsOnly(Origin.DEFAULT_TOLERATION_SECONDS);
  }

  @Test
  void admissionLooksOnlyAtKeyAndEffect() {
    Toleration wrongValue =
        Toleration.of("node.kubernetes.io/not-ready", "Equal", "x", "NoExecute");
    List<AppliedToleration> effective = Scheduling.effectiveTolerations(deployment(wrongValue));
    assertThat(effective)
        .extracting(t -> t.toleration().key())
        .containsExactly("node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable");
    assertThat(
            Scheduling.fits(
                deployment(wrongValue), nodeWith("node.kubernetes.io/not-ready", "NoExecute")))
        .isFalse();
  }

  @Test
  void admissionAddsNothingWhenAnEmptyKeyToleratesNoExecute() {
    assertThat(
            Scheduling.effectiveTolerations(
                deployment(Toleration.of("", "Exists", "", "NoExecute"))))
        .hasSize(1);
  }

  @Test
  void admissionAddsNothingToDaemonSetPods() {
    assertThat(Scheduling.effectiveTolerations(daemonSet(false)))
        .extracting(AppliedToleration::origin)
        .containsOnly(Origin.DAEMON_SET_CONTROLLER);
  }
}
