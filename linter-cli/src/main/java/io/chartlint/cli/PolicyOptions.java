package io.chartlint.cli;

import io.chartlint.core.engine.Config;
import io.chartlint.core.engine.ConfigLoader;
import io.chartlint.core.policy.PolicyLoader;
import io.chartlint.core.rule.RuleSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --policy}, shared by the commands that know rules: the built-in rules, the config's
 * policies and those given on the command line.
 */
final class PolicyOptions {
  @Option(
      names = "--policy",
      paramLabel = "PATH",
      description =
          "A custom policy file, or a directory of them, added to the config's policies."
              + " Repeatable.")
  List<Path> policies = new ArrayList<>();

  /** With the policies of the config found from the working directory. */
  RuleSet rules(Path workingDirectory) {
    return rules(ConfigLoader.discover(workingDirectory), workingDirectory);
  }

  RuleSet rules(Config config, Path workingDirectory) {
    List<Path> paths = new ArrayList<>(config.policies());
    policies.forEach(p -> paths.add(workingDirectory.resolve(p)));
    return PolicyLoader.withPolicies(RuleSet.discover(), paths, workingDirectory);
  }
}
