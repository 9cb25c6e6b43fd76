package io.chartlint.core.load.helm.sourcemap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only a chart's own templates are read: a chart is untrusted input. */
class ChartSourcesTest {
  @TempDir Path dir;

  @Test
  void aSymbolicLinkOutOfTheChartIsNotRead() throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "password: hunter2\n");
    Path chart = Files.createDirectories(dir.resolve("app/templates")).getParent();
    Files.writeString(chart.resolve("templates/cm.yaml"), "kind: ConfigMap\n");
    Files.createSymbolicLink(chart.resolve("templates/leak.yaml"), secret);

    ChartSources sources = ChartSources.read(chart);

    assertThat(sources.files()).containsOnlyKeys("templates/cm.yaml");
  }

  @Test
  void subchartsAreReadUnderTheNameHelmRendersThemWith() throws IOException {
    Path chart = Files.createDirectories(dir.resolve("app"));
    Files.writeString(
        chart.resolve("Chart.yaml"),
        "apiVersion: v2\nname: app\nversion: 1.0.0\n"
            + "dependencies:\n  - name: operator-chart\n    alias: operator\n");
    Path sub = Files.createDirectories(chart.resolve("charts/operator-dir/templates")).getParent();
    Files.writeString(sub.resolve("Chart.yaml"), "apiVersion: v2\nname: operator-chart\n");
    Files.writeString(sub.resolve("templates/deploy.yaml"), "kind: Deployment\n");
    try (OutputStream out = Files.newOutputStream(chart.resolve("charts/packed-1.0.0.tgz"));
        TarArchiveOutputStream tar =
            new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
      for (String[] entry :
          new String[][] {
            {"packed/Chart.yaml", "name: packed\n"},
            {"packed/templates/svc.yaml", "kind: Service\n"},
            {"packed/../../escape/templates/x.yaml", "kind: Secret\n"}
          }) {
        byte[] bytes = entry[1].getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(entry[0]);
        e.setSize(bytes.length);
        tar.putArchiveEntry(e);
        tar.write(bytes);
        tar.closeArchiveEntry();
      }
    }

    ChartSources sources = ChartSources.read(chart);

    assertThat(sources.files())
        .containsOnlyKeys(
            "charts/operator/templates/deploy.yaml", "charts/packed/templates/svc.yaml");
    assertThat(sources.onDisk())
        .containsEntry(
            "charts/operator/templates/deploy.yaml", "charts/operator-dir/templates/deploy.yaml")
        .doesNotContainKey("charts/packed/templates/svc.yaml");
  }

  @Test
  void readsArchivesWithTheGzipExtraFieldHelmWrites() throws IOException {
    java.io.ByteArrayOutputStream tarBytes = new java.io.ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(tarBytes)) {
      byte[] bytes = "kind: Service\n".getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry e = new TarArchiveEntry("app/templates/svc.yaml");
      e.setSize(bytes.length);
      tar.putArchiveEntry(e);
      tar.write(bytes);
      tar.closeArchiveEntry();
    }
    // helm package sets gzip's FEXTRA field to bytes that are not RFC 1952 subfields
    byte[] extra = "+aHR0cHM6Ly95b3V0dS5iZS96OVV6MWljandyTQo=".getBytes(StandardCharsets.US_ASCII);
    java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
    gz.write(new byte[] {0x1f, (byte) 0x8b, 8, 4, 0, 0, 0, 0, 0, (byte) 0xff});
    gz.write(extra.length & 0xff);
    gz.write(extra.length >> 8);
    gz.write(extra);
    java.util.zip.Deflater deflater = new java.util.zip.Deflater(9, true);
    byte[] raw = tarBytes.toByteArray();
    deflater.setInput(raw);
    deflater.finish();
    byte[] buffer = new byte[raw.length + 1024];
    gz.write(buffer, 0, deflater.deflate(buffer));
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(raw);
    for (long v : new long[] {crc.getValue(), raw.length}) {
      for (int i = 0; i < 4; i++) {
        gz.write((int) (v >> (8 * i)) & 0xff);
      }
    }
    Path archive = Files.write(dir.resolve("app-1.0.0.tgz"), gz.toByteArray());

    assertThat(ChartSources.read(archive).files()).containsOnlyKeys("templates/svc.yaml");
  }
}
