package io.chartlint.core.rule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** The parameters of one rule from the config: everything under its id but enabled and severity. */
public final class RuleParameters {
  /** No parameters; holds no JSON, so that a run without a config never loads Jackson. */
  public static final RuleParameters NONE = new RuleParameters();

  private final ObjectNode values;

  public RuleParameters(ObjectNode values) {
    this.values = values.deepCopy();
  }

  private RuleParameters() {
    this.values = null;
  }

  /** The names of the parameters set. */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    if (values == null) {
      return names;
    }
    values.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** A parameter as JSON, or null when not set. */
  public JsonNode get(String name) {
    return values == null ? null : values.get(name);
  }

  public boolean bool(String name, boolean defaultValue) {
    JsonNode node = get(name);
    return node != null && node.isBoolean() ? node.booleanValue() : defaultValue;
  }

  /** A list of strings, or null when not set. */
  public List<String> strings(String name) {
    JsonNode node = get(name);
    if (node == null || !node.isArray()) {
      return null;
    }
    List<String> list = new ArrayList<>();
    node.forEach(item -> list.add(item.asText()));
    return list;
  }
}
