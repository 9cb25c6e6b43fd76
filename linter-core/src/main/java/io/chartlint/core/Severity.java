package io.chartlint.core;

import java.util.Locale;

/** How bad a finding is. Ordered from most to least severe. */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  /** The lowercase name users write in config and see in output. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a finding of this severity reaches the given threshold. */
  public boolean reaches(Severity threshold) {
    return compareTo(threshold) <= 0;
  }

  /** Parses {@code error}, {@code warning} or {@code info}. */
  public static Severity parse(String text) {
    for (Severity s : values()) {
      if (s.id().equals(text)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown severity '" + text + "' (expected error, warning or info)");
  }
}
