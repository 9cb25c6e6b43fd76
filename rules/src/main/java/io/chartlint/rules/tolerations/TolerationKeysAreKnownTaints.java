package io.chartlint.rules.tolerations;

import static io.chartlint.core.Severity.WARNING;

import io.chartlint.core.model.KubeObject;
import io.chartlint.core.model.PodTemplate;
import io.chartlint.core.rule.Rule;
import io.chartlint.core.rule.RuleContext;
import io.chartlint.core.rule.RuleInfo;

@RuleInfo(
    id = "toleration-unknown-key",
    summary = "A toleration key in a Kubernetes-reserved namespace that is no known taint",
    severity = WARNING,
    since = "0.1.0",
    category = "tolerations")
public final class TolerationKeysAreKnownTaints implements Rule {
  @Override
  public void check(KubeObject object, RuleContext context) {
    PodTemplate template = object.podTemplate().orElse(null);
    if (template == null) {
      return;
    }
    for (WrittenToleration t : TolerationValidation.accepted(PodTolerations.ofSpec(template))) {
      if (!WellKnownTaints.reserved(t.key())) {
        continue;
      }
      WellKnownTaints.Problem problem = WellKnownTaints.problem(t.key());
      if (problem == null) {
        continue;
      }
      String message =
          "toleration "
              + t.index()
              + " key '"
              + t.key()
              + "' "
              + problem.reason()
              + (problem.replacement() == null
                  ? ""
                  : " (did you mean '" + problem.replacement() + "'?)");
      String fix =
          problem.replacement() == null
              ? "Use the key of a taint your nodes carry; Kubernetes reserves kubernetes.io and"
                  + " k8s.io for its own taints."
              : "Use '" + problem.replacement() + "'.";
      if (t.key().equals(WellKnownTaints.MASTER)) {
        fix =
            "Tolerate '"
                + WellKnownTaints.CONTROL_PLANE
                + "' instead; keep this one only while clusters set up before Kubernetes 1.25"
                + " still carry it.";
      }
      context.report(t.at("key"), message, fix);
    }
  }
}
