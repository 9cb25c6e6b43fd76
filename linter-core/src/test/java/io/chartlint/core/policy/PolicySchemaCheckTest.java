package io.chartlint.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chartlint.core.UsageException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A policy schema that breaks the JSON Schema meta-schema stops the run at its line. */
class PolicySchemaCheckTest {
  private static final Path FILE = Path.of("policies/bad.yaml");

  private static Policy parse(String schema) {
    return PolicyLoader.parse(
        FILE,
        "policies/bad.yaml",
        """
        id: bad
        severity: error
        summary: bad
        appliesTo: {kinds: [Deployment], target: object}
        schema:
        """
            + schema);
  }

  @Test
  void aTypeThatIsNotATypeNameIsAnErrorAtItsLine() {
    assertThatThrownBy(() -> parse("  type: object\n  properties:\n    spec:\n      type: 42\n"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("policies/bad.yaml:9:")
        .hasMessageContaining("schema.properties.spec.type")
        .hasMessageNotContaining("bad.yaml:1:");
  }

  @Test
  void aRequiredThatIsNotAListIsAnErrorAtItsLine() {
    assertThatThrownBy(() -> parse("  type: object\n  required: spec\n"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("policies/bad.yaml:7:");
  }

  @Test
  void policyFileErrorsAreAtTheKeysLineAndNameTheProperty() {
    assertThatThrownBy(
            () ->
                PolicyLoader.parse(
                    FILE,
                    "policies/bad.yaml",
                    "id: bad\nappliesToo:\n  kinds: [Deployment]\nsummary: s\nschema: {}\n"))
        .hasMessageContaining("policies/bad.yaml:2:")
        .hasMessageContaining("appliesToo");
    assertThatThrownBy(
            () ->
                PolicyLoader.parse(
                    FILE, "policies/bad.yaml", "id: bad\nseverity: loud\nsummary: s\nschema: {}\n"))
        .hasMessageContaining("policies/bad.yaml:2: severity: ");
  }

  @Test
  void aValidSchemaPasses() {
    assertThat(parse("  type: object\n  required: [spec]\n").id()).isEqualTo("bad");
  }
}
