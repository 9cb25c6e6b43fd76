package io.chartlint.maven;

import io.chartlint.core.Severity;
import io.chartlint.core.UsageException;
import io.chartlint.core.Version;
import io.chartlint.core.engine.Config;
import io.chartlint.core.engine.ConfigLoader;
import io.chartlint.core.engine.EmptyRun;
import io.chartlint.core.engine.FailOn;
import io.chartlint.core.engine.LintRequest;
import io.chartlint.core.engine.LintResult;
import io.chartlint.core.engine.Linter;
import io.chartlint.core.load.helm.ChartRenderRequest;
import io.chartlint.core.load.helm.ChartRenderers;
import io.chartlint.core.load.helm.RenderTimeout;
import io.chartlint.core.policy.PolicyLoader;
import io.chartlint.core.report.ReportContext;
import io.chartlint.core.report.Reporter;
import io.chartlint.core.report.Reporters;
import io.chartlint.core.rule.Finding;
import io.chartlint.core.rule.Location;
import io.chartlint.core.rule.RuleSet;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lints the project's Helm charts and Kubernetes manifests and fails the build when a finding
 * reaches {@code failOn}. The same request as {@code chartlint lint}, with the same config file.
 */
@Mojo(
    name = "check",
    defaultPhase = LifecyclePhase.VERIFY,
    threadSafe = true,
    requiresProject = true)
public class CheckMojo extends AbstractMojo {

  /** Where charts are looked for when {@code charts} is not set, relative to the project. */
  static final List<String> DEFAULT_CHART_DIRS = List.of("src/main/helm", "charts", "helm");

  /** Where manifests are looked for when {@code manifests} is not set, relative to the project. */
  static final List<String> DEFAULT_MANIFEST_DIRS = List.of("src/main/k8s", "src/main/kubernetes");

  /** The reports written when {@code formats} is not set. */
  static final List<String> DEFAULT_FORMATS = List.of("json");

  /** The {@code formats} value that writes no report. */
  static final String NO_REPORT = "none";

  /** File names of the formats whose natural extension another format already takes. */
  private static final Map<String, String> FILE_NAMES =
      Map.of(
          "text", "chartlint.txt",
          "junit", "chartlint.junit.xml",
          "checkstyle", "chartlint.checkstyle.xml",
          "gitlab", "chartlint.gitlab.json",
          "github", "chartlint.github.txt");

  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  File baseDir;

  @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
  File buildDirectory;

  /**
   * Chart directories or packaged charts ({@code .tgz}), or directories searched for charts. By
   * default, whichever of {@code src/main/helm}, {@code charts} and {@code helm} exist.
   */
  @Parameter(property = "chartlint.charts")
  List<File> charts;

  /**
   * Manifest file sets: {@code <manifest><directory>src/main/k8s</directory><includes>...}. Without
   * includes, every {@code .yaml}, {@code .yml} and {@code .json} file below the directory. By
   * default, {@code src/main/k8s} and {@code src/main/kubernetes} when they exist. The property
   * takes comma-separated directories.
   */
  @Parameter(property = "chartlint.manifests")
  List<ManifestSet> manifests;

  /** Values files for every chart, as {@code helm template -f} takes them, in order. */
  @Parameter(property = "chartlint.valuesFiles")
  List<File> valuesFiles;

  /** {@code key=value} entries for every chart, as {@code helm template --set} takes them. */
  @Parameter(property = "chartlint.set")
  List<String> set;

  /** {@code key=value} entries set as strings, as {@code helm template --set-string} takes them. */
  @Parameter(property = "chartlint.setString")
  List<String> setString;

  /**
   * {@code key=path} entries whose value is a file's content, as {@code helm template --set-file}
   * takes them; paths are relative to the project.
   */
  @Parameter(property = "chartlint.setFile")
  List<String> setFile;

  /** The release name charts render with ({@code release-name} by default, as Helm's). */
  @Parameter(property = "chartlint.releaseName")
  String releaseName;

  /** The namespace charts render in ({@code default} by default). */
  @Parameter(property = "chartlint.namespace")
  String namespace;

