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

  public LintRequest {
    inputs = List.copyOf(inputs);
    threads = Math.max(1, threads);
  }

  /** A request with defaults for everything but the inputs and the working directory. */
  public static LintRequest of(List<String> inputs, Path workingDirectory) {
    return new Builder(inputs, workingDirectory).build();
  }

  /** A builder holding this request's values, to change some of them. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  public LintRequest withConfig(Config newConfig) {
    return toBuilder().config(newConfig).build();
  }

  public LintRequest withFailOn(FailOn newFailOn) {
    return toBuilder().failOn(newFailOn).build();
  }

  public LintRequest withThreads(int newThreads) {
    return toBuilder().threads(newThreads).build();
  }

  public LintRequest withStdin(InputStream newStdin) {
    return toBuilder().stdin(newStdin).build();
  }

  public LintRequest withRenderer(
      ChartRenderer newRenderer, ChartRenderRequest options, boolean ci) {
    return toBuilder().renderer(newRenderer, options, ci).build();
  }

  public LintRequest withLimits(LoadLimits newLimits) {
    return toBuilder().limits(newLimits).build();
  }

  /** The same request with a baseline file, which takes the place of the config's. */
  public LintRequest withBaseline(Path newBaseline) {
    return toBuilder().baseline(newBaseline).build();
  }

  /** The baseline that applies: this request's, or else the config's; null for none. */
  public Path effectiveBaseline() {
    return baseline != null ? baseline : config.baseline();
  }

  /** Builds a request; what is not set keeps its default (see {@link #of}). */
  public static final class Builder {
    private final List<String> inputs;
    private final Path workingDirectory;
    private Config config = Config.DEFAULTS;
    private FailOn failOn = FailOn.ERROR;
    private int threads = Runtime.getRuntime().availableProcessors();
    private InputStream stdin = InputStream.nullInputStream();
    private ChartRenderer renderer;
    private ChartRenderRequest chartOptions;
    private boolean ciValues;
    private LoadLimits limits = LoadLimits.DEFAULTS;
    private Path baseline;

    private Builder(List<String> inputs, Path workingDirectory) {
      this.inputs = inputs;
      this.workingDirectory = workingDirectory;
      this.chartOptions = ChartRenderRequest.of(workingDirectory);
    }

    private Builder(LintRequest r) {
      this(r.inputs, r.workingDirectory);
      config = r.config;
      failOn = r.failOn;
      threads = r.threads;
      stdin = r.stdin;
      renderer = r.renderer;
      chartOptions = r.chartOptions;
      ciValues = r.ciValues;
      limits = r.limits;
      baseline = r.baseline;
    }

    public Builder config(Config value) {
      config = value;
      return this;
    }

    public Builder failOn(FailOn value) {
      failOn = value;
      return this;
    }

    public Builder threads(int value) {
      threads = value;
      return this;
    }

    public Builder stdin(InputStream value) {
      stdin = value;
      return this;
    }

    public Builder renderer(ChartRenderer value, ChartRenderRequest options, boolean ci) {
      renderer = value;
      chartOptions = options;
      ciValues = ci;
      return this;
    }

    public Builder limits(LoadLimits value) {
      limits = value;
      return this;
    }

    public Builder baseline(Path value) {
      baseline = value;
      return this;
    }

    public LintRequest build() {
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
          baseline);
    }
  }
}
