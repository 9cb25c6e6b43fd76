package io.chartlint.rules.tolerations;

import io.chartlint.core.scheduling.Taint;
import io.chartlint.core.scheduling.Toleration;

/** The questions the toleration rules ask of the scheduler's matching, and nothing more. */
final class Matching {
  private Matching() {}

  /**
   * Whether the toleration tolerates a taint, as {@code ToleratesTaint} in core/v1 toleration.go
   * decides. Lt and Gt are compared: a toleration that uses them is only valid with the
   * TaintTolerationComparisonOperators gate on, and the kubelet and scheduler then compare.
   */
  static boolean tolerates(WrittenToleration t, String key, String value, String effect) {
    return toleration(t).toleratesTaint(new Taint(key, value, effect), true);
  }

  private static Toleration toleration(WrittenToleration t) {
    return new Toleration(t.key(), t.operator(), t.value(), t.effect(), t.seconds());
  }
}
