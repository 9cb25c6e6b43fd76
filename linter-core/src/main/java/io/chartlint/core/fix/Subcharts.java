package io.chartlint.core.fix;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What Helm needs to know of a chart's subcharts to key their values: the name each renders under
 * (its chart name, or the alias the parent uses it under: pkg/chart/v2/util/dependencies.go) and,
 * for a packaged subchart, its values file read from the archive in memory. Nothing is extracted.
 */
final class Subcharts {
  /** Entries of a packaged subchart looked at before giving up. */
  private static final int MAX_ENTRIES = 10_000;

  private Subcharts() {}

  /**
   * A packaged subchart.
   *
   * @param name its chart name
   * @param valuesEntry the archive entry of its values file
   * @param values the text of its values file, or null when it has none or it is too large
   */
  record Packaged(String name, String valuesEntry, String values) {}

  /**
   * One dependency of a chart.
   *
   * @param key the name its values are kept under: its alias, else its name
   * @param imports its {@code import-values}: each a child path and the parent path it goes to
   *     (empty for the parent's root)
   */
  record Dependency(String key, List<Import> imports) {}

  /** One {@code import-values} entry: the child's value at {@code child} goes to {@code parent}. */
  record Import(List<String> child, List<String> parent) {}

  /**
   * A chart's dependencies that import values (pkg/chart/v2/util/dependencies.go
   * processImportValues): a string entry {@code data} imports the child's {@code exports.data} into
   * the parent's root; a map entry {@code {child: a.b, parent: x.y}} the child's {@code a.b} into
   * the parent's {@code x.y}.
   */
  static List<Dependency> imports(Path chart) {
    List<Dependency> list = new ArrayList<>();
    for (String file : List.of("Chart.yaml", "requirements.yaml")) {
      if (!(yaml(chart.resolve(file)) instanceof Map<?, ?> m)
          || !(m.get("dependencies") instanceof List<?> deps)) {
        continue;
      }
      for (Object dep : deps) {
        if (!(dep instanceof Map<?, ?> d)
            || !(d.get("name") instanceof String name)
            || !(d.get("import-values") instanceof List<?> entries)) {
          continue;
        }
        String key = d.get("alias") instanceof String a && !a.isBlank() ? a : name;
        List<Import> imports = new ArrayList<>();
        for (Object entry : entries) {
          if (entry instanceof String s && !s.isBlank()) {
            imports.add(new Import(List.of("exports", s), List.of()));
          } else if (entry instanceof Map<?, ?> e
              && e.get("child") instanceof String c
              && e.get("parent") instanceof String p) {
            imports.add(new Import(dotted(c), dotted(p)));
          }
        }
        list.add(new Dependency(key, imports));
      }
    }
    return list;
  }

  private static List<String> dotted(String path) {
    List<String> list = new ArrayList<>();
    for (String part : path.split("\\.")) {
      if (!part.isEmpty()) {
        list.add(part);
      }
    }
    return list;
  }

  /** The name in a chart directory's Chart.yaml, or {@code fallback}. */
  static String chartName(Path dir, String fallback) {
    Object name = yaml(dir.resolve("Chart.yaml")) instanceof Map<?, ?> m ? m.get("name") : null;
    return name instanceof String s && !s.isBlank() ? s : fallback;
  }

  /**
   * A packaged subchart's name and values, read from the archive with at most {@code maxChars}
   * characters of values; null when it cannot be read.
   */
  static Packaged packaged(Path archive, int maxChars) {
    try (InputStream raw = Files.newInputStream(archive, LinkOption.NOFOLLOW_LINKS);
        // the JDK's gzip reader: Helm writes an extra header field that commons-compress rejects
        TarArchiveInputStream tar =
            new TarArchiveInputStream(new GZIPInputStream(new BufferedInputStream(raw)))) {
      String name = null;
      String valuesEntry = null;
      String values = null;
      TarArchiveEntry entry;
      int seen = 0;
      while ((entry = tar.getNextEntry()) != null && seen++ < MAX_ENTRIES) {
        String path = entry.getName().replace('\\', '/');
        int slash = path.indexOf('/');
        if (!entry.isFile() || slash <= 0 || path.indexOf('/', slash + 1) >= 0) {
          continue; // only <chart>/Chart.yaml and <chart>/values.yaml, the top level
        }
        String local = path.substring(slash + 1);
        if (local.equals("Chart.yaml") && entry.getSize() <= 1 << 20) {
          String text = new String(tar.readNBytes((int) entry.getSize()), StandardCharsets.UTF_8);
          if (load(text) instanceof Map<?, ?> m && m.get("name") instanceof String n) {
            name = n;
          }
        } else if (local.equals("values.yaml")) {
          valuesEntry = path;
          if (entry.getSize() <= Math.max(maxChars, 1) * 4L) {
            values = new String(tar.readNBytes((int) entry.getSize()), StandardCharsets.UTF_8);
          }
        }
      }
      if (name == null) {
        return null;
      }
      return new Packaged(name, valuesEntry == null ? name + "/values.yaml" : valuesEntry, values);
    } catch (IOException | RuntimeException e) {
      return null; // Helm reports an archive it cannot read when it renders
    }
  }

  private static Object yaml(Path file) {
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > 1 << 20) {
        return null;
      }
      return load(Files.readString(file));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static Object load(String text) {
    try {
      LoaderOptions options = new LoaderOptions();
      options.setMaxAliasesForCollections(50);
      options.setNestingDepthLimit(50);
      return new Yaml(new SafeConstructor(options)).load(text);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
