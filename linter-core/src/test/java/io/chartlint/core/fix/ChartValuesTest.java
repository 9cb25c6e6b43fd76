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

  @Test
  void setEntriesAreReadWithHelmsSyntax() throws IOException {
    Path chart = Files.createDirectories(dir.resolve("chart"));
    Files.writeString(
        chart.resolve("values.yaml"),
        "tolerations:\n  - operator: Exists\n  - key: a\nnodeSelector: {}\n");

    ChartValues values =
        ChartValues.of(
            chart,
            List.of(),
            List.of(
                "tolerations[0].key=node-role.kubernetes.io/control-plane,tolerations[0].effect=NoSchedule",
                "nodeSelector.kubernetes\\.io/os=linux,replicas=02,count=7,flag=TRUE",
                "args={--a,--b}",
                "a.b[1][0]=x"),
            List.of("tag=007,port=8080"),
            dir,
            LoadLimits.DEFAULTS);

    // the first --set into a list replaces the list of the values files, as Helm does
    assertThat(values.get(List.of("tolerations")))
        .isEqualTo(
            List.of(
                Map.of("key", "node-role.kubernetes.io/control-plane", "effect", "NoSchedule")));
    assertThat(values.origin(List.of("tolerations", "[0]", "key")))
        .isEqualTo(new ValuesOrigin("tolerations[0].key", null, 0, "--set"));
    assertThat(values.origin(List.of("tolerations")))
        .isEqualTo(new ValuesOrigin("tolerations", null, 0, "--set"));
    assertThat(values.get(List.of("nodeSelector", "kubernetes.io/os"))).isEqualTo("linux");
    assertThat(values.origin(List.of("nodeSelector", "kubernetes.io/os")))
        .isEqualTo(new ValuesOrigin("nodeSelector.kubernetes\\.io/os", null, 0, "--set"));
    assertThat(values.get(List.of("replicas"))).as("a leading zero stays a string").isEqualTo("02");
    assertThat(values.get(List.of("count"))).isEqualTo(7L);
    assertThat(values.get(List.of("flag"))).isEqualTo(true);
    assertThat(values.get(List.of("args"))).isEqualTo(List.of("--a", "--b"));
    assertThat(values.get(List.of("a", "b", "[1]", "[0]"))).isEqualTo("x");
    assertThat(values.get(List.of("tag"))).isEqualTo("007");
    assertThat(values.get(List.of("port"))).as("--set-string keeps strings").isEqualTo("8080");
    assertThat(values.origin(List.of("port")))
        .isEqualTo(new ValuesOrigin("port", null, 0, "--set-string"));
  }

  @Test
  void setEntriesHelmWouldRejectAreNotTracedAndBreakNothing() throws IOException {
    Path chart = Files.createDirectories(dir.resolve("chart"));
    Files.writeString(chart.resolve("values.yaml"), "a: 1\n");
    String deep = "k.".repeat(500) + "k=1";

    ChartValues values =
        ChartValues.of(
            chart,
            List.of(),
            List.of(deep, "x[99999999]=1", "[0]=1", "y[a]=1", ".z=1", "noequals", "w[0=1"),
            List.of(),
            dir,
            LoadLimits.DEFAULTS);

    assertThat(values.merged()).isEqualTo(Map.of("a", 1L));
  }

  @Test
  void subchartsAreKeyedByAliasAndPackagedOnesAreReadFromTheArchive() throws IOException {
    Path chart = Files.createDirectories(dir.resolve("chart"));
    Files.writeString(
        chart.resolve("Chart.yaml"),
        "apiVersion: v2\nname: chart\nversion: 1.0.0\ndependencies:\n"
            + "  - name: agent\n    version: 1.0.0\n    alias: collector\n");
    Files.writeString(chart.resolve("values.yaml"), "collector:\n  image: mine\n");
    Path sub = Files.createDirectories(chart.resolve("charts/agent"));
    Files.writeString(sub.resolve("Chart.yaml"), "apiVersion: v2\nname: agent\nversion: 1.0.0\n");
    Files.writeString(sub.resolve("values.yaml"), "image: theirs\nresources: {}\n");
    Path archive = chart.resolve("charts/packaged-0.1.0.tgz");
    try (var out =
        new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(
            new java.util.zip.GZIPOutputStream(Files.newOutputStream(archive)))) {
      entry(out, "packaged/Chart.yaml", "apiVersion: v2\nname: packaged\nversion: 0.1.0\n");
      entry(out, "packaged/values.yaml", "# packaged\naffinity: {}\n");
      entry(out, "packaged/charts/inner/values.yaml", "ignored: true\n");
    }

    ChartValues values =
        ChartValues.of(chart, List.of(), List.of(), List.of(), dir, LoadLimits.DEFAULTS);

    assertThat(values.origin(List.of("collector", "resources")))
        .isEqualTo(
            new ValuesOrigin("collector.resources", "chart/charts/agent/values.yaml", 2, null));
    assertThat(values.origin(List.of("collector", "image")))
        .isEqualTo(new ValuesOrigin("collector.image", "chart/values.yaml", 2, null));
    assertThat(values.contains(List.of("agent"))).as("not under its chart name").isFalse();
    assertThat(values.origin(List.of("packaged", "affinity")))
        .isEqualTo(
            new ValuesOrigin(
                "packaged.affinity",
                "chart/charts/packaged-0.1.0.tgz!/packaged/values.yaml",
                2,
                null));
    assertThat(values.knowsSubchart("collector")).isTrue();
    assertThat(values.knowsSubchart("packaged")).isTrue();
    assertThat(values.knowsSubchart("inner")).isFalse();
    assertThat(Files.list(chart.resolve("charts")).count()).as("nothing extracted").isEqualTo(2);
  }

  private static void entry(
      org.apache.commons.compress.archivers.tar.TarArchiveOutputStream out,
      String name,
      String text)
      throws IOException {
    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    var e = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(name);
    e.setSize(bytes.length);
    out.putArchiveEntry(e);
    out.write(bytes);
    out.closeArchiveEntry();
  }

  @Test
  void whatAValuesFileWritesIsMadeSafeToPrint() {
    ValuesOrigin hostile =
        new ValuesOrigin("a\n::error::x\u001b[31m" + "k".repeat(5000), "v\r.yaml", 3, null);

    ValuesOrigin shown = ChartFixer.safe(hostile);

    assertThat(shown.path()).doesNotContain("\n", "\u001b").hasSizeLessThan(300);
    assertThat(shown.file()).doesNotContain("\r");
    assertThat(shown.describe()).doesNotContain("\n");
  }
}
