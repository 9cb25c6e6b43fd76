package io.chartlint.rules.resources;

import static io.chartlint.core.Severity.ERROR;

import io.chartlint.core.model.KubeObject;
import io.chartlint.core.model.PodTemplate;
import io.chartlint.core.rule.Rule;
import io.chartlint.core.rule.RuleContext;
import io.chartlint.core.rule.RuleInfo;

@RuleInfo(
    id = "request-exceeds-limit",
    summary = "A request is greater than the limit of the same resource",
    severity = ERROR,
    since = "0.1.0",
    category = "resources")
public final class RequestsDoNotExceedLimits implements Rule {
  @Override
  public void check(KubeObject object, RuleContext context) {
    PodTemplate pod = object.podTemplate().orElse(null);
    if (pod == null) {
      return;
    }
    for (ResourceSite site : ResourceSite.withRequirements(pod)) {
      for (ResourceEntry request : site.requests()) {
        ResourceEntry limit = site.limit(request.name());
        // Non-overcommitable resources must match their limit exactly; extended-resource-mismatch
        // reports those.
        if (limit == null
            || !request.valid()
            || !limit.valid()
            || !ResourceNames.overcommitAllowed(request.name())) {
          continue;
        }
        // validateResourceRequirements (pkg/apis/core/validation/validation.go) compares with
        // Quantity.Cmp, exactly: 1024Mi equals 1Gi.
        if (request.quantity().compareTo(limit.quantity()) > 0) {
          context.report(
              request.node(),
              site.what()
                  + ": "
                  + site.listPath(false)
                  + ": Invalid value: \""
                  + request.canonical()
                  + "\": must be less than or equal to "
                  + request.name()
                  + " limit of "
                  + limit.canonical(),
              "Lower requests."
                  + request.name()
                  + " to at most "
                  + limit.written()
                  + ", or raise the limit; a pod can never use more than its limit.");
        }
      }
    }
  }
}
