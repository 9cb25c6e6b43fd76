package io.chartlint.rules.placement;

import io.chartlint.core.scheduling.NodeSelectorRequirement;
import io.chartlint.core.scheduling.SimulatedNode;
import io.chartlint.core.scheduling.Taint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The virtual and simulated node types: Node manifests shipped in {@code virtual-nodes/}, listed by
 * its {@code index.yaml}, plus the virtual nodes among a cluster's own Node manifests.
 */
public final class VirtualNodeCatalogue {
  public static final String TYPE_ANNOTATION = "chartlint.io/virtual-node";
  public static final String SOURCE_ANNOTATION = "chartlint.io/virtual-node-source";
  public static final String EXCLUSION_ANNOTATION = "chartlint.io/virtual-node-exclusion";
  public static final String DESCRIPTION_ANNOTATION = "chartlint.io/virtual-node-description";
  private static final String DIRECTORY = "/io/chartlint/rules/virtual-nodes/";

  private static final VirtualNodeCatalogue BUILT_IN = load();

  /**
   * One node type: its nodes and the requirements that keep a pod off them.
   *
   * @param exclusions requirements to add to every required term; a node of the type fails at least
   *     one of them
   */
  public record NodeType(
      String id,
      String description,
      String source,
      List<SimulatedNode> nodes,
      List<NodeSelectorRequirement> exclusions) {
    NodeType withNodes(List<SimulatedNode> more) {
      List<SimulatedNode> all = new ArrayList<>(nodes);
      all.addAll(more);
      return new NodeType(id, description, source, all, exclusions);
    }

    /** Whether the exclusions of this type keep a node with these labels out. */
    boolean identifies(Map<String, String> labels) {
      return exclusions.stream().anyMatch(rq -> !rq.matchesLabels(labels));
    }
  }

  private final Map<String, NodeType> types;

  private VirtualNodeCatalogue(Map<String, NodeType> types) {
    this.types = types;
  }

  /** The catalogue shipped with chartlint. */
  public static VirtualNodeCatalogue builtIn() {
    return BUILT_IN;
  }

  /** Every type, in the order of {@code index.yaml}. */
  public List<NodeType> types() {
    return List.copyOf(types.values());
  }

  public List<String> ids() {
    return List.copyOf(types.keySet());
  }

  /**
   * This catalogue with a cluster's virtual nodes added to their types: a node annotated {@code
   * chartlint.io/virtual-node: <type>}, or else one that the exclusions of a type keep out (it
   * carries that type's identifying labels; the first such type in catalogue order). Other nodes
   * are real and ignored.
   */
  public VirtualNodeCatalogue withClusterNodes(List<SimulatedNode> clusterNodes) {
    if (clusterNodes.isEmpty()) {
      return this;
    }
    Map<String, List<SimulatedNode>> added = new LinkedHashMap<>();
    for (SimulatedNode node : clusterNodes) {
      String type = node.annotations().get(TYPE_ANNOTATION);
      if (type == null || !types.containsKey(type)) {
        type =
            types.values().stream()
                .filter(t -> t.identifies(node.labels()))
                .map(NodeType::id)
                .findFirst()
                .orElse(null);
      }
      if (type != null) {
        added.computeIfAbsent(type, k -> new ArrayList<>()).add(node);
      }
    }
    Map<String, NodeType> merged = new LinkedHashMap<>(types);
    added.forEach((id, nodes) -> merged.put(id, merged.get(id).withNodes(nodes)));
    return new VirtualNodeCatalogue(merged);
  }

  private static VirtualNodeCatalogue load() {
    Map<String, NodeType> types = new LinkedHashMap<>();
    for (Object entry : indexEntries(read("index.yaml"))) {
      String id;
      String description = null;
      if (entry instanceof Map<?, ?> map) {
        id = String.valueOf(map.get("id"));
        description =
            map.get("description") == null ? null : String.valueOf(map.get("description"));
      } else {
        id = String.valueOf(entry);
      }
      types.put(id, type(id, description));
    }
    return new VirtualNodeCatalogue(types);
  }

  private static List<?> indexEntries(String text) {
    Object index = yaml().load(text);
    if (index instanceof Map<?, ?> map) {
      for (Object value : map.values()) {
        if (value instanceof List<?> list) {
          return list;
        }
      }
      return List.of();
    }
    return index instanceof List<?> list ? list : List.of();
  }

  private static NodeType type(String id, String indexDescription) {
    List<SimulatedNode> nodes = new ArrayList<>();
    List<NodeSelectorRequirement> exclusions = new ArrayList<>();
    String description = indexDescription;
    String source = null;
    for (Object document : yaml().loadAll(read(id + ".yaml"))) {
      if (!(document instanceof Map<?, ?> manifest) || !"Node".equals(manifest.get("kind"))) {
        continue;
      }
      Map<?, ?> metadata = map(manifest.get("metadata"));
      Map<String, String> annotations = strings(metadata.get("annotations"));
      List<Taint> taints = new ArrayList<>();
      Object specTaints = map(manifest.get("spec")).get("taints");
      if (specTaints instanceof List<?> list) {
        for (Object t : list) {
          Map<?, ?> taint = map(t);
          taints.add(
              new Taint(
                  text(taint.get("key")), text(taint.get("value")), text(taint.get("effect"))));
        }
      }
      nodes.add(
          new SimulatedNode(
              text(metadata.get("name")), strings(metadata.get("labels")), annotations, taints));
      String exclusion = annotations.get(EXCLUSION_ANNOTATION);
      if (exclusion != null) {
        for (String line : exclusion.split("\n")) {
          if (!line.isBlank()) {
            NodeSelectorRequirement rq = NodeSelectorRequirement.parse(line);
            if (!exclusions.contains(rq)) {
              exclusions.add(rq);
            }
          }
        }
      }
      if (description == null) {
        description = annotations.get(DESCRIPTION_ANNOTATION);
      }
      if (source == null) {
        source = annotations.get(SOURCE_ANNOTATION);
      }
    }
    if (nodes.isEmpty()) {
      throw new IllegalStateException("virtual node type '" + id + "' has no Node manifest");
    }
    return new NodeType(id, description == null ? id : description, source, nodes, exclusions);
  }

  private static Yaml yaml() {
    return new Yaml(new SafeConstructor(new LoaderOptions()));
  }

  private static String read(String name) {
    try (InputStream in = VirtualNodeCatalogue.class.getResourceAsStream(DIRECTORY + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DIRECTORY + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<?, ?> map(Object value) {
    return value instanceof Map<?, ?> m ? m : Map.of();
  }

  private static Map<String, String> strings(Object value) {
    Map<String, String> result = new LinkedHashMap<>();
    map(value).forEach((k, v) -> result.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
    return result;
  }

  private static String text(Object value) {
    return value == null ? "" : String.valueOf(value);
  }
}
