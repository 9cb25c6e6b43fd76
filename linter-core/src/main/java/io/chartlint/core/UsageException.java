package io.chartlint.core;

/**
 * A mistake of the user's that stops the run before linting: a missing input, an invalid config or
 * policy file. Its message is shown as it is, and the process exits with {@link ExitCode#USAGE}.
 */
public class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }

  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
