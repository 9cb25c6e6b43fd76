package io.chartlint.rules.tolerations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chartlint.core.engine.LintRequest;
import io.chartlint.core.engine.LintResult;
import io.chartlint.core.engine.Linter;
import io.chartlint.core.rule.Finding;
import io.chartlint.core.rule.RuleSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The toleration rules over the rendered real-world charts of the shared corpus. */
class CorpusTest {
  @Test
  void publishedChartsHaveNoInvalidTolerations() {
    String corpus = System.getProperty("chartlint.corpus", "../../shared/corpus");
    Path rendered = Path.of(corpus).resolve("rendered").toAbsolutePath().normalize();
    assumeTrue(Files.isDirectory(rendered), "no corpus at " + rendered);
    LintResult result =
        new Linter(RuleSet.discover())
            .lint(LintRequest.of(List.of(rendered.toString()), rendered).withThreads(2));
    List<Finding> tolerations =
        result.findings().stream().filter(f -> f.ruleId().startsWith("toleration-")).toList();
    if (Boolean.getBoolean("chartlint.corpus.print")) {
      tolerations.forEach(
          f ->
              System.out.println(
                  "CORPUS "
                      + f.ruleId()
                      + " "
                      + f.location().file()
                      + ":"
                      + f.location().line()
                      + " "
                      + f.resource().kind()
                      + "/"
                      + f.resource().name()
                      + " "
                      + f.message()));
    }
    assertThat(result.internalErrors()).isEmpty();
    assertThat(tolerations).noneMatch(f -> f.ruleId().equals("toleration-invalid"));
    // Published charts tolerate kubeadm's control-plane taint from Deployments and Jobs.
    assertThat(tolerations).anyMatch(f -> f.ruleId().equals("toleration-control-plane"));
  }
}
