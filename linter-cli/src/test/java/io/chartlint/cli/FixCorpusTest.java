package io.chartlint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import io.chartlint.core.engine.LintRequest;
import io.chartlint.core.engine.Linter;
import io.chartlint.core.rule.Finding;
import io.chartlint.core.rule.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code chartlint fix} on a copy of the rendered real-world charts of the shared corpus. */
class FixCorpusTest {
  /** The only lines the virtual-node exclusions add: keys of node affinity and their values. */
  private static final Pattern ADDED =
      Pattern.compile(
          " *(- )?(affinity:|nodeAffinity:|requiredDuringSchedulingIgnoredDuringExecution:"
              + "|nodeSelectorTerms:|matchExpressions:|key: \\S+|operator: (NotIn|DoesNotExist)"
              + "|values:|[A-Za-z0-9.\"/-]+)");

  @TempDir Path copy;

  @Test
  void fixesEveryExactFindingAndChangesNothingElse() throws IOException {
    String corpus = System.getProperty("chartlint.corpus", "../../shared/corpus");
    Path rendered = Path.of(corpus).resolve("rendered").toAbsolutePath().normalize();
    assumeTrue(Files.isDirectory(rendered), "no corpus at " + rendered);
    List<Path> files;
    try (Stream<Path> list = Files.list(rendered)) {
      files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    for (Path f : files) {
      Files.copy(f, copy.resolve(f.getFileName()));
    }
    Cli before = Cli.run(copy, "lint", ".", "--format", "json", "--fail-on", "never");
    Map<String, Integer> beforeByRule = countByRule(before.json());
    List<Finding> exact =
        new Linter(RuleSet.discover())
            .lint(LintRequest.of(List.of("."), copy)).findings().stream()
                .filter(f -> f.edit() != null)
                .toList();
    assertThat(exact).as("the corpus has findings with exact fixes").isNotEmpty();

    Cli fix = Cli.run(copy, "fix", ".", "--format", "json", "--fail-on", "never");

    assertThat(fix.err())
        .contains("fixed " + exact.size() + " findings")
        .doesNotContain("not fixed");
    Cli after = Cli.run(copy, "lint", ".", "--format", "json", "--fail-on", "never");
    Map<String, Integer> afterByRule = countByRule(after.json());
    Map<String, Integer> expected = new HashMap<>(beforeByRule);
    for (Finding f : exact) {
      expected.merge(f.ruleId(), -1, Integer::sum);
    }
    expected.values().removeIf(n -> n == 0);
    assertThat(afterByRule).as("what a second lint finds").isEqualTo(expected);
    // the report of fix is the second lint's
    assertThat(countByRule(fix.json())).isEqualTo(expected);

    for (Path original : files) {
      List<String> was = Files.readAllLines(original);
      List<String> now = Files.readAllLines(copy.resolve(original.getFileName()));
      for (AbstractDelta<String> delta : DiffUtils.diff(was, now).getDeltas()) {
        String removed = String.join("\n", delta.getSource().getLines());
        String added = String.join("\n", delta.getTarget().getLines());
        assertThat(isSubsequence(removed, added))
            .as("%s line %d: nothing is removed", original, delta.getSource().getPosition() + 1)
            .isTrue();
        if (delta.getType() == DeltaType.INSERT) {
          assertThat(delta.getTarget().getLines())
              .as("%s: only node affinity is added", original.getFileName())
              .allMatch(line -> ADDED.matcher(line).matches());
        } else {
          // an empty flow mapping ({}) on its own line gains the keys inside its braces
          assertThat(delta.getType()).isEqualTo(DeltaType.CHANGE);
          assertThat(added)
              .contains("nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution:");
        }
      }
    }
  }

  /** Whether every character of a is in b, in order: b is a with text inserted. */
  private static boolean isSubsequence(String a, String b) {
    int j = 0;
    for (int i = 0; i < b.length() && j < a.length(); i++) {
      if (a.charAt(j) == b.charAt(i)) {
        j++;
      }
    }
    return j == a.length();
  }

  private static Map<String, Integer> countByRule(JsonNode report) {
    Map<String, Integer> counts = new HashMap<>();
    for (JsonNode f : report.get("findings")) {
      counts.merge(f.get("ruleId").asText(), 1, Integer::sum);
    }
    return counts;
  }
}
