package io.chartlint.core.fix;

import java.util.ArrayList;
import java.util.List;

/**
 * The keys and values of Helm's {@code --set} entries, read as Helm's strvals parser reads them
 * (pkg/strvals/parser.go), to know which values path an entry sets. Helm itself applies them when
 * it renders; this only traces them.
 */
final class SetKeys {
  private SetKeys() {}

  /**
   * {@code a.b\.c[0][1].d} as {@code a}, {@code b.c}, {@code [0]}, {@code [1]}, {@code d}; null
   * when Helm would reject the key (an empty name, a bracket that is not a list index).
   */
  static List<String> parse(String key) {
    List<String> path = new ArrayList<>();
    StringBuilder name = new StringBuilder();
    boolean named = false;
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '\\' && i + 1 < key.length()) {
        name.append(key.charAt(++i)); // an escaped character is part of the name
        named = true;
      } else if (c == '.') {
        if (!named) {
          return null;
        }
        path.add(name.toString());
        name.setLength(0);
        named = false;
      } else if (c == '[') {
        if (named) {
          path.add(name.toString());
          name.setLength(0);
          named = false;
        } else if (path.isEmpty() || !path.get(path.size() - 1).startsWith("[")) {
          return null; // a list index needs a name before it
        }
        int close = key.indexOf(']', i);
        if (close < 0) {
          return null;
        }
        String digits = key.substring(i + 1, close);
        if (digits.isEmpty()
            || digits.length() > 6
            || !digits.chars().allMatch(Character::isDigit)) {
          return null;
        }
        path.add("[" + Integer.parseInt(digits) + "]");
        i = close;
        if (i + 1 < key.length() && key.charAt(i + 1) == '.') {
          i++; // a[0].b
        }
      } else {
        name.append(c);
        named = true;
      }
    }
    if (named) {
      path.add(name.toString());
    } else if (path.isEmpty() || !path.get(path.size() - 1).startsWith("[")) {
      return null;
    }
    return path;
  }

  /**
   * A value as {@code --set} types it (strvals typedVal): {@code true}/{@code false}, {@code null}
   * and integers without a leading zero are typed, anything else is a string; {@code {a,b}} is a
   * list. {@code --set-string} keeps every value a string. A backslash escapes the next character.
   */
  static Object value(String raw, boolean asString) {
    if (raw.length() >= 2 && raw.startsWith("{") && raw.endsWith("}")) {
      List<Object> list = new ArrayList<>();
      String inner = raw.substring(1, raw.length() - 1);
      if (!inner.isEmpty()) {
        StringBuilder item = new StringBuilder();
        for (int i = 0; i < inner.length(); i++) {
          char c = inner.charAt(i);
          if (c == '\\' && i + 1 < inner.length()) {
            item.append('\\').append(inner.charAt(++i));
          } else if (c == ',') {
            list.add(value(item.toString(), asString));
            item.setLength(0);
          } else {
            item.append(c);
          }
        }
        list.add(value(item.toString(), asString));
      }
      return list;
    }
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\\' && i + 1 < raw.length()) {
        c = raw.charAt(++i);
      }
      s.append(c);
    }
    String val = s.toString();
    if (asString) {
      return val;
    }
    if (val.equalsIgnoreCase("true")) {
      return true;
    }
    if (val.equalsIgnoreCase("false")) {
      return false;
    }
    if (val.equalsIgnoreCase("null")) {
      return null;
    }
    if (val.equals("0")) {
      return 0L;
    }
    if (!val.isEmpty() && val.charAt(0) != '0') {
      try {
        return Long.parseLong(val);
      } catch (NumberFormatException e) {
        return val;
      }
    }
    return val;
  }
}
