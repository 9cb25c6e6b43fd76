package io.chartlint.rules.tolerations;

import static io.chartlint.core.Severity.WARNING;

import io.chartlint.core.model.KubeObject;
import io.chartlint.core.model.PodTemplate;
import io.chartlint.core.rule.Rule;
import io.chartlint.core.rule.RuleContext;
import io.chartlint.core.rule.RuleInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@RuleInfo(
    id = "toleration-no-eviction",
    summary = "A workload other than a DaemonSet tolerates not-ready or unreachable nodes forever",
    severity = WARNING,
    since = "0.1.0",
    category = "tolerations")
public final class PodsLeaveUnreachableNodes implements Rule {
  private static final List<String> NODE_LOST =
      List.of(WellKnownTaints.NOT_READY, WellKnownTaints.UNREACHABLE);

  @Override
  public void check(KubeObject object, RuleContext context) {
    PodTemplate template = object.podTemplate().orElse(null);
    if (template == null || object.isDaemonSet()) {
      return; // the DaemonSet controller makes its pods tolerate these forever anyway
    }
    List<WrittenToleration> tolerations =
        TolerationValidation.accepted(PodTolerations.ofSpec(template));
    Map<WrittenToleration, List<String>> forever = new LinkedHashMap<>();
    for (String key : NODE_LOST) {
      // The taint eviction controller takes, for each taint, the first toleration that tolerates
      // it (getMatchingTolerations in pkg/controller/tainteviction/taint_eviction.go); no
      // tolerationSeconds there means the pod is never evicted.
      for (WrittenToleration t : tolerations) {
        if (Matching.tolerates(t, key, "", "NoExecute")) {
          if (!t.secondsSet()) {
            forever.computeIfAbsent(t, k -> new ArrayList<>()).add(key + ":NoExecute");
          }
          break;
        }
      }
    }
    for (Map.Entry<WrittenToleration, List<String>> entry : forever.entrySet()) {
      WrittenToleration t = entry.getKey();
      context.report(
          t.at("key"),
          "toleration "
              + t.index()
              + " "
              + t.describe()
              + " tolerates "
              + String.join(" and ", entry.getValue())
              + " without tolerationSeconds: the "
              + object.kind()
              + "'s pods stay bound to a dead node forever instead of being evicted and"
              + " replaced",
          "Add `tolerationSeconds` (the API server's default is 300) to bound how long pods wait"
              + " for a lost node, or drop the toleration.");
    }
  }
}
