package io.chartlint.core.load.helm.worker;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Small charts written by tests. */
final class TestCharts {
  private TestCharts() {}

  /** A chart directory {@code dir/name} with a Chart.yaml, the given values and templates. */
  static Path chart(Path dir, String name, String values, String... templates) throws IOException {
    Path chart = dir.resolve(name);
    Files.createDirectories(chart.resolve("templates"));
    Files.writeString(
        chart.resolve("Chart.yaml"), "apiVersion: v2\nname: " + name + "\nversion: 0.1.0\n");
    Files.writeString(chart.resolve("values.yaml"), values);
    for (int i = 0; i < templates.length; i++) {
      Files.writeString(chart.resolve("templates/t" + i + ".yaml"), templates[i]);
    }
    return chart;
  }

  /** Packs a chart directory as {@code helm package} does: every file under {@code <name>/}. */
  static Path pack(Path chart, Path archive) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(chart)) {
      files = new ArrayList<>(walk.filter(Files::isRegularFile).sorted().toList());
    }
    try (OutputStream out = Files.newOutputStream(archive);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Path file : files) {
        String name =
            chart.getFileName() + "/" + chart.relativize(file).toString().replace('\\', '/');
        add(tar, name, Files.readAllBytes(file));
      }
    }
    return archive;
  }

  /** Adds one regular file to an archive being written. */
  static void add(TarArchiveOutputStream tar, String name, byte[] data) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(data.length);
    tar.putArchiveEntry(entry);
    tar.write(data);
    tar.closeArchiveEntry();
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
