package io.chartlint.core.load.helm.sourcemap;

import io.chartlint.core.load.helm.sourcemap.Lexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the tree of a template from its tokens, as {@code text/template/parse/parse.go} does:
 * text, output actions, {@code if}/{@code else if}/{@code else}, {@code range}/{@code else}, {@code
 * with}/{@code else}, {@code define}, {@code block}, {@code template}/{@code include}.
 */
final class Parser {
  /** A node of the tree. */
  sealed interface Node {}

  /** Text written as it is; [start, end) in the file. */
  record Text(int start, int end) implements Node {}

  /** An action that writes something the map cannot predict: a wildcard. */
  record Output(Action action) implements Node {}

  /**
   * {@code include "name" ARG} or {@code template "name" ARG}, optionally piped through {@code
   * indent N} or {@code nindent N}, which the map can expand into the named template's body.
   */
  record Call(Action action, String name, boolean newline, int indent) implements Node {}

  /** Alternatives of which at most one renders: if/else, with/else; empty when none needs to. */
  record Choice(List<List<Node>> branches) implements Node {}

  /** A range body that renders 0..n times, or its else body when it renders none. */
  record Loop(List<Node> body, List<Node> orElse) implements Node {}

  /** {@code block "name" ARG}: a define that renders in place unless another define replaces it. */
  record Block(Action action, String name, List<Node> body) implements Node {}

  /** An action's place and text. */
  record Action(int start, int end, String text) {}

  /** A template that does not parse. */
  static final class ParseException extends Exception {
    final int offset;

    ParseException(String message, int offset) {
      super(message);
      this.offset = offset;
    }
  }

  private static final Pattern KEYWORD = Pattern.compile("^([a-z]+)\\b\\s*(.*)$", Pattern.DOTALL);
  private static final Pattern NAME = Pattern.compile("^\"((?:[^\"\\\\]|\\\\.)*)\"|^`([^`]*)`");

  /** Pipelines that declare or assign a variable write nothing. */
  private static final Pattern DECLARATION =
      Pattern.compile("^\\$[\\w]*\\s*(?:,\\s*\\$[\\w]*\\s*)?:?=[^=]");

  private final String src;
  private final List<Token> tokens;
  private final Map<String, List<Node>> defines;
  private int next;

  private Parser(String src, List<Token> tokens, Map<String, List<Node>> defines) {
    this.src = src;
    this.tokens = tokens;
    this.defines = defines;
  }

  /** Parses a file; its {@code define}s are added to {@code defines}. */
  static List<Node> parse(String src, Map<String, List<Node>> defines)
      throws Lexer.LexException, ParseException {
    Parser parser = new Parser(src, Lexer.lex(src), defines);
    List<Node> nodes = new ArrayList<>();
    Token end = parser.list(nodes);
    if (end != null) {
      throw new ParseException("unexpected {{" + end.inner() + "}}", end.start());
    }
    return nodes;
  }

  /** Parses nodes into {@code into} until {@code else} or {@code end}, which it returns. */
  private Token list(List<Node> into) throws ParseException {
    while (next < tokens.size()) {
      Token t = tokens.get(next++);
      switch (t.type()) {
        case TEXT -> into.add(new Text(t.start(), t.end()));
        case COMMENT -> {
          // writes nothing
        }
        case ACTION -> {
          Matcher m = KEYWORD.matcher(t.inner());
          String keyword = m.matches() ? m.group(1) : "";
          String rest = m.matches() ? m.group(2) : "";
          Action action = new Action(t.start(), t.end(), src.substring(t.start(), t.end()));
          switch (keyword) {
            case "end", "else" -> {
              return t;
            }
            case "if", "with" -> into.add(choice(t));
            case "range" -> into.add(loop(t));
            case "define" -> define(t, rest);
            case "block" -> into.add(block(t, action, rest));
            case "break", "continue" -> {
              // writes nothing; the loop's body may stop early, which the aligner allows anyway
            }
            default -> {
              if (DECLARATION.matcher(t.inner()).find()) {
                break;
              }
              Node call = call(action, keyword, rest);
              into.add(call != null ? call : new Output(action));
            }
          }
        }
      }
    }
    return null;
  }

