package io.chartlint.rules.spread;

import static io.chartlint.core.Severity.ERROR;

import io.chartlint.core.Severity;
import io.chartlint.core.model.KubeObject;
import io.chartlint.core.model.PodTemplate;
import io.chartlint.core.model.Replicas;
import io.chartlint.core.model.YamlNodes;
import io.chartlint.core.rule.Rule;
import io.chartlint.core.rule.RuleContext;
import io.chartlint.core.rule.RuleInfo;
import io.chartlint.core.scheduling.LabelSelector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

@RuleInfo(
    id = "topology-spread-invalid",
    summary =
        "topologySpreadConstraints that the API server rejects, that cannot be satisfied, or that"
            + " do nothing",
    severity = ERROR,
    since = "0.2.0",
    category = "placement")
public final class TopologySpreadIsValid implements Rule {
  static final String HOSTNAME = "kubernetes.io/hostname";

  @Override
  public void check(KubeObject object, RuleContext context) {
    PodTemplate pod = object.podTemplate().orElse(null);
    if (pod == null) {
      return;
    }
    List<Node> constraints = YamlNodes.items(pod.field("topologySpreadConstraints"));
    String base = pod.specPath() + ".topologySpreadConstraints";
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < constraints.size(); i++) {
      Node constraint = constraints.get(i);
      String at = base + "[" + i + "]";
      List<Selectors.Problem> problems = validate(constraint, at, seen);
      for (Selectors.Problem problem : problems) {
        context.report(problem.node(), problem.message(), "Correct the field the message names.");
      }
      if (problems.isEmpty()) {
        judge(object, pod, constraint, at, context);
      }
    }
  }

  /**
   * {@code validateTopologySpreadConstraints} in {@code pkg/apis/core/validation/validation.go}.
   */
  private static List<Selectors.Problem> validate(Node constraint, String at, Set<String> seen) {
    List<Selectors.Problem> problems = new ArrayList<>();
    Node maxSkew = YamlNodes.get(constraint, "maxSkew");
    Integer skew = YamlNodes.integer(maxSkew);
    if (skew == null || skew <= 0) {
      problems.add(
          new Selectors.Problem(
              maxSkew != null ? maxSkew : constraint,
              at
                  + ".maxSkew: Invalid value: "
                  + YamlNodes.text(maxSkew)
                  + ": must be greater than zero"));
    }
    String key = Selectors.topologyKey(constraint, at, problems);
    Node whenNode = YamlNodes.get(constraint, "whenUnsatisfiable");
    String when = YamlNodes.text(whenNode);
    if (!"DoNotSchedule".equals(when) && !"ScheduleAnyway".equals(when)) {
      problems.add(
          new Selectors.Problem(
              whenNode != null ? whenNode : constraint,
              at
                  + ".whenUnsatisfiable: Unsupported value: \""
                  + (when == null ? "" : when)
                  + "\": supported values: \"DoNotSchedule\", \"ScheduleAnyway\""));
    } else if (key != null && !seen.add(key + "\u0000" + when)) {
      problems.add(
          new Selectors.Problem(
              constraint,
              at
                  + ".{topologyKey, whenUnsatisfiable}: Duplicate value: \"{"
                  + key
                  + ", "
                  + when
                  + "}\""));
    }
    Node minDomains = YamlNodes.get(constraint, "minDomains");
    if (minDomains != null && !YamlNodes.isNull(minDomains)) {
      Integer domains = YamlNodes.integer(minDomains);
      if (domains == null || domains <= 0) {
        problems.add(
            new Selectors.Problem(
                minDomains,
                at
                    + ".minDomains: Invalid value: "
                    + YamlNodes.text(minDomains)
                    + ": must be greater than 0"));
      } else if ("ScheduleAnyway".equals(when)) {
        problems.add(
            new Selectors.Problem(
                minDomains,
                at
                    + ".minDomains: Invalid value: "
                    + domains
                    + ": can only use minDomains if whenUnsatisfiable=DoNotSchedule, not"
                    + " ScheduleAnyway"));
      }
    }
    for (String policy : List.of("nodeAffinityPolicy", "nodeTaintsPolicy")) {
      Node node = YamlNodes.get(constraint, policy);
      String value = YamlNodes.text(node);
      if (node != null && !"Honor".equals(value) && !"Ignore".equals(value)) {
        problems.add(
            new Selectors.Problem(
                node,
                at
                    + "."
                    + policy
                    + ": Unsupported value: \""
                    + value
                    + "\": supported values:"
                    + " \"Honor\", \"Ignore\""));
      }
    }
    Node selector = YamlNodes.get(constraint, "labelSelector");
    // validateMatchLabelKeysInTopologySpread
    List<Node> matchLabelKeys = YamlNodes.items(YamlNodes.get(constraint, "matchLabelKeys"));
    if (!matchLabelKeys.isEmpty()) {
      Set<String> selectorKeys = Selectors.keys(selector);
      if (selector == null || YamlNodes.isNull(selector)) {
        problems.add(
            new Selectors.Problem(
                YamlNodes.get(constraint, "matchLabelKeys"),
                at
                    + ".matchLabelKeys: Required value: must not be specified when labelSelector is"
                    + " not set"));
      }
      for (int k = 0; k < matchLabelKeys.size(); k++) {
        Selectors.labelKey(
            matchLabelKeys.get(k),
            at + ".matchLabelKeys[" + k + "]",
            "matchLabelKeys",
            selectorKeys,
            problems);
      }
    }
    problems.addAll(Selectors.validate(selector, at + ".labelSelector"));
    return problems;
  }

  /** Constraints the API server accepts that cannot be met, or that change nothing. */
  private static void judge(
      KubeObject object, PodTemplate pod, Node constraint, String at, RuleContext context) {
    String key = YamlNodes.text(YamlNodes.get(constraint, "topologyKey"));
    String when = YamlNodes.text(YamlNodes.get(constraint, "whenUnsatisfiable"));
    String what = object.kind() + " '" + object.name() + "'";
    if (object.isDaemonSet()) {
      if ("DoNotSchedule".equals(when) && !HOSTNAME.equals(key)) {
        context.report(
            YamlNodes.get(constraint, "whenUnsatisfiable"),
            what
                + ": "
                + at
                + " spreads a DaemonSet's pods over "
                + key
                + " with DoNotSchedule: the DaemonSet puts one pod on every node, so wherever the"
                + " domains have unequal numbers of nodes, the pods of the larger ones exceed the"
                + " skew and stay Pending",
            "Remove topologySpreadConstraints from the DaemonSet: it already runs one pod per"
                + " node.");
      } else {
        context.report(
            constraint,
            what + ": " + at + " does nothing on a DaemonSet, which runs one pod per node",
            "Remove topologySpreadConstraints from the DaemonSet.",
            Severity.WARNING);
      }
      return;
    }
    Node selectorNode = YamlNodes.get(constraint, "labelSelector");
    LabelSelector selector = Selectors.parse(selectorNode);
    boolean matchLabelKeys =
        !YamlNodes.items(YamlNodes.get(constraint, "matchLabelKeys")).isEmpty();
    if (selectorNode == null || YamlNodes.isNull(selectorNode)) {
      context.report(
          constraint,
          what + ": " + at + " has no labelSelector, so it counts no pods and spreads nothing",
          "Set labelSelector to the labels of this workload's pods.",
          Severity.WARNING);
      return;
    }
    if (selector != null && !matchLabelKeys && !selector.matches(pod.labels())) {
      context.report(
          selectorNode,
          what
              + ": "
              + at
              + ".labelSelector matches none of the pod's own labels, so its pods are not"
              + " spread among themselves",
          "Make labelSelector match the pod template's labels.",
          Severity.WARNING);
      return;
    }
    // A count the API server rejects (Replicas.of is empty) creates no pods to judge.
    if (Replicas.of(object).orElse(-1) == 1) {
      context.report(
          constraint,
          what + ": " + at + " does nothing with 1 replica",
          "Remove the constraint, or run more replicas.",
          Severity.WARNING);
    }
  }
}
