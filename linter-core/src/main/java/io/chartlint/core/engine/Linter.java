package io.chartlint.core.engine;

import io.chartlint.core.Severity;
import io.chartlint.core.UsageException;
import io.chartlint.core.fix.ChartProvenance;
import io.chartlint.core.fix.ValuesFix;
import io.chartlint.core.inventory.NodeFile;
import io.chartlint.core.load.InputSource;
import io.chartlint.core.load.LoadProblem;
import io.chartlint.core.load.RawDocument;
import io.chartlint.core.load.SourceDocument;
import io.chartlint.core.load.SourceDocuments;
import io.chartlint.core.load.Utf8Reader;
import io.chartlint.core.load.helm.ChartRenderException;
import io.chartlint.core.load.helm.ChartRenderRequest;
import io.chartlint.core.load.helm.RenderedChart;
import io.chartlint.core.load.helm.sourcemap.SourceMap;
import io.chartlint.core.model.KubeObject;
import io.chartlint.core.model.Manifests;
import io.chartlint.core.model.PodTemplatePaths;
import io.chartlint.core.rule.Finding;
import io.chartlint.core.rule.Location;
import io.chartlint.core.rule.RuleDescriptor;
import io.chartlint.core.rule.RuleSet;
import io.chartlint.core.scheduling.NodeInventory;
import io.chartlint.core.text.Escaping;
import io.chartlint.core.walk.IgnoreRules;
import io.chartlint.core.walk.KubernetesContent;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Runs the enabled rules over every input of a request, in parallel across inputs. */
public final class Linter {
  private final RuleSet rules;
  private final Clock clock;
  private final boolean tracesValues;

  public Linter(RuleSet rules) {
    this(rules, Clock.systemDefaultZone());
  }

  public Linter(RuleSet rules, Clock clock) {
    this(rules, clock, true);
  }

  private Linter(RuleSet rules, Clock clock, boolean tracesValues) {
    this.rules = rules;
    this.clock = clock;
    this.tracesValues = tracesValues;
  }

  /**
   * A linter whose chart findings do not name the values that wrote their fields: for a lint that
   * only counts what remains, such as the one that proves a fix, which would render for nothing.
   */
  public Linter withoutValuesProvenance() {
    return new Linter(rules, clock, false);
  }

  public RuleSet rules() {
    return rules;
  }

