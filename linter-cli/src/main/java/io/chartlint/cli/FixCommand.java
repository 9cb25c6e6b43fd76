package io.chartlint.cli;

import io.chartlint.core.engine.LintRequest;
import io.chartlint.core.engine.LintResult;
import io.chartlint.core.fix.Diffs;
import io.chartlint.core.fix.ManifestFixer;
import io.chartlint.core.rule.Finding;
import io.chartlint.core.rule.RuleSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "fix",
    description = {
      "Applies the fixes that are exact, then reports what remains as lint does.",
      "Manifest files are edited in place, keeping comments, key order and formatting; each edit"
          + " is proven first by linting the edited text again: its finding must be gone and no"
          + " finding may appear, otherwise the edit is withheld and the finding says why."
    },
    sortOptions = false)
final class FixCommand extends LintCommand {

  @Option(
      names = "--diff",
      description =
          "Print a unified diff of the fixes to standard output instead of editing the files"
              + " (reports go only to --format FORMAT=FILE or -o FILE).")
  boolean diff;

  @Override
  LintResult afterLint(LintRequest request, RuleSet rules, LintResult result) throws IOException {
    ManifestFixer.Outcome outcome = new ManifestFixer(rules).fix(request, result);
    for (ManifestFixer.FileChange change : outcome.files()) {
      if (diff) {
        env.out.print(Diffs.unified(change));
      } else {
        Files.writeString(change.path(), change.after(), StandardCharsets.UTF_8);
      }
    }
    env.out.flush();
    summarize(outcome.fixed(), outcome.withheld());
    return result.withFindings(outcome.remaining(result.findings()));
  }

  @Override
  boolean reportsToStandardOutput() {
    return !diff;
  }

  private void summarize(List<Finding> fixed, List<ManifestFixer.Withheld> withheld) {
    for (Finding f : fixed) {
      env.err.println("chartlint: " + (diff ? "would fix " : "fixed ") + describe(f));
    }
    for (ManifestFixer.Withheld w : withheld) {
      env.err.println(
          "chartlint: did not fix " + describe(w.finding()) + ": " + Text.safe(w.reason()));
    }
    env.err.println(
        "chartlint: "
            + (diff ? "would fix " : "fixed ")
            + fixed.size()
            + (fixed.size() == 1 ? " finding" : " findings")
            + (withheld.isEmpty() ? "" : "; " + withheld.size() + " not fixed"));
  }

  private static String describe(Finding f) {
    return Text.safe(
        f.location().file()
            + ":"
            + f.location().line()
            + " "
            + f.ruleId()
            + (f.resource() == null ? "" : " " + f.resource().display()));
  }
}
