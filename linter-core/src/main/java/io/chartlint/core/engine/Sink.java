package io.chartlint.core.engine;

import io.chartlint.core.load.IgnoreComment;
import io.chartlint.core.load.SourceDocument;
import io.chartlint.core.load.helm.sourcemap.SourceMap;
import io.chartlint.core.model.KubeObject;
import io.chartlint.core.model.ResourceRef;
import io.chartlint.core.model.YamlNodes;
import io.chartlint.core.rule.Finding;
import io.chartlint.core.rule.Location;
import io.chartlint.core.text.Escaping;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Collects what linting one input produces, applying comment, annotation and exclude suppressions
 * as findings arrive. One per input, used by one thread.
 */
final class Sink {
  static final String IGNORE_ANNOTATION = "chartlint.io/ignore";

  /** Why an object or pod template is exempt; shown wherever the suppressed finding is. */
  static final String IGNORE_REASON_ANNOTATION = "chartlint.io/ignore-reason";

  /** How much of a reason the reports repeat. */
  private static final int MAX_REASON = 500;

  private final Suppressions suppressions;
  private final Path workingDirectory;
  private final FindingBudget budget;
  private SourceMap sourceMap;
  final List<Finding> findings = new ArrayList<>();
  private final List<LintResult.SuppressedFinding> suppressed = new ArrayList<>();
  private final List<LintResult.SuppressedFinding> ignoredByPolicy = new ArrayList<>();
  private final List<String> unused = new ArrayList<>();
  private final List<String> notices = new ArrayList<>();
  private final List<String> internalErrors = new ArrayList<>();
  private int objects;

  private SourceDocument document;

  private final Set<IgnoreComment> usedComments = new HashSet<>();
  private KubeObject object;
  private final List<Annotation> annotations = new ArrayList<>();

  /** A {@code chartlint.io/ignore} annotation on an object or its pod template. */
  private static final class Annotation {
    final Set<String> rules = new LinkedHashSet<>();
    final String where;
    final Node node;
    final String reason;
    boolean used;

    Annotation(String value, String where, Node node, String reason) {
      for (String id : value.split(",")) {
        if (!id.isBlank()) {
          rules.add(id.strip());
        }
      }
      this.where = where;
      this.node = node;
      this.reason = reason;
    }

    boolean covers(String ruleId) {
      return rules.contains("*") || rules.contains(ruleId);
    }
  }

  Sink(Suppressions suppressions, Path workingDirectory, FindingBudget budget) {
    this.suppressions = suppressions;
    this.workingDirectory = workingDirectory;
    this.budget = budget;
  }

  /** A sink for one values set of a chart, whose findings the parent merges across sets. */
  Sink child() {
    return new Sink(suppressions, workingDirectory, budget);
  }

  /** Where the lines of the rendered chart this sink receives come from, or null. */
  void useSourceMap(SourceMap map) {
    sourceMap = map;
  }

  /** Takes everything but the findings, which the caller merges. */
  void absorb(Sink child) {
    suppressed.addAll(child.suppressed);
    ignoredByPolicy.addAll(child.ignoredByPolicy);
    for (String u : child.unused) {
      if (!unused.contains(u)) {
        unused.add(u);
      }
    }
    notices.addAll(child.notices);
    internalErrors.addAll(child.internalErrors);
    objects += child.objects;
  }

  /** A note for the summary: something the user should know that is not a finding. */
  void notice(String text) {
    notices.add(text);
  }

  void beginDocument(SourceDocument doc) {
    document = doc;
    suppressions.sawDocument(doc.template(), doc.source().displayName());
    usedComments.clear();
  }

  void endDocument() {
    for (IgnoreComment comment : document.ignoreComments()) {
      if (!usedComments.contains(comment)) {
        unused.add(
            document.source().displayName()
                + ":"
                + comment.line()
                + ": '# chartlint:ignore "
                + String.join(",", comment.rules())
                + "' suppresses nothing");
      }
    }
    document = null;
  }

  void beginObject(KubeObject o) {
    object = o;
    objects++;
    annotations.clear();
    addAnnotation(o.metadata(), o.ref().display());
    o.podTemplate()
        .filter(t -> t.metadata() != o.metadata())
        .ifPresent(t -> addAnnotation(t.metadata(), o.ref().display() + " pod template"));
  }

  private void addAnnotation(Node metadata, String where) {
    Node annotationsNode = YamlNodes.get(metadata, "annotations");
    String value = YamlNodes.text(YamlNodes.get(annotationsNode, IGNORE_ANNOTATION));
    if (value != null) {
      annotations.add(
          new Annotation(
              value,
              where,
              YamlNodes.keyNode(annotationsNode, IGNORE_ANNOTATION),
              YamlNodes.text(YamlNodes.get(annotationsNode, IGNORE_REASON_ANNOTATION))));
    }
  }

  void endObject() {
    for (Annotation a : annotations) {
      if (!a.used) {
        unused.add(
            document.source().displayName()
                + ":"
                + document.line(a.node)
                + ": "
                + a.where
                + ": annotation "
                + IGNORE_ANNOTATION
                + "=\""
                + String.join(",", a.rules)
                + "\" suppresses nothing");
      }
    }
    object = null;
  }

