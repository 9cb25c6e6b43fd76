package io.chartlint.rules.tolerations;

import static io.chartlint.core.Severity.WARNING;

import io.chartlint.core.model.KubeObject;
import io.chartlint.core.model.PodTemplate;
import io.chartlint.core.rule.Rule;
import io.chartlint.core.rule.RuleContext;
import io.chartlint.core.rule.RuleInfo;
import java.util.List;

@RuleInfo(
    id = "toleration-control-plane",
    summary = "A workload other than a DaemonSet tolerates the control-plane taint",
    severity = WARNING,
    since = "0.1.0",
    category = "tolerations")
public final class WorkloadsStayOffControlPlane implements Rule {
  private static final List<String> KEYS =
      List.of(WellKnownTaints.CONTROL_PLANE, WellKnownTaints.MASTER);

  @Override
  public void check(KubeObject object, RuleContext context) {
    PodTemplate template = object.podTemplate().orElse(null);
    if (template == null || object.isDaemonSet()) {
      return;
    }
    for (WrittenToleration t : TolerationValidation.accepted(PodTolerations.ofSpec(template))) {
      // kubeadm's taint has an empty value and effect NoSchedule (cmd/kubeadm/app/constants), so
      // `operator: Exists`, an omitted operator and `operator: Equal, value: ""` all tolerate it.
      if (!KEYS.contains(t.key()) || !Matching.tolerates(t, t.key(), "", "NoSchedule")) {
        continue;
      }
      context.report(
          t.at("key"),
          "toleration "
              + t.index()
              + " "
              + t.describe()
              + " lets the "
              + object.kind()
              + "'s pods onto control-plane nodes, where they compete with the API server and"
              + " etcd for resources",
          "Remove the toleration; if the workload must run beside the control plane, also select"
              + " those nodes with a nodeSelector on node-role.kubernetes.io/control-plane.");
    }
  }
}
