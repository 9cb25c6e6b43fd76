package io.chartlint.core.policy.cel;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartlint.core.model.KubeObject;
import io.chartlint.core.scheduling.LabelSelector;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The CEL part of a policy: match conditions, variables and validations, evaluated on one object as
 * a ValidatingAdmissionPolicy is evaluated on a CREATE request
 * (k8s.io/apiserver/pkg/admission/plugin/policy/validating/validator.go): every match condition
 * must hold, then each validation that evaluates to false is a violation with its message; an
 * expression that fails on the object is a violation saying so, as the API server denies the
 * request under {@code failurePolicy: Fail}.
 *
 * <p>For a ValidatingAdmissionPolicy it also holds its {@code matchConstraints}, its {@code
 * paramKind} and the bindings that name it.
 */
public final class CelPolicy {
  /** A named expression. */
  public record Named(String name, CelExpressions.Compiled expression) {}

  /** One validation. */
  public record Validation(
      CelExpressions.Compiled expression,
      String message,
      CelExpressions.Compiled messageExpression,
      String reason,
      String fieldPath) {}

  /** A validation that fails, or an expression that errs, on an object. */
  public record Violation(String message, String fieldPath) {}

  /** The group, version and kind of a policy's params. */
  public record ParamKind(String apiVersion, String kind) {}

  /** A ValidatingAdmissionPolicyBinding, as far as it decides where and with what params. */
  public record Binding(
      String name,
      MatchResources matchResources,
      String paramName,
      String paramNamespace,
      LabelSelector paramSelector,
      boolean denyWithoutParams) {}

  private final List<Named> matchConditions;
  private final List<Named> variables;
  private final List<Validation> validations;
  private final MatchResources constraints;
  private final ParamKind paramKind;
  private final List<Binding> bindings;
  private final boolean bound;
  private final List<JsonNode> policyFileObjects;
  private final boolean readsOtherObjects;
  private final boolean failOpen;

  /**
   * @param constraints the policy's matchConstraints, or null when the policy's own scope decides
   * @param bound whether bindings decide where the policy applies (some binding exists among the
   *     policy files); then only {@code bindings} apply it
   * @param policyFileObjects the other objects of the policy files, where params may be found
   * @param usesNamespaceObject whether an expression reads {@code namespaceObject}
   * @param failOpen {@code failurePolicy: Ignore}: an expression that fails lets the object pass
   */
  public CelPolicy(
      List<Named> matchConditions,
      List<Named> variables,
      List<Validation> validations,
      MatchResources constraints,
      ParamKind paramKind,
      List<Binding> bindings,
      boolean bound,
      List<JsonNode> policyFileObjects,
      boolean usesNamespaceObject,
      boolean failOpen) {
    this.failOpen = failOpen;
    this.matchConditions = List.copyOf(matchConditions);
    this.variables = List.copyOf(variables);
    this.validations = List.copyOf(validations);
    this.constraints = constraints;
    this.paramKind = paramKind;
    this.bindings = List.copyOf(bindings);
    this.bound = bound;
    this.policyFileObjects = List.copyOf(policyFileObjects);
    this.readsOtherObjects =
        usesNamespaceObject
            || (constraints != null && constraints.hasNamespaceSelector())
            || bindings.stream()
                .anyMatch(
                    b ->
                        b.paramName() != null
                            || b.paramSelector() != null
                            || (b.matchResources() != null
                                && b.matchResources().hasNamespaceSelector()));
  }

  public List<Validation> validations() {
    return validations;
  }

  public List<Named> matchConditions() {
    return matchConditions;
  }

  public List<Named> variables() {
    return variables;
  }

  public List<Binding> bindings() {
    return bindings;
  }

  public boolean bound() {
    return bound;
  }

  /** Whether it needs the other objects of the input: params, namespaces. */
  public boolean readsOtherObjects() {
    return readsOtherObjects;
  }

