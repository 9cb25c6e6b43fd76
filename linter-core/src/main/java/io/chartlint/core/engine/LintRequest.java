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
 * @param ignore gitignore-style patterns, relative to the working directory, of paths not to lint
 *     (besides the config's {@code ignore})
 * @param allowEmpty whether a run that finds nothing to lint is a success rather than a usage error
 * @param maxFindings how many findings a run may hold; more is a usage error naming the limit
 * @param reportFiles the files this run writes reports to, which are never linted
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
    Path baseline,
    List<String> ignore,
    boolean allowEmpty,
    int maxFindings,
    List<Path> reportFiles) {

  /**
   * The default bound on findings held: at about a hundred bytes each, a million fit in the 256 MB
   * heap of a small CI runner together with what the reporters need.
   */
  public static final int DEFAULT_MAX_FINDINGS = 1_000_000;

  public LintRequest {
    inputs = List.copyOf(inputs);
    threads = Math.max(1, threads);
    ignore = List.copyOf(ignore);
    reportFiles = List.copyOf(reportFiles);
    if (maxFindings < 1) {
      throw new io.chartlint.core.UsageException("the findings limit must be at least 1");
    }
  }

  /** The request as it was before ignore patterns, empty runs and the findings bound existed. */
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
      LoadLimits limits,
      Path baseline) {
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
        baseline,
        List.of(),
        false,
        DEFAULT_MAX_FINDINGS,
        List.of());
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
    private List<String> ignore = List.of();
    private boolean allowEmpty;
    private int maxFindings = DEFAULT_MAX_FINDINGS;
    private List<Path> reportFiles = List.of();

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
      ignore = r.ignore;
      allowEmpty = r.allowEmpty;
      maxFindings = r.maxFindings;
      reportFiles = r.reportFiles;
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

    /** Gitignore-style patterns, relative to the working directory, of paths not to lint. */
    public Builder ignore(List<String> value) {
      ignore = value;
      return this;
    }

    public Builder allowEmpty(boolean value) {
      allowEmpty = value;
      return this;
    }

    public Builder maxFindings(int value) {
      maxFindings = value;
      return this;
    }

    /** The files this run writes reports to: never linted, even when a walk meets them. */
    public Builder reportFiles(List<Path> value) {
      reportFiles = value;
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
          baseline,
          ignore,
          allowEmpty,
          maxFindings,
          reportFiles);
    }
  }
}
