package io.chartlint.rules.resources;

import static io.chartlint.core.Severity.WARNING;

import io.chartlint.core.model.KubeObject;
import io.chartlint.core.model.PodTemplate;
import io.chartlint.core.rule.Rule;
import io.chartlint.core.rule.RuleContext;
import io.chartlint.core.rule.RuleInfo;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@RuleInfo(
    id = "resource-unit-suspicious",
    summary =
        "A legal quantity that is almost certainly the wrong unit: memory below 1Mi, cpu with"
            + " a binary suffix or above 1024 cores",
    severity = WARNING,
    since = "0.1.0",
    category = "resources")
public final class ResourceUnitsArePlausible implements Rule {
  private static final BigDecimal ONE_MI = BigDecimal.valueOf(1024L * 1024);
  private static final BigDecimal MAX_CORES = BigDecimal.valueOf(1024);
  private static final Pattern BINARY_SUFFIX = Pattern.compile(".*[KMGTPE]i");
  private static final Pattern PLAIN_OR_MILLI = Pattern.compile("([0-9.]+)m?");

  @Override
  public void check(KubeObject object, RuleContext context) {
    PodTemplate pod = object.podTemplate().orElse(null);
    if (pod == null) {
      return;
    }
    for (ResourceSite site : ResourceSite.all(pod)) {
      boolean overhead = site.limits().isEmpty() && site.field().equals("overhead");
      check(site, site.requests(), overhead ? "has overhead" : "requests", context);
      check(site, site.limits(), "limits", context);
    }
  }

  private static void check(
      ResourceSite site, List<ResourceEntry> entries, String verb, RuleContext context) {
    for (ResourceEntry entry : entries) {
      if (!entry.valid() || entry.isZero() || entry.quantity().isNegative()) {
        continue;
      }
      String problem = problem(entry);
      if (problem == null) {
        continue;
      }
      context.report(
          entry.node(),
          site.what()
              + " "
              + verb
              + " "
              + entry.name()
              + " \""
              + entry.written()
              + "\", which is "
              + problem,
          suggestion(entry));
    }
  }

  private static String problem(ResourceEntry entry) {
    BigDecimal value = entry.value();
    if (ResourceNames.isMemoryLike(entry.name()) && value.compareTo(ONE_MI) < 0) {
      return plain(value) + " bytes";
    }
    if (entry.name().equals("cpu")) {
      if (BINARY_SUFFIX.matcher(entry.written().strip()).matches()) {
        return plain(value) + " cores: binary suffixes are for bytes";
      }
      if (value.compareTo(MAX_CORES) > 0) {
        return plain(value) + " cores";
      }
    }
    return null;
  }

  private static String suggestion(ResourceEntry entry) {
    Matcher number = PLAIN_OR_MILLI.matcher(entry.written().strip());
    if (ResourceNames.isMemoryLike(entry.name())) {
      String base = number.matches() ? number.group(1) : null;
      return (base == null ? "" : "Did you mean " + base + "Mi? ")
          + "Memory is counted in bytes: use Mi or Gi (128Mi, 1Gi); m means thousandths of a byte.";
    }
    String base = number.matches() ? number.group(1) : null;
    return (base == null ? "" : "Did you mean " + base + "m? ")
        + "cpu is counted in cores: use a plain number (0.5, 2) or millicores (500m).";
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