  /** The Kubernetes version for {@code Capabilities.KubeVersion} (default 1.35.0). */
  @Parameter(property = "chartlint.kubeVersion")
  String kubeVersion;

  /**
   * A {@code helm} executable to render charts with. By default charts render in-process with the
   * embedded Helm library (or a {@code helm} on {@code PATH} where the library cannot load).
   */
  @Parameter(property = "chartlint.helmBinary")
  File helmBinary;

  /**
   * How long one chart may take to render before it is stopped and reported, such as {@code 90s} or
   * {@code 2m}.
   */
  @Parameter(property = "chartlint.renderTimeout", defaultValue = "60s")
  String renderTimeout;

  /** Leave out hook objects ({@code helm.sh/hook}), as {@code helm template --no-hooks} does. */
  @Parameter(property = "chartlint.noHooks", defaultValue = "false")
  boolean noHooks;

  /** Also render each chart once per {@code ci/*-values.yaml} file it ships. */
  @Parameter(property = "chartlint.ciValues", defaultValue = "false")
  boolean ciValues;

  /**
   * The config file. By default {@code .chartlint.yaml} in the project directory or a parent, up to
   * the repository root.
   */
  @Parameter(property = "chartlint.configFile")
  File configFile;

  /**
   * The lowest severity that fails the build: {@code error}, {@code warning}, {@code info} or
   * {@code never}. By default the config's {@code failOn}, else {@code error}.
   */
  @Parameter(property = "chartlint.failOn")
  String failOn;

  /**
   * Report formats written to {@code ${project.build.directory}/chartlint/}: {@code json} to {@code
   * chartlint.json}, {@code sarif} to {@code chartlint.sarif}, {@code junit} to {@code
   * chartlint.junit.xml}, {@code checkstyle} to {@code chartlint.checkstyle.xml}, {@code gitlab} to
   * {@code chartlint.gitlab.json}, {@code text} to {@code chartlint.txt}.
   */
  @Parameter(property = "chartlint.formats")
  List<String> formats;

  /** A baseline file whose findings are hidden; overrides the config's {@code baseline}. */
  @Parameter(property = "chartlint.baseline")
  File baseline;

  /**
   * Custom policy files, or directories of them (see docs/policies.md), besides the config's {@code
   * policies}.
   */
  @Parameter(property = "chartlint.policies")
  List<File> policies;

  /**
   * Paths not to lint, as gitignore patterns relative to the project directory, besides the
   * config's {@code ignore} list and {@code .gitignore} files.
   */
  @Parameter(property = "chartlint.ignore")
  List<String> ignore;

  /**
   * Passes when the charts and manifests configured hold nothing to lint (no chart, no document
   * with {@code apiVersion} or {@code kind}); by default that fails the build. A project with none
   * of the default directories (a parent POM) always passes with "nothing to lint".
   */
  @Parameter(property = "chartlint.allowEmpty", defaultValue = "false")
  boolean allowEmpty;

  /** How many findings may be held; more fails the build rather than exhausting the heap. */
  @Parameter(property = "chartlint.maxFindings")
  Integer maxFindings;

  /**
   * Reports what {@code chartlint.io/ignore} annotations and {@code # chartlint:ignore} comments
   * would hide, as the config's {@code suppressions: {annotations: false, comments: false}} does;
   * those findings are logged as ignored by policy. Config excludes and baselines still apply.
   */
  @Parameter(property = "chartlint.noInlineSuppressions", defaultValue = "false")
  boolean noInlineSuppressions;

  /**
   * A cluster's Node manifests ({@code kubectl get nodes -o yaml} output), besides the config's
   * {@code nodes}: each workload is scheduled onto them.
   */
  @Parameter(property = "chartlint.nodes")
  List<File> nodes;

  /** Skips the check. */
  @Parameter(property = "chartlint.skip", defaultValue = "false")
  boolean skip;

  /**
   * Records every finding in this baseline file instead of failing the build, as {@code chartlint
   * lint --write-baseline} does; name it in the config's {@code baseline} (or {@code baseline}
   * here) so later builds report only new findings.
   */
  @Parameter(property = "chartlint.writeBaseline")
  File writeBaseline;

