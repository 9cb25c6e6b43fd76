package io.chartlint.core.load.helm;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code helm template} takes: the chart (a directory or a packaged {@code .tgz}) and its
 * values.
 *
 * @param chart the chart directory or archive
 * @param valuesFiles {@code -f/--values}, in order
 * @param set {@code --set key=value} entries, in order
 * @param setString {@code --set-string key=value} entries
 * @param setFile {@code --set-file key=path} entries
 * @param releaseName the release name ({@code release-name} by default)
 * @param namespace the namespace ({@code default} by default)
 * @param kubeVersion {@code --kube-version}, or null for Helm's default
 * @param apiVersions {@code --api-versions}
 */
public record ChartRenderRequest(
    Path chart,
    List<Path> valuesFiles,
    List<String> set,
    List<String> setString,
    List<String> setFile,
    String releaseName,
    String namespace,
    String kubeVersion,
    List<String> apiVersions) {

  public ChartRenderRequest {
    valuesFiles = List.copyOf(valuesFiles);
    set = List.copyOf(set);
    setString = List.copyOf(setString);
    setFile = List.copyOf(setFile);
    apiVersions = List.copyOf(apiVersions);
    releaseName = releaseName == null ? "release-name" : releaseName;
    namespace = namespace == null ? "default" : namespace;
  }

  /**
   * A {@code --set-file key=path} entry with its path resolved against {@code base}, as Helm would
   * read it from the directory it runs in.
   *
   * @throws io.chartlint.core.UsageException when the entry is not {@code KEY=PATH}
   */
  public static String resolveSetFile(Path base, String entry) {
    int eq = entry.indexOf('=');
    if (eq <= 0) {
      throw new io.chartlint.core.UsageException("--set-file " + entry + ": expected KEY=PATH");
    }
    return entry.substring(0, eq + 1) + base.resolve(entry.substring(eq + 1));
  }

  /** A request with Helm's defaults for everything but the chart. */
  public static ChartRenderRequest of(Path chart) {
    return new ChartRenderRequest(
        chart, List.of(), List.of(), List.of(), List.of(), null, null, null, List.of());
  }
}
