package io.chartlint.core.model;

/**
 * Kubernetes would reject the text as a resource quantity. The message is the one the API server
 * returns, so a finding can quote it.
 */
public final class QuantityFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The distinct errors of {@code apimachinery/pkg/api/resource/quantity.go}. */
  public enum Reason {
    /** {@code ErrFormatWrong}: the scanner could not split number and suffix. */
    FORMAT_WRONG("quantities must match the regular expression '" + Quantity.SPLIT_REGEX + "'"),
    /** {@code ErrSuffix}: the suffix is none of the known ones and no integer exponent. */
    SUFFIX("unable to parse quantity's suffix"),
    /** {@code ErrNumeric}: the slow path found no digits to read. */
    NUMERIC("unable to parse numeric part of quantity"),
    /**
     * A YAML {@code .nan} or {@code .inf}: {@code encoding/json} refuses to write it, so the
     * manifest never reaches the API server.
     */
    NOT_JSON("json: unsupported value");

    private final String message;

    Reason(String message) {
      this.message = message;
    }

    public String message() {
      return message;
    }
  }

  private final Reason reason;
  private final String input;

  QuantityFormatException(Reason reason, String input) {
    this(reason, reason.message(), input);
  }

  QuantityFormatException(Reason reason, String message, String input) {
    super(message);
    this.reason = reason;
    this.input = input;
  }

  public Reason reason() {
    return reason;
  }

  /** The text as written. */
  public String input() {
    return input;
  }
}
