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
 * @param identityPath the path with items that have a {@code name} written by name ({@code
 *     containers[name=agent]}), so that a finding keeps its identity when an item is inserted above
 *     it; what baselines and fingerprints match on
 * @param edit the change that fixes it exactly, which {@code chartlint fix} applies; null when no
 *     change is certain
 */
public record Finding(
    String ruleId,
    Severity severity,
    String message,
    ResourceRef resource,
    String path,
    Location location,
    String fix,
    List<String> valuesSets,
    String identityPath,
    Edit edit) {

  public Finding {
    valuesSets = List.copyOf(valuesSets);
    identityPath = identityPath == null ? path : identityPath;
  }

  /** A finding without an exact edit. */
  public Finding(
      String ruleId,
      Severity severity,
      String message,
      ResourceRef resource,
      String path,
      Location location,
      String fix,
      List<String> valuesSets,
      String identityPath) {
    this(ruleId, severity, message, resource, path, location, fix, valuesSets, identityPath, null);
  }

  /** A finding whose identity path is its path. */
  public Finding(
      String ruleId,
      Severity severity,
      String message,
      ResourceRef resource,
      String path,
      Location location,
      String fix,
      List<String> valuesSets) {
    this(ruleId, severity, message, resource, path, location, fix, valuesSets, path);
  }

  public Finding withSeverity(Severity newSeverity) {
    return new Finding(
        ruleId,
        newSeverity,
        message,
        resource,
        path,
        location,
        fix,
        valuesSets,
        identityPath,
        edit);
  }

  public Finding withValuesSets(List<String> sets) {
    return new Finding(
        ruleId, severity, message, resource, path, location, fix, sets, identityPath, edit);
  }

  /** The same finding at another location. */
  public Finding withLocation(Location newLocation) {
    return new Finding(
        ruleId,
        severity,
        message,
        resource,
        path,
        newLocation,
        fix,
        valuesSets,
        identityPath,
        edit);
  }

  /** The same finding with another fix text and edit. */
  public Finding withFix(String newFix, Edit newEdit) {
    return new Finding(
        ruleId,
        severity,
        message,
        resource,
        path,
        location,
        newFix,
        valuesSets,
        identityPath,
        newEdit);
  }
}
