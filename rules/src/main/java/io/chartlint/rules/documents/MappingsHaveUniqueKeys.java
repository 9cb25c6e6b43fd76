package io.chartlint.rules.documents;

import static io.chartlint.core.Severity.ERROR;

import io.chartlint.core.load.LoadProblem;
import io.chartlint.core.load.SourceDocument;
import io.chartlint.core.rule.Rule;
import io.chartlint.core.rule.RuleContext;
import io.chartlint.core.rule.RuleInfo;

@RuleInfo(
    id = "yaml-duplicate-key",
    summary = "A mapping has the same key twice",
    severity = ERROR,
    since = "0.1.0",
    category = "documents")
public final class MappingsHaveUniqueKeys implements Rule {
  @Override
  public void checkDocument(SourceDocument document, RuleContext context) {
    for (LoadProblem problem : document.problems()) {
      if (problem.kind() == LoadProblem.Kind.DUPLICATE_KEY) {
        context.reportAt(
            problem.line(),
            problem.column(),
            problem.message(),
            "Keep one of the two keys; in a chart, look for a key that a template writes and a"
                + " toYaml of values writes again.");
      }
    }
  }
}
