package io.chartlint.core.load.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chart whose {@code kubeVersion} range excludes the Kubernetes version of the render: the
 * command line is the cause, so the error sits at the {@code kubeVersion:} line of {@code
 * Chart.yaml} and says which option sets the version.
 */
final class KubeVersionMismatch {
  /**
   * pkg/action/install.go: {@code chart requires kubeVersion: %s which is incompatible with
   * Kubernetes %s}.
   */
  private static final Pattern MESSAGE =
      Pattern.compile(
          "chart requires kubeVersion: (.+?) which is incompatible with Kubernetes (\\S+)");

  private static final Pattern KEY = Pattern.compile("^kubeVersion:[ \\t]*");

  private KubeVersionMismatch() {}

  /** The exception located at Chart.yaml, or {@code e} itself when it is about something else. */
  static ChartRenderException locate(ChartRenderException e, ChartRenderRequest request) {
    Matcher m = MESSAGE.matcher(String.valueOf(e.getMessage()));
    if (!m.find()) {
      return e;
    }
    String message =
        "the chart requires Kubernetes "
            + m.group(1)
            + ", but it is rendered for "
            + m.group(2)
            + (request.kubeVersion() == null
                ? ", the version chartlint assumes without --kube-version"
                : ", the version given with --kube-version")
            + "; pass --kube-version (kubeVersion in the Maven plugin) with a version in the"
            + " chart's range";
    int line = 0;
    int column = 0;
    Path chartYaml = request.chart().resolve("Chart.yaml");
    if (Files.isDirectory(request.chart()) && Files.isRegularFile(chartYaml)) {
      try {
        List<String> lines = Files.readAllLines(chartYaml, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          Matcher key = KEY.matcher(lines.get(i));
          if (key.find()) {
            line = i + 1;
            column = key.end() + 1;
            break;
          }
        }
      } catch (IOException | UncheckedIOException ex) {
        // Chart.yaml was read by Helm a moment ago; its first line will do
      }
    }
    // ChartLocations drops the first segment, Helm's chart name
    return new ChartRenderException(message, "chart/Chart.yaml", line, column);
  }
}
