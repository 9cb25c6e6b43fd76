package io.chartlint.core.model;

import io.chartlint.core.load.SourceDocument;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A Kubernetes object: a document (or an item of a {@code List}) with apiVersion, kind and name.
 */
public final class KubeObject {
  private final SourceDocument document;
  private final MappingNode root;
  private final String apiVersion;
  private final String kind;
  private final String name;
  private final String namespace;
  private final PodTemplate podTemplate;

  KubeObject(SourceDocument document, MappingNode root, String podSpecPath) {
    this.document = document;
    this.root = root;
    this.apiVersion = YamlNodes.text(YamlNodes.get(root, "apiVersion"));
    this.kind = YamlNodes.text(YamlNodes.get(root, "kind"));
    Node metadata = YamlNodes.get(root, "metadata");
    String n = YamlNodes.text(YamlNodes.get(metadata, "name"));
    this.name = n != null ? n : YamlNodes.text(YamlNodes.get(metadata, "generateName"));
    this.namespace = YamlNodes.text(YamlNodes.get(metadata, "namespace"));
    this.podTemplate = podSpecPath == null ? null : PodTemplate.at(this, podSpecPath);
  }

  public SourceDocument document() {
    return document;
  }

  public MappingNode root() {
    return root;
  }

  public String apiVersion() {
    return apiVersion;
  }

  public String kind() {
    return kind;
  }

  public String name() {
    return name;
  }

  /** The namespace the object names, or null. */
  public String namespace() {
    return namespace;
  }

  public ResourceRef ref() {
    return new ResourceRef(apiVersion, kind, namespace, name);
  }

  public Node metadata() {
    return YamlNodes.get(root, "metadata");
  }

  public Map<String, String> labels() {
    return YamlNodes.stringMap(YamlNodes.get(metadata(), "labels"));
  }

  public Map<String, String> annotations() {
    return YamlNodes.stringMap(YamlNodes.get(metadata(), "annotations"));
  }

  /** The pod template, for kinds that have one at a known or configured path. */
  public Optional<PodTemplate> podTemplate() {
    return Optional.ofNullable(podTemplate);
  }

  /** Whether this is a DaemonSet, Kubernetes' own or OpenKruise's Advanced DaemonSet. */
  public boolean isDaemonSet() {
    return "DaemonSet".equals(kind);
  }

  /**
   * Where a node is below this object.
   *
   * @param path the field path, as Kubernetes prints it ({@code spec.containers[0].resources})
   * @param identity the same with named list items written by name ({@code
   *     spec.containers[name=agent].resources}), which stays the same when an item is inserted
   *     before the one the node is in
   */
  public record FieldPath(String path, String identity) {}

  /** Both paths of a node, found with one search; empty when the node is not below the object. */
  public FieldPath fieldPathOf(Node node) {
    List<String> segments = YamlNodes.segmentsOf(root, node);
    if (segments == null) {
      return new FieldPath("", "");
    }
    return new FieldPath(YamlNodes.pathOf(segments), YamlNodes.identityPathOf(root, segments));
  }

  /** The path of a node below this object, as Kubernetes prints field paths. */
  public String pathOf(Node node) {
    String path = YamlNodes.pathOf(root, node);
    return path == null ? "" : path;
  }
}
