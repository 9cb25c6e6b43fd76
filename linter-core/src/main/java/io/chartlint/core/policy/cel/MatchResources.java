package io.chartlint.core.policy.cel;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartlint.core.model.KubeObject;
import io.chartlint.core.scheduling.LabelSelector;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A ValidatingAdmissionPolicy's {@code matchConstraints} (or a binding's {@code matchResources}),
 * decided for an object about to be created or updated (k8s.io/apiserver/pkg/admission/plugin/
 * policy/matching/matching.go): a resource rule must match its group, version, resource and an
 * operation CREATE or UPDATE, no exclude rule may match, and the object and namespace selectors
 * must select it.
 *
 * <p>The resource is the kind's plural as Kubernetes names it ({@code Deployment} → {@code
 * deployments}, {@code NetworkPolicy} → {@code networkpolicies}). A namespace selector is decided
 * from a Namespace object among the inputs; without one, only from the label every namespace
 * carries, {@code kubernetes.io/metadata.name}; a selector on other labels then cannot be decided
 * and the policy is taken to apply.
 */
public record MatchResources(
    List<Rule> resourceRules,
    List<Rule> excludeResourceRules,
    LabelSelector namespaceSelector,
    LabelSelector objectSelector) {

  /** One {@code resourceRules} entry. */
  public record Rule(
      List<String> apiGroups,
      List<String> apiVersions,
      List<String> resources,
      List<String> operations,
      List<String> resourceNames) {

    boolean matches(KubeObject object) {
      String apiVersion = object.apiVersion() == null ? "" : object.apiVersion();
      int slash = apiVersion.lastIndexOf('/');
      String group = slash < 0 ? "" : apiVersion.substring(0, slash);
      String version = apiVersion.substring(slash + 1);
      String resource = resourceOf(object.kind());
      return any(apiGroups, group)
          && any(apiVersions, version)
          && (resources.contains("*") || resources.contains(resource))
          && (operations.contains("*")
              || operations.contains("CREATE")
              || operations.contains("UPDATE"))
          && (resourceNames.isEmpty()
              || (object.name() != null && resourceNames.contains(object.name())));
    }

    private static boolean any(List<String> values, String value) {
      return values.contains("*") || values.contains(value);
    }
  }

  public MatchResources {
    resourceRules = List.copyOf(resourceRules);
    excludeResourceRules = List.copyOf(excludeResourceRules);
  }

  boolean hasNamespaceSelector() {
    return namespaceSelector != null;
  }

  /** Whether an object is matched; {@code namespace} is its Namespace among the inputs, or null. */
  public boolean matches(KubeObject object, JsonNode namespace) {
    if (!resourceRules.isEmpty() && resourceRules.stream().noneMatch(r -> r.matches(object))) {
      return false;
    }
    if (excludeResourceRules.stream().anyMatch(r -> r.matches(object))) {
      return false;
    }
    if (objectSelector != null && !objectSelector.matches(object.labels())) {
      return false;
    }
    return namespaceSelector == null || namespaceSelected(object, namespace);
  }

  private boolean namespaceSelected(KubeObject object, JsonNode namespace) {
    if ("Namespace".equals(object.kind()) && "v1".equals(object.apiVersion())) {
      return namespaceSelector.matches(object.labels()); // a Namespace is matched on itself
    }
    if (object.namespace() == null) {
      return true; // cluster-scoped (or namespace left to the install): never skipped
    }
    Map<String, String> labels = new HashMap<>();
    if (namespace != null) {
      namespace
          .path("metadata")
          .path("labels")
          .properties()
          .forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
    } else {
      boolean decidable =
          namespaceSelector.matchLabels().keySet().stream().allMatch(MatchResources::isNameLabel)
              && namespaceSelector.matchExpressions().stream().allMatch(x -> isNameLabel(x.key()));
      if (!decidable) {
        return true;
      }
    }
    // the namespace controller sets this label on every namespace
    labels.put("kubernetes.io/metadata.name", object.namespace());
    return namespaceSelector.matches(labels);
  }

  private static boolean isNameLabel(String key) {
    return key.equals("kubernetes.io/metadata.name");
  }

  /**
   * The resource of a kind: its lowercase plural, as the API names it (the same guess kubectl and
   * controller-gen make: {@code -s}, {@code -es} after s/x/z/ch/sh, {@code -ies} after a consonant
   * and y), with the irregular core resources named.
   */
  public static String resourceOf(String kind) {
    if (kind == null || kind.isEmpty()) {
      return "";
    }
    String lower = kind.toLowerCase(Locale.ROOT);
    switch (lower) {
      case "endpoints":
        return "endpoints";
      case "podsecuritypolicy":
        return "podsecuritypolicies";
      default:
        break;
    }
    if (lower.endsWith("s")
        || lower.endsWith("x")
        || lower.endsWith("z")
        || lower.endsWith("ch")
        || lower.endsWith("sh")) {
      return lower + "es";
    }
    if (lower.endsWith("y")
        && lower.length() > 1
        && "aeiou".indexOf(lower.charAt(lower.length() - 2)) < 0) {
      return lower.substring(0, lower.length() - 1) + "ies";
    }
    return lower + "s";
  }
}
