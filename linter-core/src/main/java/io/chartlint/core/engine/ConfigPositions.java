package io.chartlint.core.engine;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.io.StringReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Where a schema error is in a YAML file (a config, a policy): the line of the offending key (an
 * unknown property, an enum value) as SnakeYAML's marks give it. Jackson's node locations are where
 * the parser stood when a node was finished, which for a mapping value is the line after it.
 */
public final class ConfigPositions {
  private final Node root;

  public ConfigPositions(String text) {
    Node parsed;
    try {
      parsed = new Yaml(new LoaderOptions()).compose(new StringReader(text));
    } catch (RuntimeException e) {
      parsed = null; // Jackson read it; positions fall back to its own
    }
    root = parsed;
  }

  /** The 1-based line of an error's property or instance, or 0 when it cannot be found. */
  public int lineOf(Error error) {
    Node node = root;
    NodePath path = error.getInstanceLocation();
    for (int i = 0; path != null && i < path.getNameCount() && node != null; i++) {
      node = child(node, path.getElement(i));
    }
    if (node == null) {
      return 0;
    }
    String property = error.getProperty();
    if (property != null && node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(property)) {
          return key.getStartMark().getLine() + 1;
        }
      }
    }
    return node.getStartMark().getLine() + 1;
  }

  /**
   * An error's message, preceded by the property it is about unless the message names it already:
   * an enum error says only "does not have a value in the enumeration".
   */
  public static String describe(Error error) {
    String where = describe(error.getInstanceLocation());
    boolean named = error.getProperty() != null && error.getMessage().contains(error.getProperty());
    return (where.isEmpty() || named ? "" : where + ": ") + error.getMessage();
  }

  /** The instance's path as a user writes it: {@code rules.cpu-request-missing.severity}. */
  static String describe(NodePath path) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; path != null && i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      if (element instanceof Integer index) {
        s.append('[').append(index).append(']');
      } else {
        if (s.length() > 0) {
          s.append('.');
        }
        s.append(element);
      }
    }
    return s.toString();
  }

  private static Node child(Node node, Object element) {
    if (element instanceof Integer index && node instanceof SequenceNode sequence) {
      return index < sequence.getValue().size() ? sequence.getValue().get(index) : null;
    }
    if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode key
            && key.getValue().equals(String.valueOf(element))) {
          return tuple.getValueNode();
        }
      }
    }
    return null;
  }
}