  private Choice choice(Token open) throws ParseException {
    List<List<Node>> branches = new ArrayList<>();
    boolean hasElse = false;
    while (true) {
      List<Node> body = new ArrayList<>();
      Token stop = list(body);
      branches.add(body);
      if (stop == null) {
        throw new ParseException("unclosed {{" + open.inner() + "}}", open.start());
      }
      String inner = stop.inner();
      if (inner.equals("end")) {
        break;
      }
      String afterElse = inner.substring(4).strip();
      if (afterElse.startsWith("if ") || afterElse.startsWith("with ")) {
        continue; // "else if" shares the end of its if
      }
      List<Node> orElse = new ArrayList<>();
      Token end = list(orElse);
      if (end == null || !end.inner().equals("end")) {
        throw new ParseException("expected {{end}}", stop.start());
      }
      branches.add(orElse);
      hasElse = true;
      break;
    }
    if (!hasElse) {
      branches.add(List.of());
    }
    return new Choice(branches);
  }

  private Loop loop(Token open) throws ParseException {
    List<Node> body = new ArrayList<>();
    Token stop = list(body);
    if (stop == null) {
      throw new ParseException("unclosed {{" + open.inner() + "}}", open.start());
    }
    List<Node> orElse = new ArrayList<>();
    if (!stop.inner().equals("end")) {
      Token end = list(orElse);
      if (end == null || !end.inner().equals("end")) {
        throw new ParseException("expected {{end}}", stop.start());
      }
    }
    return new Loop(body, orElse);
  }

  private void define(Token open, String rest) throws ParseException {
    String name = name(rest);
    List<Node> body = new ArrayList<>();
    Token end = list(body);
    if (end == null || !end.inner().equals("end")) {
      throw new ParseException("unclosed {{" + open.inner() + "}}", open.start());
    }
    if (name != null) {
      defines.put(name, body);
    }
  }

  private Block block(Token open, Action action, String rest) throws ParseException {
    String name = name(rest);
    List<Node> body = new ArrayList<>();
    Token end = list(body);
    if (end == null || !end.inner().equals("end")) {
      throw new ParseException("unclosed {{" + open.inner() + "}}", open.start());
    }
    if (name != null) {
      defines.putIfAbsent(name, body);
    }
    return new Block(action, name, body);
  }

  /**
   * A call whose output is exactly the named template's, or that template indented: {@code include
   * "x" .}, {@code include "x" . | nindent 4}, {@code template "x" .}. Any other function in the
   * pipeline changes the text in ways the map does not follow, so it stays a wildcard.
   */
  private static Call call(Action action, String keyword, String rest) {
    if (!keyword.equals("include") && !keyword.equals("template")) {
      return null;
    }
    String name = name(rest);
    if (name == null) {
      return null;
    }
    List<String> commands = pipeline(rest);
    if (commands.size() == 1) {
      return new Call(action, name, false, 0);
    }
    if (commands.size() == 2 && keyword.equals("include")) {
      Matcher m = Pattern.compile("^(n?indent)\\s+(\\d{1,3})$").matcher(commands.get(1).strip());
      if (m.matches()) {
        return new Call(action, name, m.group(1).equals("nindent"), Integer.parseInt(m.group(2)));
      }
    }
    return null;
  }

  private static String name(String rest) {
    Matcher m = NAME.matcher(rest.strip());
    if (!m.find()) {
      return null;
    }
    return m.group(1) != null ? m.group(1).replace("\\\"", "\"") : m.group(2);
  }

  /** The commands of a pipeline: split at each {@code |} outside strings and parentheses. */
  static List<String> pipeline(String text) {
    List<String> commands = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\'') {
        i++;
        while (i < text.length() && text.charAt(i) != c) {
          if (text.charAt(i) == '\\') {
            i++;
          }
          i++;
        }
      } else if (c == '`') {
        int end = text.indexOf('`', i + 1);
        i = end < 0 ? text.length() : end;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        commands.add(text.substring(start, i));
        start = i + 1;
      }
    }
    commands.add(text.substring(start));
    return commands;
  }
}
