package io.chartlint.rules.resources;

import io.chartlint.core.model.Container;
import io.chartlint.core.model.PodTemplate;
import io.chartlint.core.model.YamlNodes;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * A place in a pod spec where resource quantities are written: a container's or the pod's {@code
 * resources} (requests and limits), or the pod's {@code overhead} (a plain resource list).
 *
 * @param what how messages name it: "container 'web'", "pod-level resources", "overhead"
 * @param field the Kubernetes field path prefix used in its messages ({@code resources} or {@code
 *     overhead})
 * @param container the container, or null for pod-level resources and overhead
 * @param requests the requests, or for overhead its entries
 * @param limits the limits (empty for overhead)
 */
record ResourceSite(
    String what,
    String field,
    Container container,
    List<ResourceEntry> requests,
    List<ResourceEntry> limits) {

  /** Every container and init container (never ephemeral ones), then pod-level resources. */
  static List<ResourceSite> withRequirements(PodTemplate pod) {
    List<ResourceSite> sites = new ArrayList<>();
    for (Container container : pod.allContainers()) {
      sites.add(
          new ResourceSite(
              container.describe(),
              "resources",
              container,
              entries(container.requests()),
              entries(container.limits())));
    }
    Node podResources = pod.podResources();
    if (podResources != null) {
      sites.add(
          new ResourceSite(
              "pod-level resources",
              "resources",
              null,
              entries(YamlNodes.get(podResources, "requests")),
              entries(YamlNodes.get(podResources, "limits"))));
    }
    return sites;
  }

  /** {@link #withRequirements} and {@code overhead}. */
  static List<ResourceSite> all(PodTemplate pod) {
    List<ResourceSite> sites = withRequirements(pod);
    Node overhead = pod.overhead();
    if (overhead != null) {
      sites.add(new ResourceSite("overhead", "overhead", null, entries(overhead), List.of()));
    }
    return sites;
  }

  private static List<ResourceEntry> entries(Node list) {
    List<ResourceEntry> entries = new ArrayList<>();
    for (NodeTuple tuple : YamlNodes.entries(list)) {
      String name = YamlNodes.text(tuple.getKeyNode());
      if (name != null) {
        entries.add(ResourceEntry.of(name, tuple.getValueNode()));
      }
    }
    return entries;
  }

  /** The request of a resource, or null. */
  ResourceEntry request(String name) {
    return find(requests, name);
  }

  /** The limit of a resource, or null. */
  ResourceEntry limit(String name) {
    return find(limits, name);
  }

  private static ResourceEntry find(List<ResourceEntry> entries, String name) {
    ResourceEntry found = null;
    for (ResourceEntry entry : entries) {
      if (entry.name().equals(name)) {
        found = entry; // the last one wins, as in Kubernetes' decoder
      }
    }
    return found;
  }

  /** Where a list of this site is in Kubernetes' messages: {@code resources.requests}. */
  String listPath(boolean limit) {
    return field.equals("overhead") ? field : field + (limit ? ".limits" : ".requests");
  }

  /** Kubernetes' field path of one entry: {@code resources.requests[cpu]}. */
  String entryPath(ResourceEntry entry, boolean limit) {
    return listPath(limit) + "[" + entry.name() + "]";
  }
}
