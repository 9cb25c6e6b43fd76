package io.chartlint.core.report;

/** Text that XML 1.0 can carry. */
final class Xml {
  private Xml() {}

  /**
   * Replaces the characters that XML 1.0 forbids even as references (controls other than tab, LF
   * and CR; lone surrogates; U+FFFE and U+FFFF) with U+FFFD: a message quoting a broken file may
   * contain them, and one of them makes the whole report unreadable.
   */
  static String clean(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder s = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok;
      if (Character.isHighSurrogate(c)) {
        ok = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        if (ok) {
          if (s != null) {
            s.append(c).append(text.charAt(i + 1));
          }
          i++;
          continue;
        }
      } else {
        ok =
            c == '\t'
                || c == '\n'
                || c == '\r'
                || (c >= 0x20 && c < 0x7F)
                // DEL and the C1 controls are legal XML but a terminal's commands (U+009B: CSI)
                || (c >= 0xA0 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD);
      }
      if (!ok && s == null) {
        s = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (s != null) {
        s.append(ok ? c : '\uFFFD');
      }
    }
    return s == null ? text : s.toString();
  }

  /**
   * Text for an attribute value. A parser normalizes a line break written into an attribute to a
   * space (XML 1.0 §3.3.3), and the JDK's writer cannot write it as a reference, so it becomes a
   * space here and the attribute reads back exactly as written.
   */
  static String attribute(String text) {
    return clean(text).replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
  }
}
