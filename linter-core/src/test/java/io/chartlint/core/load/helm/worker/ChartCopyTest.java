package io.chartlint.core.load.helm.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chartlint.core.load.helm.ChartRenderRequest;
import io.chartlint.core.load.helm.EmbeddedHelmRenderer;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing outside a chart is read or copied, and a copy never grows without bound. */
class ChartCopyTest {
  @TempDir Path dir;

  private static RenderWorkers workers;

  @BeforeAll
  static void start() {
    workers = new RenderWorkers(1, System.getenv());
  }

  @AfterAll
  static void stop() {
    workers.close();
  }

  private static void links() {
    assumeTrue(File.separatorChar == '/', "symbolic links need a Unix file system here");
  }

  private static List<String> filesUnder(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  @Test
  void linksThatLeaveTheChartAreNotFollowedAndLinksInsideItAre() throws Exception {
    links();
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("secret.txt"), "TOPSECRET");
    for (int i = 0; i < 50; i++) {
      Files.writeString(outside.resolve("f" + i + ".txt"), "OUTSIDE-" + i);
    }
    Path chart =
        TestCharts.chart(
            dir,
            "linked",
            "",
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: files
            data:
              secret: {{ .Files.Get "secret.txt" | quote }}
              inner: {{ .Files.Get "inner.txt" | quote }}
              listed: {{ range $path, $_ := .Files.Glob "**" }}{{ $path }} {{ end }}
            """);
    Files.createDirectories(chart.resolve("files"));
    Files.writeString(chart.resolve("files/real.txt"), "INSIDE");
    Files.createSymbolicLink(chart.resolve("secret.txt"), outside.resolve("secret.txt"));
    Files.createSymbolicLink(chart.resolve("etc"), outside);
    Files.createSymbolicLink(chart.resolve("inner.txt"), chart.resolve("files/real.txt"));

    Path into = Files.createDirectories(dir.resolve("copy"));
    ChartCopy.Result copy = ChartCopy.copy(chart, into, true);
    assertThat(filesUnder(copy.chart()))
        .containsExactly(
            "Chart.yaml", "files/real.txt", "inner.txt", "templates/t0.yaml", "values.yaml");
    assertThat(copy.notices())
        .hasSize(2)
        .allSatisfy(n -> assertThat(n).contains("leads outside the chart"));

    String out =
        EmbeddedHelmRenderer.using(workers).render(ChartRenderRequest.of(chart)).manifests();
    assertThat(out)
        .contains("inner: \"INSIDE\"")
        .contains("secret: \"\"")
        .doesNotContain("TOPSECRET")
        .doesNotContain("OUTSIDE-")
        .doesNotContain("etc/");
  }

  @Test
  void aLinkLoopEndsTheWalk() throws Exception {
    links();
    Path chart = TestCharts.chart(dir, "loop", "", "kind: ConfigMap\n");
    Files.createSymbolicLink(chart.resolve("templates/again"), chart);
    ChartCopy.Result copy =
        ChartCopy.copy(chart, Files.createDirectories(dir.resolve("copy")), false);
    assertThat(filesUnder(copy.chart()))
        .containsExactly("Chart.yaml", "templates/t0.yaml", "values.yaml");
  }

  @Test
  void anArchiveEntryCannotLeaveTheDirectoryItIsUnpackedInto() throws Exception {
    Path archive = dir.resolve("evil-0.1.0.tgz");
    try (OutputStream out = Files.newOutputStream(archive);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
      TestCharts.add(
          tar, "evil/Chart.yaml", TestCharts.utf8("apiVersion: v2\nname: evil\nversion: 1.0.0\n"));
      TestCharts.add(tar, "evil/../../escaped.txt", TestCharts.utf8("escaped"));
      TarArchiveEntry link =
          new TarArchiveEntry("evil/templates/passwd", TarArchiveEntry.LF_SYMLINK);
      link.setLinkName("/etc/passwd");
      tar.putArchiveEntry(link);
      tar.closeArchiveEntry();
    }
    Path into = Files.createDirectories(dir.resolve("a/b/copy"));
    ChartCopy.Result copy = ChartCopy.copy(archive, into, true);
    assertThat(filesUnder(copy.chart())).containsExactly("Chart.yaml");
    assertThat(filesUnder(dir.resolve("a"))).containsExactly("b/copy/chart/Chart.yaml");
    assertThat(copy.notices()).anySatisfy(n -> assertThat(n).contains("leads outside the chart"));
  }

  @Test
  void aCopyIsBounded() throws Exception {
    Path chart = TestCharts.chart(dir, "big", "", "kind: ConfigMap\n");
    byte[] mib = new byte[1024 * 1024];
    for (int i = 0; i < 101; i++) {
      Files.write(chart.resolve("blob" + i + ".bin"), mib);
    }
    Path into = Files.createDirectories(dir.resolve("copy"));
    assertThatThrownBy(() -> ChartCopy.copy(chart, into, true))
        .isInstanceOf(ChartCopy.CopyException.class)
        .hasMessageContaining("more than 100 MiB");
  }

  @Test
  void theHookAnnotationIsSpelledBackAsTheChartSpellsIt() {
    assertThat(ChartCopy.HOOK_STANDIN).hasSameSizeAs(ChartCopy.HOOK_KEY);
    assertThat(ChartCopy.restore("\"helm.sh/hOOK\": pre-install\nhelm.sh/hOOK-weight: \"1\""))
        .isEqualTo("\"helm.sh/hook\": pre-install\nhelm.sh/hook-weight: \"1\"");
    assertThat(ChartCopy.renameInSet("job.annotations.helm\\.sh/hook=pre-install"))
        .isEqualTo("job.annotations.helm\\.sh/hOOK=pre-install");
  }
}
