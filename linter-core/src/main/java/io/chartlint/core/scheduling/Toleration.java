package io.chartlint.core.scheduling;

import java.util.regex.Pattern;

/**
 * A pod toleration, with the operator and effect kept exactly as written ({@code ""} when absent)
 * because an absent operator and {@code Equal} tolerate the same taints but are different
 * tolerations to the DaemonSet controller.
 *
 * @param key the taint key it tolerates, {@code ""} for every key
 * @param operator {@code Equal}, {@code Exists}, {@code Lt}, {@code Gt}, or {@code ""} (= Equal)
 * @param value the value compared with the taint's
 * @param effect the taint effect it tolerates, {@code ""} for every effect
 * @param tolerationSeconds how long a NoExecute taint is tolerated, {@code null} for ever
 */
public record Toleration(
    String key, String operator, String value, String effect, Long tolerationSeconds) {
  public static final String EQUAL = "Equal";
  public static final String EXISTS = "Exists";
  public static final String LT = "Lt";
  public static final String GT = "Gt";

  // apimachinery/pkg/api/validate/content: IsDecimalInteger accepts only the canonical form.
  private static final Pattern DECIMAL_INTEGER = Pattern.compile("0|-?[1-9][0-9]*");

  public Toleration {
    key = key == null ? "" : key;
    operator = operator == null ? "" : operator;
    value = value == null ? "" : value;
    effect = effect == null ? "" : effect;
  }

  /** A toleration without {@code tolerationSeconds}. */
  public static Toleration of(String key, String operator, String value, String effect) {
    return new Toleration(key, operator, value, effect, null);
  }

  /**
   * Whether this toleration tolerates the taint, as {@code Toleration.ToleratesTaint} decides.
   *
   * @param comparisonOperators whether the {@code TaintTolerationComparisonOperators} feature gate
   *     is on; without it {@code Lt} and {@code Gt} tolerate nothing
   */
  public boolean toleratesTaint(Taint taint, boolean comparisonOperators) {
    // k8s.io/api core/v1/toleration.go: ToleratesTaint
    if (!effect.isEmpty() && !effect.equals(taint.effect())) {
      return false;
    }
    if (!key.isEmpty() && !key.equals(taint.key())) {
      return false;
    }
    switch (operator) {
      case "", EQUAL:
        return value.equals(taint.value());
      case EXISTS:
        return true;
      case LT, GT:
        return comparisonOperators && compareNumericValues(taint.value());
      default:
        return false;
    }
  }

  /** {@link #toleratesTaint(Taint, boolean)} with the comparison operators off, their default. */
  public boolean toleratesTaint(Taint taint) {
    return toleratesTaint(taint, false);
  }

  /**
   * Whether both tolerations have the same key, effect, operator and value: {@code
   * MatchToleration}, the identity the DaemonSet controller uses to replace a toleration. It is not
   * a matching rule: {@code tolerationSeconds} is ignored and {@code ""} differs from {@code
   * Equal}.
   */
  public boolean matchToleration(Toleration other) {
    // k8s.io/api core/v1/toleration.go: MatchToleration
    return key.equals(other.key)
        && effect.equals(other.effect)
        && operator.equals(other.operator)
        && value.equals(other.value);
  }

  private boolean compareNumericValues(String taintValue) {
    // k8s.io/api core/v1/toleration.go: compareNumericValues; the taint value is the left operand.
    Long tolerationNumber = decimalInteger(value);
    Long taintNumber = decimalInteger(taintValue);
    if (tolerationNumber == null || taintNumber == null) {
      return false;
    }
    return LT.equals(operator) ? taintNumber < tolerationNumber : taintNumber > tolerationNumber;
  }

  private static Long decimalInteger(String text) {
    if (!DECIMAL_INTEGER.matcher(text).matches()) {
      return null;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException outOfRange) {
      return null;
    }
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("{");
    append(text, "key", key);
    append(text, "operator", operator);
    append(text, "value", value);
    append(text, "effect", effect);
    if (tolerationSeconds != null) {
      append(text, "tolerationSeconds", String.valueOf(tolerationSeconds));
    }
    return text.append('}').toString();
  }

  private static void append(StringBuilder text, String name, String fieldValue) {
    if (fieldValue.isEmpty()) {
      return;
    }
    if (text.length() > 1) {
      text.append(", ");
    }
    text.append(name).append(": ").append(fieldValue);
  }
}
