package io.chartlint.core.text;

/**
 * Makes text from a linted file safe to print. A pull request controls annotation values, keys,
 * file names and policy messages; printed as they are, a newline followed by {@code ::error ...} or
 * {@code ::add-mask::} becomes a GitHub Actions workflow command, and an ESC sequence rewrites a
 * developer's terminal. Control characters become visible escapes ({@code \n}, {@code \e}, {@code
 * \x7f}), and no line may start with {@code ::} unless chartlint wrote it.
 */
public final class Escaping {
  private Escaping() {}

  /** One line: every control character, line and paragraph separator and bidi override escaped. */
  public static String text(String text) {
    return escape(text, false);
  }

  /**
   * Text whose line breaks are meant (a fix with a YAML snippet): other controls are escaped, CR LF
   * becomes LF, and a line that would start with a workflow command ({@code ::}, after white space)
   * gets a backslash before it.
   */
  public static String multiline(String text) {
    return escape(text, true);
  }

  private static String escape(String text, boolean keepNewlines) {
    if (text == null) {
      return null;
    }
    StringBuilder s = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7F) {
        // printable ASCII, nearly every character of a message: kept as it is
        if (s != null) {
          s.append(c);
        }
        continue;
      }
      String replacement = null;
      if (c == '\n' && keepNewlines) {
        replacement = guardLineStart(text, i + 1);
      } else if (c == '\r' && keepNewlines && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        replacement = "";
      } else if (needsEscape(c)) {
        replacement = visible(c);
      }
      if (replacement != null && s == null) {
        s = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (s != null) {
        if (replacement != null) {
          s.append(replacement);
        } else {
          s.append(c);
        }
      }
    }
    String out = s == null ? text : s.toString();
    if (!keepNewlines) {
      return out;
    }
    String guard = guardLineStart(out, 0);
    return guard.isEmpty() ? out : guard + out;
  }

  /** A newline, with a backslash after it when the line it starts would begin with {@code ::}. */
  private static String guardLineStart(String text, int start) {
    int i = start;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    boolean command = text.startsWith("::", i) || text.startsWith("##[", i);
    if (start == 0) {
      return command ? "\\" : "";
    }
    return command ? "\n\\" : "\n";
  }

  public static boolean needsEscape(char c) {
    return c < 0x20
        || (c >= 0x7F && c <= 0x9F)
        || c == '\u2028'
        || c == '\u2029'
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069');
  }

  private static String visible(char c) {
    return switch (c) {
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> "\\t";
      case 0x1B -> "\\e";
      case 0 -> "\\0";
      default -> c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c);
    };
  }
}
