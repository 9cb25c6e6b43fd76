package io.chartlint.rules.inventory;

import static io.chartlint.core.Severity.INFO;

import io.chartlint.core.Severity;
import io.chartlint.core.model.KubeObject;
import io.chartlint.core.model.PodTemplate;
import io.chartlint.core.rule.Rule;
import io.chartlint.core.rule.RuleContext;
import io.chartlint.core.rule.RuleInfo;
import io.chartlint.core.rule.RuleParameters;
import io.chartlint.core.scheduling.Schedule;
import java.util.List;

@RuleInfo(
    id = "daemonset-coverage",
    summary = "A DaemonSet does not run on some nodes of the cluster's inventory",
    severity = INFO,
    since = "0.2.0",
    category = "placement")
public final class DaemonSetsCoverTheirNodes implements Rule {
  static final String MUST_COVER = "mustCover";

  @Override
  public void check(KubeObject object, RuleContext context) {
    if (context.inventory().isEmpty() || !object.isDaemonSet()) {
      return;
    }
    PodTemplate pod = object.podTemplate().orElse(null);
    if (pod == null || Scheduled.bypassesScheduler(pod)) {
      return;
    }
    Schedule schedule = Scheduled.onInventory(pod, context);
    if (!schedule.anyFits()) {
      return; // workload-fits-no-node reports a DaemonSet that runs nowhere
    }
    List<String> labels = NodePools.labels(context.parameters().strings(NodePools.POOL_LABELS));
    boolean mustCover = mustCover(object, context.parameters().strings(MUST_COVER));
    // DaemonSets with the same placement miss the same pools: describe them once.
    Missed coverage =
        schedule.derived(
            new MissedKey(labels),
            outcome -> {
              List<NodePools.Miss> misses =
                  NodePools.misses(outcome.groups(), context.inventory(), labels);
              return new Missed(
                  misses.stream().mapToInt(NodePools.Miss::missed).sum(),
                  String.join(" | ", misses.stream().map(NodePools.Miss::describe).toList()));
            });
    if (coverage.nodes() == 0) {
      return;
    }
    // One finding per DaemonSet, its pools side by side: a chart's agent usually misses several.
    int missed = coverage.nodes();
    String message =
        "DaemonSet '"
            + object.name()
            + "' does not run on "
            + missed
            + (missed == 1 ? " node" : " nodes")
            + " of the inventory"
            + (mustCover ? " (it is listed in mustCover)" : "")
            + ": "
            + coverage.pools();
    String fix =
        "If it should run there, tolerate the taint or widen the selector the message names; if"
            + " it should not, this is expected"
            + (mustCover ? ", and the DaemonSet should leave mustCover." : ".");
    if (mustCover) {
      context.report(Scheduled.placementNode(pod), message, fix, Severity.ERROR);
    } else {
      context.report(Scheduled.placementNode(pod), message, fix);
    }
  }

  /** The nodes a DaemonSet's pods miss: how many, and by pool with the reasons. */
  private record Missed(int nodes, String pools) {}

  private record MissedKey(List<String> poolLabels) {}

  /** Whether the config lists the DaemonSet by {@code name} or {@code namespace/name}. */
  private static boolean mustCover(KubeObject object, List<String> listed) {
    if (listed == null) {
      return false;
    }
    String qualified = (object.namespace() == null ? "" : object.namespace()) + "/" + object.name();
    return listed.contains(object.name()) || listed.contains(qualified);
  }

  @Override
  public List<String> parameterErrors(RuleParameters parameters) {
    return Parameters.errors(parameters, List.of(NodePools.POOL_LABELS, MUST_COVER));
  }
}
