package io.chartlint.core.rule;

import io.chartlint.core.Severity;
import io.chartlint.core.model.ResourceRef;
import java.util.List;

/**
 * One problem found.
 *
 * @param ruleId the rule that found it
 * @param severity its severity after configuration
 * @param message what is wrong
 * @param resource the object concerned, or null for findings about a whole document
 * @param path the field path inside the object ({@code spec.template.spec.tolerations[0]}), or
 *     empty
 * @param location where it is
 * @param fix how to fix it
 * @param valuesSets for charts rendered with several values files, the sets that produced it
 */
public record Finding(
    String ruleId,
    Severity severity,
    String message,
    ResourceRef resource,
    String path,
    Location location,
    String fix,
    List<String> valuesSets) {

  public Finding {
    valuesSets = List.copyOf(valuesSets);
  }

  public Finding withSeverity(Severity newSeverity) {
    return new Finding(ruleId, newSeverity, message, resource, path, location, fix, valuesSets);
  }

  public Finding withValuesSets(List<String> sets) {
    return new Finding(ruleId, severity, message, resource, path, location, fix, sets);
  }
}
