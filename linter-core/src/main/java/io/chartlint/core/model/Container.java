package io.chartlint.core.model;

import org.yaml.snakeyaml.nodes.Node;

/** A container or init container of a pod template. */
public final class Container {
  private final PodTemplate pod;
  private final Node node;
  private final int index;
  private final boolean init;

  Container(PodTemplate pod, Node node, int index, boolean init) {
    this.pod = pod;
    this.node = node;
    this.index = index;
    this.init = init;
  }

  public PodTemplate pod() {
    return pod;
  }

  public Node node() {
    return node;
  }

  /** The position in {@code containers} or {@code initContainers}. */
  public int index() {
    return index;
  }

  public String name() {
    String name = YamlNodes.text(YamlNodes.get(node, "name"));
    return name == null ? "#" + index : name;
  }

  public String image() {
    return YamlNodes.text(YamlNodes.get(node, "image"));
  }

  public boolean isInit() {
    return init;
  }

  /**
   * An init container with {@code restartPolicy: Always}: a sidecar that runs beside the others.
   */
  public boolean isSidecar() {
    return init && "Always".equals(YamlNodes.text(YamlNodes.get(node, "restartPolicy")));
  }

  /** "container", "init container" or "sidecar container", followed by the quoted name. */
  public String describe() {
    String what = isSidecar() ? "sidecar container" : init ? "init container" : "container";
    return what + " '" + name() + "'";
  }

  public Node resources() {
    return YamlNodes.get(node, "resources");
  }

  public Node requests() {
    return YamlNodes.get(resources(), "requests");
  }

  public Node limits() {
    return YamlNodes.get(resources(), "limits");
  }

  /** Whether any port of the container binds a {@code hostPort}. */
  public boolean hasHostPort() {
    for (Node port : YamlNodes.items(YamlNodes.get(node, "ports"))) {
      String hostPort = YamlNodes.text(YamlNodes.get(port, "hostPort"));
      if (hostPort != null && !hostPort.equals("0")) {
        return true;
      }
    }
    return false;
  }
}
