package io.chartlint.rules.tolerations;

import io.chartlint.core.model.LabelSyntax;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The API server's toleration validation, {@code ValidateTolerations} in
 * pkg/apis/core/validation/validation.go (1.35), error for error and message for message.
 */
final class TolerationValidation {
  private static final List<String> EFFECTS =
      List.of("NoSchedule", "PreferNoSchedule", "NoExecute");

  private TolerationValidation() {}

  /**
   * One validation error, rendered as {@code field.Error.Error()} renders it in
   * apimachinery/pkg/util/validation/field/errors.go.
   *
   * @param node where to report it
   */
  record ApiError(Node node, String message, String fix) {}

  /**
   * Every error the API server raises for one toleration, in its order.
   *
   * @param comparisonOperators whether the TaintTolerationComparisonOperators gate is on
   */
  static List<ApiError> errors(WrittenToleration t, boolean comparisonOperators) {
    List<ApiError> errors = new ArrayList<>();
    String path = t.path();
    if (!t.key().isEmpty()) {
      // ValidateLabelName: one error per message of IsQualifiedName.
      for (String message : LabelSyntax.qualifiedNameErrors(t.key())) {
        errors.add(
            new ApiError(
                t.at("key"),
                invalid(path + ".key", t.key(), message),
                "Use a taint key: an optional DNS subdomain prefix and '/', then a name of at most"
                    + " 63 letters, digits, '-', '_' or '.', starting and ending alphanumeric."));
      }
    }
    if (t.key().isEmpty() && !t.operator().equals("Exists")) {
      errors.add(
          new ApiError(
              t.at("operator"),
              invalid(
                  path + ".operator",
                  t.operator(),
                  "operator must be Exists when `key` is empty, which means \"match all values and"
                      + " all keys\""),
              "Name the taint's key, or use `operator: Exists` without a value to tolerate every"
                  + " taint."));
    }
    if (t.secondsSet() && !t.effect().equals("NoExecute")) {
      errors.add(
          new ApiError(
              t.at("effect"),
              invalid(
                  path + ".effect",
                  t.effect(),
                  "effect must be 'NoExecute' when `tolerationSeconds` is set"),
              "Set `effect: NoExecute`, or remove `tolerationSeconds`: it only bounds how long a"
                  + " pod stays after a NoExecute taint appears."));
    }
    switch (t.operator()) {
      case "Equal":
      case "":
        List<String> valueErrors = LabelSyntax.labelValueErrors(t.value());
        if (!valueErrors.isEmpty()) {
          // The path names the operator although the value is wrong (sic, upstream).
          errors.add(
              new ApiError(
                  t.at("value"),
                  invalid(path + ".operator", t.value(), String.join(";", valueErrors)),
                  "Use a taint value: at most 63 letters, digits, '-', '_' or '.', starting and"
                      + " ending alphanumeric, or empty."));
        }
        break;
      case "Exists":
        if (!t.value().isEmpty()) {
          errors.add(
              new ApiError(
                  t.at("value"),
                  invalid(
                      path + ".operator",
                      t.value(),
                      "value must be empty when `operator` is 'Exists'"),
                  "Remove `value`, or use `operator: Equal` to tolerate only that value."));
        }
        break;
      case "Lt":
      case "Gt":
        if (!comparisonOperators) {
          errors.add(
              new ApiError(
                  t.at("operator"),
                  notSupported(
                      path + ".operator", t.operator(), List.of("Equal", "Exists", "Lt", "Gt")),
                  "Lt and Gt need the alpha feature gate TaintTolerationComparisonOperators"
                      + " (Kubernetes 1.35 and later, off by default); use Equal or Exists, or set"
                      + " `comparisonOperators: true` for this rule if your clusters enable it."));
          break;
        }
        if (!LabelSyntax.decimalIntegerErrors(t.value()).isEmpty() || !fitsInt64(t.value())) {
          errors.add(
              new ApiError(
                  t.at("value"),
                  invalid(
                      path + ".value",
                      t.value(),
                      "value must be a valid integer for numeric operators"),
                  "Write the value as a decimal integer in canonical form (no sign '+', no leading"
                      + " zeros) within the 64-bit range."));
        }
        break;
      default:
        errors.add(
            new ApiError(
                t.at("operator"),
                notSupported(path + ".operator", t.operator(), List.of("Equal", "Exists")),
                "Use `Equal` or `Exists`, spelled exactly so: operators are case-sensitive."));
    }
    if (!t.effect().isEmpty() && !EFFECTS.contains(t.effect())) {
      errors.add(
          new ApiError(
              t.at("effect"),
              notSupported(path + ".effect", t.effect(), EFFECTS),
              "Use NoSchedule, PreferNoSchedule or NoExecute, spelled exactly so, or leave the"
                  + " effect out to tolerate every effect."));
    }
    return errors;
  }

  /** Whether the toleration has no validation error other than the comparison operators' gate. */
  static boolean isValidWithComparisonOperators(WrittenToleration t) {
    return errors(t, true).isEmpty();
  }

  /**
   * The tolerations the API server would accept, gate permitting: the other toleration rules judge
   * only these, since an invalid one is reported once, as invalid, and the pod never runs.
   */
  static List<WrittenToleration> accepted(List<WrittenToleration> tolerations) {
    return tolerations.stream()
        .filter(TolerationValidation::isValidWithComparisonOperators)
        .toList();
  }

  private static boolean fitsInt64(String value) {
    try {
      Long.parseLong(value);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Go's encoding/json message for a toleration field of the wrong JSON type. */
  static String typeError(String kind, String field, String goType) {
    return "json: cannot unmarshal "
        + kind
        + " into Go struct field Toleration."
        + field
        + " of type "
        + goType;
  }

  static String invalid(String path, String value, String detail) {
    return path + ": Invalid value: " + goQuote(value) + ": " + detail;
  }

  static String notSupported(String path, String value, List<String> supported) {
    return path
        + ": Unsupported value: "
        + goQuote(value)
        + ": supported values: "
        + supported.stream().map(TolerationValidation::goQuote).collect(Collectors.joining(", "));
  }

  /** Go's {@code strconv.Quote}, which {@code %q} uses for the bad value. */
  static String goQuote(String s) {
    StringBuilder out = new StringBuilder("\"");
    s.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '"':
                  out.append("\\\"");
                  break;
                case '\\':
                  out.append("\\\\");
                  break;
                case '\n':
                  out.append("\\n");
                  break;
                case '\t':
                  out.append("\\t");
                  break;
                case '\r':
                  out.append("\\r");
                  break;
                case 0x07:
                  out.append("\\a");
                  break;
                case '\b':
                  out.append("\\b");
                  break;
                case '\f':
                  out.append("\\f");
                  break;
                case 0x0b:
                  out.append("\\v");
                  break;
                default:
                  if (c < 0x20 || c == 0x7f) {
                    out.append(String.format("\\x%02x", c));
                  } else if (Character.isISOControl(c) || !Character.isDefined(c)) {
                    out.append(
                        c > 0xffff ? String.format("\\U%08x", c) : String.format("\\u%04x", c));
                  } else {
                    out.appendCodePoint(c);
                  }
              }
            });
    return out.append('"').toString();
  }
}
