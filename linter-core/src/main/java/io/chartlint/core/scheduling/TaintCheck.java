package io.chartlint.core.scheduling;

/**
 * A taint that keeps pods off the node ({@code NoSchedule} or {@code NoExecute}) and the first of
 * the pod's tolerations that tolerates it.
 *
 * @param taint the taint
 * @param toleratedBy the first tolerating toleration, {@code null} when none does
 */
public record TaintCheck(Taint taint, AppliedToleration toleratedBy) {

  public boolean tolerated() {
    return toleratedBy != null;
  }
}
