package io.chartlint.core.policy.polaris;

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

/** Polaris check files read as Polaris reads them, checked against manifests a user writes. */
class PolarisCheckFilesTest {
  @TempDir Path dir;

  private List<String> lint(String check, String manifest) throws IOException {
    Files.writeString(dir.resolve("myCheck.yaml"), check);
    Files.writeString(dir.resolve("in.yaml"), manifest);
    RuleSet rules =
        PolicyLoader.withPolicies(new RuleSet(List.of()), List.of(Path.of("myCheck.yaml")), dir);
    LintResult result =
        new Linter(rules).lint(LintRequest.of(List.of("in.yaml"), dir).withThreads(1));
    assertThat(result.internalErrors()).isEmpty();
    return result.findings().stream().map(f -> f.location().line() + " " + f.message()).toList();
  }

  @Test
  void rendersTheSchemaWithEachObject() throws IOException {
    String check =
        """
        successMessage: ok
        failureMessage: Label app must match the name
        target: Controller
        schema:
          properties:
            metadata:
              properties:
                labels:
                  required: [app]
                  properties:
                    app: {const: "{{ .metadata.name }}"}
        """;
    String manifests =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, labels: {app: web}}
        spec:
          template:
            spec:
              containers: [{name: c, image: nginx}]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api, labels: {app: web}}
        spec:
          template:
            spec:
              containers: [{name: c, image: nginx}]
        """;
    assertThat(lint(check, manifests))
        .singleElement()
        .asString()
        .startsWith("11 Label app must match the name: metadata.labels.app:");
  }

  @Test
  void readsKeysCaseInsensitivelyAndTargetPodAsThePodObject() throws IOException {
    String check =
        """
        SuccessMessage: ok
        FailureMessage: Pods must not be created on their own
        Target: Pod
        schema:
          required: [metadata]
          properties:
            metadata: {required: [ownerReferences]}
        """;
    String manifests =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: naked}
        spec:
          containers: [{name: c, image: nginx}]
        """;
    assertThat(lint(check, manifests))
        .singleElement()
        .asString()
        .contains("Pods must not be created on their own");
  }

  @Test
  void treatsAnExplicitNullAsAbsent() throws IOException {
    String check =
        """
        successMessage: ok
        failureMessage: Capabilities must be a list
        target: Container
        schema:
          properties:
            securityContext:
              properties:
                capabilities:
                  properties:
                    add: {type: array}
            ports: {type: array}
        """;
    String manifests =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: c
              image: nginx
              ports: null
              securityContext:
                capabilities: {add: }
        """;
    assertThat(lint(check, manifests)).isEmpty();
  }

  @Test
  void needsAnotherObjectForAnAdditionalSchema() throws IOException {
    String check =
        """
        successMessage: ok
        failureMessage: A PodDisruptionBudget must select the pods
        target: Controller
        schema: {}
        additionalSchemaStrings:
          policy/PodDisruptionBudget: |
            properties:
              spec:
                properties:
                  selector:
                    properties:
                      matchLabels:
                        properties:
                          app: {const: "{{ .spec.template.metadata.labels.app }}"}
                        required: [app]
        """;
    String deployment =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: prod}
        spec:
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: c, image: nginx}]
        """;
    String pdb =
        """
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: web, namespace: prod}
        spec:
          minAvailable: 1
          selector: {matchLabels: {app: web}}
        """;
    assertThat(lint(check, deployment))
        .singleElement()
        .asString()
        .contains("no PodDisruptionBudget in namespace prod satisfies");
    assertThat(lint(check, deployment + pdb)).isEmpty();
    assertThat(lint(check, deployment + pdb.replace("namespace: prod", "namespace: dev")))
        .hasSize(1);
  }

  @Test
  void refusesATemplateItCannotEvaluateAtItsLine() throws IOException {
    Files.writeString(
        dir.resolve("bad.yaml"),
        """
        successMessage: ok
        failureMessage: bad
        target: Container
        schemaString: |
          type: object
          {{ template "other" . }}
        """);
    assertThatThrownBy(
            () ->
                PolicyLoader.withPolicies(
                    new RuleSet(List.of()), List.of(Path.of("bad.yaml")), dir))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("bad.yaml:6: Go template: {{template}}");
  }

  @Test
  void aTemplateThatFailsForOneObjectIsAFindingForIt() throws IOException {
    String check =
        """
        successMessage: ok
        failureMessage: Replicas
        target: Controller
        schemaString: |
          properties:
            spec:
              properties:
                replicas: {minimum: {{ if eq .spec.replicas "many" }}1{{ else }}2{{ end }}}
        """;
    String manifests =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 3
          template:
            spec:
              containers: [{name: c, image: nginx}]
        """;
    assertThat(lint(check, manifests))
        .singleElement()
        .asString()
        .contains("cannot render the check's schema for this object: incompatible types");
  }
}
