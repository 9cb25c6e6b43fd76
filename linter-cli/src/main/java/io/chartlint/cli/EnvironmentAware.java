package io.chartlint.cli;

/** A command that needs the run's streams and working directory. */
interface EnvironmentAware {
  void environment(Environment env);
}
