package io.chartlint.rules.resources;

import io.chartlint.core.model.Container;
import io.chartlint.core.model.KubeObject;
import io.chartlint.core.model.PodTemplate;
import io.chartlint.core.model.YamlNodes;
import io.chartlint.core.rule.RuleContext;
import org.yaml.snakeyaml.nodes.Node;

/** The judgement shared by the cpu and memory request rules. */
final class MissingRequests {
  private MissingRequests() {}

  static void check(KubeObject object, RuleContext context, String resource, String example) {
    PodTemplate pod = object.podTemplate().orElse(null);
    if (pod == null) {
      return;
    }
    for (ResourceSite site : ResourceSite.withRequirements(pod)) {
      // PodLevelResources (component-helpers/resource/helpers.go PodRequests): a pod-level
      // request replaces the sum of the containers' requests for that resource.
      if (site.container() == null && site.request(resource) != null) {
        return;
      }
    }
    String fix =
        "Set resources.requests." + resource + ", for example:\n" + snippet(resource, example);
    for (ResourceSite site : ResourceSite.withRequirements(pod)) {
      Container container = site.container();
      if (container == null) {
        continue;
      }
      ResourceEntry request = site.request(resource);
      if (request != null) {
        if (request.isZero()) {
          context.report(
              request.node(),
              container.describe()
                  + " requests 0 "
                  + resource
                  + " (written "
                  + request.written()
                  + ")",
              fix);
        }
        continue;
      }
      // SetDefaults_Pod (pkg/apis/core/v1/defaults.go) copies each limit into the absent request of
      // the same resource, so a limit alone is a request.
      ResourceEntry limit = site.limit(resource);
      if (limit != null) {
        if (limit.isZero()) {
          context.report(
              limit.node(),
              container.describe()
                  + " has no "
                  + resource
                  + " request and a "
                  + resource
                  + " limit of 0, which the API server copies into the request",
              fix);
        }
        continue;
      }
      context.report(
          where(container), container.describe() + " has no " + resource + " request", fix);
    }
  }

  /** The key of {@code requests} or {@code resources}, so the finding is on that field's line. */
  private static Node where(Container container) {
    if (container.requests() != null) {
      return YamlNodes.keyNode(container.resources(), "requests");
    }
    if (container.resources() != null) {
      return YamlNodes.keyNode(container.node(), "resources");
    }
    Node name = YamlNodes.get(container.node(), "name");
    return name != null ? name : container.node();
  }

  private static String snippet(String resource, String example) {
    return "resources:\n  requests:\n    " + resource + ": " + example;
  }
}
