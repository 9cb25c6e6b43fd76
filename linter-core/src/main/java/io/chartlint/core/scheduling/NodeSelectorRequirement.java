package io.chartlint.core.scheduling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One requirement of a node selector term, with the operator kept as written.
 *
 * @param key a label key, or a field name in {@code matchFields}
 * @param operator {@code In}, {@code NotIn}, {@code Exists}, {@code DoesNotExist}, {@code Gt} or
 *     {@code Lt}
 * @param values the values, in the order written
 */
public record NodeSelectorRequirement(String key, String operator, List<String> values) {
  public static final String IN = "In";
  public static final String NOT_IN = "NotIn";
  public static final String EXISTS = "Exists";
  public static final String DOES_NOT_EXIST = "DoesNotExist";
  public static final String GT = "Gt";
  public static final String LT = "Lt";

  /** The only field {@code matchFields} can select on. */
  public static final String NODE_NAME_FIELD = "metadata.name";

  private static final Pattern WRITTEN =
      Pattern.compile("\\s*(\\S+)\\s+(\\S+)\\s*(?:\\[([^\\]]*)\\])?\\s*");
  private static final Pattern ASCII_INTEGER = Pattern.compile("[+-]?[0-9]+");

  public NodeSelectorRequirement {
    key = key == null ? "" : key;
    operator = operator == null ? "" : operator;
    values = values == null ? List.of() : List.copyOf(values);
  }

  public static NodeSelectorRequirement of(String key, String operator, String... values) {
    return new NodeSelectorRequirement(key, operator, List.of(values));
  }

  /**
   * Reads the short form {@code "<key> <Operator> [v1, v2]"} (brackets omitted for {@code Exists}
   * and {@code DoesNotExist}), the inverse of {@link #toString()}.
   *
   * @throws IllegalArgumentException when the text does not have that shape
   */
  public static NodeSelectorRequirement parse(String text) {
    Matcher matcher = WRITTEN.matcher(text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "expected \"<key> <Operator> [values]\", got \"" + text + "\"");
    }
    List<String> values = new ArrayList<>();
    String list = matcher.group(3);
    if (list != null && !list.isBlank()) {
      for (String value : list.split(",", -1)) {
        values.add(value.strip());
      }
    }
    return new NodeSelectorRequirement(matcher.group(1), matcher.group(2), values);
  }

  /**
   * Why {@code labels.NewRequirement} would refuse this requirement as a {@code matchExpressions}
   * entry; empty when it parses. A term holding a refused requirement never matches.
   */
  public List<String> labelParseErrors() {
    // component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity.go:
    // nodeSelectorRequirementsAsSelector
    // apimachinery/pkg/labels/selector.go: NewRequirement
    List<String> errors = new ArrayList<>();
    switch (operator) {
      case IN, NOT_IN, EXISTS, DOES_NOT_EXIST, GT, LT:
        break;
      default:
        errors.add("operator: Unsupported value: \"" + operator + "\"");
        return errors;
    }
    if (!Labels.isValidKey(key)) {
      errors.add("key: Invalid value: \"" + key + "\": not a valid label key");
    }
    switch (operator) {
      case IN, NOT_IN:
        if (values.isEmpty()) {
          errors.add("values: for 'in', 'notin' operators, values set can't be empty");
        }
        break;
      case EXISTS, DOES_NOT_EXIST:
        if (!values.isEmpty()) {
          errors.add("values: values set must be empty for exists and does not exist");
        }
        break;
      default:
        if (values.size() != 1) {
          errors.add("values: for 'Gt', 'Lt' operators, exactly one value is required");
        }
        for (String value : values) {
          if (parseInt64(value).isEmpty()) {
            errors.add(
                "values: \""
                    + value
                    + "\": for 'Gt', 'Lt' operators, the value must be an integer");
          }
        }
    }
    for (String value : values) {
      if (!Labels.isValidValue(value)) {
        errors.add("values: \"" + value + "\": not a valid label value");
      }
    }
    return errors;
  }

  /**
   * Why this requirement cannot be a {@code matchFields} entry; empty when it can. Only {@code In}
   * and {@code NotIn} with exactly one value parse.
   */
  public List<String> fieldParseErrors() {
    // component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity.go:
    // nodeSelectorRequirementsAsFieldSelector
    switch (operator) {
      case IN, NOT_IN:
        return values.size() == 1 ? List.of() : List.of("values: must have one element");
      default:
        return List.of("operator: Unsupported value: \"" + operator + "\"");
    }
  }

  /**
   * Whether a node with these labels satisfies the requirement, as {@code Requirement.Matches}
   * decides. Only meaningful when {@link #labelParseErrors()} is empty.
   */
  public boolean matchesLabels(Map<String, String> labels) {
    // apimachinery/pkg/labels/selector.go: Requirement.Matches
    String label = labels.get(key);
    boolean present = labels.containsKey(key);
    switch (operator) {
      case IN:
        return present && values.contains(label);
      case NOT_IN:
        return !present || !values.contains(label);
      case EXISTS:
        return present;
      case DOES_NOT_EXIST:
        return !present;
      case GT, LT:
        if (!present || values.size() != 1) {
          return false;
        }
        Optional<Long> nodeValue = parseInt64(label);
        Optional<Long> bound = parseInt64(values.get(0));
        if (nodeValue.isEmpty() || bound.isEmpty()) {
          return false;
        }
        return GT.equals(operator) ? nodeValue.get() > bound.get() : nodeValue.get() < bound.get();
      default:
        return false;
    }
  }

  /**
   * Whether the node's fields satisfy this {@code matchFields} requirement. Only {@code
   * metadata.name} exists; any other field reads as {@code ""}, as {@code fields.Set.Get} does.
   */
  public boolean matchesFields(Map<String, String> fields) {
    // apimachinery/pkg/fields/selector.go: hasTerm / notHasTerm compare fields.Set.Get(key)
    String field = fields.getOrDefault(key, "");
    boolean equal = !values.isEmpty() && field.equals(values.get(0));
    return IN.equals(operator) ? equal : !equal;
  }

  /** Go's {@code strconv.ParseInt(s, 10, 64)}: ASCII digits with an optional sign, in range. */
  static Optional<Long> parseInt64(String text) {
    if (text == null || !ASCII_INTEGER.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(text));
    } catch (NumberFormatException outOfRange) {
      return Optional.empty();
    }
  }

  /** The short form {@code "<key> <Operator> [v1, v2]"}, read back by {@link #parse(String)}. */
  @Override
  public String toString() {
    return values.isEmpty()
        ? key + " " + operator
        : key + " " + operator + " [" + String.join(", ", values) + "]";
  }
}
