package io.chartlint.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
    mixinStandardHelpOptions = true,
    name = "completion",
    description = {"Prints a bash/zsh completion script.", "Use: source <(chartlint completion)"})
final class CompletionCommand implements Callable<Integer>, EnvironmentAware {
  private Environment env;

  @Override
  public void environment(Environment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    env.out.print(
        AutoComplete.bash("chartlint", Main.commandLine(CommandLine.defaultFactory(), null)));
    return 0;
  }
}
