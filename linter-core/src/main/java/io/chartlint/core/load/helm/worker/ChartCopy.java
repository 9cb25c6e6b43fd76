package io.chartlint.core.load.helm.worker;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The copy of a chart that Helm renders in a worker: everything Helm would load from the chart and
 * nothing from outside it.
 *
 * <ul>
 *   <li>A symbolic link is followed only where it leads to a file or directory inside the chart;
 *       one that leads outside is left out (Helm's own loader would follow it and read the target
 *       into the chart, where {@code .Files.Get} could print it).
 *   <li>A packaged chart, and every packaged subchart under a {@code charts/} directory, is
 *       unpacked, only its regular files, never above the directory it is unpacked into.
 *   <li>The copy is bounded: at most {@link #MAX_FILES} files and {@link #MAX_BYTES} bytes, as Helm
 *       bounds a packaged chart (pkg/chart/loader/archive.go, {@code MaxDecompressedChartSize}).
 *   <li>With hooks wanted, the annotation key {@code helm.sh/hook} is spelled {@link #HOOK_STANDIN}
 *       in every file, so that Helm's library, which keeps only a release's manifest and drops its
 *       hooks (pkg/releaseutil/manifest_sorter.go sorts out every object with that annotation),
 *       returns hook objects with the others; {@link #restore} spells it back in the output.
 * </ul>
 */
public final class ChartCopy {
  /** Helm's hook annotation (pkg/release/hook.go, {@code HookAnnotation}). */
  public static final String HOOK_KEY = "helm.sh/hook";

  /** Same length as {@link #HOOK_KEY}, so that columns in Helm's messages stay true. */
  public static final String HOOK_STANDIN = "helm.sh/hOOK";

  /** Files in one chart copy, subcharts included. */
  public static final int MAX_FILES = 20_000;

  /** Bytes in one chart copy, subcharts included: Helm's limit for an unpacked chart. */
  public static final long MAX_BYTES = 100L * 1024 * 1024;

  private static final int MAX_LINK_DEPTH = 40;

  private final boolean renameHooks;
  private final List<String> notices = new ArrayList<>();
  private int files;
  private long bytes;

  /** The chart could not be copied within the bounds, or at all. */
  public static final class CopyException extends Exception {
    private static final long serialVersionUID = 1L;

    CopyException(String message) {
      super(message);
    }
  }

  private ChartCopy(boolean renameHooks) {
    this.renameHooks = renameHooks;
  }

  /** A copy made under {@code into}: the chart directory to render and what was left out. */
  public record Result(Path chart, List<String> notices) {}

  /**
   * Copies a chart directory or unpacks a packaged chart into a new directory under {@code into}.
   *
   * @param renameHooks whether to spell the hook annotation {@link #HOOK_STANDIN}
   */
  public static Result copy(Path chart, Path into, boolean renameHooks)
      throws IOException, CopyException {
    ChartCopy copy = new ChartCopy(renameHooks);
    Path target = into.resolve("chart");
    if (Files.isDirectory(chart)) {
      Path real = chart.toRealPath();
      copy.copyDirectory(chart, real, target, new HashSet<>(), 0);
    } else {
      try (InputStream in = new BufferedInputStream(Files.newInputStream(chart))) {
        copy.unpack(in, chart.getFileName().toString(), target);
      }
    }
    return new Result(target, List.copyOf(copy.notices));
  }

  /** Copies a values file given on the command line, with the hook annotation renamed. */
  public static Path copyValues(Path values, Path into, int index, boolean renameHooks)
      throws IOException, CopyException {
    ChartCopy copy = new ChartCopy(renameHooks);
    byte[] data;
    try (InputStream in = Files.newInputStream(values)) {
      data = copy.readBounded(in, values.toString());
    }
    Path target = into.resolve("values-" + index + ".yaml");
    Files.write(target, copy.rewrite(data));
    return target;
  }

  /** A {@code --set} entry with the hook annotation renamed, also where its dot is escaped. */
  public static String renameInSet(String entry) {
    return entry.replace(HOOK_KEY, HOOK_STANDIN).replace("helm\\.sh/hook", "helm\\.sh/hOOK");
  }

  /** Helm's output with the hook annotation spelled as the chart spells it. */
  public static String restore(String rendered) {
    // a chart without templates renders to nothing, which the library returns as null
    return rendered == null ? "" : rendered.replace(HOOK_STANDIN, HOOK_KEY);
  }

  private void copyDirectory(Path dir, Path realRoot, Path target, Set<Path> onPath, int depth)
      throws IOException, CopyException {
    Path realDir = dir.toRealPath();
    if (!onPath.add(realDir) || depth > MAX_LINK_DEPTH) {
      return; // a link back to a directory above: Helm's walk would loop
    }
    Files.createDirectories(target);
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(entries::add);
    }
    entries.sort(null);
    for (Path entry : entries) {
      Path to = target.resolve(entry.getFileName().toString());
      Path source = entry;
      if (Files.isSymbolicLink(entry)) {
        Path real;
        try {
          real = entry.toRealPath();
        } catch (IOException e) {
          continue; // leads nowhere: Helm skips it too
        }
        if (!real.startsWith(realRoot)) {
          notices.add(
              "a symbolic link that leads outside the chart, to "
                  + real
                  + ", was not followed: "
                  + entry);
          continue;
        }
        source = real;
      }
      if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
        copyDirectory(source, realRoot, to, onPath, depth + 1);
      } else if (Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
        copyFile(source, to);
      }
    }
    onPath.remove(realDir);
  }

  private void copyFile(Path source, Path to) throws IOException, CopyException {
    byte[] data;
    try (InputStream in = Files.newInputStream(source, LinkOption.NOFOLLOW_LINKS)) {
      data = readBounded(in, source.toString());
    }
    if (isSubchartArchive(to)) {
      unpack(new ByteArrayInputStream(data), to.getFileName().toString(), subchartDirectory(to));
      return;
    }
    Files.write(to, rewrite(data));
  }

  /** {@code charts/x.tgz}: Helm loads it as a subchart, so it is unpacked beside itself. */
  private static boolean isSubchartArchive(Path to) {
    Path parent = to.getParent();
    return parent != null
        && parent.getFileName() != null
        && parent.getFileName().toString().equals("charts")
        && to.getFileName().toString().endsWith(".tgz");
  }

  private static Path subchartDirectory(Path archive) {
    String name = archive.getFileName().toString();
    Path dir = archive.resolveSibling(name.substring(0, name.length() - ".tgz".length()));
    int n = 1;
    while (Files.exists(dir)) {
      dir = archive.resolveSibling(name + "-" + n++);
    }
    return dir;
  }

  /**
   * Unpacks a chart archive: its entries sit under one top directory, the chart's name, which is
   * dropped, as Helm drops it (pkg/chart/loader/archive.go).
   */
  private void unpack(InputStream archive, String name, Path target)
      throws IOException, CopyException {
    Files.createDirectories(target);
    Path normalTarget = target.toAbsolutePath().normalize();
    List<Path> nested = new ArrayList<>();
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new GZIPInputStream(archive), StandardCharsets.UTF_8.name())) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        if (!entry.isFile() || entry.isSymbolicLink() || entry.isLink()) {
          continue; // links, devices and directories: Helm reads regular files only
        }
        String path = entry.getName().replace('\\', '/');
        int slash = path.indexOf('/');
        if (slash < 0) {
          continue;
        }
        String inChart = path.substring(slash + 1);
        Path to = normalTarget.resolve(inChart).normalize();
        if (inChart.isEmpty() || !to.startsWith(normalTarget) || to.equals(normalTarget)) {
          notices.add(
              "an entry that leads outside the chart was left out of " + name + ": " + path);
          continue;
        }
        byte[] data = readBounded(tar, name + ": " + path);
        Files.createDirectories(to.getParent());
        if (isSubchartArchive(to)) {
          Files.write(to, data);
          nested.add(to);
        } else {
          Files.write(to, rewrite(data));
        }
      }
    } catch (IOException e) {
      throw new CopyException("cannot read the chart archive " + name + ": " + e.getMessage());
    }
    for (Path archiveFile : nested) {
      byte[] data = Files.readAllBytes(archiveFile);
      Files.delete(archiveFile);
      unpack(
          new ByteArrayInputStream(data),
          archiveFile.getFileName().toString(),
          subchartDirectory(archiveFile));
    }
  }

  private byte[] readBounded(InputStream in, String what) throws IOException, CopyException {
    if (++files > MAX_FILES) {
      throw new CopyException(
          "the chart holds more than " + MAX_FILES + " files; chartlint renders none larger");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    int n;
    while ((n = in.read(buffer)) > 0) {
      bytes += n;
      if (bytes > MAX_BYTES) {
        throw new CopyException(
            "the chart holds more than "
                + (MAX_BYTES / (1024 * 1024))
                + " MiB (at "
                + what
                + "); Helm refuses charts larger than that");
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private byte[] rewrite(byte[] data) {
    if (!renameHooks) {
      return data;
    }
    byte[] key = HOOK_KEY.getBytes(StandardCharsets.US_ASCII);
    byte[] standin = HOOK_STANDIN.getBytes(StandardCharsets.US_ASCII);
    byte[] out = null;
    for (int i = 0; i + key.length <= data.length; i++) {
      if (data[i] == key[0] && matches(data, i, key)) {
        if (out == null) {
          out = data.clone();
        }
        System.arraycopy(standin, 0, out, i, standin.length);
        i += key.length - 1;
      }
    }
    return out == null ? data : out;
  }

  private static boolean matches(byte[] data, int at, byte[] key) {
    for (int k = 0; k < key.length; k++) {
      if (data[at + k] != key[k]) {
        return false;
      }
    }
    return true;
  }
}
