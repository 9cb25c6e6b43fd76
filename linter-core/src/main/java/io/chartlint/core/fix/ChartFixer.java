package io.chartlint.core.fix;

import io.chartlint.core.engine.FailOn;
import io.chartlint.core.engine.Inputs;
import io.chartlint.core.engine.LintRequest;
import io.chartlint.core.engine.LintResult;
import io.chartlint.core.engine.Linter;
import io.chartlint.core.load.InputSource;
import io.chartlint.core.load.RawDocument;
import io.chartlint.core.load.SourceDocument;
import io.chartlint.core.load.SourceDocuments;
import io.chartlint.core.load.helm.ChartRenderException;
import io.chartlint.core.load.helm.ChartRenderRequest;
import io.chartlint.core.load.helm.SetValues;
import io.chartlint.core.load.helm.sourcemap.SourceMap;
import io.chartlint.core.model.KubeObject;
import io.chartlint.core.model.Manifests;
import io.chartlint.core.model.PodTemplatePaths;
import io.chartlint.core.model.ResourceRef;
import io.chartlint.core.model.YamlNodes;
import io.chartlint.core.rule.Edit;
import io.chartlint.core.rule.Finding;
import io.chartlint.core.rule.RuleSet;
import io.chartlint.core.rule.ValuesOrigin;
import io.chartlint.core.text.Escaping;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Fixes the findings of a chart through its values. While lint traces a chart's findings (see
 * {@link ChartProvenance}), for each finding with an exact edit it finds the values path that
 * produced the field, proves it by rendering the chart again with an override that sets the fixed
 * field there, and attaches the path, where it was set, and the override to the finding. {@link
 * #fix} then proves the whole override by linting the chart with it: the fixed findings must be
 * gone and none may appear. A finding whose field no value controls says so, and keeps the pod spec
 * change as its fix. Charts are never edited.
 */
public final class ChartFixer {
  /** Render-and-check rounds: each tries every finding's next candidate path, in one render. */
  private static final int ROUNDS = 3;

  private final RuleSet rules;

  public ChartFixer(RuleSet rules) {
    this.rules = rules;
  }

  /**
   * What fixing the charts of a run did.
   *
   * @param findings every finding of the run, those in charts with their values provenance and
   *     values fix
   * @param overrides per chart (as displayed), the proven values override; empty when nothing in it
   *     could be fixed through values
   * @param fixed the findings the overrides fix
   * @param withheld chart findings with an exact edit that no proven override fixes, and why
   */
  public record Outcome(
      List<Finding> findings,
      Map<String, Map<String, Object>> overrides,
      List<Finding> fixed,
      List<ManifestFixer.Withheld> withheld) {

    /** An override as the YAML of a values file. */
    public static String yaml(Map<String, Object> override) {
      DumperOptions options = new DumperOptions();
      options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
      options.setIndent(2);
      options.setIndicatorIndent(0);
      options.setSplitLines(false);
      return override.isEmpty() ? "{}\n" : new Yaml(options).dump(override);
    }
  }

  /**
   * Proves the values overrides that lint found for the run's charts: each by linting its chart
   * with it. The findings are lint's, which already carry their values provenance.
   */
  public Outcome fix(LintRequest request, LintResult result) {
    List<Finding> findings = new ArrayList<>(result.findings());
    Map<String, Map<String, Object>> overrides = new LinkedHashMap<>();
    List<Finding> fixed = new ArrayList<>();
    List<ManifestFixer.Withheld> withheld = new ArrayList<>();
    if (request.renderer() == null) {
      return new Outcome(findings, overrides, fixed, withheld);
    }
    for (ValuesFix chart : result.valuesFixes()) {
      List<Finding> proven = new ArrayList<>();
      for (ValuesFix.Step step : chart.steps()) {
        if (step.unfixable() == null) {
          proven.add(step.finding());
        }
      }
      String failure =
          proven.isEmpty()
              ? null
              : proveByLint(request, result, chart.chart(), chart.override(), proven);
      for (ValuesFix.Step step : chart.steps()) {
        if (step.unfixable() != null) {
          withheld.add(new ManifestFixer.Withheld(step.finding(), step.unfixable()));
        } else if (failure == null) {
          fixed.add(step.finding());
        } else {
          withheld.add(new ManifestFixer.Withheld(step.finding(), failure));
        }
      }
      overrides.put(chart.chartName(), failure == null ? chart.override() : Map.of());
    }
    return new Outcome(findings, overrides, fixed, withheld);
  }

  /** Null when linting the chart with the override proves it, else why not. */
  private String proveByLint(
      LintRequest request,
      LintResult result,
      Path chart,
      Map<String, Object> override,
      List<Finding> fixing) {
    try (OverrideFile file = new OverrideFile(override)) {
      ChartRenderRequest base = request.chartOptions();
      List<Path> files = new ArrayList<>(base.valuesFiles());
      files.add(file.path());
      LintRequest again =
          LintRequest.of(List.of(chart.toString()), request.workingDirectory())
              .withConfig(request.config())
              .withLimits(request.limits())
              .withFailOn(FailOn.NEVER)
              .withThreads(1)
              .withRenderer(request.renderer(), base.forChart(chart, files), false);
      // only which findings remain counts here: tracing their values would render for nothing
      List<Finding> after = new Linter(rules).withoutValuesProvenance().lint(again).findings();
      Path dir = chart.toAbsolutePath().normalize();
      Map<List<Object>, Integer> expected = new HashMap<>();
      for (Finding f : result.findings()) {
        if (request.workingDirectory().resolve(f.location().file()).normalize().startsWith(dir)) {
          expected.merge(key(f), 1, Integer::sum);
        }
      }
      fixing.forEach(f -> expected.merge(key(f), -1, Integer::sum));
      Map<List<Object>, Integer> counts = new HashMap<>();
      after.forEach(f -> counts.merge(key(f), 1, Integer::sum));
      for (Map.Entry<List<Object>, Integer> e : counts.entrySet()) {
        if (e.getValue() > expected.getOrDefault(e.getKey(), 0)) {
          return "linting the chart with the override reports " + e.getKey().get(0);
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A values override written to a temporary file, deleted on close. */
  private static final class OverrideFile implements AutoCloseable {
    private final Path path;

    OverrideFile(Map<String, Object> override) throws IOException {
      path = Files.createTempFile("chartlint-override", ".yaml");
      Files.writeString(path, Outcome.yaml(override), StandardCharsets.UTF_8);
    }

    Path path() {
      return path;
    }

    @Override
    public void close() {
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        // a temporary file left behind
      }
    }
  }

  private static List<Object> key(Finding f) {
    return java.util.Arrays.asList(f.ruleId(), f.resource());
  }

  /** What fixing one chart's findings with exact edits through its values found. */
  record ChartOutcome(Map<Finding, Finding> replaced, ValuesFix fix) {}

  /** A rendered field that a value may control, and what the fix makes of it. */
  private record Level(List<String> segments, Op op) {}

  /** A change to a value, applied to a copy. */
  private interface Op {
    Object apply(Object value);

    /** Removals go last, from the highest index, so that indices stay right. */
    default int order() {
      return 0;
    }
  }

  /**
   * Tracing the findings of one chart to its values, from the render lint made of it: the render of
   * the values set whose findings are traced.
   */
  static final class PerChart {
    private final LintRequest request;
    private final Inputs.Chart chart;
    private final ChartProvenance.Render lintRender;
    private final ChartValues values;
    private final PodTemplatePaths paths;

    /** The values files of the renders: the run's, and the values set's file if any. */
    private final List<Path> files;

    PerChart(
        LintRequest request,
        Inputs.Chart chart,
        Path dir,
        Path setFile,
        ChartProvenance.Render lintRender) {
      this.request = request;
      this.chart = chart;
      this.lintRender = lintRender;
      ChartRenderRequest base = request.chartOptions();
      List<Path> all = new ArrayList<>(base.valuesFiles());
      if (setFile != null) {
        all.add(setFile);
      }
      this.files = List.copyOf(all);
      this.values =
          ChartValues.of(
              dir,
              files,
              base.set(),
              base.setString(),
              request.workingDirectory(),
              request.limits());
      this.paths = new PodTemplatePaths(request.config().podTemplatePaths());
    }

    /**
     * The findings without an exact edit, each with the value that writes its field (proven by a
     * sentinel render) and a fix that says which value to set, or with "written in the template"
     * when every candidate was tried and none writes it. A finding that could not be decided keeps
     * no values provenance.
     */
    Map<Finding, Finding> provenance(List<Finding> others) {
      Map<Finding, Finding> replaced = new LinkedHashMap<>();
      ValuesProvenance.Rendered rendered;
      try {
        rendered = base();
      } catch (ChartRenderException e) {
        return replaced;
      }
      // lint's map of this render; without one, candidates come from the values alone
      SourceMap map = lintRender.map();
      ValuesProvenance.Outcome outcome =
          new ValuesProvenance(values, this::render, map, this::templateText)
              .prove(others, rendered);
      for (Finding f : others) {
        ValuesProvenance.Proof proof = outcome.proven().get(f);
        if (proof != null) {
          ValuesOrigin origin = safe(values.origin(proof.reported()));
          if (origin == null) {
            // a value the template reads that no values file sets
            origin =
                safe(
                    new ValuesOrigin(
                        ChartValues.pathText(proof.reported()), null, 0, ValuesOrigin.UNSET));
          }
          replaced.put(
              f,
              f.withLocation(f.location().withValues(origin)).withFix(valuesFix(f, proof), null));
        } else if (outcome.templateOnly().contains(f) && valuesKnown(f)) {
          ValuesOrigin none = new ValuesOrigin(null, null, 0, ValuesOrigin.TEMPLATE);
          replaced.put(
              f,
              f.withLocation(f.location().withValues(none))
                  .withFix(
                      "No value of the chart controls this field: change it with a post-renderer"
                          + " or in a fork. "
                          + f.fix(),
                      null));
        }
      }
      return replaced;
    }

    /** The text of the template file a finding is in, when it is a file of the chart. */
    private String templateText(Finding f) {
      try {
        Path file = request.workingDirectory().resolve(f.location().file()).normalize();
        Path dir = chart.path().toAbsolutePath().normalize();
        if (!file.toAbsolutePath().startsWith(dir)
            || !Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
            || Files.size(file) > 1 << 20) {
          return null;
        }
        return Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        return null;
      }
    }

    /**
     * Whether every values file that may set a finding's field was read: a finding in a subchart
     * nested deeper than one level, or in one whose values could not be read, may be controlled by
     * a value chartlint did not see, so it is not called template-only.
     */
    private boolean valuesKnown(Finding f) {
      String template = f.location().template();
      if (template == null) {
        return false;
      }
      String[] parts = template.split("/");
      if (parts.length < 3 || !parts[1].equals("charts")) {
        return true;
      }
      return parts.length >= 4 && parts[3].equals("templates") && values.knowsSubchart(parts[2]);
    }

    private ValuesProvenance.Rendered baseRender;

    /** The render lint made, parsed again: its objects are not kept while other inputs lint. */
    private ValuesProvenance.Rendered base() throws ChartRenderException {
      if (lintRender.failure() != null) {
        throw lintRender.failure();
      }
      if (baseRender == null) {
        baseRender = parse(lintRender.manifests());
      }
      return baseRender;
    }

    ChartOutcome run(List<Finding> mine) {
      Map<Finding, Finding> replaced = new LinkedHashMap<>();
      Map<ResourceRef, KubeObject> rendered;
      try {
        rendered = base().objects();
      } catch (ChartRenderException e) {
        List<ValuesFix.Step> steps = new ArrayList<>();
        mine.forEach(f -> steps.add(new ValuesFix.Step(f, "cannot render: " + e)));
        return new ChartOutcome(replaced, fix(Map.of(), steps));
      }
      // every finding's candidates: (level, values path) pairs, in the order they are tried
      Map<Finding, List<Candidate>> candidates = new LinkedHashMap<>();
      for (Finding f : mine) {
        KubeObject object = rendered.get(f.resource());
        candidates.put(f, object == null ? List.of() : candidates(object, f.edit()));
      }
      Map<Finding, Candidate> proven = new LinkedHashMap<>();
      Map<Finding, Integer> next = new HashMap<>();
      for (int round = 0; round < ROUNDS; round++) {
        Map<List<String>, List<Candidate>> chosen = new LinkedHashMap<>();
        proven.forEach((f, c) -> chosen.computeIfAbsent(c.path, k -> new ArrayList<>()).add(c));
        Map<Finding, Candidate> trying = new LinkedHashMap<>();
        for (Finding f : mine) {
          if (proven.containsKey(f)) {
            continue;
          }
          List<Candidate> list = candidates.get(f);
          int i = next.getOrDefault(f, 0);
          while (i < list.size() && overlaps(chosen.keySet(), list.get(i).path)) {
            i++;
          }
          if (i < list.size()) {
            Candidate c = list.get(i);
            next.put(f, i + 1);
            chosen.computeIfAbsent(c.path, k -> new ArrayList<>()).add(c);
            trying.put(f, c);
          }
        }
        if (trying.isEmpty()) {
          break;
        }
        Map<String, Object> override = override(chosen);
        Map<ResourceRef, KubeObject> after;
        try {
          after = render(override).objects();
        } catch (ChartRenderException e) {
          continue; // this round's overrides break the render: try the next candidates
        }
        for (Map.Entry<Finding, Candidate> e : trying.entrySet()) {
          Candidate c = e.getValue();
          KubeObject object = after.get(e.getKey().resource());
          Object want = desired(chosen.get(c.path));
          Node field = object == null ? null : at(object.root(), c.level.segments);
          if (object != null && ChartValues.Data.same(dataOf(field), want)) {
            proven.put(e.getKey(), c);
          }
        }
      }
      Map<List<String>, List<Candidate>> finalPaths = new LinkedHashMap<>();
      proven.forEach((f, c) -> finalPaths.computeIfAbsent(c.path, k -> new ArrayList<>()).add(c));
      Map<String, Object> override = override(finalPaths);
      List<ValuesFix.Step> steps = new ArrayList<>();
      for (Finding f : mine) {
        Candidate c = proven.get(f);
        if (c == null) {
          ValuesOrigin none = new ValuesOrigin(null, null, 0, ValuesOrigin.TEMPLATE);
          Finding g =
              f.withLocation(f.location().withValues(none))
                  .withFix(
                      "No value of the chart controls this field: change the pod spec with a"
                          + " post-renderer or in a fork. "
                          + f.fix(),
                      f.edit());
          replaced.put(f, g);
          steps.add(new ValuesFix.Step(g, "no value of the chart controls the field"));
          continue;
        }
        Map<String, Object> own = new LinkedHashMap<>();
        SetValues.put(own, c.path, desired(finalPaths.get(c.path)));
        Finding g =
            f.withLocation(f.location().withValues(safe(values.origin(c.path))))
                .withFix(
                    "Set "
                        + String.join(".", c.path)
                        + " in a values file passed with -f (chartlint fix --values-out FILE"
                        + " writes it); it keeps what the chart sets there and adds the fix:\n"
                        + Outcome.yaml(own).stripTrailing(),
                    f.edit());
        replaced.put(f, g);
        steps.add(new ValuesFix.Step(g, null));
      }
      return new ChartOutcome(replaced, fix(override, steps));
    }

    private ValuesFix fix(Map<String, Object> override, List<ValuesFix.Step> steps) {
      return new ValuesFix(chart.path(), chart.displayName(), override, steps);
    }

    /** The chart's objects by reference, rendered with an override. */
    private ValuesProvenance.Rendered render(Map<String, Object> override)
        throws ChartRenderException {
      try (OverrideFile file = new OverrideFile(override)) {
        ChartRenderRequest base = request.chartOptions();
        List<Path> files = new ArrayList<>(this.files);
        files.add(file.path());
        return parse(request.renderer().render(withValues(base, files)).manifests());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** A rendered stream's objects by reference, each with the line its document starts on. */
    private ValuesProvenance.Rendered parse(String rendered) {
      String manifests = rendered == null ? "" : rendered;
      Map<ResourceRef, KubeObject> objects = new LinkedHashMap<>();
      Map<ResourceRef, Integer> firstLines = new HashMap<>();
      try (SourceDocuments stream =
          new SourceDocuments(
              new InputSource(chart.displayName(), null, null),
              new StringReader(manifests),
              request.limits())) {
        SourceDocuments.Next next;
        while ((next = stream.next()) != null) {
          RawDocument raw = next.raw();
          if (next.parsed().root() == null) {
            continue;
          }
          SourceDocument doc = next.document();
          for (KubeObject o : Manifests.extract(doc, paths).objects()) {
            if (objects.putIfAbsent(o.ref(), o) == null) {
              firstLines.put(o.ref(), raw.firstLine());
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new ValuesProvenance.Rendered(manifests, objects, firstLines);
    }

    private ChartRenderRequest withValues(ChartRenderRequest base, List<Path> files) {
      return base.forChart(chart.path(), files);
    }

    /** The fields a value may control for an edit, with the values paths that may set them. */
    private List<Candidate> candidates(KubeObject object, Edit edit) {
      List<Level> levels = new ArrayList<>();
      List<String> target = edit.target();
      switch (edit.kind()) {
        case REQUIRE_NODE_AFFINITY -> {
          List<Map<String, Object>> reqs = edit.requirements();
          String required = "requiredDuringSchedulingIgnoredDuringExecution";
          // the whole affinity first: charts most often take it from one value
          levels.add(new Level(concat(target, "affinity"), v -> Affinity.require(v, 0, reqs)));
          levels.add(
              new Level(
                  concat(target, "affinity", "nodeAffinity"), v -> Affinity.require(v, 1, reqs)));
          levels.add(
              new Level(
                  concat(target, "affinity", "nodeAffinity", required),
                  v -> Affinity.require(v, 2, reqs)));
        }
        case REMOVE_ITEM -> {
          List<String> list = target.subList(0, target.size() - 1);
          String last = target.get(target.size() - 1);
          int index = Integer.parseInt(last.substring(1, last.length() - 1));
          levels.add(
              new Level(
                  list,
                  new Op() {
                    @Override
                    public Object apply(Object v) {
                      if (!(v instanceof List<?> l) || index >= l.size()) {
                        return v;
                      }
                      List<Object> copy = new ArrayList<>(l);
                      copy.remove(index);
                      return copy;
                    }

                    @Override
                    public int order() {
                      return 1_000_000 - index;
                    }
                  }));
        }
        case QUOTE -> {
          List<String> parent = target.subList(0, target.size() - 1);
          String last = target.get(target.size() - 1);
          String text = (String) edit.value();
          levels.add(new Level(parent, v -> Affinity.setChild(v, last, text)));
        }
        default -> {}
      }
      List<Candidate> list = new ArrayList<>();
      Set<List<String>> seen = new HashSet<>();
      // values equal to the rendered field first; then, where a helper merges a value into
      // what the template writes, empty values named like the field
      for (boolean byName : new boolean[] {false, true}) {
        for (Level level : levels) {
          Node node = at(object.root(), level.segments);
          Object current = dataOf(node);
          String name = level.segments.get(level.segments.size() - 1);
          boolean empty = isEmpty(current);
          if (!byName && empty) {
            continue;
          }
          for (List<String> path :
              values.find(
                  (p, v) ->
                      byName
                          ? p.get(p.size() - 1).equals(name) && isEmpty(v)
                          : ChartValues.Data.same(v, current))) {
            if (seen.add(path)) {
              list.add(new Candidate(level, path, current));
            }
          }
        }
      }
      return list;
    }

    private static boolean isEmpty(Object v) {
      return v == null
          || (v instanceof Map<?, ?> m && m.isEmpty())
          || (v instanceof List<?> l && l.isEmpty());
    }

    private static List<String> concat(List<String> base, String... more) {
      List<String> list = new ArrayList<>(base);
      list.addAll(List.of(more));
      return list;
    }

    private Object dataOf(Node node) {
      return node == null ? null : ChartValues.Data.of(node);
    }

    private Node at(Node root, List<String> segments) {
      Node node = root;
      for (String part : segments) {
        if (part.startsWith("[") && node instanceof SequenceNode s) {
          int i = Integer.parseInt(part.substring(1, part.length() - 1));
          node = i < s.getValue().size() ? s.getValue().get(i) : null;
        } else {
          node = YamlNodes.get(node, part);
        }
        if (node == null) {
          return null;
        }
      }
      return node;
    }

    /** The value for a path: the merged value there with every finding's change. */
    private Object desired(List<Candidate> using) {
      Object value = values.get(using.get(0).path);
      if (isEmpty(value)) {
        value = using.get(0).current;
      }
      List<Op> ops = new ArrayList<>();
      using.forEach(c -> ops.add(c.level.op));
      ops.sort(java.util.Comparator.comparingInt(Op::order));
      for (Op op : ops) {
        value = op.apply(value);
      }
      return value;
    }

    private Map<String, Object> override(Map<List<String>, List<Candidate>> chosen) {
      Map<String, Object> root = new LinkedHashMap<>();
      chosen.forEach((path, using) -> SetValues.put(root, path, desired(using)));
      return root;
    }

    private static boolean overlaps(Set<List<String>> chosen, List<String> path) {
      for (List<String> p : chosen) {
        int n = Math.min(p.size(), path.size());
        if (p.subList(0, n).equals(path.subList(0, n)) && !p.equals(path)) {
          return true;
        }
      }
      return false;
    }
  }

  /** Longest values path or file name shown; longer ones are cut. */
  private static final int SHOWN = 200;

  /** A values origin with what the chart wrote in it made safe to print. */
  static ValuesOrigin safe(ValuesOrigin o) {
    if (o == null) {
      return null;
    }
    return new ValuesOrigin(shown(o.path()), shown(o.file()), o.line(), o.source());
  }

  private static String shown(String text) {
    if (text == null) {
      return null;
    }
    String s = Escaping.text(text);
    return s.length() > SHOWN ? s.substring(0, SHOWN) + "..." : s;
  }

  /**
   * The fix of a finding whose field a value writes, when chartlint cannot know the right value:
   * which values path to set, and the YAML shape to pass with -f, without a value.
   */
  static String valuesFix(Finding f, ValuesProvenance.Proof proof) {
    List<String> field = proof.field();
    List<String> target = new ArrayList<>(proof.exists() ? proof.reported() : proof.controlled());
    if (!proof.exists()) {
      target.addAll(field.subList(proof.level(), field.size()));
    }
    boolean plain = target.stream().noneMatch(s -> s.startsWith("["));
    String path = shown(ChartValues.pathText(target));
    String controlled = shown(ChartValues.pathText(proof.controlled()));
    if (!plain && f.ruleId().endsWith("-request-missing")) {
      return Escaping.multiline(
          "Set "
              + path
              + " in a values file passed with -f (the chart writes this field from "
              + controlled
              + "; a list in a values file replaces the chart's whole list, so repeat its other"
              + " items); chartlint does not choose the amount, and chartlint fix does not apply"
              + " it.");
    }
    if (!plain || !f.ruleId().endsWith("-request-missing")) {
      return Escaping.multiline(
          "The chart writes this field from the value "
              + controlled
              + ": change it in a values file passed with -f rather than in the template. "
              + f.fix());
    }
    StringBuilder shape = new StringBuilder();
    for (int i = 0; i < target.size(); i++) {
      shape.append("  ".repeat(i)).append(key(target.get(i))).append(':');
      if (i + 1 < target.size()) {
        shape.append('\n');
      }
    }
    shape.append(" # the amount this container needs, from its measured use");
    return Escaping.multiline(
        "Set "
            + path
            + " in a values file passed with -f (the chart writes this field from "
            + controlled
            + "); chartlint does not choose the amount, and chartlint fix does not apply it:\n"
            + shape);
  }

  /** A values key as YAML writes it: plain when it can be, else double-quoted. */
  private static String key(String key) {
    if (key.matches("[A-Za-z0-9_][A-Za-z0-9_.-]*")) {
      return key;
    }
    return '"' + key.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** One values path that may control a rendered field. */
  private record Candidate(Level level, List<String> path, Object current) {}
}
