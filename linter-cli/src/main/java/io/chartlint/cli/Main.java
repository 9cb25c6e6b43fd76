package io.chartlint.cli;

import io.chartlint.core.ExitCode;
import io.chartlint.core.UsageException;
import io.chartlint.core.Version;
import io.chartlint.core.text.Escaping;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  no finding reaches --fail-on",
      "  1  a finding reaches --fail-on",
      "  2  usage or configuration error",
      "  3  internal error (a bug in chartlint: please report it)"
    })
public final class Main implements Runnable {
  /** The subcommands, in the order the help lists them. */
  private static final List<Class<?>> COMMANDS =
      List.of(
          LintCommand.class,
          FixCommand.class,
          RulesCommand.class,
          ExplainCommand.class,
          VersionCommand.class,
          CompletionCommand.class,
          CommandLine.HelpCommand.class);

  /**
   * Commands that need no sibling: when one of them is the first argument, only its model is built.
   * picocli builds a command's model by reflection over its annotations, and its classes cannot be
   * kept in a class-data sharing archive (they are Java 5 class files), so every model built costs
   * start-up time. {@code help} and {@code completion} need them all, and so does anything else (an
   * option, a mistyped command), for the full help and suggestions.
   */
  private static final Map<String, Class<?>> STANDALONE =
      Map.of(
          "lint", LintCommand.class,
          "fix", FixCommand.class,
          "rules", RulesCommand.class,
          "explain", ExplainCommand.class,
          "version", VersionCommand.class);

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
    CommandLine cli = commandLine(new Factory(env), args.length > 0 ? args[0] : null);
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
            cmd.getErr().println("chartlint: " + Escaping.multiline(ex.getMessage()));
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
    try {
      return cli.execute(args);
    } catch (OutOfMemoryError e) {
      err.println(
          "chartlint: out of memory: lower --max-findings, lint fewer inputs at once (--threads 1),"
              + " or give Java a larger heap (JAVA_OPTS=-Xmx...)");
      return ExitCode.USAGE.code();
    } catch (Throwable e) {
      // picocli hands Errors on; none may reach a user as a stack trace
      err.println(
          "chartlint: internal error: "
              + e
              + System.lineSeparator()
              + "This is a bug in chartlint "
              + Version.get()
              + "; please report it with the command line and input that caused it.");
      if (env.debug) {
        e.printStackTrace(err);
      }
      return ExitCode.INTERNAL.code();
    }
  }

  /**
   * The command tree: every subcommand, or only the one named first when it needs no sibling.
   *
   * @param first the first argument, or null for the whole tree
   */
  static CommandLine commandLine(CommandLine.IFactory factory, String first) {
    CommandLine cli = new CommandLine(new Main(), factory);
    Class<?> only = first == null ? null : STANDALONE.get(first);
    for (Class<?> command : COMMANDS) {
      if (only == null || command == only) {
        CommandLine sub = new CommandLine(command, factory);
        if (command == FixCommand.class) {
          FixCommand.withoutBaselines(sub.getCommandSpec());
        }
        cli.addSubcommand(sub);
      }
    }
    return cli;
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
