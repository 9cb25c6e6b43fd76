package io.chartlint.core.load.helm.sourcemap;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a Go text/template source into text and actions, as {@code text/template/parse/lex.go}
 * does with Helm's default delimiters.
 *
 * <p>Trim markers are applied here, as Go applies them: {@code "{{- "} removes every white space
 * character (space, tab, carriage return, newline) before the action, {@code " -}}"} every one
 * after it, across lines. The text tokens keep their offsets in the file, so every character a
 * template writes literally has a known place.
 */
final class Lexer {
  /** One token: text between actions, or an action (comments included) with its inner text. */
  record Token(Type type, int start, int end, String inner) {
    enum Type {
      TEXT,
      ACTION,
      COMMENT
    }
  }

  /** A template that cannot be lexed: Go would have refused it too. */
  static final class LexException extends Exception {
    final int offset;

    LexException(String message, int offset) {
      super(message);
      this.offset = offset;
    }
  }

  private Lexer() {}

  static List<Token> lex(String src) throws LexException {
    List<Token> tokens = new ArrayList<>();
    int n = src.length();
    int pos = 0;
    while (pos < n) {
      int open = src.indexOf("{{", pos);
      if (open < 0) {
        tokens.add(new Token(Token.Type.TEXT, pos, n, null));
        break;
      }
      boolean trimLeft =
          open + 3 < n && src.charAt(open + 2) == '-' && isSpace(src.charAt(open + 3));
      int textEnd = open;
      if (trimLeft) {
        while (textEnd > pos && isSpace(src.charAt(textEnd - 1))) {
          textEnd--;
        }
      }
      if (textEnd > pos) {
        tokens.add(new Token(Token.Type.TEXT, pos, textEnd, null));
      }
      int inner = open + (trimLeft ? 3 : 2);
      int close;
      Token.Type type;
      int innerStart = inner;
      while (innerStart < n && trimLeft && isSpace(src.charAt(innerStart))) {
        innerStart++;
      }
      if (src.startsWith("/*", innerStart)) {
        int commentEnd = src.indexOf("*/", innerStart + 2);
        if (commentEnd < 0) {
          throw new LexException("unclosed comment", open);
        }
        close = commentEnd + 2;
        while (close < n && isSpace(src.charAt(close))) {
          close++;
        }
        if (close + 1 < n && src.charAt(close) == '-' && src.startsWith("}}", close + 1)) {
          close++;
        }
        if (!src.startsWith("}}", close)) {
          throw new LexException("comment ends before closing delimiter", open);
        }
        type = Token.Type.COMMENT;
      } else {
        close = actionEnd(src, inner);
        type = Token.Type.ACTION;
      }
      // close is the index of "}}"; a right trim marker is " -" just before it
      boolean trimRight =
          close - 2 >= inner && src.charAt(close - 1) == '-' && isSpace(src.charAt(close - 2));
      String innerText = src.substring(inner, trimRight ? close - 2 : close).strip();
      tokens.add(new Token(type, open, close + 2, innerText));
      pos = close + 2;
      if (trimRight) {
        while (pos < n && isSpace(src.charAt(pos))) {
          pos++;
        }
      }
    }
    return tokens;
  }

  /** The index of the {@code }}} that closes the action whose text starts at {@code from}. */
  private static int actionEnd(String src, int from) throws LexException {
    int n = src.length();
    int i = from;
    while (i < n) {
      char c = src.charAt(i);
      if (c == '"' || c == '\'') {
        i++;
        while (i < n && src.charAt(i) != c) {
          if (src.charAt(i) == '\\') {
            i++;
          } else if (src.charAt(i) == '\n') {
            throw new LexException("unterminated quoted string", from);
          }
          i++;
        }
        if (i >= n) {
          throw new LexException("unterminated quoted string", from);
        }
        i++;
      } else if (c == '`') {
        int end = src.indexOf('`', i + 1);
        if (end < 0) {
          throw new LexException("unterminated raw quoted string", from);
        }
        i = end + 1;
      } else if (c == '}' && i + 1 < n && src.charAt(i + 1) == '}') {
        return i;
      } else {
        i++;
      }
    }
    throw new LexException("unclosed action", from);
  }

  /** White space as Go's lexer trims it. */
  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }
}
