package io.chartlint.core.scheduling;

/**
 * A node taint. Absent strings are kept as {@code ""}, the way the Go API types read them.
 *
 * @param key the taint key
 * @param value the taint value, {@code ""} when absent
 * @param effect {@code NoSchedule}, {@code PreferNoSchedule} or {@code NoExecute}, as written
 */
public record Taint(String key, String value, String effect) {
  public static final String NO_SCHEDULE = "NoSchedule";
  public static final String PREFER_NO_SCHEDULE = "PreferNoSchedule";
  public static final String NO_EXECUTE = "NoExecute";

  public Taint {
    key = key == null ? "" : key;
    value = value == null ? "" : value;
    effect = effect == null ? "" : effect;
  }

  /**
   * Whether this taint keeps pods that do not tolerate it off the node at scheduling time. Only
   * NoSchedule and NoExecute do; PreferNoSchedule only lowers the score.
   */
  public boolean keepsPodsOff() {
    // pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go:
    // DoNotScheduleTaintsFilterFunc
    return NO_SCHEDULE.equals(effect) || NO_EXECUTE.equals(effect);
  }

  @Override
  public String toString() {
    return key + (value.isEmpty() ? "" : "=" + value) + ":" + effect;
  }
}
