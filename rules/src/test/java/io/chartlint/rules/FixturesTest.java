package io.chartlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartlint.core.engine.Config;
import io.chartlint.core.engine.LintRequest;
import io.chartlint.core.engine.LintResult;
import io.chartlint.core.engine.Linter;
import io.chartlint.core.rule.RuleSet;
import io.chartlint.testdata.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every fixture of every rule with all rules enabled, and compares the findings of the
 * fixture's rule (and of every rule its markers name) with its {@code # expect:} markers, both
 * ways.
 */
class FixturesTest {
  private static final Linter LINTER = new Linter(RuleSet.discover());

  @TestFactory
  Stream<DynamicTest> everyFixtureProducesExactlyItsMarkedFindings() {
    Path root =
        Fixtures.rulesDirectory().getParent().getParent().getParent().getParent().getParent();
    return Fixtures.all().stream()
        .map(
            fixture ->
                DynamicTest.dynamicTest(
                    Fixtures.ruleOf(fixture) + "/" + fixture.getFileName(),
                    fixture.toUri(),
                    () -> {
                      Path nodes = Fixtures.nodesOf(fixture);
                      LintResult result =
                          LINTER.lint(
                              LintRequest.of(List.of(fixture.toString()), root)
                                  .withConfig(
                                      nodes == null
                                          ? Config.DEFAULTS
                                          : Config.DEFAULTS.withNodes(List.of(nodes)))
                                  .withThreads(1));
                      assertThat(Fixtures.mismatches(fixture, result))
                          .as("findings of %s", root.relativize(fixture))
                          .isEmpty();
                    }));
  }
}
