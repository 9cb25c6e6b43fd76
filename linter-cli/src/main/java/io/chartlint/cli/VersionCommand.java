package io.chartlint.cli;

import io.chartlint.core.Version;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(
    mixinStandardHelpOptions = true,
    name = "version",
    description = "Prints chartlint's version.")
final class VersionCommand implements Callable<Integer>, EnvironmentAware {
  private Environment env;

  @Override
  public void environment(Environment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    env.out.println("chartlint " + Version.get());
    return 0;
  }
}