  /**
   * Where a node of the current document is, in the file a user should open: for a rendered chart,
   * the template line that wrote the node's first character, as the source map knows it; with the
   * {@code include} calls that wrote it as related locations.
   */
  Location locate(Node node, int streamLine, int column) {
    if (document.source().chart() != null) {
      return TemplateLocations.locate(
          sourceMap,
          document.source().chart().chartDirectory(),
          document.template(),
          document.source().displayName(),
          streamLine,
          column,
          workingDirectory);
    }
    return new Location(
        document.source().displayName(), streamLine, column, document.template(), null);
  }

  /**
   * Reports a finding unless a comment, an annotation or an exclude entry hides it, in that order.
   * An inline suppression that the policy sets aside still counts as used; the finding is reported
   * and listed as ignored by policy, unless an exclude entry hides it after all.
   */
  void add(Finding found, int streamLine) {
    Finding finding = compact(found);
    SuppressionPolicy policy = suppressions.policy();
    LintResult.SuppressedFinding setAside = null;
    for (IgnoreComment comment : document.ignoreComments()) {
      if (comment.covers(finding.ruleId(), streamLine)) {
        usedComments.add(comment);
        String by = "comment at line " + comment.line() + reasonSuffix(comment.reason());
        String refusal = policy.refuseComment(comment.reason());
        if (refusal == null) {
          suppressed.add(new LintResult.SuppressedFinding(finding, by));
          return;
        }
        setAside = new LintResult.SuppressedFinding(finding, by + ": " + refusal);
        break;
      }
    }
    if (object != null) {
      for (Annotation a : annotations) {
        if (a.covers(finding.ruleId())) {
          a.used = true;
          String by = "annotation on " + a.where + reasonSuffix(a.reason);
          String refusal = policy.refuseAnnotation(a.reason);
          if (refusal == null) {
            suppressed.add(new LintResult.SuppressedFinding(finding, by));
            return;
          }
          if (setAside == null) {
            setAside = new LintResult.SuppressedFinding(finding, by + ": " + refusal);
          }
          break;
        }
      }
    }
    String excluded = suppressions.excludedBy(finding, document.template());
    if (excluded != null) {
      suppressed.add(new LintResult.SuppressedFinding(finding, excluded));
      return;
    }
    if (budget.admit()) {
      findings.add(finding);
    }
    if (setAside != null) {
      ignoredByPolicy.add(setAside);
    }
  }

  /** The same finding holding one shared copy of each text that findings repeat. */
  private Finding compact(Finding f) {
    Location l = f.location();
    Location location =
        new Location(
            budget.line(l.file()),
            l.line(),
            l.column(),
            budget.line(l.template()),
            l.rendered(),
            l.related().isEmpty()
                ? List.of()
                : l.related().stream()
                    .map(
                        r ->
                            new Location.Related(
                                budget.line(r.file()),
                                r.line(),
                                r.column(),
                                Escaping.text(r.message())))
                    .toList(),
            l.values());
    String path = budget.line(f.path());
    String identity =
        java.util.Objects.equals(f.identityPath(), f.path()) ? path : budget.line(f.identityPath());
    return new Finding(
        budget.share(f.ruleId()),
        f.severity(),
        budget.line(f.message()),
        safe(f.resource()),
        path,
        location,
        budget.multiline(f.fix()),
        f.valuesSets(),
        identity,
        f.edit());
  }

  /** The object's names as they may be printed: the same instance when nothing needs escaping. */
  private static ResourceRef safe(ResourceRef ref) {
    if (ref == null) {
      return null;
    }
    String apiVersion = Escaping.text(ref.apiVersion());
    String kind = Escaping.text(ref.kind());
    String namespace = Escaping.text(ref.namespace());
    String name = Escaping.text(ref.name());
    return apiVersion == ref.apiVersion()
            && kind == ref.kind()
            && namespace == ref.namespace()
            && name == ref.name()
        ? ref
        : new ResourceRef(apiVersion, kind, namespace, name);
  }

  /**
   * {@code " (reason)"}, or "" without one. The reason comes from the linted file, so control
   * characters are escaped: a reason must not start an output line or colour a terminal.
   */
  static String reasonSuffix(String reason) {
    if (reason == null || reason.isBlank()) {
      return "";
    }
    String text = reason.strip();
    String shown = text.length() > MAX_REASON ? text.substring(0, MAX_REASON) + "…" : text;
    return " (" + Escaping.text(shown) + ")";
  }

  void crash(Linter.ActiveRule rule, SourceDocument doc, KubeObject o, Throwable e) {
    java.io.StringWriter trace = new java.io.StringWriter();
    e.printStackTrace(new java.io.PrintWriter(trace));
    internalErrors.add(
        "rule "
            + rule.descriptor().id()
            + " failed on "
            + doc.source().displayName()
            + ":"
            + doc.firstLine()
            + (o == null ? "" : " (" + o.ref().display() + ")")
            + ": "
            + e
            + System.lineSeparator()
            + trace);
  }

  Linter.InputOutcome outcome() {
    return new Linter.InputOutcome(
        findings,
        suppressed,
        unused,
        notices,
        internalErrors,
        objects,
        false,
        0,
        ignoredByPolicy,
        List.of());
  }
}
