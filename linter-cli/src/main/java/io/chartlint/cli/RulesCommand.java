package io.chartlint.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chartlint.core.Version;
import io.chartlint.core.report.RuleDocs;
import io.chartlint.core.rule.RuleSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(mixinStandardHelpOptions = true, name = "rules", description = "Lists the rules.")
final class RulesCommand implements Callable<Integer>, EnvironmentAware {
  enum Format {
    text,
    json,
    markdown
  }

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text, json or markdown (default: ${DEFAULT-VALUE}).")
  Format format;

  @Mixin PolicyOptions policyOptions = new PolicyOptions();

  private Environment env;

  @Override
  public void environment(Environment env) {
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    RuleSet rules = policyOptions.rules(env.workingDirectory);
    switch (format) {
      case json ->
          env.out.println(
              new ObjectMapper()
                  .writerWithDefaultPrettyPrinter()
                  .writeValueAsString(RuleDocs.json(rules, Version.get())));
      case markdown -> env.out.print(RuleDocs.index(rules));
      default -> env.out.print(RuleDocs.text(rules));
    }
    return 0;
  }
}
