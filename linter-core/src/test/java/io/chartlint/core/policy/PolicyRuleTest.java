package io.chartlint.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chartlint.core.Severity;
import io.chartlint.core.UsageException;
import io.chartlint.core.engine.Config;
import io.chartlint.core.engine.LintRequest;
import io.chartlint.core.engine.LintResult;
import io.chartlint.core.engine.Linter;
import io.chartlint.core.rule.Finding;
import io.chartlint.core.rule.RuleDescriptor;
import io.chartlint.core.rule.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyRuleTest {
  @TempDir Path dir;

  private static final String MEMORY_LIMIT =
      """
      id: containers-limit-memory
      severity: error
      summary: Containers set a memory limit
      fix: Set resources.limits.memory.
      appliesTo: {kinds: [Deployment, DaemonSet], target: container}
      schema:
        type: object
        required: [resources]
        properties:
          resources:
            type: object
            required: [limits]
            properties:
              limits:
                type: object
                required: [memory]
      """;

  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, labels: {tier: front}}
      spec:
        template:
          spec:
            initContainers:
              - name: init
                image: busybox
            containers:
              - name: app
                image: nginx
                resources:
                  limits:
                    cpu: 100m
              - name: ok
                image: nginx
                resources: {limits: {memory: 1Gi}}
      """;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private LintResult lint(RuleSet rules, Config config, String manifest) throws IOException {
    write("in.yaml", manifest);
    return new Linter(rules)
        .lint(LintRequest.of(List.of("in.yaml"), dir).withConfig(config).withThreads(1));
  }

  private RuleSet rules(String... policyFiles) {
    return PolicyLoader.withPolicies(
        new RuleSet(List.of()), java.util.Arrays.stream(policyFiles).map(Path::of).toList(), dir);
  }

  @Test
  void reportsEachContainerThatBreaksTheSchemaAtTheDeepestLineThatExists() throws IOException {
    write("policies/memory.yaml", MEMORY_LIMIT);
    LintResult result = lint(rules("policies"), Config.DEFAULTS, DEPLOYMENT);
    assertThat(result.findings())
        .extracting(f -> f.location().line() + " " + f.message())
        .containsExactly(
            "8 Containers set a memory limit: init container 'init': required property"
                + " 'resources' not found",
            "14 Containers set a memory limit: container 'app': resources.limits: required"
                + " property 'memory' not found");
    assertThat(result.findings()).allMatch(f -> f.severity() == Severity.ERROR);
    assertThat(result.findings().get(1).path())
        .isEqualTo("spec.template.spec.containers[0].resources.limits");
  }

  @Test
  void isConfiguredLikeABuiltInRule() throws IOException {
    write("memory.yaml", MEMORY_LIMIT);
    Config config =
        new Config(
            null,
            null,
            Map.of(
                "containers-limit-memory",
                new Config.RuleConfig(
                    null, Severity.INFO, io.chartlint.core.rule.RuleParameters.NONE, 1)),
            List.of(),
            List.of(),
            List.of(),
            null,
            List.of());
    LintResult result = lint(rules("memory.yaml"), config, DEPLOYMENT);
    assertThat(result.findings()).hasSize(2).allMatch(f -> f.severity() == Severity.INFO);
  }

  @Test
  void isSuppressedByAnIgnoreComment() throws IOException {
    write("memory.yaml", MEMORY_LIMIT);
    LintResult result =
        lint(
            rules("memory.yaml"),
            Config.DEFAULTS,
            DEPLOYMENT.replace(
                "- name: init",
                "- name: init  # chartlint:ignore containers-limit-memory one-shot"));
    assertThat(result.findings()).extracting(Finding::message).noneMatch(m -> m.contains("init"));
    assertThat(result.suppressed()).hasSize(1);
  }

  @Test
  void appliesOnlyToObjectsWhoseLabelsMatchTheSelector() throws IOException {
    write(
        "p.yaml",
        """
        id: back-has-priority
        summary: Back-end pods set a priority class
        appliesTo:
          kinds: [Deployment]
          selector: {matchExpressions: [{key: tier, operator: In, values: [back]}]}
          target: podSpec
        schema: {required: [priorityClassName]}
        """);
    assertThat(lint(rules("p.yaml"), Config.DEFAULTS, DEPLOYMENT).findings()).isEmpty();
    List<Finding> back =
        lint(rules("p.yaml"), Config.DEFAULTS, DEPLOYMENT.replace("tier: front", "tier: back"))
            .findings();
    assertThat(back).hasSize(1);
    assertThat(back.get(0).location().line()).isEqualTo(6); // the pod template's spec: key
    assertThat(back.get(0).severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void comparesQuantitiesWithPolarisKeywords() throws IOException {
    write(
        "range.yaml",
        """
        id: memory-in-range
        summary: Memory limits stay within 512Mi and 2Gi
        appliesTo: {target: container}
        schema:
          properties:
            resources:
              properties:
                limits:
                  properties:
                    memory: {type: string, resourceMinimum: 512Mi, resourceMaximum: 2Gi}
        """);
    List<Finding> findings = lint(rules("range.yaml"), Config.DEFAULTS, DEPLOYMENT).findings();
    assertThat(findings).isEmpty();
    findings =
        lint(rules("range.yaml"), Config.DEFAULTS, DEPLOYMENT.replace("memory: 1Gi", "memory: 3Gi"))
            .findings();
    assertThat(findings)
        .extracting(Finding::message)
        .containsExactly(
            "Memory limits stay within 512Mi and 2Gi: container 'ok':"
                + " resources.limits.memory: quantity 3Gi is above the maximum 2Gi");
    // A YAML number is a quantity string to the schema, as the API serves it.
    findings =
        lint(
                rules("range.yaml"),
                Config.DEFAULTS,
                DEPLOYMENT.replace("memory: 1Gi", "memory: 1073741824"))
            .findings();
    assertThat(findings).isEmpty();
  }

  @Test
  void aPolicyFileWithAnErrorNamesFileLineAndProblem() throws IOException {
    write(
        "bad.yaml",
        """
        id: Bad_Id
        summary: x
        appliesTo: {target: pod}
        schema: {}
        """);
    assertThatThrownBy(() -> rules("bad.yaml"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("bad.yaml:1: ")
        .hasMessageContaining("bad.yaml:3: ");
  }

  @Test
  void aMisspeltSchemaKeywordIsAnErrorNotASilentPass() throws IOException {
    write(
        "typo.yaml",
        """
        id: typo
        summary: x
        appliesTo: {target: podSpec}
        schema:
          type: object
          properties:
            priorityClassName:
              cnost: system-node-critical
        """);
    assertThatThrownBy(() -> rules("typo.yaml"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("typo.yaml:8: invalid schema")
        .hasMessageContaining("cnost");
  }

  @Test
  void anIdTakenByABuiltInRuleOrAnotherPolicyIsAnError() throws IOException {
    write("a/memory.yaml", MEMORY_LIMIT);
    write("b/memory.yaml", MEMORY_LIMIT);
    assertThatThrownBy(() -> rules("a", "b"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining(
            "b/memory.yaml:1: the id 'containers-limit-memory' is taken by the"
                + " policy in a/memory.yaml");
    RuleSet builtIn = PolicyLoader.withPolicies(new RuleSet(List.of()), List.of(Path.of("a")), dir);
    RuleDescriptor existing = builtIn.find("containers-limit-memory").orElseThrow();
    assertThatThrownBy(() -> PolicyLoader.withPolicies(builtIn, List.of(Path.of("b")), dir))
        .hasMessageContaining("is taken by a built-in rule");
    assertThat(existing.since()).isEqualTo(RuleDescriptor.CUSTOM);
    assertThat(existing.explanation()).contains("## How to fix", "Set resources.limits.memory.");
  }

  @Test
  void kebabCasesPolarisIds() {
    assertThat(PolicyLoader.kebab("resourceRange")).isEqualTo("resource-range");
    assertThat(PolicyLoader.kebab("hostIPCSet")).isEqualTo("host-ipc-set");
  }
}
