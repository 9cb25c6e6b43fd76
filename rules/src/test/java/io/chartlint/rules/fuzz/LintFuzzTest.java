package io.chartlint.rules.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.chartlint.core.engine.LintRequest;
import io.chartlint.core.engine.LintResult;
import io.chartlint.core.engine.Linter;
import io.chartlint.core.rule.RuleSet;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Any bytes on standard input give findings, never an exception: the loader, the model and every
 * rule together. Without {@code JAZZER_FUZZ} this replays the committed inputs in {@code
 * src/test/resources/io/chartlint/rules/fuzz/LintFuzzTestInputs/}; the {@code fuzz} profile
 * generates new ones for a set time, and any input that fails becomes a committed input.
 */
class LintFuzzTest {
  private static final Linter LINTER = new Linter(RuleSet.discover());

  @FuzzTest
  void anyInputGivesFindingsAndNoInternalError(FuzzedDataProvider data) {
    byte[] bytes = data.consumeRemainingAsBytes();
    LintResult result =
        LINTER.lint(
            LintRequest.of(List.of("-"), Path.of("").toAbsolutePath())
                .withThreads(1)
                .withStdin(new ByteArrayInputStream(bytes))
                .toBuilder()
                // input with no Kubernetes object is a usage error of its own; here it is input
                .allowEmpty(true)
                .build());
    assertThat(result.internalErrors()).isEmpty();
    result
        .findings()
        .forEach(
            f -> {
              assertThat(f.location().line()).isPositive();
              assertThat(f.message()).isNotBlank();
            });
  }
}
