package io.chartlint.cli;

import io.chartlint.core.UsageException;
import io.chartlint.core.engine.LintRequest;
import io.chartlint.core.engine.LintResult;
import io.chartlint.core.fix.ChartFixer;
import io.chartlint.core.fix.Diffs;
import io.chartlint.core.fix.ManifestFixer;
import io.chartlint.core.rule.Finding;
import io.chartlint.core.rule.RuleSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
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

  @Option(
      names = "--values-out",
      paramLabel = "FILE",
      description =
          "Charts: write the values override that fixes the chart's findings to FILE, to pass"
              + " with -f. The chart itself is never edited.")
  Path valuesOut;

  /**
   * Drops the baseline options fix inherits from lint: a fix is proven against every finding, and
   * recording a baseline of what a fix leaves is lint's job. Picocli then rejects them as unknown
   * options, with a usage error.
   */
  static void withoutBaselines(CommandSpec spec) {
    for (String name : new String[] {"--baseline", "--write-baseline"}) {
      OptionSpec option = spec.findOption(name);
      if (option != null) {
        spec.remove(option);
      }
    }
  }

  @Override
  LintResult afterLint(LintRequest request, RuleSet rules, LintResult result) throws IOException {
    ChartFixer.Outcome charts = new ChartFixer(rules).fix(request, result);
    List<Finding> remaining = charts.findings();
    if (valuesOut != null) {
      Map<String, Map<String, Object>> overrides = new LinkedHashMap<>(charts.overrides());
      overrides.values().removeIf(Map::isEmpty);
      if (overrides.size() > 1) {
        throw new UsageException(
            "--values-out takes the override of one chart, but "
                + overrides.size()
                + " charts have fixes: "
                + Text.safe(String.join(", ", overrides.keySet()))
                + "; fix them one at a time");
      }
      Path out = env.workingDirectory.resolve(valuesOut);
      Map<String, Object> override =
          overrides.isEmpty() ? Map.of() : overrides.values().iterator().next();
      Files.writeString(out, ChartFixer.Outcome.yaml(override), StandardCharsets.UTF_8);
      remaining = new ArrayList<>(remaining);
      remaining.removeAll(charts.fixed());
    }
    ManifestFixer.Outcome outcome =
        new ManifestFixer(rules).fix(request, result.withFindings(remaining));
    for (ManifestFixer.FileChange change : outcome.files()) {
      if (diff) {
        env.out.print(Diffs.unified(change));
      } else {
        Files.writeString(change.path(), change.after(), StandardCharsets.UTF_8);
      }
    }
    env.out.flush();
    List<Finding> fixed = new ArrayList<>(outcome.fixed());
    List<ManifestFixer.Withheld> withheld = new ArrayList<>(outcome.withheld());
    if (valuesOut != null) {
      fixed.addAll(charts.fixed());
      withheld.addAll(charts.withheld());
    }
    summarize(fixed, withheld);
    return result.withFindings(outcome.remaining(remaining));
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
