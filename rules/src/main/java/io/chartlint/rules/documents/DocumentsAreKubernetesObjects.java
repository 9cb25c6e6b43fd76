package io.chartlint.rules.documents;

import static io.chartlint.core.Severity.ERROR;

import io.chartlint.core.load.SourceDocument;
import io.chartlint.core.model.Manifests;
import io.chartlint.core.model.PodTemplatePaths;
import io.chartlint.core.rule.Rule;
import io.chartlint.core.rule.RuleContext;
import io.chartlint.core.rule.RuleInfo;

@RuleInfo(
    id = "manifest-invalid",
    summary = "A document is not a mapping, or lacks apiVersion, kind or metadata.name",
    severity = ERROR,
    since = "0.1.0",
    category = "documents")
public final class DocumentsAreKubernetesObjects implements Rule {
  @Override
  public void checkDocument(SourceDocument document, RuleContext context) {
    if (document.root() == null) {
      return;
    }
    for (Manifests.ManifestProblem problem :
        Manifests.extract(document, PodTemplatePaths.builtIn()).problems()) {
      context.report(
          problem.node(),
          problem.message(),
          "Give every document apiVersion, kind and metadata.name; delete documents that are not"
              + " Kubernetes objects, or keep them out of the linted paths.");
    }
  }
}