  /**
   * What this policy says of one object.
   *
   * @param json the object as JSON
   * @param inputObjects the other objects of the input, where params and Namespaces may be found
   * @param jsonOf the JSON of another object
   */
  public List<Violation> check(
      KubeObject object,
      JsonNode json,
      List<KubeObject> inputObjects,
      Function<KubeObject, JsonNode> jsonOf) {
    JsonNode namespace = namespaceOf(object, inputObjects, jsonOf);
    if (constraints != null && !constraints.matches(object, namespace)) {
      return List.of();
    }
    Object objectValue = CelExpressions.valueOf(object, json);
    Object namespaceValue = namespace == null ? null : CelExpressions.value(namespace);
    if (!bound) {
      return evaluate(object, objectValue, null, namespaceValue, "");
    }
    List<Violation> violations = new ArrayList<>();
    for (Binding binding : bindings) {
      if (binding.matchResources() != null
          && !binding.matchResources().matches(object, namespace)) {
        continue;
      }
      String by = " (binding " + binding.name() + ")";
      if (binding.paramName() == null && binding.paramSelector() == null) {
        violations.addAll(evaluate(object, objectValue, null, namespaceValue, by));
        continue;
      }
      List<JsonNode> params = params(binding, object, inputObjects, jsonOf);
      if (params.isEmpty()) {
        if (binding.denyWithoutParams()) {
          violations.add(
              new Violation(
                  "no params found for policy binding with "
                      + (binding.paramName() != null
                          ? "name '" + binding.paramName() + "'"
                          : "the paramRef selector")
                      + by
                      + "; the API server denies every request this binding matches",
                  null));
        }
        continue;
      }
      for (JsonNode param : params) {
        violations.addAll(
            evaluate(object, objectValue, CelExpressions.value(param), namespaceValue, by));
      }
    }
    return violations;
  }

  private List<Violation> evaluate(
      KubeObject object, Object objectValue, Object params, Object namespace, String by) {
    Map<String, Object> activation = new HashMap<>();
    activation.put("object", objectValue);
    activation.put("oldObject", dev.cel.common.values.NullValue.NULL_VALUE);
    activation.put("params", params == null ? dev.cel.common.values.NullValue.NULL_VALUE : params);
    activation.put(
        "namespaceObject",
        namespace == null ? dev.cel.common.values.NullValue.NULL_VALUE : namespace);
    activation.put("request", request(object));
    activation.put("variables", new LazyVariables(variables, activation));
    List<Violation> violations = new ArrayList<>();
    for (Named condition : matchConditions) {
      Object result;
      try {
        result = condition.expression().evaluate(activation);
      } catch (CelExpressions.EvaluationException e) {
        if (failOpen) {
          return violations;
        }
        violations.add(
            new Violation(
                "match condition '"
                    + condition.name()
                    + "' resulted in error: "
                    + e.getMessage()
                    + by,
                null));
        return violations;
      }
      if (!Boolean.TRUE.equals(result)) {
        return violations; // the policy does not apply to this object
      }
    }
    for (Validation v : validations) {
      Object result;
      try {
        result = v.expression().evaluate(activation);
      } catch (CelExpressions.EvaluationException e) {
        if (failOpen) {
          continue;
        }
        violations.add(
            new Violation(
                "expression '"
                    + v.expression().source().strip()
                    + "' resulted in error: "
                    + e.getMessage()
                    + by,
                v.fieldPath()));
        continue;
      }
      if (!(result instanceof Boolean)) {
        violations.add(
            new Violation(
                "expression '"
                    + v.expression().source().strip()
                    + "' resulted in a "
                    + (result == null ? "null" : result.getClass().getSimpleName())
                    + ", not a bool"
                    + by,
                v.fieldPath()));
      } else if (!(Boolean) result) {
        violations.add(new Violation(message(v, activation) + reason(v) + by, v.fieldPath()));
      }
    }
    return violations;
  }

  /**
   * The message Kubernetes gives: the messageExpression's string when it evaluates to one without
   * line breaks, else the message, else "failed expression: …" (validator.go).
   */
  private static String message(Validation v, Map<String, Object> activation) {
    if (v.messageExpression() != null) {
      try {
        Object m = v.messageExpression().evaluate(activation);
        if (m instanceof String s && !s.isBlank() && !s.contains("\n") && s.length() <= 5120) {
          return s;
        }
      } catch (CelExpressions.EvaluationException e) {
        // Kubernetes falls back to the static message and logs the error
      }
    }
    if (v.message() != null && !v.message().isBlank()) {
      return v.message();
    }
    return "failed expression: " + v.expression().source().strip();
  }

  private static String reason(Validation v) {
    return v.reason() == null || v.reason().equals("Invalid")
        ? ""
        : " (reason: " + v.reason() + ")";
  }

