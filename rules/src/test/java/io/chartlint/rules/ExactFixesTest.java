package io.chartlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartlint.core.engine.LintRequest;
import io.chartlint.core.engine.LintResult;
import io.chartlint.core.engine.Linter;
import io.chartlint.core.fix.ManifestFixer;
import io.chartlint.core.rule.Finding;
import io.chartlint.core.rule.RuleDescriptor;
import io.chartlint.core.rule.RuleSet;
import io.chartlint.testdata.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** The exact edits findings carry, over every fixture: each is proven, and documented. */
class ExactFixesTest {
  private static final RuleSet RULES = RuleSet.discover();

  @TempDir Path dir;

  @TestFactory
  Stream<DynamicTest> everyEditOfEveryFixtureIsProvenAndFixesItsFinding() {
    return Fixtures.all().stream()
        .map(
            fixture ->
                DynamicTest.dynamicTest(
                    Fixtures.ruleOf(fixture) + "/" + fixture.getFileName(),
                    fixture.toUri(),
                    () -> {
                      Path copy = Files.createTempDirectory(dir, "fixture");
                      Path file = copy.resolve(fixture.getFileName());
                      Files.copy(fixture, file);
                      LintRequest request =
                          LintRequest.of(List.of(file.getFileName().toString()), copy)
                              .withThreads(1);
                      LintResult before = new Linter(RULES).lint(request);
                      List<Finding> exact =
                          before.findings().stream().filter(f -> f.edit() != null).toList();
                      ManifestFixer.Outcome outcome = new ManifestFixer(RULES).fix(request, before);
                      assertThat(outcome.withheld()).as("edits withheld").isEmpty();
                      assertThat(outcome.fixed()).containsExactlyInAnyOrderElementsOf(exact);
                      for (ManifestFixer.FileChange change : outcome.files()) {
                        Files.writeString(change.path(), change.after());
                      }
                      LintResult after = new Linter(RULES).lint(request);
                      assertThat(after.findings()).noneMatch(f -> f.edit() != null);
                      // removing a covered toleration can take another rule's finding with it
                      assertThat(after.findings().size())
                          .isLessThanOrEqualTo(before.findings().size() - exact.size());
                      Set<String> rulesBefore = new TreeSet<>();
                      before.findings().forEach(f -> rulesBefore.add(f.ruleId()));
                      assertThat(after.findings())
                          .allMatch(
                              f -> rulesBefore.contains(f.ruleId()), "no new kind of finding");
                    }));
  }

  @Test
  void theRulesWithExactEditsAreTheRulesWhoseDocsMentionFix() throws IOException {
    Set<String> withEdits = new TreeSet<>();
    for (Path fixture : Fixtures.all()) {
      LintResult result =
          new Linter(RULES)
              .lint(
                  LintRequest.of(List.of(fixture.toString()), fixture.getParent()).withThreads(1));
      result.findings().stream()
          .filter(f -> f.edit() != null)
          .forEach(f -> withEdits.add(f.ruleId()));
    }
    Set<String> documented = new TreeSet<>();
    for (RuleDescriptor rule : RULES.all()) {
      if (rule.explanation().contains("`chartlint fix`")) {
        documented.add(rule.id());
      }
    }
    assertThat(withEdits).isNotEmpty().isEqualTo(documented);
  }
}
