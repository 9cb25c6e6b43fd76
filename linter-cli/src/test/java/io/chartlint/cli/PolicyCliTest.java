package io.chartlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Custom policies on the command line: --policy, the config's policies, rules and explain. */
class PolicyCliTest {
  @TempDir Path dir;

  private static final String POLICY =
      """
      id: daemonset-priority-class
      severity: error
      summary: DaemonSets run at system-node-critical priority
      fix: Set priorityClassName.
      appliesTo: {kinds: [DaemonSet], target: podSpec}
      schema:
        type: object
        required: [priorityClassName]
        properties: {priorityClassName: {const: system-node-critical}}
      """;

  private static final String DAEMONSET =
      """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: agent, namespace: ops}
      spec:
        selector: {matchLabels: {app: agent}}
        template:
          metadata: {labels: {app: agent}}
          spec:
            priorityClassName: high
            containers:
              - name: agent
                image: example/agent:1
      """;

  @BeforeEach
  void files() throws IOException {
    Files.createDirectories(dir.resolve("policies"));
    Files.writeString(dir.resolve("policies/priority.yaml"), POLICY);
    Files.writeString(dir.resolve("ds.yaml"), DAEMONSET);
  }

  @Test
  void lintReportsAPolicyGivenWithPolicy() {
    Cli run = Cli.run(dir, "lint", "--policy", "policies", "ds.yaml");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "ds.yaml:9:26 error daemonset-priority-class DaemonSet/ops/agent: DaemonSets run at"
                + " system-node-critical priority: priorityClassName: must be the constant value"
                + " 'system-node-critical'");
  }

  @Test
  void theConfigsPoliciesAreListedExplainedAndSuppressible() throws IOException {
    Files.writeString(
        dir.resolve(".chartlint.yaml"),
        """
        policies: [policies/]
        exclude:
          - {kind: DaemonSet, rules: [daemonset-priority-class], reason: "agent runs at high"}
        """);
    Files.createDirectories(dir.resolve(".git"));
    Cli rules = Cli.run(dir, "rules");
    assertThat(rules.exit()).isZero();
    assertThat(rules.out()).containsPattern("daemonset-priority-class\\s+error\\s+policy\\s+");
    Cli explain = Cli.run(dir, "explain", "daemonset-priority-class");
    assertThat(explain.exit()).isZero();
    assertThat(explain.out())
        .contains("## How to fix", "Set priorityClassName.", "policies/priority.yaml")
        .contains("const: system-node-critical");
    Cli lint = Cli.run(dir, "lint", "--format", "json", "--show-suppressed", "ds.yaml");
    assertThat(lint.json().path("findings").findValuesAsText("ruleId"))
        .isNotEmpty()
        .doesNotContain("daemonset-priority-class");
    assertThat(lint.json().path("suppressed").findValuesAsText("ruleId"))
        .containsExactly("daemonset-priority-class");
  }

  @Test
  void aBadPolicyFileIsAUsageErrorNamingFileAndLine() throws IOException {
    Files.writeString(
        dir.resolve("policies/priority.yaml"),
        POLICY.replace("severity: error", "severity: fatal"));
    Cli run = Cli.run(dir, "rules", "--policy", "policies/priority.yaml");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("policies/priority.yaml:2: ").doesNotContain("Exception");
  }
}
