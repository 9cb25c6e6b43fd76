package io.chartlint.rules.resources;

import static io.chartlint.core.Severity.ERROR;

import io.chartlint.core.model.KubeObject;
import io.chartlint.core.model.PodTemplate;
import io.chartlint.core.rule.Rule;
import io.chartlint.core.rule.RuleContext;
import io.chartlint.core.rule.RuleInfo;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;

@RuleInfo(
    id = "resource-quantity-invalid",
    summary =
        "A request or limit that the API server rejects: not a quantity, negative, or a"
            + " fractional extended resource",
    severity = ERROR,
    since = "0.1.0",
    category = "resources")
public final class ResourceQuantitiesAreValid implements Rule {
  private static final BigInteger THOUSAND = BigInteger.valueOf(1000);

  @Override
  public void check(KubeObject object, RuleContext context) {
    PodTemplate pod = object.podTemplate().orElse(null);
    if (pod == null) {
      return;
    }
    for (ResourceSite site : ResourceSite.all(pod)) {
      check(site, site.requests(), false, context);
      check(site, site.limits(), true, context);
    }
  }

  private static void check(
      ResourceSite site, List<ResourceEntry> entries, boolean limit, RuleContext context) {
    for (ResourceEntry entry : entries) {
      String detail = problem(entry);
      if (detail == null) {
        continue;
      }
      String shown = entry.valid() ? entry.canonical() : entry.written();
      String message =
          site.what()
              + ": "
              + site.entryPath(entry, limit)
              + ": Invalid value: \""
              + shown
              + "\": "
              + detail
              + (entry.valid() && !shown.equals(entry.written())
                  ? " (written " + entry.written() + ")"
                  : "");
      context.report(entry.node(), message, fix(entry));
    }
  }

  /** Kubernetes' message for the entry, or null when it is accepted. */
  private static String problem(ResourceEntry entry) {
    if (!entry.valid()) {
      return entry.error();
    }
    // ValidateResourceQuantityValue (pkg/apis/core/validation/validation.go).
    if (entry.quantity().isNegative()) {
      return "must be greater than or equal to 0";
    }
    // IsIntegerResourceName covers every extended resource; the check is on MilliValue(), which
    // rounds up to a whole milli-unit.
    if (ResourceNames.isExtended(entry.name())) {
      BigInteger milli =
          entry.value().movePointRight(3).setScale(0, RoundingMode.CEILING).toBigIntegerExact();
      if (milli.remainder(THOUSAND).signum() != 0) {
        return "must be an integer";
      }
    }
    return null;
  }

  private static String fix(ResourceEntry entry) {
    if (!entry.valid()) {
      return "Write a Kubernetes quantity: a number with an optional suffix, decimal (k, M, G, T, P,"
          + " E; m for milli) or binary (Ki, Mi, Gi, Ti, Pi, Ei), such as 500m, 128Mi or 1.5Gi."
          + " Kubernetes has no B, no K and no lower-case g.";
    }
    if (entry.quantity().isNegative()) {
      return "Remove the minus sign; resource quantities cannot be negative.";
    }
    return "Request and limit " + entry.name() + " in whole units, such as 1.";
  }
}
