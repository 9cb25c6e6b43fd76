package io.chartlint.core.load.helm;

import java.nio.file.Path;
import java.time.Duration;
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
 * @param noHooks {@code --no-hooks}: leave out the objects Helm treats as hooks
 * @param timeout how long one render may take before it is stopped ({@code --render-timeout})
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
    List<String> apiVersions,
    boolean noHooks,
    Duration timeout) {

  /** The render time limit without {@code --render-timeout}. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  public ChartRenderRequest {
    valuesFiles = List.copyOf(valuesFiles);
    set = List.copyOf(set);
    setString = List.copyOf(setString);
    setFile = List.copyOf(setFile);
    apiVersions = List.copyOf(apiVersions);
    releaseName = releaseName == null ? "release-name" : releaseName;
    namespace = namespace == null ? "default" : namespace;
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
  }

  /** A request with hooks and the default time limit. */
  public ChartRenderRequest(
      Path chart,
      List<Path> valuesFiles,
      List<String> set,
      List<String> setString,
      List<String> setFile,
      String releaseName,
      String namespace,
      String kubeVersion,
      List<String> apiVersions) {
    this(
        chart,
        valuesFiles,
        set,
        setString,
        setFile,
        releaseName,
        namespace,
        kubeVersion,
        apiVersions,
        false,
        DEFAULT_TIMEOUT);
  }

  /** This request for another chart, with these values files; every other option is kept. */
  public ChartRenderRequest forChart(Path otherChart, List<Path> otherValuesFiles) {
    return new ChartRenderRequest(
        otherChart,
        otherValuesFiles,
        set,
        setString,
        setFile,
        releaseName,
        namespace,
        kubeVersion,
        apiVersions,
        noHooks,
        timeout);
  }

  /** This request with {@code --no-hooks} and {@code --render-timeout} as given. */
  public ChartRenderRequest withLimits(boolean withoutHooks, Duration renderTimeout) {
    return new ChartRenderRequest(
        chart,
        valuesFiles,
        set,
        setString,
        setFile,
        releaseName,
        namespace,
        kubeVersion,
        apiVersions,
        withoutHooks,
        renderTimeout);
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
