package io.chartlint.core.engine;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chartlint.core.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A config or baseline error names the exact line and what is wrong, and echoes no content. */
class ConfigDiagnosticsTest {
  @TempDir Path dir;

  private Path config() {
    return dir.resolve(".chartlint.yaml");
  }

  @Test
  void aTabInIndentationIsReportedAtItsOwnLine() {
    assertThatThrownBy(() -> ConfigLoader.parse(config(), "rules:\n\tcpu-request-missing: {}\n"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining(".chartlint.yaml:2:");
  }

  @Test
  void anUnknownKeyIsReportedAtItsLine() {
    assertThatThrownBy(() -> ConfigLoader.parse(config(), "failsOn: error\nrules: {}\n"))
        .hasMessageContaining(".chartlint.yaml:1:")
        .hasMessageContaining("failsOn");
    assertThatThrownBy(() -> ConfigLoader.parse(config(), "rules: {}\nunknown:\n  nested: true\n"))
        .hasMessageContaining(".chartlint.yaml:2:")
        .hasMessageContaining("unknown");
  }

  @Test
  void anEnumErrorNamesTheProperty() {
    assertThatThrownBy(() -> ConfigLoader.parse(config(), "rules: {}\nfailOn: sometimes\n"))
        .hasMessageContaining(".chartlint.yaml:2:")
        .hasMessageContaining("failOn");
    assertThatThrownBy(
            () ->
                ConfigLoader.parse(
                    config(), "rules:\n  cpu-request-missing:\n    severity: loud\n"))
        .hasMessageContaining(".chartlint.yaml:3:")
        .hasMessageContaining("severity");
  }

  @Test
  void aBaselineThatIsNotJsonIsNamedWithoutEchoingItsContent() throws IOException {
    Path baseline = dir.resolve("baseline.json");
    Files.writeString(baseline, "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI\n");

    assertThatThrownBy(() -> Baseline.read(baseline, dir))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("baseline.json is not valid JSON")
        .hasMessageNotContaining("AWS_SECRET")
        .hasMessageNotContaining("wJalr");
  }
}
