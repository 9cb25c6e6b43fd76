package io.chartlint.core.rule;

import io.chartlint.core.Severity;
import io.chartlint.core.model.KubeObject;
import io.chartlint.core.scheduling.NodeInventory;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** What a rule sees of the run while it checks one document or object, and where it reports. */
public interface RuleContext {

  /** The parameters the config gives this rule (empty when none). */
  RuleParameters parameters();

  /**
   * Reports a finding at a node of the object or document being checked: file, line, column and
   * path come from the node.
   *
   * @param node the offending field; its line is the finding's line
   * @param message what is wrong, naming the container, toleration index or term concerned
   * @param fix how to fix it, one or two sentences or a YAML snippet
   */
  void report(Node node, String message, String fix);

  /**
   * Reports a finding with the edit that fixes it exactly, for {@code chartlint fix}.
   *
   * @param edit a change to the object being checked whose outcome is certain; its target must be a
   *     node of that object
   */
  default void report(Node node, String message, String fix, Edit.Draft edit) {
    report(node, message, fix);
  }

  /**
   * Reports a finding at a line and column of the current document, for problems without a node.
   */
  void reportAt(int line, int column, String message, String fix);

  /**
   * Reports a finding at a severity of the rule's choosing rather than the configured one, for a
   * rule whose parameters single out objects that matter more ({@code daemonset-coverage}'s {@code
   * mustCover}). Contexts that cannot do this report at the configured severity.
   */
  default void report(Node node, String message, String fix, Severity severity) {
    report(node, message, fix);
  }

  /**
   * The cluster's nodes from the config's {@code nodes:} files, as the scheduling model sees them,
   * read once per run; empty when no inventory was given.
   */
  default NodeInventory inventory() {
    return NodeInventory.EMPTY;
  }

  /**
   * Every object of the input being linted, in order: a manifest file, standard input, or one
   * rendering of a chart (one values set). For rules that relate objects, such as a
   * PodDisruptionBudget and the controller it selects.
   */
  default List<KubeObject> inputObjects() {
    return List.of();
  }
}