  private static Map<String, Object> request(KubeObject object) {
    Map<String, Object> request = new LinkedHashMap<>();
    String apiVersion = object.apiVersion() == null ? "" : object.apiVersion();
    int slash = apiVersion.lastIndexOf('/');
    Map<String, Object> kind = new LinkedHashMap<>();
    kind.put("group", slash < 0 ? "" : apiVersion.substring(0, slash));
    kind.put("version", apiVersion.substring(slash + 1));
    kind.put("kind", object.kind() == null ? "" : object.kind());
    request.put("kind", kind);
    Map<String, Object> resource = new LinkedHashMap<>(kind);
    resource.remove("kind");
    resource.put("resource", MatchResources.resourceOf(object.kind()));
    request.put("resource", resource);
    request.put("name", object.name() == null ? "" : object.name());
    request.put("namespace", object.namespace() == null ? "" : object.namespace());
    request.put("operation", "CREATE");
    request.put("dryRun", false);
    request.put("userInfo", Map.of());
    return request;
  }

  private static JsonNode namespaceOf(
      KubeObject object, List<KubeObject> inputObjects, Function<KubeObject, JsonNode> jsonOf) {
    if (object.namespace() == null) {
      return null;
    }
    for (KubeObject other : inputObjects) {
      if ("Namespace".equals(other.kind())
          && "v1".equals(other.apiVersion())
          && object.namespace().equals(other.name())) {
        return jsonOf.apply(other);
      }
    }
    return null;
  }

  /** The params a binding names, from the inputs first, then the policy files. */
  private List<JsonNode> params(
      Binding binding,
      KubeObject object,
      List<KubeObject> inputObjects,
      Function<KubeObject, JsonNode> jsonOf) {
    List<JsonNode> candidates = new ArrayList<>();
    for (KubeObject other : inputObjects) {
      // only objects of the param kind are converted: the input may hold thousands of others
      if (paramKind == null
          || (paramKind.kind().equals(other.kind())
              && paramKind.apiVersion().equals(other.apiVersion()))) {
        candidates.add(jsonOf.apply(other));
      }
    }
    candidates.addAll(policyFileObjects);
    // paramRef.namespace: the params' namespace; unset, the object's own (for a namespaced
    // object), as binding.go resolves it
    String namespace =
        binding.paramNamespace() != null ? binding.paramNamespace() : object.namespace();
    List<JsonNode> found = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (JsonNode c : candidates) {
      if (paramKind != null
          && (!paramKind.apiVersion().equals(c.path("apiVersion").asText())
              || !paramKind.kind().equals(c.path("kind").asText()))) {
        continue;
      }
      String ns = c.path("metadata").path("namespace").asText("");
      if (namespace != null && !ns.isEmpty() && !namespace.equals(ns)) {
        continue;
      }
      String name = c.path("metadata").path("name").asText("");
      boolean match;
      if (binding.paramName() != null) {
        match = binding.paramName().equals(name);
      } else {
        Map<String, String> labels = new HashMap<>();
        c.path("metadata")
            .path("labels")
            .properties()
            .forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        match = binding.paramSelector().matches(labels);
      }
      if (match && seen.add(ns + "/" + name)) {
        found.add(c);
      }
    }
    return found;
  }

  /**
   * {@code variables}, each evaluated when an expression first reads it, as Kubernetes does
   * (composition.go): a variable that fails fails only the expressions that use it.
   */
  private static final class LazyVariables extends AbstractMap<String, Object> {
    private final List<Named> variables;
    private final Map<String, Object> activation;
    private final Map<String, Object> values = new HashMap<>();
    private final Map<String, RuntimeException> failures = new HashMap<>();

    LazyVariables(List<Named> variables, Map<String, Object> activation) {
      this.variables = variables;
      this.activation = activation;
    }

    @Override
    public boolean containsKey(Object key) {
      return variables.stream().anyMatch(v -> v.name().equals(key));
    }

    @Override
    public Object get(Object key) {
      if (values.containsKey(key)) {
        return values.get(key);
      }
      if (failures.containsKey(key)) {
        throw failures.get(key);
      }
      for (Named v : variables) {
        if (v.name().equals(key)) {
          try {
            Object value = v.expression().evaluate(activation);
            values.put(v.name(), value);
            return value;
          } catch (CelExpressions.EvaluationException e) {
            RuntimeException failure =
                new IllegalStateException(
                    "variable '" + v.name() + "' resulted in error: " + e.getMessage());
            failures.put(v.name(), failure);
            throw failure;
          }
        }
      }
      return null;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      Map<String, Object> all = new LinkedHashMap<>();
      for (Named v : variables) {
        all.put(v.name(), get(v.name()));
      }
      return all.entrySet();
    }
  }
}