  /** Lints everything the request names. Throws {@link UsageException} for the user's mistakes. */
  public LintResult lint(LintRequest request) {
    Config config = request.config();
    List<ActiveRule> active = activate(config);
    LocalDate today = LocalDate.now(clock);
    Suppressions suppressions = new Suppressions(config, today);
    PodTemplatePaths paths = new PodTemplatePaths(config.podTemplatePaths());
    NodeInventory inventory = loadNodes(config.nodes(), request, paths);
    Path baselineFile = request.effectiveBaseline();
    Baseline baseline =
        baselineFile == null
            ? null
            : Baseline.read(
                request.workingDirectory().resolve(baselineFile), request.workingDirectory());
    Inputs.Resolution resolution =
        Inputs.resolve(
            request.inputs(),
            request.workingDirectory(),
            new IgnoreRules(ignorePatterns(request), true),
            Set.copyOf(request.reportFiles()));
    checkChartOptions(request, resolution.inputs());
    FindingBudget budget = new FindingBudget(request.maxFindings());
    InputLinter inputLinter =
        new InputLinter(request, active, suppressions, paths, budget, inventory, tracesValues);

    List<Inputs.Input> inputs = resolution.inputs();
    List<InputOutcome> outcomes =
        Parallel.map(inputs, request.threads(), "chartlint-worker", inputLinter::lint);

    List<Finding> findings = new ArrayList<>();
    List<LintResult.SuppressedFinding> suppressed = new ArrayList<>();
    List<String> unused = new ArrayList<>();
    List<String> notices = new ArrayList<>(resolution.notices());
    List<String> internal = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    LintedFiles linted = new LintedFiles();
    List<LintResult.SuppressedFinding> ignoredByPolicy = new ArrayList<>();
    int objects = 0;
    for (int i = 0; i < outcomes.size(); i++) {
      InputOutcome outcome = outcomes.get(i);
      if (outcome.skipped()) {
        skipped.add(inputs.get(i).displayName());
        continue;
      }
      linted.add(inputs.get(i));
      findings.addAll(outcome.findings());
      suppressed.addAll(outcome.suppressed());
      unused.addAll(outcome.unused());
      notices.addAll(outcome.notices());
      internal.addAll(outcome.internalErrors());
      ignoredByPolicy.addAll(outcome.ignoredByPolicy());
      objects += outcome.objects();
    }
    budget.check();
    if (linted.isEmpty()) {
      String nothing = EmptyRun.describe(request.inputs(), inputs, outcomes);
      if (!request.allowEmpty()) {
        throw new EmptyRun.NothingToLintException(nothing);
      }
      notices.add(nothing);
    }
    unused.addAll(
        suppressions.unusedExcludes(
            linted.coversDirectoryOf(config.file(), resolution.walkedDirectories())));
    notices.addAll(suppressions.expiredExcludes());
    findings.sort(ORDER);
    if (baseline != null) {
      // After every other suppression, so an entry is not spent on a finding that a comment,
      // annotation or exclude hides anyway.
      List<Finding> kept = new ArrayList<>();
      for (Finding f : findings) {
        if (baseline.consume(f, request.workingDirectory())) {
          suppressed.add(new LintResult.SuppressedFinding(f, baseline.description()));
        } else {
          kept.add(f);
        }
      }
      findings = kept;
      unused.addAll(baseline.unused(linted::coversBaselineFile));
    }
    List<ValuesFix> valuesFixes = List.of();
    if (tracesValues) {
      ValuesTracing.Traced traced =
          ValuesTracing.trace(
              request,
              inputs,
              outcomes.stream().map(InputOutcome::renders).toList(),
              outcomes.stream().map(InputOutcome::findings).toList(),
              findings);
      findings = traced.findings();
      valuesFixes = traced.fixes();
    }
    suppressed.sort(Comparator.comparing(LintResult.SuppressedFinding::finding, ORDER));
    ignoredByPolicy.sort(Comparator.comparing(LintResult.SuppressedFinding::finding, ORDER));
    return new LintResult(
        findings,
        suppressed,
        unused.stream().map(Escaping::text).toList(),
        notices.stream().map(Escaping::text).toList(),
        internal,
        inputs.size() - skipped.size(),
        objects,
        request.failOn(),
        skipped,
        ignoredByPolicy,
        valuesFixes);
  }

  /**
   * Values and {@code --set} options only mean something to a chart: given without one they are a
   * mistake (a chart path mistyped, or the rendered output piped in), and a values file that does
   * not exist is one too, before anything renders.
   */
  private static void checkChartOptions(LintRequest request, List<Inputs.Input> inputs) {
    ChartRenderRequest options = request.chartOptions();
    if (options == null) {
      return;
    }
    for (Path values : options.valuesFiles()) {
      if (!Files.isRegularFile(values)) {
        throw new UsageException(
            "values file "
                + Inputs.display(values, request.workingDirectory())
                + (Files.isDirectory(values) ? " is a directory" : " does not exist"));
      }
    }
    boolean chartOptions =
        !options.valuesFiles().isEmpty()
            || !options.set().isEmpty()
            || !options.setString().isEmpty()
            || !options.setFile().isEmpty();
    if (chartOptions && inputs.stream().noneMatch(i -> i instanceof Inputs.Chart)) {
      throw new UsageException(
          "values (-f, --set, --set-string, --set-file) apply to charts, and there is no chart"
              + " among the inputs");
    }
  }

  /** The config's ignore patterns, relative to its directory, then the request's. */
  private static List<IgnoreRules.PatternSet> ignorePatterns(LintRequest request) {
    List<IgnoreRules.PatternSet> sets = new ArrayList<>();
    Config config = request.config();
    if (!config.ignore().isEmpty()) {
      Path base =
          config.file() == null
              ? request.workingDirectory()
              : config.file().toAbsolutePath().getParent();
      sets.add(new IgnoreRules.PatternSet(base, config.ignore()));
    }
    if (!request.ignore().isEmpty()) {
      sets.add(new IgnoreRules.PatternSet(request.workingDirectory(), request.ignore()));
    }
    return sets;
  }

  /** File, line, column, rule, message: the order of every report. */
  public static final Comparator<Finding> ORDER =
      Comparator.comparing((Finding f) -> f.location().file())
          .thenComparingInt(f -> f.location().line())
          .thenComparingInt(f -> f.location().column())
          .thenComparing(Finding::ruleId)
          .thenComparing(Finding::message);

