package io.chartlint.cli;

import io.chartlint.core.ExitCode;
import io.chartlint.core.UsageException;
import io.chartlint.core.Version;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code chartlint} command. {@link #main} is the only place that exits the process. */
@Command(
    name = "chartlint",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = {
      "Lints Helm charts and rendered Kubernetes manifests for workloads that can land on virtual or"
          + " simulated nodes, missing or invalid resource requests, and bad tolerations."
    },
    subcommands = {
      LintCommand.class,
      RulesCommand.class,
      ExplainCommand.class,
      VersionCommand.class,
      CompletionCommand.class,
      CommandLine.HelpCommand.class
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  no finding reaches --fail-on",
      "  1  a finding reaches --fail-on",
      "  2  usage or configuration error",
      "  3  internal error (a bug in chartlint: please report it)"
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "missing command: try 'chartlint lint .'");
  }

  public static void main(String[] args) {
    System.exit(run(args, System.in, System.out, System.err, Path.of("").toAbsolutePath()));
  }

  /** Runs a command line in-process and returns the exit code. */
  public static int run(
      String[] args, InputStream stdin, PrintStream out, PrintStream err, Path workingDirectory) {
    Environment env = new Environment(stdin, out, err, workingDirectory);
    CommandLine cli = new CommandLine(new Main(), new Factory(env));
    cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    cli.setCaseInsensitiveEnumValuesAllowed(false);
    cli.setExitCodeExceptionMapper(
        e ->
            e instanceof UsageException || e instanceof CommandLine.ParameterException
                ? ExitCode.USAGE.code()
                : ExitCode.INTERNAL.code());
    cli.setParameterExceptionHandler(
        (ex, argv) -> {
          CommandLine cmd = ex.getCommandLine();
          cmd.getErr().println("chartlint: " + ex.getMessage());
          CommandLine.UnmatchedArgumentException.printSuggestions(ex, cmd.getErr());
          cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
          return ExitCode.USAGE.code();
        });
    cli.setExecutionExceptionHandler(
        (ex, cmd, parseResult) -> {
          if (ex instanceof UsageException) {
            cmd.getErr().println("chartlint: " + ex.getMessage());
            return ExitCode.USAGE.code();
          }
          cmd.getErr()
              .println(
                  "chartlint: internal error: "
                      + ex
                      + System.lineSeparator()
                      + "This is a bug in chartlint "
                      + Version.get()
                      + "; please report it with the command line and input that caused it.");
          if (env.debug) {
            ex.printStackTrace(cmd.getErr());
          } else {
            cmd.getErr().println("Run again with --debug to see the stack trace.");
          }
          return ExitCode.INTERNAL.code();
        });
    return cli.execute(args);
  }

  /** Prints the version for {@code --version}. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"chartlint " + Version.get()};
    }
  }

  /** Gives every command the streams and working directory of this run. */
  private static final class Factory implements CommandLine.IFactory {
    private final Environment env;

    Factory(Environment env) {
      this.env = env;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (EnvironmentAware.class.isAssignableFrom(type)) {
        K instance = CommandLine.defaultFactory().create(type);
        ((EnvironmentAware) instance).environment(env);
        return instance;
      }
      return CommandLine.defaultFactory().create(type);
    }
  }
}
