package io.chartlint.rules.resources;

import static io.chartlint.core.Severity.INFO;

import io.chartlint.core.model.KubeObject;
import io.chartlint.core.model.PodTemplate;
import io.chartlint.core.model.Quantity;
import io.chartlint.core.model.YamlNodes;
import io.chartlint.core.rule.Rule;
import io.chartlint.core.rule.RuleContext;
import io.chartlint.core.rule.RuleInfo;
import org.yaml.snakeyaml.nodes.Node;

@RuleInfo(
    id = "ephemeral-storage-request-missing",
    summary = "A container requests no ephemeral storage",
    severity = INFO,
    since = "0.2.0",
    category = "resources")
public final class ContainersRequestEphemeralStorage implements Rule {
  @Override
  public void check(KubeObject object, RuleContext context) {
    PodTemplate pod = object.podTemplate().orElse(null);
    if (pod == null) {
      return;
    }
    MissingRequests.check(object, context, "ephemeral-storage", example(pod));
  }

  /**
   * A request to suggest: the largest {@code emptyDir.sizeLimit} of the pod, since what the pod
   * writes there counts against its ephemeral storage; else 1Gi.
   */
  private static String example(PodTemplate pod) {
    Quantity largest = null;
    String written = null;
    for (Node volume : YamlNodes.items(pod.field("volumes"))) {
      String limit = YamlNodes.text(YamlNodes.at(volume, "emptyDir.sizeLimit"));
      if (limit == null) {
        continue;
      }
      Quantity quantity = Quantity.tryParse(limit).orElse(null);
      if (quantity != null && (largest == null || quantity.compareTo(largest) > 0)) {
        largest = quantity;
        written = limit;
      }
    }
    return written != null ? written : "1Gi";
  }
}
