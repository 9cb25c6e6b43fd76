package io.chartlint.core.engine;

import io.chartlint.core.load.LoadLimits;
import io.chartlint.core.load.helm.ChartRenderRequest;
import io.chartlint.core.load.helm.ChartRenderer;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything one run needs. The CLI and the Maven plugin both build one and hand it to {@link
 * Linter}.
 *
 * @param inputs the paths as the user gave them; {@code -} is standard input
 * @param workingDirectory what relative inputs and displayed paths are relative to
 * @param config the validated config
 * @param failOn the threshold, already resolved from command line, config and default
 * @param threads how many inputs to lint at once
 * @param stdin what {@code -} reads
 * @param renderer renders charts; null when charts cannot be rendered here
 * @param chartOptions values, release name and the like for every chart; its chart field is unused
 * @param ciValues render each chart once more per {@code ci/*-values.yaml}
 * @param limits the loader's safety limits
 * @param baseline the baseline whose findings are hidden (SPEC §9); null for the config's {@code
 *     baseline}, if any
 */
public record LintRequest(
    List<String> inputs,
    Path workingDirectory,
    Config config,
    FailOn failOn,
    int threads,
    InputStream stdin,
    ChartRenderer renderer,
    ChartRenderRequest chartOptions,
    boolean ciValues,
    LoadLimits limits,
    Path baseline) {

  /** A request without a baseline of its own: the config's applies, if it names one. */
  public LintRequest(
      List<String> inputs,
      Path workingDirectory,
      Config config,
      FailOn failOn,
      int threads,
      InputStream stdin,
      ChartRenderer renderer,
      ChartRenderRequest chartOptions,
      boolean ciValues,
      LoadLimits limits) {
    this(
        inputs,
        workingDirectory,
        config,
        failOn,
        threads,
        stdin,
        renderer,
        chartOptions,
        ciValues,
        limits,
        null);
  }

  public LintRequest {
    inputs = List.copyOf(inputs);
    threads = Math.max(1, threads);
  }

  /** A request with defaults for everything but the inputs and the working directory. */
  public static LintRequest of(List<String> inputs, Path workingDirectory) {
    return new LintRequest(
        inputs,
        workingDirectory,
        Config.DEFAULTS,
        FailOn.ERROR,
        Runtime.getRuntime().availableProcessors(),
        InputStream.nullInputStream(),
        null,
        ChartRenderRequest.of(workingDirectory),
        false,
        LoadLimits.DEFAULTS);
  }

  public LintRequest withConfig(Config newConfig) {
    return new LintRequest(
        inputs,
        workingDirectory,
        newConfig,
        failOn,
        threads,
        stdin,
        renderer,
        chartOptions,
        ciValues,
        limits,
        baseline);
  }

  public LintRequest withFailOn(FailOn newFailOn) {
    return new LintRequest(
        inputs,
        workingDirectory,
        config,
        newFailOn,
        threads,
        stdin,
        renderer,
        chartOptions,
        ciValues,
        limits,
        baseline);
  }

  public LintRequest withThreads(int newThreads) {
    return new LintRequest(
        inputs,
        workingDirectory,
        config,
        failOn,
        newThreads,
        stdin,
        renderer,
        chartOptions,
        ciValues,
        limits,
        baseline);
  }

  public LintRequest withStdin(InputStream newStdin) {
    return new LintRequest(
        inputs,
        workingDirectory,
        config,
        failOn,
        threads,
        newStdin,
        renderer,
        chartOptions,
        ciValues,
        limits,
        baseline);
  }

  public LintRequest withRenderer(
      ChartRenderer newRenderer, ChartRenderRequest options, boolean ci) {
    return new LintRequest(
        inputs,
        workingDirectory,
        config,
        failOn,
        threads,
        stdin,
        newRenderer,
        options,
        ci,
        limits,
        baseline);
  }

  public LintRequest withLimits(LoadLimits newLimits) {
    return new LintRequest(
        inputs,
        workingDirectory,
        config,
        failOn,
        threads,
        stdin,
        renderer,
        chartOptions,
        ciValues,
        newLimits,
        baseline);
  }

  /** The same request with a baseline file, which takes the place of the config's. */
  public LintRequest withBaseline(Path newBaseline) {
    return new LintRequest(
        inputs,
        workingDirectory,
        config,
        failOn,
        threads,
        stdin,
        renderer,
        chartOptions,
        ciValues,
        limits,
        newBaseline);
  }

  /** The baseline that applies: this request's, or else the config's; null for none. */
  public Path effectiveBaseline() {
    return baseline != null ? baseline : config.baseline();
  }
}
