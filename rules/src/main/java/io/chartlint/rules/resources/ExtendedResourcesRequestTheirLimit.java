package io.chartlint.rules.resources;

import static io.chartlint.core.Severity.ERROR;

import io.chartlint.core.model.KubeObject;
import io.chartlint.core.model.PodTemplate;
import io.chartlint.core.rule.Rule;
import io.chartlint.core.rule.RuleContext;
import io.chartlint.core.rule.RuleInfo;

@RuleInfo(
    id = "extended-resource-mismatch",
    summary = "An extended resource or huge page request without a limit, or unequal to it",
    severity = ERROR,
    since = "0.1.0",
    category = "resources")
public final class ExtendedResourcesRequestTheirLimit implements Rule {
  @Override
  public void check(KubeObject object, RuleContext context) {
    PodTemplate pod = object.podTemplate().orElse(null);
    if (pod == null) {
      return;
    }
    for (ResourceSite site : ResourceSite.withRequirements(pod)) {
      for (ResourceEntry request : site.requests()) {
        // helper.IsOvercommitAllowed (pkg/apis/core/helper/helpers.go): extended resources and
        // huge pages cannot be overcommitted, so validateResourceRequirements demands a limit
        // equal to the request.
        if (ResourceNames.overcommitAllowed(request.name()) || !request.valid()) {
          continue;
        }
        ResourceEntry limit = site.limit(request.name());
        String fix =
            "Set limits."
                + request.name()
                + " to the same value as the request, or set only the limit: the API server"
                + " copies it into the request.";
        if (limit == null) {
          context.report(
              request.node(),
              site.what()
                  + ": "
                  + site.entryPath(request, true)
                  + ": Required value: Limit must be set for non overcommitable resources",
              fix);
        } else if (limit.valid() && request.quantity().compareTo(limit.quantity()) != 0) {
          context.report(
              request.node(),
              site.what()
                  + ": "
                  + site.listPath(false)
                  + ": Invalid value: \""
                  + request.canonical()
                  + "\": must be equal to "
                  + request.name()
                  + " limit of "
                  + limit.canonical(),
              fix);
        }
      }
    }
  }
}
