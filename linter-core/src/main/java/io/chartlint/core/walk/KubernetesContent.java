package io.chartlint.core.walk;

import io.chartlint.core.load.RawDocument;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Tells documents that mean to be Kubernetes objects from the other YAML and JSON a repository
 * holds (docker-compose files, package.json, workflows, Spring's application.yml). Every object the
 * API server accepts has {@code apiVersion} and {@code kind} at its top level ({@code
 * k8s.io/apimachinery/pkg/runtime/schema/interfaces.go}, read by the universal decoder before
 * anything else); a document with neither is not one, and a document with one of the two is a
 * broken one, which chartlint reports.
 */
public final class KubernetesContent {
  private KubernetesContent() {}

  /**
   * A top-level {@code apiVersion} or {@code kind} key in text that could not be parsed, in YAML
   * block style or as a JSON member: a broken manifest is still reported as one.
   */
  private static final Pattern KEY_IN_TEXT =
      Pattern.compile(
          "(?m)^(?:[ \\t]*[{,]?[ \\t]*[\"'](?:apiVersion|kind)[\"']|(?:apiVersion|kind))[ \\t]*:");

  /**
   * Whether a document may be a Kubernetes object and so is linted.
   *
   * @param raw the document's text as cut from its stream
   * @param root its parsed tree, or null when it could not be parsed or exceeded a limit
   */
  public static boolean mayBeObject(RawDocument raw, Node root) {
    if (root != null) {
      if (!(root instanceof MappingNode mapping)) {
        return false;
      }
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode key
            && (key.getValue().equals("apiVersion") || key.getValue().equals("kind"))) {
          return true;
        }
      }
      return false;
    }
    if (raw.text() == null) {
      // too large or not UTF-8: nothing tells what it is, so it is reported rather than dropped
      return true;
    }
    return KEY_IN_TEXT.matcher(raw.text()).find();
  }
}
