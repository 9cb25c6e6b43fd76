package io.chartlint.rules.tolerations;

import static io.chartlint.core.Severity.WARNING;

import io.chartlint.core.model.KubeObject;
import io.chartlint.core.model.PodTemplate;
import io.chartlint.core.rule.Rule;
import io.chartlint.core.rule.RuleContext;
import io.chartlint.core.rule.RuleInfo;

@RuleInfo(
    id = "toleration-tolerates-all",
    summary =
        "A workload other than a DaemonSet tolerates every taint, or every taint of an effect",
    severity = WARNING,
    since = "0.1.0",
    category = "tolerations")
public final class OnlyDaemonSetsTolerateEveryTaint implements Rule {
  @Override
  public void check(KubeObject object, RuleContext context) {
    PodTemplate template = object.podTemplate().orElse(null);
    if (template == null || object.isDaemonSet()) {
      return; // a DaemonSet runs on every node by design, tainted ones included
    }
    for (WrittenToleration t : TolerationValidation.accepted(PodTolerations.ofSpec(template))) {
      // An empty key matches every key, and only Exists may go with it (ValidateTolerations);
      // an empty effect matches every effect (ToleratesTaint in core/v1 toleration.go).
      if (!t.key().isEmpty() || !t.operator().equals("Exists")) {
        continue;
      }
      String what = t.effect().isEmpty() ? "every taint" : "every " + t.effect() + " taint";
      context.report(
          t.at("operator"),
          "toleration "
              + t.index()
              + " "
              + t.describe()
              + " tolerates "
              + what
              + ": the "
              + object.kind()
              + "'s pods can run on any node so tainted, whatever the taint was meant to keep"
              + " away (control-plane, GPU, spot, virtual nodes)",
          "Tolerate the taints you mean by key, e.g. `{key: example.com/dedicated, operator:"
              + " Exists, effect: NoSchedule}`.");
    }
  }
}
