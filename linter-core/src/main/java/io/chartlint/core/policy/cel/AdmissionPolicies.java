package io.chartlint.core.policy.cel;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartlint.core.Severity;
import io.chartlint.core.policy.Policy;
import io.chartlint.core.scheduling.LabelSelector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Reads ValidatingAdmissionPolicy and ValidatingAdmissionPolicyBinding objects
 * (admissionregistration.k8s.io/v1) as {@code kubectl get validatingadmissionpolicies -o yaml}
 * writes them, a {@code List} included, into policies. Every other object in these files is a
 * candidate param ({@code paramRef}) for the bindings. Without any binding, every policy applies to
 * what its {@code matchConstraints} match; with bindings, a policy applies through the bindings
 * that name it, with their params.
 */
public final class AdmissionPolicies {
  private static final String GROUP = "admissionregistration.k8s.io/";

  private AdmissionPolicies() {}

  /** One YAML document of a policy file, with positions. */
  public record Document(Path file, String shown, String[] lines, JsonNode node) {}

  /** What is wrong with the files, one "file:line: message" each. */
  public static final class Invalid extends RuntimeException {
    private final List<String> problems;

    Invalid(List<String> problems) {
      super(String.join("; ", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }

  /** Whether a document is a Kubernetes object (not a chartlint policy or Polaris check). */
  public static boolean isKubernetesObject(JsonNode node) {
    return node != null && node.isObject() && node.has("apiVersion") && node.has("kind");
  }

  /**
   * The policies of these documents.
   *
   * @throws Invalid when an expression does not compile or an object is malformed
   */
  public static List<Policy> policies(List<Document> documents, ToIntFunction<JsonNode> lineOf) {
    List<Document> objects = new ArrayList<>();
    for (Document d : documents) {
      flatten(d, d.node(), objects);
    }
    List<String> problems = new ArrayList<>();
    List<Document> vaps = new ArrayList<>();
    List<Document> bindings = new ArrayList<>();
    List<JsonNode> others = new ArrayList<>();
    for (Document d : objects) {
      String apiVersion = d.node().path("apiVersion").asText();
      String kind = d.node().path("kind").asText();
      if (apiVersion.startsWith(GROUP) && kind.equals("ValidatingAdmissionPolicy")) {
        vaps.add(d);
      } else if (apiVersion.startsWith(GROUP) && kind.equals("ValidatingAdmissionPolicyBinding")) {
        bindings.add(d);
      } else {
        others.add(d.node());
      }
    }
    Map<String, List<CelPolicy.Binding>> byPolicy = new LinkedHashMap<>();
    Map<String, Severity> severities = new LinkedHashMap<>();
    Map<String, Document> bindingDocs = new LinkedHashMap<>();
    Compiler compiler = new Compiler(lineOf, problems);
    for (Document b : bindings) {
      JsonNode spec = b.node().path("spec");
      String name = b.node().path("metadata").path("name").asText("");
      String policyName = spec.path("policyName").asText("");
      if (policyName.isEmpty()) {
        problems.add(at(b, b.node(), lineOf) + "the binding " + name + " has no spec.policyName");
        continue;
      }
      JsonNode paramRef = spec.path("paramRef");
      LabelSelector paramSelector =
          paramRef.has("selector") ? selector(paramRef.get("selector")) : null;
      byPolicy
          .computeIfAbsent(policyName, k -> new ArrayList<>())
          .add(
              new CelPolicy.Binding(
                  name,
                  spec.has("matchResources") ? matchResources(spec.get("matchResources")) : null,
                  paramRef.has("name") ? paramRef.get("name").asText() : null,
                  paramRef.has("namespace") ? paramRef.get("namespace").asText() : null,
                  paramSelector,
                  !"Allow".equals(paramRef.path("parameterNotFoundAction").asText("Deny"))));
      bindingDocs.putIfAbsent(policyName, b);
      Severity severity = Severity.INFO;
      for (JsonNode action : spec.path("validationActions")) {
        severity =
            max(
                severity,
                switch (action.asText()) {
                  case "Deny" -> Severity.ERROR;
                  case "Warn" -> Severity.WARNING;
                  default -> Severity.INFO;
                });
      }
      if (spec.path("validationActions").isEmpty()) {
        severity = Severity.ERROR;
      }
      severities.merge(policyName, severity, AdmissionPolicies::max);
    }
    boolean bound = !bindings.isEmpty();
    List<Policy> policies = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Document d : vaps) {
      JsonNode spec = d.node().path("spec");
      String name = d.node().path("metadata").path("name").asText("");
      if (name.isEmpty()) {
        problems.add(at(d, d.node(), lineOf) + "a ValidatingAdmissionPolicy needs metadata.name");
        continue;
      }
      names.add(name);
      if (!spec.path("matchConstraints").has("resourceRules")) {
        problems.add(
            at(d, spec.isMissingNode() ? d.node() : spec, lineOf)
                + "ValidatingAdmissionPolicy "
                + name
                + " has no spec.matchConstraints.resourceRules; the API server requires them");
        continue;
      }
      CelPolicy cel =
          celPolicy(d, spec, compiler, bound, byPolicy.getOrDefault(name, List.of()), others);
      policies.add(
          new Policy(
              idOf(name),
              severities.getOrDefault(name, Severity.ERROR),
              "ValidatingAdmissionPolicy " + name + " denies the object",
              "A ValidatingAdmissionPolicy: the API server evaluates its CEL validations on every"
                  + " request it matches, and denies the request when one is false.",
              "Change the object so that every validation of the policy holds, or exclude it from"
                  + " the policy's bindings.",
              "admission",
              List.of(),
              List.of(),
              List.of(),
              null,
              Policy.Target.OBJECT,
              Policy.Containers.ALL,
              false,
              null,
              d.shown(),
              d.file(),
              Policy.Format.VALIDATING_ADMISSION_POLICY,
              null,
              cel));
    }
    for (Map.Entry<String, Document> e : bindingDocs.entrySet()) {
      if (!names.contains(e.getKey())) {
        problems.add(
            at(e.getValue(), e.getValue().node(), lineOf)
                + "the binding names policy "
                + e.getKey()
                + ", which no policy file defines");
      }
    }
    if (!problems.isEmpty()) {
      throw new Invalid(problems);
    }
    return policies;
  }

  private static void flatten(Document d, JsonNode node, List<Document> out) {
    if (node == null || !node.isObject()) {
      return;
    }
    String kind = node.path("kind").asText();
    if (kind.endsWith("List") && node.path("items").isArray()) {
      for (JsonNode item : node.get("items")) {
        flatten(d, item, out);
      }
      return;
    }
    out.add(new Document(d.file(), d.shown(), d.lines(), node));
  }

  /** Compiles the expressions of policies, collecting every problem. */
  private record Compiler(ToIntFunction<JsonNode> lineOf, List<String> problems) {
    CelExpressions.Compiled compile(
        Document d, JsonNode node, String what, CelExpressions.Result result) {
      if (node == null || node.isMissingNode() || node.isNull()) {
        return null;
      }
      if (!node.isTextual() || node.asText().isBlank()) {
        problems.add(at(d, node, lineOf) + what + " must be a non-empty string");
        return null;
      }
      try {
        return CelExpressions.compile(node.asText(), result);
      } catch (CelExpressions.CompileException e) {
        int line = expressionLine(d, node, lineOf, e.line());
        problems.add(d.shown() + ":" + line + ": " + what + " does not compile: " + e.getMessage());
        return null;
      }
    }
  }

  /** Compiles the CEL of a chartlint policy or of a ValidatingAdmissionPolicy's spec. */
  public static CelPolicy celPolicy(
      Document d, JsonNode spec, ToIntFunction<JsonNode> lineOf, List<String> problems) {
    return celPolicy(d, spec, new Compiler(lineOf, problems), false, List.of(), List.of());
  }

  private static CelPolicy celPolicy(
      Document d,
      JsonNode spec,
      Compiler compiler,
      boolean bound,
      List<CelPolicy.Binding> bindings,
      List<JsonNode> others) {
    List<CelPolicy.Named> conditions = new ArrayList<>();
    for (JsonNode c : spec.path("matchConditions")) {
      CelExpressions.Compiled e =
          compiler.compile(
              d,
              c.get("expression"),
              "matchCondition '" + c.path("name").asText() + "'",
              CelExpressions.Result.BOOL);
      if (e != null) {
        conditions.add(new CelPolicy.Named(c.path("name").asText(), e));
      }
    }
    List<CelPolicy.Named> variables = new ArrayList<>();
    for (JsonNode v : spec.path("variables")) {
      CelExpressions.Compiled e =
          compiler.compile(
              d,
              v.get("expression"),
              "variable '" + v.path("name").asText() + "'",
              CelExpressions.Result.ANY);
      if (e != null) {
        variables.add(new CelPolicy.Named(v.path("name").asText(), e));
      }
    }
    List<CelPolicy.Validation> validations = new ArrayList<>();
    int i = 0;
    for (JsonNode v : spec.path("validations")) {
      CelExpressions.Compiled e =
          compiler.compile(
              d,
              v.get("expression"),
              "validations[" + i + "].expression",
              CelExpressions.Result.BOOL);
      CelExpressions.Compiled message =
          compiler.compile(
              d,
              v.get("messageExpression"),
              "validations[" + i + "].messageExpression",
              CelExpressions.Result.STRING);
      if (e != null) {
        validations.add(
            new CelPolicy.Validation(
                e,
                v.has("message") ? v.get("message").asText() : null,
                message,
                v.has("reason") ? v.get("reason").asText() : null,
                v.has("fieldPath") ? v.get("fieldPath").asText() : null));
      }
      i++;
    }
    JsonNode paramKind = spec.path("paramKind");
    return new CelPolicy(
        conditions,
        variables,
        validations,
        spec.has("matchConstraints") ? matchResources(spec.get("matchConstraints")) : null,
        paramKind.isObject()
            ? new CelPolicy.ParamKind(
                paramKind.path("apiVersion").asText(), paramKind.path("kind").asText())
            : null,
        bindings,
        bound,
        others,
        spec.toString().contains("namespaceObject"),
        "Ignore".equals(spec.path("failurePolicy").asText("Fail")));
  }

  static MatchResources matchResources(JsonNode node) {
    return new MatchResources(
        rules(node.path("resourceRules")),
        rules(node.path("excludeResourceRules")),
        node.has("namespaceSelector") && !node.get("namespaceSelector").isEmpty()
            ? selector(node.get("namespaceSelector"))
            : null,
        node.has("objectSelector") && !node.get("objectSelector").isEmpty()
            ? selector(node.get("objectSelector"))
            : null);
  }

  private static List<MatchResources.Rule> rules(JsonNode array) {
    List<MatchResources.Rule> rules = new ArrayList<>();
    for (JsonNode r : array) {
      rules.add(
          new MatchResources.Rule(
              strings(r.path("apiGroups")),
              strings(r.path("apiVersions")),
              strings(r.path("resources")),
              strings(r.path("operations")),
              strings(r.path("resourceNames"))));
    }
    return rules;
  }

  static LabelSelector selector(JsonNode s) {
    Map<String, String> labels = new LinkedHashMap<>();
    s.path("matchLabels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
    List<LabelSelector.Requirement> expressions = new ArrayList<>();
    for (JsonNode x : s.path("matchExpressions")) {
      expressions.add(
          new LabelSelector.Requirement(
              x.path("key").asText(), x.path("operator").asText(), strings(x.path("values"))));
    }
    return new LabelSelector(labels, expressions);
  }

  private static List<String> strings(JsonNode array) {
    List<String> list = new ArrayList<>();
    array.forEach(n -> list.add(n.asText()));
    return list;
  }

  /**
   * A rule id from a policy name: {@code require-limits.example.com} → {@code
   * require-limits-example-com}.
   */
  static String idOf(String name) {
    String id = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    return id.replaceAll("^-+|-+$", "");
  }

  private static Severity max(Severity a, Severity b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static String at(Document d, JsonNode node, ToIntFunction<JsonNode> lineOf) {
    return d.shown() + ":" + lineOf.applyAsInt(node) + ": ";
  }

  /** The file line of a line of an expression; a block scalar starts after its key's line. */
  public static int expressionLine(
      Document d, JsonNode node, ToIntFunction<JsonNode> lineOf, int lineInExpression) {
    int keyLine = lineOf.applyAsInt(node);
    String keyText = keyLine - 1 < d.lines().length && keyLine >= 1 ? d.lines()[keyLine - 1] : "";
    boolean block = keyText.strip().matches(".*[:-]\\s*[|>][-+0-9]*\\s*(#.*)?");
    return keyLine + (block ? 1 : 0) + lineInExpression - 1;
  }
}
