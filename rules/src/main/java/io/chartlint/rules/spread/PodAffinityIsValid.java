package io.chartlint.rules.spread;

import static io.chartlint.core.Severity.ERROR;

import io.chartlint.core.Severity;
import io.chartlint.core.model.KubeObject;
import io.chartlint.core.model.PodTemplate;
import io.chartlint.core.model.YamlNodes;
import io.chartlint.core.rule.Rule;
import io.chartlint.core.rule.RuleContext;
import io.chartlint.core.rule.RuleInfo;
import io.chartlint.core.scheduling.LabelSelector;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

@RuleInfo(
    id = "pod-affinity-invalid",
    summary =
        "Pod affinity or anti-affinity that the API server rejects, that cannot be satisfied, or"
            + " that does nothing",
    severity = ERROR,
    since = "0.2.0",
    category = "placement")
public final class PodAffinityIsValid implements Rule {
  private static final String FIX = "Correct the field the message names.";

  @Override
  public void check(KubeObject object, RuleContext context) {
    PodTemplate pod = object.podTemplate().orElse(null);
    if (pod == null) {
      return;
    }
    Node affinity = pod.field("affinity");
    for (String kind : List.of("podAffinity", "podAntiAffinity")) {
      Node node = YamlNodes.get(affinity, kind);
      String at = pod.specPath() + ".affinity." + kind;
      List<Node> required =
          YamlNodes.items(YamlNodes.get(node, "requiredDuringSchedulingIgnoredDuringExecution"));
      for (int i = 0; i < required.size(); i++) {
        String termAt = at + ".requiredDuringSchedulingIgnoredDuringExecution[" + i + "]";
        if (validTerm(required.get(i), termAt, context)) {
          judge(object, pod, kind, required.get(i), termAt, context);
        }
      }
      List<Node> preferred =
          YamlNodes.items(YamlNodes.get(node, "preferredDuringSchedulingIgnoredDuringExecution"));
      for (int i = 0; i < preferred.size(); i++) {
        String termAt = at + ".preferredDuringSchedulingIgnoredDuringExecution[" + i + "]";
        Node weighted = preferred.get(i);
        Node weight = YamlNodes.get(weighted, "weight");
        Integer value = YamlNodes.integer(weight);
        // validateWeightedPodAffinityTerms: "must be in the range 1-100"
        if (value == null || value < 1 || value > 100) {
          context.report(
              weight != null ? weight : weighted,
              termAt
                  + ".weight: Invalid value: "
                  + YamlNodes.text(weight)
                  + ": must be in the range 1-100",
              FIX);
        }
        Node term = YamlNodes.get(weighted, "podAffinityTerm");
        if (term == null) {
          context.report(weighted, termAt + ".podAffinityTerm: Required value", FIX);
        } else {
          validTerm(term, termAt + ".podAffinityTerm", context);
        }
      }
    }
  }

  /**
   * {@code validatePodAffinityTerm} in {@code pkg/apis/core/validation/validation.go}; whether the
   * term passed.
   */
  private static boolean validTerm(Node term, String at, RuleContext context) {
    List<Selectors.Problem> problems = new java.util.ArrayList<>();
    Selectors.topologyKey(term, at, problems);
    for (Node namespace : YamlNodes.items(YamlNodes.get(term, "namespaces"))) {
      String name = YamlNodes.text(namespace);
      if (name == null || !name.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?") || name.length() > 63) {
        problems.add(
            new Selectors.Problem(
                namespace,
                at
                    + ".namespaces: Invalid value: \""
                    + name
                    + "\": a lowercase RFC 1123 label must consist of lower case alphanumeric"
                    + " characters or '-', and must start and end with an alphanumeric character"));
      }
    }
    Node selector = YamlNodes.get(term, "labelSelector");
    problems.addAll(Selectors.validate(selector, at + ".labelSelector"));
    problems.addAll(
        Selectors.validate(YamlNodes.get(term, "namespaceSelector"), at + ".namespaceSelector"));
    // validateMatchLabelKeysAndMismatchLabelKeys
    Set<String> selectorKeys = Selectors.keys(selector);
    java.util.Map<String, String> seen = new java.util.HashMap<>();
    for (String field : List.of("matchLabelKeys", "mismatchLabelKeys")) {
      Node list = YamlNodes.get(term, field);
      List<Node> keys = YamlNodes.items(list);
      if (!keys.isEmpty() && (selector == null || YamlNodes.isNull(selector))) {
        problems.add(
            new Selectors.Problem(
                list,
                at
                    + "."
                    + field
                    + ": Forbidden: must not be specified when labelSelector is not set"));
      }
      for (int k = 0; k < keys.size(); k++) {
        String keyAt = at + "." + field + "[" + k + "]";
        String labelKey = Selectors.labelKey(keys.get(k), keyAt, field, selectorKeys, problems);
        String other = seen.putIfAbsent(labelKey, field);
        if (other != null && !other.equals(field)) {
          problems.add(
              new Selectors.Problem(
                  keys.get(k),
                  keyAt
                      + ": Invalid value: \""
                      + labelKey
                      + "\": exists in both matchLabelKeys and mismatchLabelKeys"));
        }
      }
    }
    for (Selectors.Problem problem : problems) {
      context.report(problem.node(), problem.message(), FIX);
    }
    return problems.isEmpty();
  }

  /** Required terms the API server accepts that cannot be met, or that change nothing. */
  private static void judge(
      KubeObject object, PodTemplate pod, String kind, Node term, String at, RuleContext context) {
    String what = object.kind() + " '" + object.name() + "'";
    Node selectorNode = YamlNodes.get(term, "labelSelector");
    boolean affinity = kind.equals("podAffinity");
    if (selectorNode == null || YamlNodes.isNull(selectorNode)) {
      // interpodaffinity/filtering.go: a nil selector matches no pod, and the first-pod exception
      // needs the pod to match its own term
      if (affinity) {
        context.report(
            term,
            what
                + ": "
                + at
                + " has no labelSelector, so it matches no pod and the pod can never be scheduled",
            "Set labelSelector to the labels of the pods this one must run beside.");
      } else {
        context.report(
            term,
            what
                + ": "
                + at
                + " has no labelSelector, so it matches no pod and keeps the pod from nothing",
            "Set labelSelector to the labels of the pods this one must avoid.",
            Severity.WARNING);
      }
      return;
    }
    LabelSelector selector = Selectors.parse(selectorNode);
    String key = YamlNodes.text(YamlNodes.get(term, "topologyKey"));
    if (!affinity
        && object.isDaemonSet()
        && TopologySpreadIsValid.HOSTNAME.equals(key)
        && selector != null
        && selector.matches(pod.labels())) {
      context.report(
          term,
          what + ": " + at + " keeps its pods apart per node, which a DaemonSet does already",
          "Remove the anti-affinity term.",
          Severity.WARNING);
    }
  }
}
