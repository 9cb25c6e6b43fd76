package io.chartlint.core.load.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kubeVersion range that excludes the version of the render is the command line's doing. */
class KubeVersionMismatchTest {
  @TempDir Path dir;

  @Test
  void isReportedAtTheKubeVersionLineOfChartYamlAndNamesTheOption() throws Exception {
    Path chart = dir.resolve("new");
    Files.createDirectories(chart.resolve("templates"));
    Files.writeString(
        chart.resolve("Chart.yaml"),
        "apiVersion: v2\nname: new\nversion: 0.1.0\nkubeVersion: \">=1.31.0-0\"\n");
    Files.writeString(chart.resolve("templates/cm.yaml"), "kind: ConfigMap\n");
    ChartRenderRequest request =
        new ChartRenderRequest(
            chart, List.of(), List.of(), List.of(), List.of(), null, null, "1.30.0", List.of());
    ChartRenderException e =
        catchThrowableOfType(
            ChartRenderException.class, () -> EmbeddedHelmRenderer.load().render(request));
    assertThat(e.templatePath()).isEqualTo("chart/Chart.yaml");
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.column()).isEqualTo(14);
    assertThat(e.getMessage())
        .contains(">=1.31.0-0")
        .contains("v1.30.0")
        .contains("--kube-version")
        .contains("kubeVersion in the Maven plugin");
  }
}
