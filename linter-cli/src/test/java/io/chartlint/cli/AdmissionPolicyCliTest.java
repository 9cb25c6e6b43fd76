package io.chartlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ValidatingAdmissionPolicies given to --policy, end to end through the command line. */
class AdmissionPolicyCliTest {
  @TempDir Path dir;

  private static final String POLICY =
      """
      apiVersion: admissionregistration.k8s.io/v1
      kind: ValidatingAdmissionPolicy
      metadata: {name: replicas-at-least-two}
      spec:
        matchConstraints:
          resourceRules:
            - {apiGroups: [apps], apiVersions: [v1], operations: [CREATE], resources: [deployments]}
        validations:
          - expression: object.spec.replicas >= 2
            message: a single replica does not survive a drain
            fieldPath: spec.replicas
      """;

  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop}
      spec:
        replicas: 1
        template:
          spec:
            containers: [{name: web, image: nginx:1.27}]
      """;

  @BeforeEach
  void files() throws IOException {
    Files.writeString(dir.resolve("vap.yaml"), POLICY);
    Files.writeString(dir.resolve("deploy.yaml"), DEPLOYMENT);
  }

  @Test
  void aDeniedObjectIsAnErrorAtTheFieldPath() {
    Cli run = Cli.run(dir, "lint", "--policy", "vap.yaml", "deploy.yaml");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "deploy.yaml:5:13 error replicas-at-least-two Deployment/shop/web:"
                + " ValidatingAdmissionPolicy replicas-at-least-two denies the object: a single"
                + " replica does not survive a drain");
  }

  @Test
  void anExpressionThatFailsOnAnObjectIsAFindingNotACrash() throws IOException {
    Files.writeString(dir.resolve("deploy.yaml"), DEPLOYMENT.replace("  replicas: 1\n", ""));
    Cli run = Cli.run(dir, "lint", "--policy", "vap.yaml", "deploy.yaml");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out())
        .contains("expression 'object.spec.replicas >= 2' resulted in error")
        .doesNotContain("Exception");
  }

  @Test
  void anExpressionThatDoesNotCompileIsExitTwoAtItsLine() throws IOException {
    Files.writeString(dir.resolve("vap.yaml"), POLICY.replace(">= 2", ">= "));
    Cli run = Cli.run(dir, "lint", "--policy", "vap.yaml", "deploy.yaml");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("vap.yaml:9: validations[0].expression does not compile:");
  }

  @Test
  void itsFindingsAreConfiguredAndSuppressedLikeBuiltInRules() throws IOException {
    Files.writeString(
        dir.resolve(".chartlint.yaml"), "rules:\n  replicas-at-least-two: {severity: warning}\n");
    // the Deployment also has built-in findings: only this policy's are looked at
    Cli warned = Cli.run(dir, "lint", "--policy", "vap.yaml", "deploy.yaml");
    assertThat(warned.out())
        .contains("warning replicas-at-least-two")
        .doesNotContain("error replicas-at-least-two");
    Files.writeString(
        dir.resolve("deploy.yaml"),
        DEPLOYMENT.replace(
            "  replicas: 1", "  replicas: 1  # chartlint:ignore replicas-at-least-two canary"));
    Files.delete(dir.resolve(".chartlint.yaml"));
    Cli suppressed = Cli.run(dir, "lint", "--policy", "vap.yaml", "deploy.yaml");
    assertThat(suppressed.out()).doesNotContain("replicas-at-least-two");
  }
}
