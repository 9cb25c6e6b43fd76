package io.chartlint.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.path.NodePath;
import io.chartlint.core.model.Container;
import io.chartlint.core.model.KubeObject;
import io.chartlint.core.model.PodTemplate;
import io.chartlint.core.model.YamlNodes;
import io.chartlint.core.policy.cel.CelPolicy;
import io.chartlint.core.policy.cel.FieldPaths;
import io.chartlint.core.policy.polaris.PolarisCheck;
import io.chartlint.core.rule.Rule;
import io.chartlint.core.rule.RuleContext;
import io.chartlint.core.rule.RuleDescriptor;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
  public boolean readsOtherObjects() {
    return (policy.polaris() != null && !policy.polaris().additional().isEmpty())
        || (policy.cel() != null && policy.cel().readsOtherObjects());
  }

  @Override
  public void check(KubeObject object, RuleContext context) {
    if (!policy.appliesTo(object)) {
      return;
    }
    if (policy.cel() != null) {
      checkCel(object, context);
    }
    if (policy.schema() == null && policy.polaris() == null) {
      return;
    }
    switch (policy.target()) {
      case OBJECT, WORKLOAD -> {
        Check c = new Check(object, null, null, context);
        bounded(context, object.root(), "", () -> c.validate(null, object.root(), ""));
      }
      case POD_TEMPLATE -> {
        PodTemplate pod = object.podTemplate().orElseThrow();
        Node template = templateNode(object, pod);
        Check c = new Check(object, pod, null, context);
        bounded(context, template, "", () -> c.validate(parentOf(object, template), template, ""));
      }
      case POD_SPEC -> {
        PodTemplate pod = object.podTemplate().orElseThrow();
        Check c = new Check(object, pod, null, context);
        bounded(
            context,
            pod.spec(),
            "",
            () -> c.validate(parentOf(object, pod.spec()), pod.spec(), ""));
      }
      case CONTAINER -> {
        PodTemplate pod = object.podTemplate().orElseThrow();
        for (Container container : pod.allContainers()) {
          if (container.isInit()
              ? policy.containers() == Policy.Containers.ONLY_CONTAINERS
              : policy.containers() == Policy.Containers.ONLY_INIT_CONTAINERS) {
            continue;
          }
          Check c = new Check(object, pod, container, context);
          String prefix = container.describe() + ": ";
          if (policy.containerInPod()) {
            bounded(context, container.node(), prefix, c::validateInPod);
          } else {
            bounded(
                context,
                container.node(),
                prefix,
                () -> c.validate(null, container.node(), prefix));
          }
        }
      }
    }
  }

  /**
   * Runs one target's check; a pattern that runs out of time on one of its values (see {@link
   * BoundedPatterns}) makes it a finding at the target, and the next target is checked as usual.
   */
  private void bounded(RuleContext context, Node anchor, String prefix, Runnable check) {
    try {
      check.run();
    } catch (BoundedPatterns.TooSlow e) {
      context.report(
          anchor,
          policy.summary()
              + ": "
              + prefix
              + "could not be checked: the policy's pattern \""
              + e.pattern()
              + "\" ran longer than "
              + BoundedPatterns.LIMIT.toMillis()
              + " ms on a value of "
              + e.valueLength()
              + " characters",
          "Write the pattern so that it cannot backtrack without bound: no repeated group whose"
              + " alternatives overlap, such as (a|aa)* or (a+)+.");
    }
  }

  /** One target of one object: its schema (rendered for it when a Polaris template) and checks. */
  private final class Check {
    private final KubeObject object;
    private final PodTemplate pod;
    private final Container container;
    private final RuleContext context;
    private Map<String, Object> data;

    Check(KubeObject object, PodTemplate pod, Container container, RuleContext context) {
      this.object = object;
      this.pod = pod;
      this.container = container;
      this.context = context;
    }

    /** The template data Polaris builds for this target. */
    private Map<String, Object> data() {
      if (data == null) {
        JsonNode spec = pod == null ? null : TargetJson.of(object.root(), pod.spec());
        JsonNode template =
            pod == null ? null : TargetJson.of(object.root(), templateNode(object, pod));
        JsonNode c = container == null ? null : TargetJson.of(object.root(), container.node());
        data = PolarisCheck.data(TargetJson.of(object.root(), object.root()), spec, template, c);
      }
      return data;
    }

    /** The schema, or null when nothing is to be checked; a failed render is a finding. */
    private Optional<Schema> schema(Node anchor, String prefix) {
      if (policy.polaris() == null) {
        return Optional.of(policy.schema());
      }
      try {
        return Optional.ofNullable(
            policy.polaris().schema(data(), PolicySchemas::compile, policy.schema()));
      } catch (PolarisCheck.RenderException e) {
        context.report(anchor, policy.summary() + ": " + prefix + e.getMessage(), policy.fix());
        return Optional.empty();
      }
    }

    void validate(Node targetParent, Node target, String prefix) {
      Optional<Schema> schema = schema(TargetJson.anchor(targetParent, target), prefix);
      if (schema.isEmpty()) {
        return;
      }
      JsonNode json = TargetJson.of(object.root(), target);
      List<Error> errors = schema.get().validate(json);
      for (Error error : errors) {
        TargetJson.Located at = TargetJson.locate(target, error.getInstanceLocation());
        report(at.parent() == null ? targetParent : at.parent(), at.node(), error, prefix, context);
      }
      if (errors.isEmpty()) {
        additional(TargetJson.anchor(targetParent, target), prefix);
      }
    }

    /**
     * Polaris's {@code schemaTarget: PodSpec} on a container check: the pod spec with that
     * container as its only container and no init containers.
     */
    void validateInPod() {
      String prefix = container.describe() + ": ";
      Optional<Schema> schema = schema(container.node(), prefix);
      if (schema.isEmpty()) {
        return;
      }
      ObjectNode podJson = JsonNodeFactory.instance.objectNode();
      podJson.setAll((ObjectNode) TargetJson.of(object.root(), pod.spec()));
      ArrayNode only = podJson.putArray("containers");
      only.add(TargetJson.of(object.root(), container.node()));
      podJson.putArray("initContainers");
      List<Error> errors = schema.get().validate(podJson);
      for (Error error : errors) {
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
      if (errors.isEmpty()) {
        additional(container.node(), prefix);
      }
    }

    /**
     * Polaris's additional schemas: for each, some object of that kind in the object's namespace (a
     * Namespace's own name for a Namespace), or one without a namespace, such as a ClusterRole for
     * a RoleBinding, must satisfy it (pkg/validator/schema.go, applySchemaCheck; Polaris's
     * rolebindingClusterAdminClusterRole fixtures expect cluster-scoped objects to count).
     */
    private void additional(Node anchor, String prefix) {
      if (policy.polaris() == null || policy.polaris().additional().isEmpty()) {
        return;
      }
      Map<String, Schema> schemas;
      try {
        schemas = policy.polaris().additionalSchemas(data(), PolicySchemas::compile);
      } catch (PolarisCheck.RenderException e) {
        context.report(anchor, policy.summary() + ": " + prefix + e.getMessage(), policy.fix());
        return;
      }
      String namespace = "Namespace".equals(object.kind()) ? object.name() : object.namespace();
      for (Map.Entry<String, Schema> e : schemas.entrySet()) {
        boolean met = false;
        for (KubeObject other : context.inputObjects()) {
          if (PolarisCheck.groupKindMatches(e.getKey(), other.apiVersion(), other.kind())
              && (nullToEmpty(other.namespace()).isEmpty()
                  || Objects.equals(nullToEmpty(namespace), other.namespace()))
              && e.getValue().validate(TargetJson.of(other.root(), other.root())).isEmpty()) {
            met = true;
            break;
          }
        }
        if (!met) {
          String where = nullToEmpty(namespace).isEmpty() ? "" : " in namespace " + namespace;
          context.report(
              anchor,
              policy.summary()
                  + ": "
                  + prefix
                  + "no "
                  + PolarisCheck.kindOf(e.getKey())
                  + where
                  + " satisfies the check's "
                  + e.getKey()
                  + " schema for this object",
              policy.fix());
          return;
        }
      }
    }
  }

  /** The CEL validations, on the whole object; a violation with a fieldPath is reported there. */
  private void checkCel(KubeObject object, RuleContext context) {
    List<CelPolicy.Violation> violations =
        policy
            .cel()
            .check(
                object,
                TargetJson.of(object.root(), object.root()),
                context.inputObjects(),
                other -> TargetJson.of(other.root(), other.root()));
    for (CelPolicy.Violation v : violations) {
      Node anchor = object.root();
      if (v.fieldPath() != null) {
        Node field = FieldPaths.find(object.root(), v.fieldPath());
        if (field != null) {
          anchor = field;
        }
      }
      context.report(anchor, policy.summary() + ": " + v.message(), policy.fix());
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
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
