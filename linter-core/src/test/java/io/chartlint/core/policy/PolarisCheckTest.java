package io.chartlint.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chartlint.core.engine.LintRequest;
import io.chartlint.core.engine.LintResult;
import io.chartlint.core.engine.Linter;
import io.chartlint.core.rule.Finding;
import io.chartlint.core.rule.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Polaris's own resourceRange custom check, read unchanged from the peer fixtures of the shared
 * corpus, agrees with Polaris's expectation on each of its fixtures: a {@code failure} file yields
 * at least one finding, a {@code success} file none.
 */
class PolarisCheckTest {
  private static final Path PEERS =
      Path.of(System.getProperty("chartlint.corpus", "../../shared/corpus"))
          .resolve("peer-fixtures")
          .toAbsolutePath()
          .normalize();
  private static final Path CHECK = PEERS.resolve("polaris/resourceRange/check.yaml");

  record Case(String file, boolean fails) {
    @Override
    public String toString() {
      return file + (fails ? " fails" : " passes");
    }
  }

  static Stream<Case> cases() throws IOException {
    Path expected = PEERS.resolve("expected.json");
    if (!Files.isRegularFile(expected)) {
      return Stream.of(new Case("(no shared corpus)", false));
    }
    List<Case> cases = new ArrayList<>();
    for (JsonNode row : new ObjectMapper().readTree(expected.toFile())) {
      if ("polaris".equals(row.path("tool").asText())
          && "resourceRange".equals(row.path("check").asText())) {
        String outcome = row.path("expected").asText();
        if (outcome.startsWith("FAIL") || outcome.startsWith("PASS")) {
          cases.add(new Case(row.path("file").asText(), outcome.startsWith("FAIL")));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void agreesWithPolarisOnItsFixture(Case c) {
    assumeTrue(Files.isRegularFile(CHECK), "the shared corpus is absent");
    RuleSet rules = PolicyLoader.withPolicies(new RuleSet(List.of()), List.of(CHECK), PEERS);
    assertThat(rules.find("resource-range")).isPresent();
    LintResult result =
        new Linter(rules).lint(LintRequest.of(List.of(c.file()), PEERS).withThreads(1));
    assertThat(result.internalErrors()).isEmpty();
    List<String> messages =
        result.findings().stream()
            .filter(f -> f.ruleId().equals("resource-range"))
            .map(Finding::message)
            .toList();
    if (c.fails()) {
      assertThat(messages)
          .isNotEmpty()
          .allMatch(m -> m.startsWith("Resource limits should be within the required range: "));
    } else {
      assertThat(messages).isEmpty();
    }
  }
}
