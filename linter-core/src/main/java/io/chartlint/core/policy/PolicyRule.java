package io.chartlint.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import io.chartlint.core.model.Container;
import io.chartlint.core.model.KubeObject;
import io.chartlint.core.model.PodTemplate;
import io.chartlint.core.model.YamlNodes;
import io.chartlint.core.rule.Rule;
import io.chartlint.core.rule.RuleContext;
import io.chartlint.core.rule.RuleDescriptor;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A {@link Policy} as a {@link Rule}, so that configuration, suppression, baselines and reports
 * treat it as they treat a built-in rule. One finding per schema error, at the line of the field
 * the error is about, or of the target when that field is missing.
 */
public final class PolicyRule implements Rule {
  private final Policy policy;

  public PolicyRule(Policy policy) {
    this.policy = policy;
  }

  public Policy policy() {
    return policy;
  }

  /** The policy as the rule catalogue lists it. */
  public RuleDescriptor descriptor() {
    return new RuleDescriptor(
        policy.id(),
        policy.summary(),
        policy.severity(),
        RuleDescriptor.CUSTOM,
        policy.category(),
        PolicyLoader.explanation(policy),
        this);
  }

  @Override
  public void check(KubeObject object, RuleContext context) {
    if (!policy.appliesTo(object)) {
      return;
    }
    switch (policy.target()) {
      case OBJECT, WORKLOAD -> validate(object, null, object.root(), "", context);
      case POD_TEMPLATE -> {
        PodTemplate pod = object.podTemplate().orElseThrow();
        Node template = templateNode(object, pod);
        validate(object, parentOf(object, template), template, "", context);
      }
      case POD_SPEC -> {
        PodTemplate pod = object.podTemplate().orElseThrow();
        validate(object, parentOf(object, pod.spec()), pod.spec(), "", context);
      }
      case CONTAINER -> {
        PodTemplate pod = object.podTemplate().orElseThrow();
        for (Container container : pod.allContainers()) {
          if (container.isInit()
              ? policy.containers() == Policy.Containers.ONLY_CONTAINERS
              : policy.containers() == Policy.Containers.ONLY_INIT_CONTAINERS) {
            continue;
          }
          if (policy.containerInPod()) {
            validateInPod(object, pod, container, context);
          } else {
            validate(object, null, container.node(), container.describe() + ": ", context);
          }
        }
      }
    }
  }

  private void validate(
      KubeObject object, Node targetParent, Node target, String prefix, RuleContext context) {
    JsonNode json = TargetJson.of(object.root(), target);
    for (Error error : policy.schema().validate(json)) {
      TargetJson.Located at = TargetJson.locate(target, error.getInstanceLocation());
      report(at.parent() == null ? targetParent : at.parent(), at.node(), error, prefix, context);
    }
  }

  /**
   * Polaris's {@code schemaTarget: PodSpec} on a container check: the pod spec with that container
   * as its only container and no init containers.
   */
  private void validateInPod(
      KubeObject object, PodTemplate pod, Container container, RuleContext context) {
    ObjectNode podJson = JsonNodeFactory.instance.objectNode();
    podJson.setAll((ObjectNode) TargetJson.of(object.root(), pod.spec()));
    ArrayNode only = podJson.putArray("containers");
    only.add(TargetJson.of(object.root(), container.node()));
    podJson.putArray("initContainers");
    String prefix = container.describe() + ": ";
    for (Error error : policy.schema().validate(podJson)) {
      NodePath location = error.getInstanceLocation();
      TargetJson.Located at;
      if (location.getNameCount() >= 2 && "containers".equals(location.getName(0))) {
        NodePath rest = new NodePath(location.getPathType());
        for (int i = 2; i < location.getNameCount(); i++) {
          Object element = location.getElement(i);
          rest = element instanceof Integer n ? rest.append(n) : rest.append(element.toString());
        }
        at = TargetJson.locate(container.node(), rest);
      } else {
        at = TargetJson.locate(pod.spec(), location);
      }
      report(at.parent(), at.node(), error, prefix, context);
    }
  }

  private void report(Node parent, Node node, Error error, String prefix, RuleContext context) {
    Node anchor = TargetJson.anchor(parent, node);
    String property = error.getProperty();
    Node propertyKey = property == null ? null : YamlNodes.keyNode(node, property);
    if (propertyKey != null) {
      anchor = propertyKey; // an unexpected or forbidden property: its own line
    }
    String where = error.getInstanceLocation().getNameCount() == 0 ? "" : pathOf(error) + ": ";
    context.report(anchor, policy.summary() + ": " + prefix + where + reason(error), policy.fix());
  }

  /** The validator's reason, without the location it may start with. */
  private static String reason(Error error) {
    String message = error.getMessage();
    String location = error.getInstanceLocation().toString();
    if (message.startsWith(location + ": ")) {
      return message.substring(location.length() + 2);
    }
    return message;
  }

  /** The instance location as a field path: {@code resources.limits.memory}. */
  private static String pathOf(Error error) {
    NodePath location = error.getInstanceLocation();
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      if (element instanceof Integer n) {
        s.append('[').append(n).append(']');
      } else {
        if (s.length() > 0) {
          s.append('.');
        }
        s.append(element);
      }
    }
    return s.toString();
  }

  private static Node templateNode(KubeObject object, PodTemplate pod) {
    if ("spec".equals(pod.specPath())) {
      return object.root(); // a Pod is its own template
    }
    String path = pod.specPath().substring(0, pod.specPath().length() - ".spec".length());
    return YamlNodes.at(object.root(), path);
  }

  private static Node parentOf(KubeObject object, Node node) {
    String path = object.pathOf(node);
    int dot = path.lastIndexOf('.');
    if (path.isEmpty()) {
      return null;
    }
    return dot < 0 ? object.root() : YamlNodes.at(object.root(), path.substring(0, dot));
  }

  @Override
  public String toString() {
    return "policy " + policy.id() + " (" + policy.source() + ")";
  }
}
