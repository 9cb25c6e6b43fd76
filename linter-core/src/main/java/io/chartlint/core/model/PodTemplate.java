package io.chartlint.core.model;

import io.chartlint.core.scheduling.Derived;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.Node;

/** The pod spec of an object, and the metadata of its template where it has one. */
public final class PodTemplate {
  /**
   * The legacy annotation that carried tolerations before they were a field
   * (core.TolerationsAnnotationKey).
   */
  public static final String TOLERATIONS_ANNOTATION = "scheduler.alpha.kubernetes.io/tolerations";

  private final KubeObject owner;
  private final Node spec;
  private final Node metadata;
  private final String specPath;

  /**
   * What rules work out from this pod spec alone, kept while the object is linted: its nodes do not
   * change during a lint, and several rules read the same (the placement, the requests, the
   * schedule on the inventory).
   */
  private final Derived<PodTemplate> derived = new Derived<>();

  private PodTemplate(KubeObject owner, Node spec, Node metadata, String specPath) {
    this.owner = owner;
    this.spec = spec;
    this.metadata = metadata;
    this.specPath = specPath;
  }

  static PodTemplate at(KubeObject owner, String specPath) {
    Node spec = YamlNodes.at(owner.root(), specPath);
    if (spec == null) {
      return null;
    }
    Node metadata;
    if ("spec".equals(specPath)) {
      metadata = YamlNodes.get(owner.root(), "metadata"); // a Pod is its own template
    } else {
      String templatePath = specPath.substring(0, specPath.length() - ".spec".length());
      metadata = YamlNodes.get(YamlNodes.at(owner.root(), templatePath), "metadata");
    }
    return new PodTemplate(owner, spec, metadata, specPath);
  }

  /**
   * Something worked out from this pod spec alone, on first use, and kept with it: every rule that
   * asks again gets the same value. {@code compute} must depend on nothing but the pod spec (and
   * what the key names), and its result must not be changed by whoever reads it.
   *
   * @param key what it is, one key per kind of thing (a class, or the object it is worked out
   *     against)
   */
  public <T> T derived(Object key, Function<PodTemplate, T> compute) {
    return derived.get(this, key, compute);
  }

  public KubeObject owner() {
    return owner;
  }

  /** The pod spec node. */
  public Node spec() {
    return spec;
  }

  /** The dotted path of the pod spec in its object, such as {@code spec.template.spec}. */
  public String specPath() {
    return specPath;
  }

  /** The template's metadata node (the object's own for a Pod), or null. */
  public Node metadata() {
    return metadata;
  }

  public Map<String, String> labels() {
    return YamlNodes.stringMap(YamlNodes.get(metadata, "labels"));
  }

  public Map<String, String> annotations() {
    return YamlNodes.stringMap(YamlNodes.get(metadata, "annotations"));
  }

  public Node field(String name) {
    return YamlNodes.get(spec, name);
  }

  public boolean hostNetwork() {
    return YamlNodes.isTrue(field("hostNetwork"));
  }

  public boolean hostPID() {
    return YamlNodes.isTrue(field("hostPID"));
  }

  public boolean hostIPC() {
    return YamlNodes.isTrue(field("hostIPC"));
  }

  /** The {@code hostPath} volumes. */
  public List<Node> hostPathVolumes() {
    List<Node> found = new ArrayList<>();
    for (Node volume : YamlNodes.items(field("volumes"))) {
      if (YamlNodes.get(volume, "hostPath") != null) {
        found.add(volume);
      }
    }
    return found;
  }

  /** {@code containers}, in order. */
  public List<Container> containers() {
    return containers("containers", false);
  }

  /** {@code initContainers}, in order, sidecars ({@code restartPolicy: Always}) included. */
  public List<Container> initContainers() {
    return containers("initContainers", true);
  }

  /** Init containers, then containers: every container that runs. Never ephemeral containers. */
  public List<Container> allContainers() {
    List<Container> all = new ArrayList<>(initContainers());
    all.addAll(containers());
    return all;
  }

  private List<Container> containers(String field, boolean init) {
    List<Container> list = new ArrayList<>();
    List<Node> items = YamlNodes.items(field(field));
    for (int i = 0; i < items.size(); i++) {
      list.add(new Container(this, items.get(i), i, init));
    }
    return list;
  }

  /** The {@code tolerations} list node, or null. */
  public Node tolerationsNode() {
    return field("tolerations");
  }

  /** The tolerations of the pod spec, in order. */
  public List<TolerationNode> tolerations() {
    List<TolerationNode> list = new ArrayList<>();
    List<Node> items = YamlNodes.items(tolerationsNode());
    for (int i = 0; i < items.size(); i++) {
      list.add(new TolerationNode(items.get(i), i));
    }
    return list;
  }

  /** The {@code nodeSelector} node, or null. */
  public Node nodeSelectorNode() {
    return field("nodeSelector");
  }

  public Map<String, String> nodeSelector() {
    return YamlNodes.stringMap(nodeSelectorNode());
  }

  /** {@code affinity.nodeAffinity}, or null. */
  public Node nodeAffinity() {
    return YamlNodes.get(field("affinity"), "nodeAffinity");
  }

  /** {@code requiredDuringSchedulingIgnoredDuringExecution} of the node affinity, or null. */
  public Node requiredNodeAffinity() {
    return YamlNodes.get(nodeAffinity(), "requiredDuringSchedulingIgnoredDuringExecution");
  }

  /** The required node selector terms, or null when no required node affinity is set. */
  public List<NodeSelectorTermNode> requiredTerms() {
    Node required = requiredNodeAffinity();
    if (YamlNodes.isNull(required)) {
      return null;
    }
    List<NodeSelectorTermNode> terms = new ArrayList<>();
    List<Node> items = YamlNodes.items(YamlNodes.get(required, "nodeSelectorTerms"));
    for (int i = 0; i < items.size(); i++) {
      terms.add(new NodeSelectorTermNode(items.get(i), i));
    }
    return terms;
  }

  /** The preferred scheduling terms ({@code preference} and {@code weight}) nodes. */
  public List<Node> preferredTerms() {
    return YamlNodes.items(
        YamlNodes.get(nodeAffinity(), "preferredDuringSchedulingIgnoredDuringExecution"));
  }

  /**
   * Pod-level {@code resources} (PodLevelResources, beta and on by default since 1.34), or null.
   */
  public Node podResources() {
    return field("resources");
  }

  /** {@code overhead}, or null. */
  public Node overhead() {
    return field("overhead");
  }
}
