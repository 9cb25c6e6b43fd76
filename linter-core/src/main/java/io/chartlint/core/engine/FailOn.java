package io.chartlint.core.engine;

import io.chartlint.core.Severity;
import java.util.Locale;

/** The lowest severity that fails a run, or never. */
public enum FailOn {
  ERROR,
  WARNING,
  INFO,
  NEVER;

  public boolean fails(Severity severity) {
    return switch (this) {
      case ERROR -> severity.reaches(Severity.ERROR);
      case WARNING -> severity.reaches(Severity.WARNING);
      case INFO -> true;
      case NEVER -> false;
    };
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static FailOn parse(String text) {
    for (FailOn f : values()) {
      if (f.id().equals(text)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown threshold '" + text + "' (expected error, warning, info or never)");
  }
}
