package io.chartlint.core.fix;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartlint.core.load.LoadLimits;
import io.chartlint.core.rule.ValuesOrigin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where each merged value was set: chart, subchart, -f files and --set, in Helm's order. */
class ChartValuesTest {
  @TempDir Path dir;

  @Test
  void theLastSourceToSetAValueIsItsOrigin() throws IOException {
    Path chart = Files.createDirectories(dir.resolve("chart"));
    Files.writeString(
        chart.resolve("values.yaml"),
        """
        daemon:
          affinity: {}
          port: 8080
        agent:
          enabled: true
        """);
    Path sub = Files.createDirectories(chart.resolve("charts/agent"));
    Files.writeString(sub.resolve("values.yaml"), "enabled: false\nimage: agent:1\n");
    Path site = dir.resolve("site.yaml");
    Files.writeString(site, "# site\ndaemon:\n  port: 9090\n");

    ChartValues values =
        ChartValues.of(
            chart,
            List.of(site),
            List.of("daemon.replicas=3"),
            List.of("daemon.tag=1.0"),
            dir,
            LoadLimits.DEFAULTS);

    assertThat(values.origin(List.of("daemon", "affinity")))
        .isEqualTo(new ValuesOrigin("daemon.affinity", "chart/values.yaml", 2, null));
    assertThat(values.origin(List.of("daemon", "port")))
        .isEqualTo(new ValuesOrigin("daemon.port", "site.yaml", 3, null));
    assertThat(values.origin(List.of("agent", "image")))
        .isEqualTo(new ValuesOrigin("agent.image", "chart/charts/agent/values.yaml", 2, null));
    assertThat(values.origin(List.of("agent", "enabled")))
        .isEqualTo(new ValuesOrigin("agent.enabled", "chart/values.yaml", 5, null));
    assertThat(values.origin(List.of("daemon", "replicas")))
        .isEqualTo(new ValuesOrigin("daemon.replicas", null, 0, "--set"));
    assertThat(values.origin(List.of("daemon", "tag")))
        .isEqualTo(new ValuesOrigin("daemon.tag", null, 0, "--set-string"));
    assertThat(values.get(List.of("daemon")))
        .isEqualTo(Map.of("affinity", Map.of(), "port", 9090L, "replicas", 3L, "tag", "1.0"));
    assertThat(values.get(List.of("agent", "enabled"))).isEqualTo(true);
  }

  @Test
  void aNullInALaterFileDeletesTheKey() throws IOException {
    Path chart = Files.createDirectories(dir.resolve("chart"));
    Files.writeString(chart.resolve("values.yaml"), "affinity:\n  nodeAffinity: {}\n");
    Path site = dir.resolve("site.yaml");
    Files.writeString(site, "affinity: null\n");

    ChartValues values =
        ChartValues.of(chart, List.of(site), List.of(), List.of(), dir, LoadLimits.DEFAULTS);

    assertThat(values.get(List.of("affinity"))).isNull();
    assertThat(values.origin(List.of("affinity", "nodeAffinity"))).isNull();
  }
}
