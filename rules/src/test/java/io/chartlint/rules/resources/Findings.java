package io.chartlint.rules.resources;

import io.chartlint.core.engine.LintRequest;
import io.chartlint.core.engine.LintResult;
import io.chartlint.core.engine.Linter;
import io.chartlint.core.rule.Finding;
import io.chartlint.core.rule.RuleSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The missing-request findings of a file, per object and container, as the peers tabulate them. */
final class Findings {
  private static final Linter LINTER = new Linter(RuleSet.discover());
  private static final Pattern CONTAINER =
      Pattern.compile("^(init container|sidecar container|container) '([^']*)'");

  private Findings() {}

  /** Kind/name of each object to the containers flagged by {@code ruleId}; "init:" marks init. */
  static Map<String, Set<String>> flagged(Path file, String ruleId) {
    LintResult result =
        LINTER.lint(
            LintRequest.of(List.of(file.toString()), Path.of("").toAbsolutePath()).withThreads(1));
    Map<String, Set<String>> flagged = new TreeMap<>();
    for (Finding finding : result.findings()) {
      if (!finding.ruleId().equals(ruleId)) {
        continue;
      }
      Matcher m = CONTAINER.matcher(finding.message());
      if (!m.find()) {
        throw new AssertionError("finding names no container: " + finding.message());
      }
      String container = (m.group(1).equals("container") ? "" : "init:") + m.group(2);
      flagged
          .computeIfAbsent(
              finding.resource().kind() + "/" + finding.resource().name(), k -> new TreeSet<>())
          .add(container);
    }
    return flagged;
  }
}
