package io.chartlint.core.policy.polaris;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chartlint.core.UsageException;
import io.chartlint.core.engine.LintRequest;
import io.chartlint.core.engine.LintResult;
import io.chartlint.core.engine.Linter;
import io.chartlint.core.policy.PolicyLoader;
import io.chartlint.core.rule.Finding;
import io.chartlint.core.rule.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every built-in Polaris check, read unchanged from the shared corpus (Polaris's {@code
 * pkg/config/checks}), run over Polaris's own fixtures ({@code test/checks/<check>}) with Polaris's
 * harness rule: a {@code failure*} file yields a finding, a {@code success*} file none. Skipped
 * when the shared corpus is absent.
 */
class PolarisCorpusTest {
  private static final Path POLARIS =
      Path.of(System.getProperty("chartlint.corpus", "../../shared/corpus"))
          .resolve("peer-fixtures/polaris-all")
          .toAbsolutePath()
          .normalize();

  /** The verdicts chartlint gives differently from Polaris, each argued in the closing note. */
  private static final Map<String, String> DISAGREEMENTS =
      Map.of(
          "privilegeEscalationAllowed/failure.pod_unspecified.yaml",
          "allowPrivilegeEscalation is not a field of the pod's securityContext; Polaris decodes"
              + " the pod spec into Go types, which drops it, chartlint validates the manifest as"
              + " written",
          "runAsPrivileged/success.pod.yaml",
          "privileged is not a field of the pod's securityContext; as above");

  /** Check files chartlint refuses, and the start of the reason it gives. */
  private static final Map<String, String> REFUSED =
      Map.of(
          "pdbMinAvailableGreaterThanHPAMinReplicas",
          "checks/pdbMinAvailableGreaterThanHPAMinReplicas.yaml:1: this Polaris check has no"
              + " schema");

  record Outcome(String check, String fixture, boolean expectedFailure, List<String> findings) {
    boolean agrees() {
      return expectedFailure != findings.isEmpty();
    }
  }

  @Test
  void everyCheckLoadsAndAgreesWithPolarisOnItsFixtures() throws IOException {
    assumeTrue(Files.isDirectory(POLARIS.resolve("checks")), "the shared corpus is absent");
    List<Path> checks = new ArrayList<>();
    try (Stream<Path> files = Files.list(POLARIS.resolve("checks"))) {
      files.filter(f -> f.toString().endsWith(".yaml")).forEach(checks::add);
    }
    // the custom checks Polaris's harness reads from a fixture folder (nakedPod, resourceRange…)
    try (Stream<Path> dirs = Files.list(POLARIS.resolve("fixtures"))) {
      dirs.map(d -> d.resolve("check.yaml")).filter(Files::isRegularFile).forEach(checks::add);
    }
    checks.sort(null);
    Map<String, String> refused = new TreeMap<>();
    List<Outcome> outcomes = new ArrayList<>();
    for (Path check : checks) {
      String id =
          check.getFileName().toString().equals("check.yaml")
              ? check.getParent().getFileName().toString()
              : check.getFileName().toString().replace(".yaml", "");
      RuleSet rules;
      try {
        rules = PolicyLoader.withPolicies(new RuleSet(List.of()), List.of(check), POLARIS);
      } catch (UsageException e) {
        refused.put(id, e.getMessage());
        continue;
      }
      String ruleId = rules.all().iterator().next().id();
      Path fixtures = POLARIS.resolve("fixtures").resolve(id);
      List<Path> files;
      try (Stream<Path> list = Files.list(fixtures)) {
        files =
            list.filter(
                    f -> {
                      String name = f.getFileName().toString();
                      return name.startsWith("failure") || name.startsWith("success");
                    })
                .sorted()
                .toList();
      }
      for (Path fixture : files) {
        LintResult result =
            new Linter(rules)
                .lint(
                    LintRequest.of(List.of(POLARIS.relativize(fixture).toString()), POLARIS)
                        .withThreads(1));
        assertThat(result.internalErrors()).as(fixture.toString()).isEmpty();
        List<String> findings =
            result.findings().stream()
                .filter(f -> f.ruleId().equals(ruleId))
                .map(Finding::message)
                .toList();
        outcomes.add(
            new Outcome(
                id,
                fixture.getFileName().toString(),
                fixture.getFileName().toString().startsWith("failure"),
                findings));
      }
    }
    List<String> disagreements = new ArrayList<>();
    for (Outcome o : outcomes) {
      if (!o.agrees()) {
        disagreements.add(o.check() + "/" + o.fixture() + " " + o.findings());
      }
    }
    System.out.println(
        "Polaris checks: "
            + checks.size()
            + " files, "
            + (checks.size() - refused.size())
            + " loaded, "
            + refused.size()
            + " refused; "
            + outcomes.size()
            + " fixtures, "
            + (outcomes.size() - disagreements.size())
            + " agree");
    refused.forEach((k, v) -> System.out.println("REFUSED " + k + ": " + v));
    disagreements.forEach(d -> System.out.println("DISAGREE " + d));
    assertThat(refused.keySet()).isEqualTo(REFUSED.keySet());
    REFUSED.forEach((id, reason) -> assertThat(refused.get(id)).contains(reason));
    assertThat(disagreements.stream().map(d -> d.substring(0, d.indexOf(' '))).toList())
        .containsExactlyInAnyOrderElementsOf(DISAGREEMENTS.keySet());
  }
}
