package io.chartlint.core.load.helm.sourcemap;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the template files of a chart directory or packaged chart, and of its subcharts under
 * {@code charts/} (directories or packaged), keyed by their path in the chart.
 *
 * <p>Only what Helm would read as templates is read, nothing is written, symbolic links are not
 * followed out of the chart, and the bytes read are bounded: a chart is untrusted input.
 */
public final class ChartSources {
  /** Bytes of template text read per chart, subcharts included, before the rest is skipped. */
  static final long MAX_BYTES = 64L * 1024 * 1024;

  /** Depth of subcharts within subcharts that is read. */
  private static final int MAX_NESTING = 8;

  private final Map<String, String> files = new LinkedHashMap<>();
  private final Map<String, String> onDisk = new LinkedHashMap<>();
  private final List<String> skipped = new ArrayList<>();
  private long bytes;

  private ChartSources() {}

  /** The template files of the chart at {@code chart}, a directory or a {@code .tgz}. */
  static ChartSources read(Path chart) throws IOException {
    ChartSources sources = new ChartSources();
    if (Files.isDirectory(chart)) {
      sources.directory(chart, chart, "", 0);
    } else {
      try (InputStream in = Files.newInputStream(chart)) {
        sources.archive(in, "", 0, Map.of());
      }
    }
    return sources;
  }

  Map<String, String> files() {
    return files;
  }

  /**
   * Where files of a chart directory are on disk, relative to the chart, by the path Helm names
   * them with: a subchart used under an alias renders as {@code charts/<alias>/templates/...}.
   */
  Map<String, String> onDisk() {
    return onDisk;
  }

  /** What was not read, and why. */
  List<String> skipped() {
    return skipped;
  }

