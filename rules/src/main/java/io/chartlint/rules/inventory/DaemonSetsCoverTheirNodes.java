package io.chartlint.rules.inventory;

import static io.chartlint.core.Severity.INFO;

import io.chartlint.core.Severity;
import io.chartlint.core.model.KubeObject;
import io.chartlint.core.model.PodTemplate;
import io.chartlint.core.model.SchedulingInputs;
import io.chartlint.core.rule.Rule;
import io.chartlint.core.rule.RuleContext;
import io.chartlint.core.rule.RuleInfo;
import io.chartlint.core.rule.RuleParameters;
import io.chartlint.core.scheduling.InventoryNode;
import io.chartlint.core.scheduling.NodeGroup;
import io.chartlint.core.scheduling.NodeInventory;
import io.chartlint.core.scheduling.PodPlacement;
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
    String os = SchedulingInputs.os(pod);
    Missed coverage =
        schedule.derived(
            new MissedKey(labels, os), outcome -> missed(outcome, context.inventory(), labels, os));
    if (coverage.nodes() == 0 && coverage.windows().isEmpty()) {
      return;
    }
    // One finding per DaemonSet, its pools side by side: a chart's agent usually misses several.
    int missed = coverage.nodes();
    String message =
        "DaemonSet '"
            + object.name()
            + (missed == 0
                ? "' runs on every node of the inventory"
                : "' does not run on "
                    + missed
                    + (missed == 1 ? " node" : " nodes")
                    + " of the inventory")
            + (mustCover ? " (it is listed in mustCover)" : "")
            + (missed == 0 ? "" : ": " + coverage.pools())
            + coverage.windows();
    String fix =
        "If it should run there, tolerate the taint or widen the selector the message names; if"
            + " it should not, this is expected"
            + (mustCover ? ", and the DaemonSet should leave mustCover." : ".")
            + (coverage.windows().isEmpty()
                ? ""
                : " On Windows nodes, select kubernetes.io/os: linux unless its images are built"
                    + " for Windows.");
    if (mustCover && missed > 0) {
      context.report(Scheduled.placementNode(pod), message, fix, Severity.ERROR);
    } else {
      context.report(Scheduled.placementNode(pod), message, fix);
    }
  }

  /**
   * The nodes a DaemonSet's pods miss: how many, and by pool with the reasons; and the sentence on
   * Windows nodes it is scheduled onto without choosing them, or an empty string.
   */
  private record Missed(int nodes, String pools, String windows) {}

  private record MissedKey(List<String> poolLabels, String podOs) {}

  private static Missed missed(
      Schedule schedule, NodeInventory inventory, List<String> labels, String podOs) {
    List<NodePools.Miss> misses =
        NodePools.misses(schedule.groups(), inventory, labels, NodesWithoutDaemonSets::reason);
    return new Missed(
        misses.stream().mapToInt(NodePools.Miss::missed).sum(),
        String.join(" | ", misses.stream().map(NodePools.Miss::describe).toList()),
        windows(schedule, podOs));
  }

  /**
   * The Windows nodes the pod is scheduled onto although nothing in it chooses an operating system
   * (no {@code kubernetes.io/os} in its node selector or required node affinity, no {@code
   * spec.os.name}). The scheduler places it there, as Kubernetes does; but a DaemonSet's images are
   * usually built for Linux only, and then its pods there never start (the image pull finds no
   * manifest for windows).
   */
  private static String windows(Schedule schedule, String podOs) {
    if (podOs != null) {
      return "";
    }
    int count = 0;
    for (NodeGroup group : schedule.groups()) {
      if (!group.fit().fits() || choosesOs(group.fit().placement().pod())) {
        continue;
      }
      for (InventoryNode node : group.nodes()) {
        if ("windows".equals(node.node().labels().get(InventoryNode.OS_LABEL))
            && NodesWithoutDaemonSets.reason(node) == null) {
          count++;
        }
      }
    }
    if (count == 0) {
      return "";
    }
    return ". It is scheduled onto "
        + (count == 1 ? "1 Windows node" : count + " Windows nodes")
        + " although nothing in it selects kubernetes.io/os: unless its images are built for"
        + " Windows, its pods there cannot start";
  }

  private static boolean choosesOs(PodPlacement placement) {
    if (placement.nodeSelector().containsKey(InventoryNode.OS_LABEL)) {
      return true;
    }
    if (placement.requiredTerms() == null) {
      return false;
    }
    return placement.requiredTerms().stream()
        .flatMap(term -> term.matchExpressions().stream())
        .anyMatch(requirement -> InventoryNode.OS_LABEL.equals(requirement.key()));
  }

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
