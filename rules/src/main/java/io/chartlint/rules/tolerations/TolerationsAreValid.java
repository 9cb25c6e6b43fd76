package io.chartlint.rules.tolerations;

import static io.chartlint.core.Severity.ERROR;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartlint.core.model.KubeObject;
import io.chartlint.core.model.PodTemplate;
import io.chartlint.core.model.YamlNodes;
import io.chartlint.core.rule.Edit;
import io.chartlint.core.rule.Rule;
import io.chartlint.core.rule.RuleContext;
import io.chartlint.core.rule.RuleInfo;
import io.chartlint.core.rule.RuleParameters;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

@RuleInfo(
    id = "toleration-invalid",
    summary = "A toleration that the API server rejects",
    severity = ERROR,
    since = "0.1.0",
    category = "tolerations")
public final class TolerationsAreValid implements Rule {
  /** The TaintTolerationComparisonOperators feature gate (alpha, off by default since 1.35). */
  static final String COMPARISON_OPERATORS = "comparisonOperators";

  @Override
  public void check(KubeObject object, RuleContext context) {
    PodTemplate template = object.podTemplate().orElse(null);
    if (template == null) {
      return;
    }
    boolean gate = context.parameters().bool(COMPARISON_OPERATORS, false);
    for (WrittenToleration t : PodTolerations.ofSpec(template)) {
      if (!typesDecode(t, context)) {
        continue; // the whole object is rejected before validation sees this toleration
      }
      report(t, gate, context);
    }
    PodTolerations.Annotation annotation = PodTolerations.ofAnnotation(template);
    if (annotation == null) {
      return;
    }
    if (annotation.error() != null) {
      context.report(
          annotation.node(),
          TolerationValidation.invalid(
              annotation.path(), PodTemplate.TOLERATIONS_ANNOTATION, annotation.error()),
          "Write the annotation as a JSON list of tolerations, or better, move them to the pod"
              + " spec's `tolerations` field.");
      return;
    }
    for (WrittenToleration t : annotation.tolerations()) {
      report(t, gate, context);
    }
  }

  /**
   * Whether the written fields have the JSON types the API server decodes them into: strings for
   * key, operator, value and effect, an integer for tolerationSeconds. A plain {@code value: true}
   * or {@code value: 1} is a YAML bool or number, which Helm and kubectl send as such.
   */
  private static boolean typesDecode(WrittenToleration t, RuleContext context) {
    boolean ok = true;
    for (String name : List.of("key", "operator", "value", "effect")) {
      Node field = t.fields().apply(name);
      String type = YamlNodes.nonStringJsonType(field);
      if (type != null) {
        ok = false;
        context.report(
            field,
            t.path() + "." + name + ": " + TolerationValidation.typeError(type, name, "string"),
            "Quote it: "
                + name
                + ": \""
                + YamlNodes.text(field)
                + "\". Unquoted, YAML reads it"
                + " as a "
                + type
                + ", and the API server rejects the whole object.",
            Edit.quote(field, YamlNodes.text(field)));
      }
    }
    Node seconds = t.fields().apply("tolerationSeconds");
    if (seconds instanceof ScalarNode scalar
        && !YamlNodes.isNull(seconds)
        && !scalar.getTag().equals(Tag.INT)
        && !isWholeFloat(scalar)) {
      ok = false;
      String type =
          scalar.getTag().equals(Tag.FLOAT)
              ? "number"
              : scalar.getTag().equals(Tag.BOOL) ? "bool" : "string";
      context.report(
          seconds,
          t.path()
              + ".tolerationSeconds: "
              + TolerationValidation.typeError(type, "tolerationSeconds", "int64"),
          "Write a whole number of seconds without quotes, such as tolerationSeconds: 300.");
    }
    return ok;
  }

  /**
   * {@code 300.0} or {@code 3e2}: YAML floats that the YAML-to-JSON conversion writes as {@code
   * 300}, which decodes into an int64.
   */
  private static boolean isWholeFloat(ScalarNode scalar) {
    if (!scalar.getTag().equals(Tag.FLOAT)) {
      return false;
    }
    try {
      double d = Double.parseDouble(scalar.getValue().replace("_", ""));
      return Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 0x1p53;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static void report(WrittenToleration t, boolean gate, RuleContext context) {
    for (TolerationValidation.ApiError error : TolerationValidation.errors(t, gate)) {
      context.report(error.node(), error.message(), error.fix());
    }
  }

  @Override
  public List<String> parameterErrors(RuleParameters parameters) {
    List<String> errors = new ArrayList<>();
    for (String name : parameters.names()) {
      if (!name.equals(COMPARISON_OPERATORS)) {
        errors.add("has no parameter '" + name + "' (it takes '" + COMPARISON_OPERATORS + "')");
      }
    }
    JsonNode gate = parameters.get(COMPARISON_OPERATORS);
    if (gate != null && !gate.isBoolean()) {
      errors.add(
          "parameter '"
              + COMPARISON_OPERATORS
              + "' must be true or false (whether the TaintTolerationComparisonOperators feature"
              + " gate is on), not "
              + gate);
    }
    return errors;
  }
}
