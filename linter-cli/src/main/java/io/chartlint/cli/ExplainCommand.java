package io.chartlint.cli;

import io.chartlint.core.UsageException;
import io.chartlint.core.engine.EditDistance;
import io.chartlint.core.report.RuleDocs;
import io.chartlint.core.rule.RuleDescriptor;
import io.chartlint.core.rule.RuleSet;
import java.util.Comparator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    mixinStandardHelpOptions = true,
    name = "explain",
    description = "Explains a rule: why it matters and how to fix it.")
final class ExplainCommand implements Callable<Integer>, EnvironmentAware {
  @Parameters(paramLabel = "RULE", description = "A rule id, as `chartlint rules` lists them.")
  String id;

  @Mixin PolicyOptions policyOptions = new PolicyOptions();

  private Environment env;

  @Override
  public void environment(Environment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    RuleSet rules = policyOptions.rules(env.workingDirectory);
    RuleDescriptor rule =
        rules
            .find(id)
            .orElseThrow(
                () -> {
                  String closest =
                      rules.all().stream()
                          .min(Comparator.comparingInt(r -> EditDistance.between(id, r.id())))
                          .map(RuleDescriptor::id)
                          .orElse("");
                  return new UsageException(
                      "unknown rule '"
                          + id
                          + "'; did you mean '"
                          + closest
                          + "'? (see chartlint rules)");
                });
    env.out.print(RuleDocs.page(rule));
    return 0;
  }
}
