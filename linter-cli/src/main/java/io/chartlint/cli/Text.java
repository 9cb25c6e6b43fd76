package io.chartlint.cli;

/** Text from inputs made safe to print on one line of a terminal. */
final class Text {
  private Text() {}

  /** Control characters, line breaks among them, written as {@code \u001b}-style escapes. */
  static String safe(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                b.append(String.format("\\u%04x", c));
              } else {
                b.appendCodePoint(c);
              }
            });
    return b.toString();
  }
}
