package io.chartlint.cli;

import io.chartlint.core.ExitCode;
import io.chartlint.core.UsageException;
import io.chartlint.core.Version;
import io.chartlint.core.engine.Baseline;
import io.chartlint.core.engine.Config;
import io.chartlint.core.engine.ConfigFile;
import io.chartlint.core.engine.ConfigLoader;
import io.chartlint.core.engine.EmptyRun;
import io.chartlint.core.engine.FailOn;
import io.chartlint.core.engine.Inputs;
import io.chartlint.core.engine.LintRequest;
import io.chartlint.core.engine.LintResult;
import io.chartlint.core.engine.Linter;
import io.chartlint.core.load.helm.ChartRenderRequest;
import io.chartlint.core.load.helm.ChartRenderers;
import io.chartlint.core.load.helm.RenderTimeout;
import io.chartlint.core.report.ReportContext;
import io.chartlint.core.report.ReportFiles;
import io.chartlint.core.report.Reporter;
import io.chartlint.core.report.Reporters;
import io.chartlint.core.rule.Finding;
import io.chartlint.core.rule.RuleSet;
import io.chartlint.core.text.Escaping;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    mixinStandardHelpOptions = true,
    name = "lint",
    description = {
      "Lints charts and manifests.",
      "Each PATH is a manifest file (.yaml, .yml, .json), - for standard input, a chart directory"
          + " or packaged chart (.tgz), or a directory searched for both. A file inside a chart"
          + " stands for its chart. With no PATH, the current directory is linted.",
      "Files none of whose documents has apiVersion or kind are skipped (not Kubernetes);"
          + " directory walks leave out hidden files and what .gitignore, the config's ignore"
          + " list and --ignore name. Nothing to lint at all exits 2."
    },
    sortOptions = false)
class LintCommand implements Callable<Integer>, EnvironmentAware {

