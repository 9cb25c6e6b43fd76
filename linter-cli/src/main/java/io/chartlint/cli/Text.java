package io.chartlint.cli;

import io.chartlint.core.text.Escaping;

/** Text from inputs made safe to print on one line of a terminal. */
final class Text {
  private Text() {}

  /**
   * Control characters, line breaks, line separators and bidi overrides written as visible escapes
   * ({@code \n}, {@code \e}, {@code \u202e}), as everywhere else chartlint prints input text.
   */
  static String safe(String s) {
    return Escaping.text(s);
  }
}
