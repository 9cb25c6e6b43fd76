package io.chartlint.core;

/** The process exit codes of every chartlint front end. */
public enum ExitCode {
  /** No finding reaches the failure threshold. */
  OK(0),
  /** At least one finding reaches the failure threshold. */
  FINDINGS(1),
  /** The command line, a config file or a policy file is wrong, or an input cannot be read. */
  USAGE(2),
  /** A bug in chartlint. */
  INTERNAL(3);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
