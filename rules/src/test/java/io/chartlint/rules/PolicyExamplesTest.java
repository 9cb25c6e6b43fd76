package io.chartlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartlint.core.engine.LintRequest;
import io.chartlint.core.engine.LintResult;
import io.chartlint.core.engine.Linter;
import io.chartlint.core.policy.PolicyLoader;
import io.chartlint.core.rule.RuleSet;
import io.chartlint.testdata.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The example policies of {@code policies/examples/}, each with the built-in rules, over its
 * fixtures in {@code testdata/src/main/resources/policies/<policy-id>/}: the findings of the policy
 * must be exactly the fixture's {@code # expect:} markers.
 */
class PolicyExamplesTest {
  private static final Path ROOT =
      Fixtures.resources().getParent().getParent().getParent().getParent();
  private static final Path EXAMPLES = ROOT.resolve("policies/examples");

  @TestFactory
  Stream<DynamicTest> everyPolicyFixtureProducesExactlyItsMarkedFindings() {
    return Fixtures.allPolicyFixtures().stream()
        .map(
            fixture ->
                DynamicTest.dynamicTest(
                    Fixtures.ruleOf(fixture) + "/" + fixture.getFileName(),
                    fixture.toUri(),
                    () -> {
                      Path policy = EXAMPLES.resolve(Fixtures.ruleOf(fixture) + ".yaml");
                      RuleSet rules =
                          PolicyLoader.withPolicies(RuleSet.discover(), List.of(policy), ROOT);
                      LintResult result =
                          new Linter(rules)
                              .lint(
                                  LintRequest.of(List.of(fixture.toString()), ROOT).withThreads(1));
                      assertThat(Fixtures.mismatches(fixture, result))
                          .as("findings of %s", ROOT.relativize(fixture))
                          .isEmpty();
                    }));
  }

  @Test
  void everyExamplePolicyHasPassingAndFailingFixtures() throws IOException {
    List<Path> examples;
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      examples = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(examples).hasSizeGreaterThanOrEqualTo(4);
    for (Path example : examples) {
      String id = example.getFileName().toString().replace(".yaml", "");
      assertThat(PolicyLoader.load(example, ROOT).id()).as("id of %s", example).isEqualTo(id);
      List<String> names =
          Fixtures.allPolicyFixtures().stream()
              .filter(f -> Fixtures.ruleOf(f).equals(id))
              .map(f -> f.getFileName().toString())
              .toList();
      assertThat(names).as("fixtures of %s", id).anyMatch(n -> n.startsWith("pass-"));
      assertThat(names).as("fixtures of %s", id).anyMatch(n -> n.startsWith("fail-"));
    }
    // Every fixture folder belongs to an example.
    for (Path fixture : Fixtures.allPolicyFixtures()) {
      assertThat(EXAMPLES.resolve(Fixtures.ruleOf(fixture) + ".yaml")).exists();
    }
  }
}
