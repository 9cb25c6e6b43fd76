package io.chartlint.rules.tolerations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartlint.core.UsageException;
import io.chartlint.core.engine.Config;
import io.chartlint.core.engine.LintRequest;
import io.chartlint.core.engine.LintResult;
import io.chartlint.core.engine.Linter;
import io.chartlint.core.rule.Finding;
import io.chartlint.core.rule.RuleParameters;
import io.chartlint.core.rule.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TolerationsAreValidTest {
  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers:
              - {name: web, image: nginx:1.27}
            tolerations:
              - {key: example.com/priority, operator: Lt, value: "100", effect: NoSchedule}
              - {key: example.com/priority, operator: Gt, value: "-7"}
              - {key: example.com/priority, operator: Gt, value: "007"}
              - {key: example.com/priority, operator: Lt, value: ""}
              - {key: example.com/priority, operator: Lt, value: "9223372036854775808"}
              - {key: example.com/priority, operator: Gt, value: "-0"}
      """;

  @TempDir Path dir;

  @Test
  void comparisonOperatorsAreRejectedWithoutTheGate() throws IOException {
    List<String> messages = invalid(Config.DEFAULTS);
    assertThat(messages)
        .hasSize(6)
        .allMatch(m -> m.contains("Unsupported value:"))
        .contains(
            "spec.template.spec.tolerations[0].operator: Unsupported value: \"Lt\": supported"
                + " values: \"Equal\", \"Exists\", \"Lt\", \"Gt\"");
  }

  @Test
  void withTheGateOnlyCanonicalInt64ValuesPass() throws IOException {
    ObjectNode parameters = new ObjectMapper().createObjectNode().put("comparisonOperators", true);
    Config config = withRule(new RuleParameters(parameters));
    assertThat(invalid(config))
        .containsExactly(
            "spec.template.spec.tolerations[2].value: Invalid value: \"007\": value must be a"
                + " valid integer for numeric operators",
            "spec.template.spec.tolerations[3].value: Invalid value: \"\": value must be a valid"
                + " integer for numeric operators",
            "spec.template.spec.tolerations[4].value: Invalid value: \"9223372036854775808\":"
                + " value must be a valid integer for numeric operators",
            "spec.template.spec.tolerations[5].value: Invalid value: \"-0\": value must be a valid"
                + " integer for numeric operators");
  }

  @Test
  void rejectsUnknownAndMistypedParameters() {
    TolerationsAreValid rule = new TolerationsAreValid();
    ObjectNode values =
        new ObjectMapper().createObjectNode().put("comparisonOperators", "yes").put("gates", 1);
    assertThat(rule.parameterErrors(new RuleParameters(values)))
        .containsExactly(
            "has no parameter 'gates' (it takes 'comparisonOperators')",
            "parameter 'comparisonOperators' must be true or false (whether the"
                + " TaintTolerationComparisonOperators feature gate is on), not \"yes\"");
    assertThat(
            rule.parameterErrors(
                new RuleParameters(
                    new ObjectMapper().createObjectNode().put("comparisonOperators", false))))
        .isEmpty();
  }

  @Test
  void aBadParameterStopsTheRun() throws IOException {
    ObjectNode parameters = new ObjectMapper().createObjectNode().put("comparisonOperators", 1);
    Config config = withRule(new RuleParameters(parameters));
    assertThatThrownBy(() -> lint(config))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("rule 'toleration-invalid' parameter 'comparisonOperators'");
  }

  private static Config withRule(RuleParameters parameters) {
    return new Config(
        null,
        null,
        Map.of("toleration-invalid", new Config.RuleConfig(null, null, parameters, 1)),
        List.of(),
        List.of(),
        List.of(),
        null,
        List.of());
  }

  private List<String> invalid(Config config) throws IOException {
    return lint(config).findings().stream()
        .filter(f -> f.ruleId().equals("toleration-invalid"))
        .map(Finding::message)
        .toList();
  }

  private LintResult lint(Config config) throws IOException {
    Path file = dir.resolve("deployment.yaml");
    Files.writeString(file, DEPLOYMENT);
    return new Linter(RuleSet.discover())
        .lint(LintRequest.of(List.of(file.toString()), dir).withConfig(config).withThreads(1));
  }
}
