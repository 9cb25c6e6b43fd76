package io.chartlint.rules.resources;

import static io.chartlint.core.Severity.ERROR;

import io.chartlint.core.model.KubeObject;
import io.chartlint.core.rule.Rule;
import io.chartlint.core.rule.RuleContext;
import io.chartlint.core.rule.RuleInfo;

@RuleInfo(
    id = "memory-request-missing",
    summary = "A container or init container has no memory request, or requests 0",
    severity = ERROR,
    since = "0.1.0",
    category = "resources")
public final class ContainersRequestMemory implements Rule {
  @Override
  public void check(KubeObject object, RuleContext context) {
    MissingRequests.check(object, context, "memory", "128Mi");
  }
}
