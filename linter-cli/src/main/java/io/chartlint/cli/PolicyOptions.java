package io.chartlint.cli;

import io.chartlint.core.engine.Config;
import io.chartlint.core.engine.ConfigLoader;
import io.chartlint.core.policy.PolicyLoader;
import io.chartlint.core.rule.RuleSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The rules of a command: the built-in ones, the config's policies and those of --policy. */
final class PolicyOptions {
  private PolicyOptions() {}

  /** With the policies of the config found from the working directory. */
  static RuleSet rules(Path workingDirectory, List<Path> options) {
    return rules(ConfigLoader.discover(workingDirectory), options, workingDirectory);
  }

  static RuleSet rules(Config config, List<Path> options, Path workingDirectory) {
    List<Path> paths = new ArrayList<>(config.policies());
    options.forEach(p -> paths.add(workingDirectory.resolve(p)));
    return PolicyLoader.withPolicies(RuleSet.discover(), paths, workingDirectory);
  }
}