  @Parameters(paramLabel = "PATH", arity = "0..*", description = "What to lint (default: .).")
  List<String> paths = new ArrayList<>();

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "The config file (default: .chartlint.yaml here or in a parent directory).")
  Path config;

  @Mixin PolicyOptions policyOptions = new PolicyOptions();

  @Option(
      names = "--format",
      paramLabel = "FORMAT[=FILE]",
      description = {
        "Output format: text (default), json, sarif, junit, github (workflow annotations), gitlab"
            + " (Code Quality), checkstyle, or any other installed. Repeatable; FORMAT=FILE"
            + " writes that format to FILE.",
      })
  List<String> formats = new ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output.")
  Path output;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      description = "error (default), warning, info or never: the lowest severity that exits 1.")
  String failOn;

  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      description =
          "Hide the findings recorded in FILE (default: the config's baseline). Entries that"
              + " match nothing are listed so they can be removed.")
  Path baseline;

  @Option(
      names = "--write-baseline",
      paramLabel = "FILE",
      description =
          "Record today's findings in FILE, for --baseline, and exit 0 unless chartlint failed.")
  Path writeBaseline;

  @Option(names = "--show-suppressed", description = "Also list suppressed findings.")
  boolean showSuppressed;

  @Option(
      names = "--no-inline-suppressions",
      description =
          "Inline suppressions (chartlint.io/ignore annotations, chartlint:ignore comments) hide"
              + " nothing: their findings are reported and listed as ignored by policy. Config"
              + " excludes and baselines still apply.")
  boolean noInlineSuppressions;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Inputs linted at once (default: the number of processors).")
  Integer threads;

  @Option(names = "--no-color", description = "Never colour the text output.")
  boolean noColor;

  @Option(names = "--debug", description = "Show stack traces of internal errors.")
  boolean debug;

  @Option(
      names = "--ignore",
      paramLabel = "GLOB",
      description =
          "Do not lint paths matching GLOB (gitignore syntax, relative to the current directory),"
              + " besides the config's ignore list and .gitignore files. Repeatable.")
  List<String> ignore = new ArrayList<>();

  @Option(
      names = "--allow-empty",
      description =
          "Exit 0 when there is nothing to lint (no chart and no file with a document that has"
              + " apiVersion or kind) instead of exiting 2.")
  boolean allowEmpty;

  @Option(
      names = "--max-findings",
      paramLabel = "N",
      description =
          "Hold at most N findings (default: 1000000); more exits 2 rather than running out of"
              + " memory.")
  Integer maxFindings;

  @Option(
      names = "--verbose",
      description = "List the files skipped because they hold no Kubernetes object.")
  boolean verbose;

  @Option(
      names = {"-f", "--values"},
      paramLabel = "FILE",
      description = "Charts: a values file, as helm template takes it. Repeatable.")
  List<Path> valuesFiles = new ArrayList<>();

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Charts: set a value.")
  List<String> set = new ArrayList<>();

  @Option(names = "--set-string", paramLabel = "KEY=VALUE", description = "Charts: set a string.")
  List<String> setString = new ArrayList<>();

  @Option(
      names = "--set-file",
      paramLabel = "KEY=PATH",
      description = "Charts: set a value from a file.")
  List<String> setFile = new ArrayList<>();

  @Option(
      names = "--release-name",
      paramLabel = "NAME",
      description = "Charts: the release name (default: release-name).")
  String releaseName;

  @Option(
      names = "--namespace",
      paramLabel = "NAMESPACE",
      description = "Charts: the namespace (default: default).")
  String namespace;

  @Option(
      names = "--kube-version",
      paramLabel = "VERSION",
      description = "Charts: the Kubernetes version for Capabilities.KubeVersion.")
  String kubeVersion;

  @Option(
      names = "--api-versions",
      paramLabel = "VERSION",
      split = ",",
      description =
          "Charts: API versions for Capabilities.APIVersions (needs a helm executable:"
              + " --helm-binary, or helm on PATH).")
  List<String> apiVersions = new ArrayList<>();

  @Option(
      names = "--helm-binary",
      paramLabel = "PATH",
      description =
          "Charts: render with this helm executable (default: the embedded Helm library, or a"
              + " helm on PATH where the library cannot load).")
  Path helmBinary;

  @Option(
      names = "--render-timeout",
      paramLabel = "DURATION",
      description =
          "Charts: stop a chart whose render takes longer, such as 90s or 2m (default: 60s).")
  String renderTimeout;

  @Option(
      names = "--no-hooks",
      description =
          "Charts: leave out hook objects (helm.sh/hook), as helm template --no-hooks does.")
  boolean noHooks;

  @Option(
      names = "--ci-values",
      description = "Charts: also render once per ci/*-values.yaml file.")
  boolean ciValues;

  @Option(
      names = "--nodes",
      paramLabel = "FILE",
      description =
          "A cluster's Node manifests (kubectl get nodes -o yaml), added to the config's nodes:"
              + " each workload is scheduled onto them. Repeatable.")
  List<Path> nodes = new ArrayList<>();

  Environment env;

  @Override
  public void environment(Environment env) {
    this.env = env;
  }

  @Override
  public Integer call() throws IOException {
    env.debug = debug;
    Path cwd = env.workingDirectory;
    // ConfigLoader only when there is a file to read: it loads Jackson and the schema validator
    Path configFile = config != null ? cwd.resolve(config) : ConfigFile.find(cwd).orElse(null);
    Config cfg = configFile != null ? ConfigLoader.load(configFile) : Config.DEFAULTS;
    if (noInlineSuppressions) {
      cfg =
          cfg.withSuppressionPolicy(
              cfg.suppressionPolicy().withoutInline("--no-inline-suppressions"));
    }
    cfg = cfg.withNodes(nodes.stream().map(cwd::resolve).toList());
    FailOn threshold;
    try {
      threshold =
          failOn != null
              ? FailOn.parse(failOn)
              : cfg.failOn() != null ? cfg.failOn() : FailOn.ERROR;
    } catch (IllegalArgumentException e) {
      throw new UsageException("--fail-on: " + e.getMessage());
    }
    List<Output> outputs = outputs(cwd);
    List<String> inputs = paths.isEmpty() ? List.of(".") : paths;
    ChartRenderRequest chartOptions =
        new ChartRenderRequest(
            cwd,
            valuesFiles.stream().map(cwd::resolve).toList(),
            set,
            setString,
            setFile.stream().map(entry -> ChartRenderRequest.resolveSetFile(cwd, entry)).toList(),
            releaseName,
            namespace,
            kubeVersion,
            apiVersions);
    chartOptions =
        chartOptions.withLimits(
            noHooks,
            renderTimeout == null
                ? ChartRenderRequest.DEFAULT_TIMEOUT
                : RenderTimeout.parse("--render-timeout", renderTimeout));
    LintRequest request =
        LintRequest.of(inputs, cwd)
            .withConfig(cfg)
            .withFailOn(threshold)
            .withStdin(env.stdin)
            .withRenderer(
                ChartRenderers.defaultRenderer(helmBinary == null ? null : cwd.resolve(helmBinary)),
                chartOptions,
                ciValues);
    if (threads != null) {
      request = request.withThreads(threads);
    }
    if (maxFindings != null && maxFindings < 1) {
      throw new UsageException("--max-findings: must be at least 1, not " + maxFindings);
    }
    request =
        request.toBuilder()
            .ignore(ignore)
            .allowEmpty(allowEmpty)
            .maxFindings(maxFindings != null ? maxFindings : LintRequest.DEFAULT_MAX_FINDINGS)
            .reportFiles(outputs.stream().map(Output::file).filter(f -> f != null).toList())
            .build();
    if (baseline != null) {
      request = request.withBaseline(cwd.resolve(baseline));
    }
    Path applied = request.effectiveBaseline();
    if (writeBaseline != null && applied != null && !Files.exists(cwd.resolve(applied))) {
      // The first --write-baseline of a project whose config already names the file it creates.
      request = request.withConfig(withoutBaseline(cfg)).withBaseline(null);
    }
    RuleSet rules = policyOptions.rules(cfg, cwd);
    LintResult result;
    try {
      result = afterLint(request, rules, new Linter(rules).lint(request));
    } catch (EmptyRun.NothingToLintException e) {
      throw new UsageException(
          e.getMessage() + System.lineSeparator() + "Pass --allow-empty to accept this.");
    }
    if (verbose) {
      for (String file : result.skipped()) {
        env.err.println(
            "chartlint: skipped "
                + Escaping.text(file)
                + ": no document has apiVersion or kind (not a Kubernetes manifest)");
      }
    }

    for (Output o : outputs) {
      ReportContext context =
          new ReportContext(
              rules, Version.get(), cwd, o.file == null && useColor(), showSuppressed);
      if (o.file == null && !reportsToStandardOutput()) {
        continue;
      }
      if (o.file == null) {
        // straight to the stream: a report of a million findings is not built as one string
        Writer w = new BufferedWriter(new OutputStreamWriter(env.out, StandardCharsets.UTF_8));
        o.reporter.write(result, context, w);
        w.flush();
        env.out.flush();
      } else {
        ReportFiles.write(o.file, cwd, w -> o.reporter.write(result, context, w));
      }
    }
    if (writeBaseline != null && result.internalErrors().isEmpty()) {
      List<Finding> recorded = new ArrayList<>(result.findings());
      for (LintResult.SuppressedFinding s : result.suppressed()) {
        if (s.by().startsWith(Baseline.SUPPRESSED_BY)) {
          recorded.add(s.finding());
        }
      }
      Baseline.write(cwd.resolve(writeBaseline), recorded, cwd);
      env.err.println(
          "chartlint: recorded "
              + recorded.size()
              + (recorded.size() == 1 ? " finding in " : " findings in ")
              + Inputs.display(cwd.resolve(writeBaseline), cwd));
    }
    if (!result.internalErrors().isEmpty()) {
      for (String error : result.internalErrors()) {
        env.err.println(
            "chartlint: internal error: "
                + (debug ? error : error.lines().findFirst().orElse(error)));
      }
      env.err.println(
          "This is a bug in chartlint " + Version.get() + "; please report it with the input.");
      return ExitCode.INTERNAL.code();
    }
    if (writeBaseline != null) {
      return ExitCode.OK.code();
    }
    return result.failed() ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
  }

  /**
   * What a command built on lint does with the result before it is reported: lint reports it as it
   * is (the findings of charts already name the values that wrote their fields).
   */
  LintResult afterLint(LintRequest request, RuleSet rules, LintResult result) throws IOException {
    return result;
  }

  /** Whether the report for standard output is printed there. */
  boolean reportsToStandardOutput() {
    return true;
  }

  private static Config withoutBaseline(Config c) {
    return new Config(
        c.file(),
        c.failOn(),
        c.rules(),
        c.nodes(),
        c.podTemplatePaths(),
        c.excludes(),
        null,
        c.policies(),
        c.ignore(),
        c.suppressionPolicy());
  }

  private record Output(Reporter reporter, Path file) {}

  private List<Output> outputs(Path cwd) {
    List<Output> list = new ArrayList<>();
    boolean toStdout = false;
    for (String spec : formats.isEmpty() ? List.of("text") : formats) {
      int eq = spec.indexOf('=');
      String name = eq < 0 ? spec : spec.substring(0, eq);
      Reporter reporter = Reporters.require(name, "");
      if (eq >= 0) {
        ReportFiles.check(spec.substring(eq + 1), "--format " + name + "=FILE", cwd);
      }
      if (eq < 0) {
        if (toStdout && output == null) {
          throw new UsageException(
              "only one format can go to standard output; write the others to files with"
                  + " --format "
                  + name
                  + "=FILE");
        }
        toStdout = true;
        if (output != null) {
          ReportFiles.check(output.toString(), "--output", cwd);
        }
        list.add(new Output(reporter, output == null ? null : cwd.resolve(output)));
      } else {
        list.add(new Output(reporter, cwd.resolve(spec.substring(eq + 1))));
      }
    }
    return list;
  }

  private boolean useColor() {
    return !noColor
        && env.out == System.out
        && System.console() != null
        && System.getenv("NO_COLOR") == null;
  }
}
