package io.chartlint.core.policy;

import com.networknt.schema.Schema;
import io.chartlint.core.Severity;
import io.chartlint.core.model.KubeObject;
import io.chartlint.core.policy.cel.CelPolicy;
import io.chartlint.core.policy.polaris.PolarisCheck;
import io.chartlint.core.scheduling.LabelSelector;
import java.nio.file.Path;
import java.util.List;

/**
 * A custom rule written as data (SPEC §11): which objects it applies to, which part of them it
 * looks at, and the JSON Schema that part must satisfy or the CEL expressions that must hold. Read
 * by {@link PolicyLoader} from a policy file, a Polaris custom check file or a
 * ValidatingAdmissionPolicy.
 *
 * @param id the rule id, kebab-case, unique among built-in rules and policies
 * @param severity the default severity
 * @param summary one line: what a finding means; every finding's message starts with it
 * @param description why it matters, Markdown, possibly empty
 * @param fix how to fix a finding, possibly empty
 * @param category the category shown by {@code chartlint rules}
 * @param kinds the kinds it applies to, {@code Kind} or {@code group/Kind}; empty for every kind
 * @param excludedKinds kinds it never applies to
 * @param namespaces the namespaces it applies to, as the object names them; empty for any
 * @param selector the labels an object must have, or null
 * @param target the part of the object the schema checks
 * @param containers which containers a {@link Target#CONTAINER} policy checks
 * @param containerInPod for a container policy, check a copy of the pod spec holding only that
 *     container (Polaris's {@code schemaTarget: PodSpec}) instead of the container
 * @param schema the compiled schema
 * @param source the policy file, as displayed
 * @param file the policy file
 * @param format the format of the file
 * @param polaris what a Polaris check adds to a fixed schema (templates, additional schemas), or
 *     null; when its schema is a template, {@code schema} is null
 * @param cel the CEL match conditions, variables and validations, or null; a policy with only these
 *     has no {@code schema}
 */
public record Policy(
    String id,
    Severity severity,
    String summary,
    String description,
    String fix,
    String category,
    List<String> kinds,
    List<String> excludedKinds,
    List<String> namespaces,
    LabelSelector selector,
    Target target,
    Containers containers,
    boolean containerInPod,
    Schema schema,
    String source,
    Path file,
    Format format,
    PolarisCheck polaris,
    CelPolicy cel) {

  public Policy {
    kinds = List.copyOf(kinds);
    excludedKinds = List.copyOf(excludedKinds);
    namespaces = List.copyOf(namespaces);
  }

  /** A policy whose schema is fixed. */
  public Policy(
      String id,
      Severity severity,
      String summary,
      String description,
      String fix,
      String category,
      List<String> kinds,
      List<String> excludedKinds,
      List<String> namespaces,
      LabelSelector selector,
      Target target,
      Containers containers,
      boolean containerInPod,
      Schema schema,
      String source,
      Path file,
      Format format) {
    this(
        id,
        severity,
        summary,
        description,
        fix,
        category,
        kinds,
        excludedKinds,
        namespaces,
        selector,
        target,
        containers,
        containerInPod,
        schema,
        source,
        file,
        format,
        null,
        null);
  }

  /** What a policy's schema is applied to. */
  public enum Target {
    /** The whole object. */
    OBJECT,
    /** The whole object, for objects with a pod template only (Polaris's {@code Controller}). */
    WORKLOAD,
    /** The pod template ({@code metadata} and {@code spec}); a Pod is its own template. */
    POD_TEMPLATE,
    /** The pod spec. */
    POD_SPEC,
    /** Each container and init container, one at a time. */
    CONTAINER
  }

  /** Which containers a container policy checks. */
  public enum Containers {
    ALL,
    ONLY_CONTAINERS,
    ONLY_INIT_CONTAINERS
  }

  /** The format a policy was written in. */
  public enum Format {
    CHARTLINT,
    POLARIS,
    /** A Kubernetes ValidatingAdmissionPolicy. */
    VALIDATING_ADMISSION_POLICY
  }

  /** Whether the policy applies to an object: its kind, namespace, labels and pod template. */
  public boolean appliesTo(KubeObject object) {
    if (!kinds.isEmpty() && kinds.stream().noneMatch(k -> kindMatches(k, object))) {
      return false;
    }
    if (excludedKinds.stream().anyMatch(k -> kindMatches(k, object))) {
      return false;
    }
    if (!namespaces.isEmpty() && !namespaces.contains(object.namespace())) {
      return false;
    }
    if (selector != null && !selector.matches(object.labels())) {
      return false;
    }
    return target == Target.OBJECT || object.podTemplate().isPresent();
  }

  private static boolean kindMatches(String pattern, KubeObject object) {
    int slash = pattern.lastIndexOf('/');
    if (slash < 0) {
      return pattern.equals(object.kind());
    }
    String apiVersion = object.apiVersion() == null ? "" : object.apiVersion();
    int versionSlash = apiVersion.lastIndexOf('/');
    String group = versionSlash < 0 ? "" : apiVersion.substring(0, versionSlash);
    return pattern.substring(slash + 1).equals(object.kind())
        && pattern.substring(0, slash).equals(group);
  }
}
