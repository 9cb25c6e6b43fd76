package io.chartlint.core.engine;

import io.chartlint.core.Severity;
import io.chartlint.core.load.SourceDocument;
import io.chartlint.core.model.KubeObject;
import io.chartlint.core.model.YamlNodes;
import io.chartlint.core.rule.Edit;
import io.chartlint.core.rule.Finding;
import io.chartlint.core.rule.Location;
import io.chartlint.core.rule.RuleContext;
import io.chartlint.core.rule.RuleParameters;
import io.chartlint.core.scheduling.NodeInventory;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** The context of one rule on one document or object. */
final class RunContext implements RuleContext {
  private final Linter.ActiveRule rule;
  private final SourceDocument document;
  private final KubeObject object;
  private final Sink sink;
  private final NodeInventory inventory;
  private final List<KubeObject> inputObjects;

  RunContext(
      Linter.ActiveRule rule,
      SourceDocument document,
      KubeObject object,
      Sink sink,
      NodeInventory inventory,
      List<KubeObject> inputObjects) {
    this.rule = rule;
    this.document = document;
    this.object = object;
    this.sink = sink;
    this.inventory = inventory;
    this.inputObjects = inputObjects;
  }

  @Override
  public RuleParameters parameters() {
    return rule.parameters();
  }

  @Override
  public void report(Node node, String message, String fix) {
    report(node, message, fix, rule.severity());
  }

  @Override
  public void report(Node node, String message, String fix, Severity severity) {
    reportNode(node, message, fix, severity, null);
  }

  @Override
  public void report(Node node, String message, String fix, Edit.Draft draft) {
    Edit edit = null;
    if (draft != null && object != null) {
      List<String> target = YamlNodes.segmentsOf(object.root(), draft.target());
      edit = target == null ? null : new Edit(draft.kind(), target, draft.value());
    }
    reportNode(node, message, fix, rule.severity(), edit);
  }

  private void reportNode(Node node, String message, String fix, Severity severity, Edit edit) {
    int line = document.line(node);
    int column = document.column(node);
    KubeObject.FieldPath at =
        object == null ? new KubeObject.FieldPath("", "") : object.fieldPathOf(node);
    emit(
        sink.locate(node, line, column),
        at.path(),
        at.identity(),
        message,
        fix,
        line,
        severity,
        edit);
  }

  @Override
  public void reportAt(int line, int column, String message, String fix) {
    Location location =
        document.root() == null && document.source().chart() == null
            ? new Location(document.source().displayName(), line, column, document.template(), null)
            : sink.locate(null, line, column);
    emit(location, "", "", message, fix, line, rule.severity(), null);
  }

  private void emit(
      Location location,
      String path,
      String identityPath,
      String message,
      String fix,
      int streamLine,
      Severity severity,
      Edit edit) {
    Finding finding =
        new Finding(
            rule.descriptor().id(),
            severity,
            message,
            object == null ? null : object.ref(),
            path,
            location,
            fix,
            List.of(),
            identityPath,
            edit);
    sink.add(finding, streamLine);
  }

  @Override
  public NodeInventory inventory() {
    return inventory;
  }

  @Override
  public List<KubeObject> inputObjects() {
    return inputObjects;
  }
}
