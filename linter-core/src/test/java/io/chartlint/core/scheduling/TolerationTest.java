package io.chartlint.core.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TolerationTest {
  private static final Taint VK_AZURE =
      new Taint("virtual-kubelet.io/provider", "azure", Taint.NO_SCHEDULE);
  private static final Taint LIQO =
      new Taint("virtual-node.liqo.io/not-allowed", "true", Taint.NO_EXECUTE);
  private static final Taint EMPTY_VALUE =
      new Taint("node-role.kubernetes.io/control-plane", "", Taint.NO_SCHEDULE);

  private static Toleration tol(String key, String operator, String value, String effect) {
    return Toleration.of(key, operator, value, effect);
  }

  @Test
  void existsWithoutKeyOrEffectToleratesEveryTaint() {
    Toleration all = tol("", "Exists", "", "");
    assertThat(all.toleratesTaint(VK_AZURE)).isTrue();
    assertThat(all.toleratesTaint(LIQO)).isTrue();
    assertThat(all.toleratesTaint(EMPTY_VALUE)).isTrue();
  }

  @Test
  void existsNoScheduleDoesNotTolerateLiqosNoExecuteTaint() {
    Toleration noSchedule = tol("", "Exists", "", "NoSchedule");
    assertThat(noSchedule.toleratesTaint(VK_AZURE)).isTrue();
    assertThat(noSchedule.toleratesTaint(LIQO)).isFalse();
    assertThat(tol("", "Exists", "", "NoExecute").toleratesTaint(LIQO)).isTrue();
  }

  @Test
  void emptyEffectMatchesEveryEffect() {
    assertThat(tol("virtual-node.liqo.io/not-allowed", "Exists", "", "").toleratesTaint(LIQO))
        .isTrue();
    assertThat(
            tol("virtual-kubelet.io/provider", "Exists", "", "")
                .toleratesTaint(
                    new Taint("virtual-kubelet.io/provider", "x", Taint.PREFER_NO_SCHEDULE)))
        .isTrue();
  }

  @Test
  void differentEffectDoesNotTolerate() {
    assertThat(
            tol("virtual-kubelet.io/provider", "Exists", "", "NoExecute").toleratesTaint(VK_AZURE))
        .isFalse();
  }

  @Test
  void differentKeyDoesNotTolerate() {
    assertThat(tol("virtual-kubelet.io/other", "Exists", "", "").toleratesTaint(VK_AZURE))
        .isFalse();
  }

  @Test
  void emptyOperatorMeansEqual() {
    assertThat(
            tol("virtual-kubelet.io/provider", "", "azure", "NoSchedule").toleratesTaint(VK_AZURE))
        .isTrue();
    assertThat(tol("virtual-kubelet.io/provider", "", "aws", "NoSchedule").toleratesTaint(VK_AZURE))
        .isFalse();
  }

  @Test
  void equalComparesValuesCaseSensitively() {
    assertThat(tol("virtual-kubelet.io/provider", "Equal", "azure", "").toleratesTaint(VK_AZURE))
        .isTrue();
    assertThat(tol("virtual-kubelet.io/provider", "Equal", "Azure", "").toleratesTaint(VK_AZURE))
        .isFalse();
  }

  @Test
  void equalWithEmptyValueToleratesOnlyTaintsWithEmptyValue() {
    Toleration empty = tol("node-role.kubernetes.io/control-plane", "Equal", "", "NoSchedule");
    assertThat(empty.toleratesTaint(EMPTY_VALUE)).isTrue();
    assertThat(tol("virtual-kubelet.io/provider", "Equal", "", "").toleratesTaint(VK_AZURE))
        .isFalse();
  }

  @Test
  void equalWithEmptyKeyMatchesAnyKeyWithThatValue() {
    // validation forbids it, but ToleratesTaint itself only compares the value
    assertThat(tol("", "Equal", "azure", "").toleratesTaint(VK_AZURE)).isTrue();
  }

  @Test
  void unknownOperatorToleratesNothing() {
    assertThat(tol("virtual-kubelet.io/provider", "exists", "", "").toleratesTaint(VK_AZURE))
        .isFalse();
    assertThat(tol("virtual-kubelet.io/provider", "In", "azure", "").toleratesTaint(VK_AZURE))
        .isFalse();
  }

  @Test
  void ltAndGtTolerateNothingWithoutTheFeatureGate() {
    Taint score = new Taint("score", "5", Taint.NO_SCHEDULE);
    assertThat(tol("score", "Lt", "10", "").toleratesTaint(score)).isFalse();
    assertThat(tol("score", "Gt", "1", "").toleratesTaint(score)).isFalse();
  }

  @Test
  void ltAndGtCompareTheTaintValueAsLeftOperandWithTheFeatureGate() {
    Taint score = new Taint("score", "5", Taint.NO_SCHEDULE);
    assertThat(tol("score", "Lt", "10", "").toleratesTaint(score, true)).isTrue();
    assertThat(tol("score", "Lt", "5", "").toleratesTaint(score, true)).isFalse();
    assertThat(tol("score", "Gt", "1", "").toleratesTaint(score, true)).isTrue();
    assertThat(tol("score", "Gt", "5", "").toleratesTaint(score, true)).isFalse();
    assertThat(tol("score", "Gt", "-12", "").toleratesTaint(score, true)).isTrue();
  }

  @Test
  void ltAndGtNeedCanonicalDecimalIntegersOnBothSides() {
    assertThat(
            tol("score", "Lt", "10", "")
                .toleratesTaint(new Taint("score", "007", Taint.NO_SCHEDULE), true))
        .isFalse();
    assertThat(
            tol("score", "Gt", "+1", "")
                .toleratesTaint(new Taint("score", "5", Taint.NO_SCHEDULE), true))
        .isFalse();
    assertThat(
            tol("score", "Lt", "1", "")
                .toleratesTaint(new Taint("score", "-0", Taint.NO_SCHEDULE), true))
        .isFalse();
    assertThat(
            tol("score", "Lt", "9223372036854775808", "")
                .toleratesTaint(new Taint("score", "5", Taint.NO_SCHEDULE), true))
        .isFalse();
    assertThat(
            tol("score", "Gt", "", "")
                .toleratesTaint(new Taint("score", "", Taint.NO_SCHEDULE), true))
        .isFalse();
  }

  @Test
  void matchTolerationIsTupleEqualityNotMatching() {
    Toleration exists = tol("k", "Exists", "", "NoSchedule");
    assertThat(exists.matchToleration(new Toleration("k", "Exists", "", "NoSchedule", 30L)))
        .isTrue();
    assertThat(tol("k", "", "v", "").matchToleration(tol("k", "Equal", "v", ""))).isFalse();
    assertThat(exists.matchToleration(tol("k", "Exists", "", ""))).isFalse();
  }

  @Test
  void findMatchingUntoleratedTaintReturnsTheFirstFilteredUntoleratedTaint() {
    List<Taint> taints = List.of(new Taint("soft", "", Taint.PREFER_NO_SCHEDULE), VK_AZURE, LIQO);
    assertThat(
            Scheduling.findMatchingUntoleratedTaint(taints, List.of(), Taint::keepsPodsOff, false))
        .contains(VK_AZURE);
    assertThat(
            Scheduling.findMatchingUntoleratedTaint(
                taints, List.of(tol("", "Exists", "", "NoSchedule")), Taint::keepsPodsOff, false))
        .contains(LIQO);
    assertThat(
            Scheduling.findMatchingUntoleratedTaint(
                taints, List.of(tol("", "Exists", "", "")), Taint::keepsPodsOff, false))
        .isEmpty();
  }

  @Test
  void kubeletAdmissionLooksOnlyAtNoExecute() {
    assertThat(
            Scheduling.findMatchingUntoleratedTaint(
                List.of(VK_AZURE), List.of(), t -> Taint.NO_EXECUTE.equals(t.effect()), false))
        .isEmpty();
  }

  @Test
  void onlyNoScheduleAndNoExecuteKeepPodsOff() {
    assertThat(VK_AZURE.keepsPodsOff()).isTrue();
    assertThat(LIQO.keepsPodsOff()).isTrue();
    assertThat(new Taint("soft", "", Taint.PREFER_NO_SCHEDULE).keepsPodsOff()).isFalse();
  }
}