  /**
   * The enabled rules with their configured severity; a config naming an unknown rule is an error.
   */
  private List<ActiveRule> activate(Config config) {
    List<String> errors = new ArrayList<>();
    for (Map.Entry<String, Config.RuleConfig> entry : config.rules().entrySet()) {
      String where =
          (config.file() == null ? "config" : config.file()) + ":" + entry.getValue().line();
      RuleDescriptor rule = rules.find(entry.getKey()).orElse(null);
      if (rule == null) {
        errors.add(where + ": unknown rule '" + entry.getKey() + "'" + suggest(entry.getKey()));
        continue;
      }
      for (String problem : rule.rule().parameterErrors(entry.getValue().parameters())) {
        errors.add(where + ": rule '" + entry.getKey() + "' " + problem);
      }
    }
    for (Config.Exclude exclude : config.excludes()) {
      for (String id : exclude.rules()) {
        if (!rules.contains(id)) {
          errors.add(
              (config.file() == null ? "config" : config.file())
                  + ":"
                  + exclude.line()
                  + ": exclude names unknown rule '"
                  + id
                  + "'"
                  + suggest(id));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new UsageException(
          "invalid config:"
              + System.lineSeparator()
              + "  "
              + String.join(System.lineSeparator() + "  ", errors));
    }
    List<ActiveRule> active = new ArrayList<>();
    for (RuleDescriptor rule : rules.all()) {
      Config.RuleConfig rc = config.rule(rule.id());
      if (Boolean.FALSE.equals(rc.enabled())) {
        continue;
      }
      Severity severity = rc.severity() != null ? rc.severity() : rule.defaultSeverity();
      active.add(new ActiveRule(rule, severity, rc.parameters()));
    }
    return active;
  }

  private String suggest(String id) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (RuleDescriptor rule : rules.all()) {
      int d = EditDistance.between(id, rule.id());
      if (d < bestDistance) {
        bestDistance = d;
        best = rule.id();
      }
    }
    return best != null && bestDistance <= Math.max(2, id.length() / 4)
        ? "; did you mean '" + best + "'?"
        : "";
  }

  private NodeInventory loadNodes(List<Path> files, LintRequest request, PodTemplatePaths paths) {
    if (files.isEmpty()) {
      return NodeInventory.EMPTY;
    }
    List<NodeFile.Shown> shown = new ArrayList<>();
    for (Path file : files) {
      shown.add(new NodeFile.Shown(file, Inputs.display(file, request.workingDirectory())));
    }
    return new NodeInventory(NodeFile.read(shown, request.limits(), paths));
  }

  static Reader utf8(InputStream in) {
    return new Utf8Reader(in);
  }

  /**
   * JSON allows tabs as white space where YAML does not; a raw tab cannot occur in a JSON string.
   */
  static Reader jsonAsYaml(Reader in) {
    return new FilterReader(in) {
      @Override
      public int read() throws IOException {
        int c = super.read();
        return c == '\t' ? ' ' : c;
      }

      @Override
      public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = offset; i < offset + Math.max(n, 0); i++) {
          if (buffer[i] == '\t') {
            buffer[i] = ' ';
          }
        }
        return n;
      }
    };
  }

  /** A rule as configured for this run. */
  record ActiveRule(
      RuleDescriptor descriptor,
      Severity severity,
      io.chartlint.core.rule.RuleParameters parameters) {}

  /**
   * What linting one input produced; for a chart, with what the values provenance of its findings
   * needs of its renders.
   */
  record InputOutcome(
      List<Finding> findings,
      List<LintResult.SuppressedFinding> suppressed,
      List<String> unused,
      List<String> notices,
      List<String> internalErrors,
      int objects,
      boolean skipped,
      int documents,
      List<LintResult.SuppressedFinding> ignoredByPolicy,
      List<ChartProvenance.Render> renders) {

    InputOutcome withRenders(List<ChartProvenance.Render> chartRenders) {
      return new InputOutcome(
          findings,
          suppressed,
          unused,
          notices,
          internalErrors,
          objects,
          skipped,
          documents,
          ignoredByPolicy,
          chartRenders);
    }

    /** A file none of whose documents has apiVersion or kind: not Kubernetes, so not linted. */
    static InputOutcome skipped(int documents) {
      return new InputOutcome(
          List.of(), List.of(), List.of(), List.of(), List.of(), 0, true, documents, List.of(),
          List.of());
    }
  }

  /** Lints single inputs; shared by the worker threads, so it holds no per-input state. */
  private static final class InputLinter {
    /** How many documents of one input are held so that rules can relate their objects. */
    static final int RELATED_DOCUMENTS = 2_000;

    private final LintRequest request;
    private final List<ActiveRule> active;
    private final Suppressions suppressions;
    private final PodTemplatePaths paths;
    private final FindingBudget budget;
    private final NodeInventory inventory;
    private final boolean tracesValues;

    InputLinter(
        LintRequest request,
        List<ActiveRule> active,
        Suppressions suppressions,
        PodTemplatePaths paths,
        FindingBudget budget,
        NodeInventory inventory,
        boolean tracesValues) {
      this.tracesValues = tracesValues;
      this.request = request;
      this.active = active;
      this.suppressions = suppressions;
      this.paths = paths;
      this.budget = budget;
      this.inventory = inventory;
    }

    InputOutcome lint(Inputs.Input input) {
      Sink sink = new Sink(suppressions, request.workingDirectory(), budget);
      if (input instanceof Inputs.ManifestFile file) {
        InputSource source = InputSource.file(file.displayName(), file.path());
        StreamShape shape = new StreamShape();
        try (Reader reader = utf8(Files.newInputStream(file.path()))) {
          lintStream(source, file.isJson() ? jsonAsYaml(reader) : reader, sink, shape);
        } catch (IOException e) {
          readFailure(source, e, sink);
          shape.mayHoldObjects = true;
        }
        if (!shape.mayHoldObjects) {
          return InputOutcome.skipped(shape.documents);
        }
      } else if (input instanceof Inputs.StandardInput stdin) {
        InputSource source = new InputSource(stdin.displayName(), null, null);
        StreamShape shape = new StreamShape();
        try (Reader reader = utf8(request.stdin())) {
          lintStream(source, reader, sink, shape);
        } catch (IOException e) {
          readFailure(source, e, sink);
          shape.mayHoldObjects = true;
        }
        if (!shape.mayHoldObjects) {
          return InputOutcome.skipped(shape.documents);
        }
      } else if (input instanceof Inputs.Chart chart) {
        List<ChartProvenance.Render> renders = lintChart(chart, sink);
        return sink.outcome().withRenders(renders);
      }
      return sink.outcome();
    }

    /**
     * Lints a chart with each values set; returns what tracing its findings to their values needs
     * of the renders (empty when no finding can be traced).
     */
    private List<ChartProvenance.Render> lintChart(Inputs.Chart chart, Sink sink) {
      ChartPreflight.Outcome preflight =
          ChartPreflight.check(chart.path(), request.workingDirectory(), request.limits());
      preflight.notices().forEach(sink::notice);
      if (preflight.chartYaml() != null) {
        checkDocument(preflight.chartYaml(), sink);
      }
      for (Path link : preflight.outsideLinks()) {
        renderProblem(
            sink,
            new InputSource(Inputs.display(link, request.workingDirectory()), link, null),
            1,
            "a symbolic link that leads outside the chart: not followed, so the chart is rendered"
                + " without what it leads to (a chart must contain its files)");
      }
      if (!preflight.renderable()) {
        return List.of();
      }
      List<ChartProvenance.Render> renders = new ArrayList<>();
      List<ValuesSet> sets = ValuesSet.of(chart.path(), request.ciValues());
      SourceMap.Chart templates = ChartSourceMaps.templates(chart, sink);
      Map<Finding, List<String>> merged = new LinkedHashMap<>();
      Map<Finding, Finding> first = new LinkedHashMap<>();
      for (ValuesSet set : sets) {
        Sink setSink = sink.child();
        if (request.renderer() == null) {
          renderProblem(
              setSink,
              new InputSource(chart.displayName(), chart.path(), null),
              1,
              "cannot render the chart: no Helm is available here (use --helm-binary PATH, or"
                  + " render it with helm template and lint the output)");
        } else {
          ChartRenderRequest base = request.chartOptions();
          List<Path> values = new ArrayList<>(base.valuesFiles());
          if (set.file() != null) {
            values.add(set.file());
          }
          ChartRenderRequest renderRequest = base.forChart(chart.path(), values);
          try {
            RenderedChart rendered = request.renderer().render(renderRequest);
            SourceMap map = ChartSourceMaps.map(templates, rendered, chart, set, setSink);
            setSink.useSourceMap(map);
            InputSource source =
                new InputSource(
                    chart.displayName(),
                    null,
                    new InputSource.RenderedChartSource(
                        chart.path(), chart.displayName(), set.name()));
            // a chart without templates renders nothing, which the renderer gives as null
            String manifests = rendered.manifests() == null ? "" : rendered.manifests();
            renders.add(new ChartProvenance.Render(set.name(), manifests, map, null));
            try (Reader reader = new StringReader(manifests)) {
              lintStream(source, reader, setSink, new StreamShape());
            }
          } catch (ChartRenderException e) {
            renders.add(new ChartProvenance.Render(set.name(), null, null, e));
            Path template = ChartFiles.templateFile(chart.path(), e.templatePath());
            String shown =
                template != null
                    ? Inputs.display(template, request.workingDirectory())
                    : chart.displayName();
            int line = e.line();
            if (line == 0 && template != null && template.endsWith("Chart.yaml")) {
              line = dependenciesLine(template); // "run helm dependency build"
            }
            renderProblem(
                setSink,
                new InputSource(shown, template, null),
                Math.max(1, line),
                Math.max(1, e.column()),
                e.getMessage() + (sets.size() > 1 ? " (values: " + set.name() + ")" : ""));
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
        for (Finding f : setSink.findings) {
          Finding key = mergeKey(f);
          first.putIfAbsent(key, f);
          merged.computeIfAbsent(key, k -> new ArrayList<>()).add(set.name());
        }
        sink.absorb(setSink);
      }
      for (Map.Entry<Finding, List<String>> entry : merged.entrySet()) {
        Finding f = first.get(entry.getKey());
        sink.findings.add(request.ciValues() ? f.withValuesSets(entry.getValue()) : f);
      }
      // the renders are kept until the run's findings are known only when one may be traced
      boolean traceable =
          tracesValues
              && sink.findings.stream()
                  .anyMatch(
                      f ->
                          f.location().template() != null
                              && (f.edit() != null || f.resource() != null));
      return traceable ? renders : List.of();
    }

    /** The line of the top-level {@code dependencies:} key of a Chart.yaml, or 1. */
    private static int dependenciesLine(Path chartYaml) {
      try (java.util.stream.Stream<String> lines = Files.lines(chartYaml)) {
        List<String> all = lines.toList();
        for (int i = 0; i < all.size(); i++) {
          if (all.get(i).startsWith("dependencies:")) {
            return i + 1;
          }
        }
      } catch (IOException | java.io.UncheckedIOException e) {
        // the file was readable a moment ago; the chart's first line will do
      }
      return 1;
    }

    /**
     * What makes findings of several values sets the same: all but the line in the rendered stream,
     * which moves when another values set renders more or fewer lines above.
     */
    private static Finding mergeKey(Finding f) {
      Location l = f.location();
      return l.template() == null
          ? f
          : f.withLocation(new Location(l.file(), l.line(), l.column(), l.template(), null));
    }

    private void readFailure(InputSource source, IOException e, Sink sink) {
      String message =
          e instanceof java.nio.charset.CharacterCodingException
              ? "the file is not valid UTF-8 text; Kubernetes manifests must be UTF-8"
              : "cannot read: " + e.getMessage();
      SourceDocument doc =
          new SourceDocument(
              source,
              0,
              1,
              null,
              null,
              List.of(new LoadProblem(LoadProblem.Kind.SYNTAX, 1, 1, message)),
              List.of());
      checkDocument(doc, sink);
    }

    private void renderProblem(Sink sink, InputSource source, int line, String message) {
      renderProblem(sink, source, line, 1, message);
    }

    private void renderProblem(
        Sink sink, InputSource source, int line, int column, String message) {
      SourceDocument doc =
          new SourceDocument(
              source,
              0,
              1,
              null,
              null,
              List.of(new LoadProblem(LoadProblem.Kind.RENDER, line, column, message)),
              List.of());
      checkDocument(doc, sink);
    }

    /** What a stream turned out to hold, to tell Kubernetes manifests from other YAML. */
    private static final class StreamShape {
      int documents;
      boolean mayHoldObjects;
    }

    /**
     * Parses the stream before checking it, so that rules that relate objects (a
     * PodDisruptionBudget and its controller) see every object of the input. Only the first {@link
     * #RELATED_DOCUMENTS} documents are held at once; past them the rest is checked one document at
     * a time, as it streams in, and a notice says so, so that a huge generated stream still lints
     * in bounded memory.
     */
    private void lintStream(InputSource source, Reader reader, Sink sink, StreamShape shape)
        throws IOException {
      // not closed here: the caller owns the reader
      SourceDocuments stream = new SourceDocuments(source, reader, request.limits());
      List<SourceDocument> documents = new ArrayList<>();
      boolean streaming = false;
      SourceDocuments.Next next;
      while ((next = stream.next()) != null) {
        if (budget.exhausted()) {
          return;
        }
        RawDocument raw = next.raw();
        shape.documents++;
        if (!shape.mayHoldObjects && KubernetesContent.mayBeObject(raw, next.parsed().root())) {
          shape.mayHoldObjects = true;
        }
        SourceDocument doc = next.document();
        if (streaming) {
          checkDocument(doc, sink);
          continue;
        }
        documents.add(doc);
        if (documents.size() > RELATED_DOCUMENTS) {
          sink.notice(
              source.displayName()
                  + ": more than "
                  + RELATED_DOCUMENTS
                  + " documents; rules that relate objects (a PodDisruptionBudget and its"
                  + " controller, a DaemonSet and its PriorityClass) saw only the first "
                  + RELATED_DOCUMENTS);
          checkTogether(documents.subList(0, RELATED_DOCUMENTS), sink);
          checkDocument(doc, sink);
          documents.clear();
          streaming = true;
        }
      }
      if (!streaming) {
        checkTogether(documents, sink);
      }
    }

    private void checkTogether(List<SourceDocument> documents, Sink sink) {
      List<List<KubeObject>> objects = new ArrayList<>(documents.size());
      List<KubeObject> all = new ArrayList<>();
      for (SourceDocument doc : documents) {
        List<KubeObject> found =
            doc.root() == null ? List.of() : Manifests.extract(doc, paths).objects();
        objects.add(found);
        all.addAll(found);
      }
      List<KubeObject> input = List.copyOf(all);
      for (int i = 0; i < documents.size(); i++) {
        checkDocument(documents.get(i), objects.get(i), input, sink);
      }
    }

    private void checkDocument(SourceDocument doc, Sink sink) {
      List<KubeObject> objects =
          doc.root() == null ? List.of() : Manifests.extract(doc, paths).objects();
      checkDocument(doc, objects, objects, sink);
    }

    private void checkDocument(
        SourceDocument doc, List<KubeObject> objects, List<KubeObject> input, Sink sink) {
      sink.beginDocument(doc);
      for (ActiveRule rule : active) {
        RunContext context = new RunContext(rule, doc, null, sink, inventory, input);
        try {
          rule.descriptor().rule().checkDocument(doc, context);
        } catch (RuntimeException e) {
          sink.crash(rule, doc, null, e);
        } catch (StackOverflowError e) {
          tooDeep(rule, doc, null, sink);
        } catch (LinkageError | AssertionError e) {
          sink.crash(rule, doc, null, e); // a bug of chartlint's: the other rules still run
        }
      }
      if (doc.root() != null) {
        for (KubeObject object : objects) {
          sink.beginObject(object);
          for (ActiveRule rule : active) {
            RunContext context = new RunContext(rule, doc, object, sink, inventory, input);
            try {
              rule.descriptor().rule().check(object, context);
            } catch (RuntimeException e) {
              sink.crash(rule, doc, object, e);
            } catch (StackOverflowError e) {
              tooDeep(rule, doc, object, sink);
            } catch (LinkageError | AssertionError e) {
              sink.crash(rule, doc, object, e);
            }
          }
          sink.endObject();
        }
      }
      sink.endDocument();
    }

    /**
     * A rule ran out of stack on this input: a recursive {@code $ref} in a policy schema, a policy
     * {@code pattern} whose repeated group recurses once per character of a long value, a document
     * nested beyond reason. The input is at fault, not chartlint, so it becomes a finding of that
     * rule at the object, and the other objects and documents are still linted.
     */
    private void tooDeep(ActiveRule rule, SourceDocument doc, KubeObject object, Sink sink) {
      RunContext context = new RunContext(rule, doc, object, sink, inventory, List.of());
      String what = object != null ? "this object" : "this document";
      String message =
          "could not be checked: evaluating "
              + what
              + " recursed too deeply (a recursive $ref, or a pattern with a repeated group"
              + " matched against a long value, in a policy; or a value nested too deeply)";
      String fix =
          "Make the policy's schema finite and its patterns free of repeated groups (use"
              + " [...]* rather than (...)*), or shorten the value.";
      if (object != null) {
        context.report(object.root(), message, fix);
      } else if (doc.root() != null) {
        context.report(doc.root(), message, fix);
      } else {
        context.reportAt(doc.firstLine(), 1, message, fix);
      }
    }
  }
}
