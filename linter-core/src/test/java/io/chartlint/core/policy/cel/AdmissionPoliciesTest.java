package io.chartlint.core.policy.cel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chartlint.core.UsageException;
import io.chartlint.core.engine.LintRequest;
import io.chartlint.core.engine.LintResult;
import io.chartlint.core.engine.Linter;
import io.chartlint.core.policy.PolicyLoader;
import io.chartlint.core.rule.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ValidatingAdmissionPolicies and CEL policies, loaded from files and run over manifests. */
class AdmissionPoliciesTest {
  @TempDir Path dir;

  private static final String REPLICAS_POLICY =
      """
      apiVersion: admissionregistration.k8s.io/v1
      kind: ValidatingAdmissionPolicy
      metadata: {name: replica-limit.example.com}
      spec:
        paramKind: {apiVersion: v1, kind: ConfigMap}
        matchConstraints:
          resourceRules:
            - apiGroups: [apps]
              apiVersions: [v1]
              operations: [CREATE, UPDATE]
              resources: [deployments]
        validations:
          - expression: "params == null || object.spec.replicas <= int(params.data.max)"
            messageExpression: "'replicas must be at most ' + params.data.max"
            fieldPath: spec.replicas
      """;

  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: prod, labels: {tier: web}}
      spec:
        replicas: 5
        template:
          spec:
            containers: [{name: c, image: nginx}]
      """;

  private List<String> lint(String manifests, String... policyFiles) throws IOException {
    Files.writeString(dir.resolve("in.yaml"), manifests);
    List<Path> policies = new java.util.ArrayList<>();
    for (int i = 0; i < policyFiles.length; i++) {
      Path p = Path.of("policy" + i + ".yaml");
      Files.writeString(dir.resolve(p), policyFiles[i]);
      policies.add(p);
    }
    RuleSet rules = PolicyLoader.withPolicies(new RuleSet(List.of()), policies, dir);
    LintResult result =
        new Linter(rules).lint(LintRequest.of(List.of("in.yaml"), dir).withThreads(1));
    assertThat(result.internalErrors()).isEmpty();
    return result.findings().stream()
        .map(f -> f.ruleId() + ":" + f.location().line() + " " + f.message())
        .toList();
  }

  @Test
  void withoutBindingsEveryPolicyAppliesWithoutParams() throws IOException {
    assertThat(lint(DEPLOYMENT, REPLICAS_POLICY)).isEmpty();
    String strict = REPLICAS_POLICY.replace("params == null || ", "");
    assertThat(lint(DEPLOYMENT, strict))
        .singleElement()
        .asString()
        .startsWith(
            "replica-limit-example-com:5 ValidatingAdmissionPolicy replica-limit.example.com")
        .contains("resulted in error");
  }

  @Test
  void aBindingTakesItsParamsFromTheInputsOrThePolicyFiles() throws IOException {
    String binding =
        """
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicyBinding
        metadata: {name: replica-limit-binding}
        spec:
          policyName: replica-limit.example.com
          validationActions: [Deny]
          paramRef: {name: limits, parameterNotFoundAction: Deny}
        """;
    String params =
        """
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: limits, namespace: prod}
        data: {max: "3"}
        """;
    assertThat(lint(DEPLOYMENT + params, REPLICAS_POLICY, binding))
        .containsExactly(
            "replica-limit-example-com:5 ValidatingAdmissionPolicy replica-limit.example.com"
                + " denies the object: replicas must be at most 3 (binding replica-limit-binding)");
    assertThat(lint(DEPLOYMENT, REPLICAS_POLICY, binding + params.replace("\"3\"", "\"9\"")))
        .isEmpty();
    assertThat(lint(DEPLOYMENT, REPLICAS_POLICY, binding))
        .singleElement()
        .asString()
        .contains("no params found for policy binding with name 'limits'");
    assertThat(lint(DEPLOYMENT, REPLICAS_POLICY, binding.replace("Deny}", "Allow}"))).isEmpty();
  }

  @Test
  void bindingsDecideWhichPoliciesApply() throws IOException {
    String other =
        """
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicy
        metadata: {name: unbound}
        spec:
          matchConstraints:
            resourceRules: [{apiGroups: ["*"], apiVersions: ["*"], operations: ["*"], resources: ["*"]}]
          validations: [{expression: "false", message: never bound}]
        ---
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicyBinding
        metadata: {name: b}
        spec:
          policyName: replica-limit.example.com
          validationActions: [Warn]
          matchResources:
            objectSelector: {matchLabels: {tier: db}}
        """;
    assertThat(lint(DEPLOYMENT, REPLICAS_POLICY.replace("params == null || ", "false && "), other))
        .isEmpty();
    assertThat(
            lint(
                DEPLOYMENT,
                REPLICAS_POLICY.replace("params == null || ", "false && "),
                other.replace("tier: db", "tier: web")))
        .singleElement()
        .asString()
        .contains("(binding b)");
  }

  @Test
  void matchConstraintsAndMatchConditionsSelectObjects() throws IOException {
    String policy =
        """
        apiVersion: v1
        kind: List
        items:
          - apiVersion: admissionregistration.k8s.io/v1
            kind: ValidatingAdmissionPolicy
            metadata: {name: no-latest}
            spec:
              matchConstraints:
                resourceRules:
                  - {apiGroups: [apps], apiVersions: [v1], operations: [CREATE], resources: [deployments]}
                excludeResourceRules:
                  - {apiGroups: [apps], apiVersions: [v1], operations: [CREATE], resources: [deployments], resourceNames: [legacy]}
                namespaceSelector:
                  matchExpressions:
                    - {key: kubernetes.io/metadata.name, operator: NotIn, values: [kube-system]}
              matchConditions:
                - name: not-a-dry-run-tool
                  expression: "!('tool' in object.metadata.?labels.orValue({}))"
              validations:
                - expression: "object.spec.template.spec.containers.all(c, !c.image.endsWith(':latest'))"
                  message: no latest tags
        """;
    String latest = DEPLOYMENT.replace("image: nginx", "image: nginx:latest");
    assertThat(lint(latest, policy)).singleElement().asString().contains("no latest tags");
    assertThat(lint(latest.replace("name: web", "name: legacy"), policy)).isEmpty();
    assertThat(lint(latest.replace("namespace: prod", "namespace: kube-system"), policy)).isEmpty();
    assertThat(lint(latest.replace("tier: web", "tool: x"), policy)).isEmpty();
    assertThat(lint(latest.replace("kind: Deployment", "kind: StatefulSet"), policy)).isEmpty();
  }

  @Test
  void anExpressionThatDoesNotCompileStopsTheRunAtItsLine() throws IOException {
    String policy =
        REPLICAS_POLICY.replace(
            "    - expression: \"params == null || object.spec.replicas <= int(params.data.max)\"",
            "    - expression: |\n        object.spec.replicas <=\n          nosuch(1)");
    assertThat(policy).contains("nosuch");
    Files.writeString(dir.resolve("bad.yaml"), policy);
    assertThatThrownBy(
            () ->
                PolicyLoader.withPolicies(
                    new RuleSet(List.of()), List.of(Path.of("bad.yaml")), dir))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("bad.yaml:15: validations[0].expression does not compile:")
        .hasMessageContaining("nosuch");
  }

  @Test
  void aManifestCannotMakeAnExpressionRunWithoutBound() throws IOException {
    String policy =
        "id: pairs\n"
            + "summary: Pairs of ports differ\n"
            + "appliesTo: {kinds: [ConfigMap]}\n"
            + "validations:\n"
            + "  - expression: \"object.data.ports.split(',').all(a,"
            + " object.data.ports.split(',').all(b, a == b || a != b))\"\n";
    StringBuilder ports = new StringBuilder("1");
    for (int i = 2; i <= 3000; i++) {
      ports.append(',').append(i);
    }
    String hostile =
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  ports: \""
            + ports
            + "\"\n";
    // stopped by the iteration bound, or by the cost bound: a finding either way
    assertThat(lint(hostile, policy))
        .singleElement()
        .asString()
        .contains("resulted in error")
        .containsPattern("Iteration budget exceeded|operation cancelled");
  }

  @Test
  void failurePolicyIgnoreLetsAFailingExpressionPass() throws IOException {
    String strict =
        REPLICAS_POLICY
            .replace("params == null || ", "")
            .replace("spec:\n", "spec:\n  failurePolicy: Ignore\n");
    assertThat(lint(DEPLOYMENT, strict)).isEmpty();
  }

  @Test
  void chartlintPoliciesTakeValidationsBesideSchema() throws IOException {
    String policy =
        """
        id: ratio-limits
        summary: CPU limits are at most four times the requests
        appliesTo: {kinds: [Deployment]}
        variables:
          - name: containers
            expression: object.spec.template.spec.containers
        validations:
          - expression: >-
              variables.containers.all(c,
                quantity(c.resources.limits.cpu).compareTo(
                  quantity(c.resources.requests.cpu).add(quantity(c.resources.requests.cpu))
                    .add(quantity(c.resources.requests.cpu)).add(quantity(c.resources.requests.cpu))) <= 0)
            message: a CPU limit is more than four times its request
        """;
    String deployment =
        DEPLOYMENT.replace(
            "[{name: c, image: nginx}]",
            "[{name: c, image: nginx, resources: {requests: {cpu: 100m}, limits: {cpu: 500m}}}]");
    assertThat(lint(deployment, policy))
        .singleElement()
        .asString()
        .isEqualTo(
            "ratio-limits:1 CPU limits are at most four times the requests: a CPU limit is more"
                + " than four times its request");
    assertThat(lint(deployment.replace("500m", "400m"), policy)).isEmpty();
  }
}
