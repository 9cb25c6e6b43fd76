package io.chartlint.rules.documents;

import static io.chartlint.core.Severity.ERROR;

import io.chartlint.core.load.LoadProblem;
import io.chartlint.core.load.SourceDocument;
import io.chartlint.core.rule.Rule;
import io.chartlint.core.rule.RuleContext;
import io.chartlint.core.rule.RuleInfo;

@RuleInfo(
    id = "yaml-syntax",
    summary = "A document cannot be parsed, or exceeds a safety limit",
    severity = ERROR,
    since = "0.1.0",
    category = "documents")
public final class DocumentsAreValidYaml implements Rule {
  @Override
  public void checkDocument(SourceDocument document, RuleContext context) {
    for (LoadProblem problem : document.problems()) {
      if (problem.kind() == LoadProblem.Kind.SYNTAX) {
        context.reportAt(
            problem.line(),
            problem.column(),
            problem.message(),
            "Fix the YAML at this line; run the file through a YAML parser to see the structure it"
                + " reads. The other documents of the file are still linted.");
      } else if (problem.kind() == LoadProblem.Kind.LIMIT) {
        context.reportAt(
            problem.line(),
            problem.column(),
            problem.message(),
            "A Kubernetes manifest never needs this: check that the file is what you meant to"
                + " lint. The document was skipped; the others were linted.");
      }
    }
  }
}
