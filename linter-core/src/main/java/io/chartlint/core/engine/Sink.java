package io.chartlint.core.engine;

import io.chartlint.core.load.IgnoreComment;
import io.chartlint.core.load.SourceDocument;
import io.chartlint.core.load.helm.TemplateLocator;
import io.chartlint.core.model.KubeObject;
import io.chartlint.core.model.ResourceRef;
import io.chartlint.core.model.YamlNodes;
import io.chartlint.core.rule.Finding;
import io.chartlint.core.rule.Location;
import io.chartlint.core.text.Escaping;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
  private final TemplateLocator locator;
  private final FindingBudget budget;
  final List<Finding> findings = new ArrayList<>();
  private final List<LintResult.SuppressedFinding> suppressed = new ArrayList<>();
  private final List<String> unused = new ArrayList<>();
  private final List<String> notices = new ArrayList<>();
  private final List<String> internalErrors = new ArrayList<>();
  private int objects;

  private SourceDocument document;

  /** How many documents of each template and kind this render produced before the current one. */
  private final Map<String, Integer> kindsSeen = new HashMap<>();

  private String documentKind;
  private int documentOrdinal;
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

  Sink(
      Suppressions suppressions,
      Path workingDirectory,
      TemplateLocator locator,
      FindingBudget budget) {
    this.suppressions = suppressions;
    this.workingDirectory = workingDirectory;
    this.locator = locator;
    this.budget = budget;
  }

  /** A sink for one values set of a chart, whose findings the parent merges across sets. */
  Sink child() {
    return new Sink(suppressions, workingDirectory, locator, budget);
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
    suppressions.sawDocument(doc.template(), doc.source().displayName());
    usedComments.clear();
    documentKind = YamlNodes.text(YamlNodes.get(doc.root(), "kind"));
    documentOrdinal =
        doc.source().chart() == null || doc.template() == null || documentKind == null
            ? 0
            : kindsSeen.merge(doc.template() + "\u0000" + documentKind, 1, Integer::sum) - 1;
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

  /** Where a node of the current document is, in the file a user should open. */
  Location locate(Node node, int streamLine, int column) {
    if (document.source().chart() != null) {
      Path template =
          TemplateLocator.templateFile(
              document.source().chart().chartDirectory(), document.template());
      if (template != null) {
        String kind = object != null ? object.kind() : documentKind;
        int line =
            locator.lineOf(
                template,
                kind,
                kind != null && kind.equals(documentKind) ? documentOrdinal : 0,
                node == null || document.root() == null
                    ? List.of()
                    : YamlNodes.segmentsOf(document.root(), node));
        return new Location(
            Inputs.display(template, workingDirectory),
            Math.max(1, line),
            0,
            document.template(),
            streamLine);
      }
      return new Location(
          document.source().displayName(), streamLine, column, document.template(), streamLine);
    }
    return new Location(
        document.source().displayName(), streamLine, column, document.template(), null);
  }

  void add(Finding found, int streamLine) {
    Finding finding = compact(found);
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
    if (budget.admit()) {
      findings.add(finding);
    }
  }

  /** The same finding holding one shared copy of each text that findings repeat. */
  private Finding compact(Finding f) {
    Location l = f.location();
    Location location =
        new Location(
            budget.share(Escaping.text(l.file())),
            l.line(),
            l.column(),
            budget.share(Escaping.text(l.template())),
            l.rendered());
    String path = budget.share(Escaping.text(f.path()));
    String identity =
        java.util.Objects.equals(f.identityPath(), f.path())
            ? path
            : budget.share(Escaping.text(f.identityPath()));
    return new Finding(
        budget.share(f.ruleId()),
        f.severity(),
        budget.share(Escaping.text(f.message())),
        safe(f.resource()),
        path,
        location,
        budget.share(Escaping.multiline(f.fix())),
        f.valuesSets(),
        identity);
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
        findings, suppressed, unused, notices, internalErrors, objects, false, 0);
  }
}
