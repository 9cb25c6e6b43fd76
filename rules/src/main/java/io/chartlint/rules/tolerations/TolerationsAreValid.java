package io.chartlint.rules.tolerations;

import static io.chartlint.core.Severity.ERROR;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartlint.core.model.KubeObject;
import io.chartlint.core.model.PodTemplate;
import io.chartlint.core.rule.Rule;
import io.chartlint.core.rule.RuleContext;
import io.chartlint.core.rule.RuleInfo;
import io.chartlint.core.rule.RuleParameters;
import java.util.ArrayList;
import java.util.List;

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
