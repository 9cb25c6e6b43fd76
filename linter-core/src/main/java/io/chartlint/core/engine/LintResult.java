package io.chartlint.core.engine;

import io.chartlint.core.Severity;
import io.chartlint.core.fix.ValuesFix;
import io.chartlint.core.rule.Finding;
import java.util.List;

/**
 * What a run found.
 *
 * @param findings the findings reported, in a deterministic order (file, line, column, rule)
 * @param suppressed the findings that a suppression hid, with what hid them
 * @param unusedSuppressions suppressions that hid nothing, so they can be removed
 * @param notices things the user should know that are not findings (an expired exclude, a directory
 *     loop that was not followed)
 * @param internalErrors rules that crashed: bugs in chartlint
 * @param files how many files or charts were read
 * @param objects how many Kubernetes objects were checked
 * @param failOn the threshold of the run
 * @param skipped files passed over because none of their documents has {@code apiVersion} or {@code
 *     kind}: other YAML and JSON, not Kubernetes manifests
 * @param ignoredByPolicy findings reported although an inline suppression names them, because the
 *     suppression policy does not let it count; {@code by} says which suppression and why
 * @param valuesFixes per chart with findings that have an exact edit, the values override that
 *     fixes them, for {@code chartlint fix} to prove
 */
public record LintResult(
    List<Finding> findings,
    List<SuppressedFinding> suppressed,
    List<String> unusedSuppressions,
    List<String> notices,
    List<String> internalErrors,
    int files,
    int objects,
    FailOn failOn,
    List<String> skipped,
    List<SuppressedFinding> ignoredByPolicy,
    List<ValuesFix> valuesFixes) {

  public LintResult {
    skipped = List.copyOf(skipped);
    ignoredByPolicy = ignoredByPolicy == null ? List.of() : List.copyOf(ignoredByPolicy);
    valuesFixes = valuesFixes == null ? List.of() : List.copyOf(valuesFixes);
  }

  /** A result without values overrides for charts. */
  public LintResult(
      List<Finding> findings,
      List<SuppressedFinding> suppressed,
      List<String> unusedSuppressions,
      List<String> notices,
      List<String> internalErrors,
      int files,
      int objects,
      FailOn failOn,
      List<String> skipped,
      List<SuppressedFinding> ignoredByPolicy) {
    this(
        findings,
        suppressed,
        unusedSuppressions,
        notices,
        internalErrors,
        files,
        objects,
        failOn,
        skipped,
        ignoredByPolicy,
        List.of());
  }

  /** A result in which nothing was skipped and no suppression was set aside by policy. */
  public LintResult(
      List<Finding> findings,
      List<SuppressedFinding> suppressed,
      List<String> unusedSuppressions,
      List<String> notices,
      List<String> internalErrors,
      int files,
      int objects,
      FailOn failOn) {
    this(
        findings,
        suppressed,
        unusedSuppressions,
        notices,
        internalErrors,
        files,
        objects,
        failOn,
        List.of(),
        List.of());
  }

  /** A finding that a suppression hid, and a description of that suppression. */
  public record SuppressedFinding(Finding finding, String by) {}

  public long count(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }

  /** Whether a finding reaches the threshold. */
  public boolean failed() {
    return findings.stream().anyMatch(f -> failOn.fails(f.severity()));
  }

  /** The same run with other findings, such as those left after fixing. */
  public LintResult withFindings(List<Finding> newFindings) {
    return new LintResult(
        newFindings,
        suppressed,
        unusedSuppressions,
        notices,
        internalErrors,
        files,
        objects,
        failOn,
        skipped,
        ignoredByPolicy,
        valuesFixes);
  }
}