  /** Logs each finding's fix below it. At {@code -X} the fixes are logged anyway. */
  @Parameter(property = "chartlint.showFixes", defaultValue = "false")
  boolean showFixes;

  /** The reactor's root, which the paths in the reports are relative to. */
  @Parameter(defaultValue = "${session.topLevelProject.basedir}", readonly = true)
  File topLevelDirectory;

  /** The running Maven's version, checked against the plugin's requirement. */
  @Parameter(defaultValue = "${maven.version}", readonly = true)
  String mavenVersion;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    Log log = getLog();
    MavenVersion.require(mavenVersion);
    if (skip) {
      log.info("chartlint: skipped");
      return;
    }
    Path base = baseDir.toPath().toAbsolutePath().normalize();
    try {
      Map<String, Reporter> reporters = reporters();
      List<String> inputs = inputs(base);
      if (inputs.isEmpty()) {
        log.info(
            "chartlint: nothing to lint (no chart in "
                + String.join(", ", DEFAULT_CHART_DIRS)
                + " and no manifests)");
        return;
      }
      Config config =
          configFile != null
              ? ConfigLoader.load(resolve(base, configFile))
              : ConfigLoader.discover(base);
      if (baseline != null) {
        config = withBaseline(config, resolve(base, baseline));
      }
      if (writeBaseline != null
          && config.baseline() != null
          && !Files.exists(base.resolve(config.baseline()))) {
        // The first writeBaseline of a project whose config already names the file it creates.
        config = withBaseline(config, null);
      }
      if (noInlineSuppressions) {
        config =
            config.withSuppressionPolicy(
                config.suppressionPolicy().withoutInline("noInlineSuppressions"));
      }
      if (nodes != null) {
        config = config.withNodes(nodes.stream().map(f -> resolve(base, f)).toList());
      }
      FailOn threshold = threshold(config);
      ChartRenderRequest chartOptions =
          new ChartRenderRequest(
              base,
              valuesFiles == null
                  ? List.of()
                  : valuesFiles.stream().map(f -> resolve(base, f)).toList(),
              set == null ? List.of() : set,
              setString == null ? List.of() : setString,
              setFile == null
                  ? List.of()
                  : setFile.stream()
                      .map(entry -> ChartRenderRequest.resolveSetFile(base, entry))
                      .toList(),
              releaseName,
              namespace,
              kubeVersion,
              List.of());
      chartOptions =
          chartOptions.withLimits(
              noHooks,
              renderTimeout == null
                  ? ChartRenderRequest.DEFAULT_TIMEOUT
                  : RenderTimeout.parse("renderTimeout", renderTimeout));
      LintRequest request =
          LintRequest.of(inputs, base)
              .withConfig(config)
              .withFailOn(threshold)
              .withRenderer(
                  ChartRenderers.defaultRenderer(
                      helmBinary == null ? null : resolve(base, helmBinary)),
                  chartOptions,
                  ciValues);
      Path reportDirectory = buildDirectory.toPath().resolve("chartlint");
      request =
          request.toBuilder()
              .ignore(ignore == null ? List.of() : ignore)
              .allowEmpty(allowEmpty)
              .maxFindings(maxFindings == null ? LintRequest.DEFAULT_MAX_FINDINGS : maxFindings)
              .reportFiles(
                  reporters.keySet().stream()
                      .map(name -> reportDirectory.resolve(fileName(name)))
                      .toList())
              .build();
      List<Path> policyPaths = new ArrayList<>(config.policies());
      if (policies != null) {
        policies.forEach(p -> policyPaths.add(resolve(base, p)));
      }
      RuleSet rules = PolicyLoader.withPolicies(RuleSet.discover(), policyPaths, base);
      LintResult result;
      try {
        result = new Linter(rules).lint(request);
      } catch (EmptyRun.NothingToLintException e) {
        throw new MojoExecutionException(
            "chartlint: " + e.getMessage() + " (set allowEmpty to accept this)");
      }

      writeReports(result, rules, base, reporters);
      logResult(result, threshold);
      if (!result.internalErrors().isEmpty()) {
        throw new MojoExecutionException(
            "chartlint: internal error: "
                + result.internalErrors().get(0).lines().findFirst().orElse("")
                + "\nThis is a bug in chartlint "
                + Version.get()
                + "; please report it with the input.");
      }
      if (writeBaseline != null) {
        BaselineWriter.write(result, resolve(base, writeBaseline), base, log);
        return;
      }
      if (result.failed()) {
        long count = result.findings().stream().filter(f -> threshold.fails(f.severity())).count();
        throw new MojoFailureException(
            "chartlint: "
                + count
                + (count == 1 ? " finding reaches" : " findings reach")
                + " failOn="
                + threshold.id()
                + " (see the errors above)");
      }
    } catch (UsageException e) {
      throw new MojoExecutionException("chartlint: " + e.getMessage());
    } catch (UncheckedIOException e) {
      throw new MojoExecutionException("chartlint: " + e.getCause().getMessage(), e.getCause());
    }
  }

  private Map<String, Reporter> reporters() {
    Map<String, Reporter> map = new LinkedHashMap<>();
    // Like Checkstyle's and PMD's, a machine-readable report is written unless formats says
    // otherwise; "none" writes none.
    for (String name : formats == null || formats.isEmpty() ? DEFAULT_FORMATS : formats) {
      String trimmed = name.trim();
      if (trimmed.isEmpty() || (trimmed.equals(NO_REPORT) && formats.size() == 1)) {
        continue;
      }
      map.put(trimmed, Reporters.require(trimmed, " in formats"));
    }
    return map;
  }

  /**
   * The inputs as the command line would take them: chart locations first, then manifest files,
   * relative to the project directory where they are inside it.
   */
  List<String> inputs(Path base) {
    Set<String> inputs = new LinkedHashSet<>();
    if (charts != null && !charts.isEmpty()) {
      for (File chart : charts) {
        inputs.add(shown(base, resolve(base, chart)));
      }
    } else {
      for (String dir : DEFAULT_CHART_DIRS) {
        if (Files.isDirectory(base.resolve(dir))) {
          inputs.add(dir);
        }
      }
    }
    List<ManifestSet> sets = manifests;
    if (sets == null || sets.isEmpty()) {
      sets = new ArrayList<>();
      for (String dir : DEFAULT_MANIFEST_DIRS) {
        sets.add(new ManifestSet(new File(dir), List.of(), List.of()));
      }
    } else {
      for (ManifestSet s : sets) {
        Path root = s.root(base);
        if (!Files.exists(root)) {
          throw new UsageException("manifests: no such file or directory: " + shown(base, root));
        }
      }
    }
    for (ManifestSet s : sets) {
      for (Path file : s.files(base)) {
        inputs.add(shown(base, file));
      }
    }
    return List.copyOf(inputs);
  }

  private FailOn threshold(Config config) {
    if (failOn == null || failOn.isBlank()) {
      return config.failOn() != null ? config.failOn() : FailOn.ERROR;
    }
    try {
      return FailOn.parse(failOn.trim());
    } catch (IllegalArgumentException e) {
      throw new UsageException("failOn: " + e.getMessage());
    }
  }

  private static Config withBaseline(Config c, Path file) {
    return new Config(
        c.file(),
        c.failOn(),
        c.rules(),
        c.nodes(),
        c.podTemplatePaths(),
        c.excludes(),
        file,
        c.policies(),
        c.ignore(),
        c.suppressionPolicy());
  }

  private void writeReports(
      LintResult result, RuleSet rules, Path base, Map<String, Reporter> reporters)
      throws MojoExecutionException {
    if (reporters.isEmpty()) {
      return;
    }
    Path dir = buildDirectory.toPath().resolve("chartlint");
    Path root = ReactorPaths.root(topLevelDirectory, base);
    LintResult reported = ReactorPaths.relativeTo(result, base, root);
    ReportContext context = new ReportContext(rules, Version.get(), root, false, false);
    for (Map.Entry<String, Reporter> e : reporters.entrySet()) {
      Path file = dir.resolve(fileName(e.getKey()));
      try {
        Files.createDirectories(dir);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
          e.getValue().write(reported, context, w);
        }
      } catch (IOException ex) {
        throw new MojoExecutionException(
            "chartlint: cannot write " + file + ": " + ex.getMessage(), ex);
      }
      getLog().info("chartlint: " + e.getKey() + " report written to " + file);
    }
  }

  static String fileName(String format) {
    return FILE_NAMES.getOrDefault(format, "chartlint." + format);
  }

  private void logResult(LintResult result, FailOn threshold) {
    Log log = getLog();
    for (Finding f : result.findings()) {
      String line = describe(f);
      // [ERROR] is for what fails the build: an error that does not (failOn=never, or while a
      // baseline is written) is a warning.
      if (f.severity() == Severity.ERROR
          && threshold.fails(f.severity())
          && writeBaseline == null) {
        log.error(line);
      } else if (f.severity() == Severity.ERROR || f.severity() == Severity.WARNING) {
        log.warn(line);
      } else {
        log.info(line);
      }
      if (f.fix() != null && !f.fix().isBlank() && (showFixes || log.isDebugEnabled())) {
        String prefix = "  fix: ";
        for (String fixLine : f.fix().strip().split("\\R")) {
          if (showFixes) {
            log.info(prefix + fixLine);
          } else {
            log.debug(prefix + fixLine);
          }
          prefix = "       ";
        }
      }
    }
    for (String notice : result.notices()) {
      log.warn("chartlint: " + notice);
    }
    for (String unused : result.unusedSuppressions()) {
      log.info("chartlint: unused suppression: " + unused);
    }
    for (LintResult.SuppressedFinding s : result.ignoredByPolicy()) {
      log.info("chartlint: ignored by policy: " + s.by() + ", reported: " + describe(s.finding()));
    }
    log.info(summary(result));
  }

  /** {@code src/main/k8s/agent.yaml:12:7: [rule-id] message}, as compilers print. */
  static String describe(Finding f) {
    Location at = f.location();
    StringBuilder s = new StringBuilder();
    if (at != null && at.file() != null) {
      s.append(at.file());
      if (at.line() > 0) {
        s.append(':').append(at.line());
        if (at.column() > 0) {
          s.append(':').append(at.column());
        }
      }
      s.append(": ");
    }
    s.append('[').append(f.ruleId()).append("] ").append(f.message());
    if (at != null && at.template() != null && at.rendered() != null) {
      s.append(" (").append(at.template()).append(", rendered line ").append(at.rendered());
      s.append(')');
    }
    if (!f.valuesSets().isEmpty()) {
      s.append(" [values: ").append(String.join(", ", f.valuesSets())).append(']');
    }
    if (at != null && at.values() != null) {
      s.append(" [value: ").append(at.values().describe()).append(']');
    }
    return s.toString();
  }

  static String summary(LintResult result) {
    long errors = result.count(Severity.ERROR);
    long warnings = result.count(Severity.WARNING);
    long infos = result.count(Severity.INFO);
    return "chartlint: "
        + plural(errors, "error")
        + ", "
        + plural(warnings, "warning")
        + ", "
        + infos
        + " info, "
        + result.suppressed().size()
        + " suppressed"
        + (result.ignoredByPolicy().isEmpty()
            ? ""
            : ", " + result.ignoredByPolicy().size() + " ignored by policy")
        + " in "
        + plural(result.files(), "file")
        + " ("
        + plural(result.objects(), "object")
        + ")"
        + (result.skipped().isEmpty()
            ? ""
            : "; " + plural(result.skipped().size(), "file") + " skipped: not Kubernetes");
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  private static String shown(Path base, Path file) {
    Path abs = file.toAbsolutePath().normalize();
    return abs.startsWith(base) && !abs.equals(base)
        ? base.relativize(abs).toString()
        : abs.toString();
  }

  private static Path resolve(Path base, File file) {
    Path p = file.toPath();
    return (p.isAbsolute() ? p : base.resolve(p)).normalize();
  }
}
