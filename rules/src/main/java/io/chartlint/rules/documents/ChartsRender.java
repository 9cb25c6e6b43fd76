package io.chartlint.rules.documents;

import static io.chartlint.core.Severity.ERROR;

import io.chartlint.core.load.LoadProblem;
import io.chartlint.core.load.SourceDocument;
import io.chartlint.core.rule.Rule;
import io.chartlint.core.rule.RuleContext;
import io.chartlint.core.rule.RuleInfo;

@RuleInfo(
    id = "chart-render-error",
    summary = "Helm could not render the chart",
    severity = ERROR,
    since = "0.1.0",
    category = "documents")
public final class ChartsRender implements Rule {
  @Override
  public void checkDocument(SourceDocument document, RuleContext context) {
    for (LoadProblem problem : document.problems()) {
      if (problem.kind() == LoadProblem.Kind.RENDER) {
        context.reportAt(
            problem.line(),
            problem.column(),
            problem.message(),
            "Fix the template at this line, or give the values it requires (-f, --set); run"
                + " `helm template` on the chart to see Helm's full message.");
      }
    }
  }
}