  private void directory(Path root, Path dir, String prefix, int nesting) throws IOException {
    Path templates = dir.resolve("templates");
    if (Files.isDirectory(templates, LinkOption.NOFOLLOW_LINKS)) {
      try (Stream<Path> walk = Files.walk(templates)) {
        for (Path file : walk.sorted().toList()) {
          if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            String relative = dir.relativize(file).toString().replace('\\', '/');
            byte[] content =
                Files.size(file) <= MAX_BYTES - bytes ? Files.readAllBytes(file) : null;
            add(prefix + relative, content);
            if (content != null) {
              onDisk.put(prefix + relative, root.relativize(file).toString().replace('\\', '/'));
            }
          }
        }
      }
    }
    Path charts = dir.resolve("charts");
    if (nesting >= MAX_NESTING || !Files.isDirectory(charts, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Map<String, List<String>> aliases = aliases(dir);
    try (Stream<Path> list = Files.list(charts)) {
      for (Path sub : list.sorted().toList()) {
        String name = sub.getFileName().toString();
        if (Files.isDirectory(sub, LinkOption.NOFOLLOW_LINKS)) {
          // Helm names a subchart's templates after its chart name, or the alias it is used under
          String chartName = chartName(sub, name);
          for (String as : aliases.getOrDefault(chartName, List.of(chartName))) {
            directory(root, sub, prefix + "charts/" + as + "/", nesting + 1);
          }
        } else if (name.endsWith(".tgz") && Files.isRegularFile(sub, LinkOption.NOFOLLOW_LINKS)) {
          try (InputStream in = Files.newInputStream(sub)) {
            archive(in, prefix + "charts/", nesting + 1, aliases);
          } catch (IOException e) {
            skipped.add(prefix + "charts/" + name + ": " + e.getMessage());
          }
        }
      }
    }
  }

  /** The name in a chart directory's Chart.yaml, or {@code fallback}. */
  private static String chartName(Path dir, String fallback) {
    Object name = yaml(dir.resolve("Chart.yaml")) instanceof Map<?, ?> m ? m.get("name") : null;
    return name instanceof String s && !s.isBlank() && !s.contains("/") ? s : fallback;
  }

  /**
   * The aliases of a chart's dependencies (Chart.yaml, or requirements.yaml for apiVersion v1):
   * dependency name to the names its templates render under; a dependency without alias is absent.
   * Chart values are keyed by the same names.
   */
  public static Map<String, List<String>> aliases(Path dir) {
    Map<String, List<String>> aliases = new LinkedHashMap<>();
    for (String file : List.of("Chart.yaml", "requirements.yaml")) {
      if (!(yaml(dir.resolve(file)) instanceof Map<?, ?> m)
          || !(m.get("dependencies") instanceof List<?> deps)) {
        continue;
      }
      for (Object dep : deps) {
        if (dep instanceof Map<?, ?> d
            && d.get("name") instanceof String name
            && d.get("alias") instanceof String alias
            && !alias.isBlank()
            && !alias.contains("/")) {
          aliases.computeIfAbsent(name, k -> new ArrayList<>()).add(alias);
        }
      }
    }
    return aliases;
  }

  /** A small YAML file of the chart as plain objects, or null when it is absent or unreadable. */
  private static Object yaml(Path file) {
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > 1 << 20) {
        return null;
      }
      LoaderOptions options = new LoaderOptions();
      options.setMaxAliasesForCollections(50);
      options.setNestingDepthLimit(50);
      return new Yaml(new SafeConstructor(options)).load(Files.readString(file));
    } catch (IOException | RuntimeException e) {
      return null; // Helm has read it to render; a Chart.yaml it cannot have read names nothing
    }
  }

  /**
   * Reads a packaged chart: its entries are {@code <name>/templates/...}; under {@code prefix} they
   * are keyed {@code <prefix><name>/templates/...} when {@code prefix} names a subchart folder, and
   * {@code templates/...} for the chart itself.
   */
  private void archive(
      InputStream raw, String prefix, int nesting, Map<String, List<String>> aliases)
      throws IOException {
    // the JDK's gzip reader: Helm writes an extra header field that commons-compress 1.28 rejects
    TarArchiveInputStream tar =
        new TarArchiveInputStream(new GZIPInputStream(new BufferedInputStream(raw)));
    TarArchiveEntry entry;
    while ((entry = tar.getNextEntry()) != null) {
      if (!entry.isFile()) {
        continue;
      }
      String name = entry.getName().replace('\\', '/');
      int slash = name.indexOf('/');
      if (slash < 0 || name.contains("../") || name.startsWith("/")) {
        continue;
      }
      String chart = name.substring(0, slash);
      String local = name.substring(slash + 1);
      List<String> keys = new ArrayList<>();
      if (prefix.isEmpty()) {
        keys.add("");
      } else {
        for (String as : aliases.getOrDefault(chart, List.of(chart))) {
          keys.add(prefix + as + "/");
        }
      }
      if (local.matches("(charts/[^/]+/)*charts/[^/]+\\.tgz")) {
        if (nesting < MAX_NESTING) {
          String at = keys.get(0) + local.substring(0, local.lastIndexOf('/') + 1);
          archive(new NonClosing(tar), at, nesting + 1, Map.of());
        }
        continue;
      }
      if (!local.startsWith("templates/") && !local.matches("(charts/[^/]+/)+templates/.*")) {
        continue;
      }
      byte[] content =
          entry.getSize() <= MAX_BYTES - bytes ? tar.readNBytes((int) entry.getSize()) : null;
      for (String key : keys) {
        add(key + local, content);
      }
    }
  }

  private void add(String path, byte[] content) {
    if (content == null) {
      skipped.add(path + ": more template text than " + MAX_BYTES + " bytes in one chart");
      return;
    }
    bytes += content.length;
    files.put(path, new String(content, StandardCharsets.UTF_8));
  }

  /** A nested archive is read from its parent's stream, which must stay open. */
  private static final class NonClosing extends java.io.FilterInputStream {
    NonClosing(InputStream in) {
      super(in);
    }

    @Override
    public void close() {
      // the parent archive closes its own stream
    }
  }
}
