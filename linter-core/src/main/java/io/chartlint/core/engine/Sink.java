package io.chartlint.core.engine;

import io.chartlint.core.load.IgnoreComment;
import io.chartlint.core.load.SourceDocument;
import io.chartlint.core.load.helm.sourcemap.SourceMap;
import io.chartlint.core.model.KubeObject;
import io.chartlint.core.model.YamlNodes;
import io.chartlint.core.rule.Finding;
import io.chartlint.core.rule.Location;
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

  private final Suppressions suppressions;
  private final Path workingDirectory;
  private SourceMap sourceMap;
  final List<Finding> findings = new ArrayList<>();
  private final List<LintResult.SuppressedFinding> suppressed = new ArrayList<>();
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
    boolean used;

    Annotation(String value, String where, Node node) {
      for (String id : value.split(",")) {
        if (!id.isBlank()) {
          rules.add(id.strip());
        }
      }
      this.where = where;
      this.node = node;
    }
  }

  Sink(Suppressions suppressions, Path workingDirectory) {
    this.suppressions = suppressions;
    this.workingDirectory = workingDirectory;
  }

  /** A sink for one values set of a chart, whose findings the parent merges across sets. */
  Sink child() {
    return new Sink(suppressions, workingDirectory);
  }

  /** Where the lines of the rendered chart this sink receives come from, or null. */
  void useSourceMap(SourceMap map) {
    sourceMap = map;
  }

  /** Takes everything but the findings, which the caller merges. */
  void absorb(Sink child) {
    suppressed.addAll(child.suppressed);
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
          new Annotation(value, where, YamlNodes.keyNode(annotationsNode, IGNORE_ANNOTATION)));
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

  void add(Finding finding, int streamLine) {
    for (IgnoreComment comment : document.ignoreComments()) {
      if (comment.covers(finding.ruleId(), streamLine)) {
        usedComments.add(comment);
        suppressed.add(
            new LintResult.SuppressedFinding(
                finding,
                "comment at line "
                    + comment.line()
                    + (comment.reason().isEmpty() ? "" : " (" + comment.reason() + ")")));
        return;
      }
    }
    if (object != null) {
      for (Annotation a : annotations) {
        if (a.rules.contains("*") || a.rules.contains(finding.ruleId())) {
          a.used = true;
          suppressed.add(new LintResult.SuppressedFinding(finding, "annotation on " + a.where));
          return;
        }
      }
    }
    String excluded = suppressions.excludedBy(finding, document.template());
    if (excluded != null) {
      suppressed.add(new LintResult.SuppressedFinding(finding, excluded));
      return;
    }
    findings.add(finding);
  }

  void crash(Linter.ActiveRule rule, SourceDocument doc, KubeObject o, RuntimeException e) {
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
    return new Linter.InputOutcome(findings, suppressed, unused, notices, internalErrors, objects);
  }
}
