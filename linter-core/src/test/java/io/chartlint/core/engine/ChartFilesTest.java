package io.chartlint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartFilesTest {
  @TempDir Path chart;

  @Test
  void mapsSourcePathsToFilesInTheChartAndItsSubchartsAndNeverOutOfIt() throws IOException {
    Path sub = chart.resolve("charts/sub/templates/svc.yaml");
    Files.createDirectories(sub.getParent());
    Files.writeString(sub, "kind: Service\n");
    Files.writeString(chart.getParent().resolve("outside.yaml"), "kind: Secret\n");
    assertThat(ChartFiles.templateFile(chart, "parent/charts/sub/templates/svc.yaml"))
        .isEqualTo(sub);
    assertThat(ChartFiles.templateFile(chart, "parent/templates/missing.yaml")).isNull();
    assertThat(ChartFiles.templateFile(chart, "parent/../../etc/passwd")).isNull();
    assertThat(ChartFiles.inChart(chart, "../outside.yaml")).isNull();
    assertThat(ChartFiles.inChart(chart, "charts/sub/templates/svc.yaml")).isEqualTo(sub);
  }
}
