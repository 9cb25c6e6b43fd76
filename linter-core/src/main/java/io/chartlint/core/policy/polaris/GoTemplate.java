package io.chartlint.core.policy.polaris;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The part of Go's {@code text/template} that Polaris check files use, evaluated as Go evaluates
 * it: text, {@code {{- -}}} trimming, comments, {@code if}/{@code else if}/{@code else}, {@code
 * range} (maps in key order), {@code with}, variables ({@code $x := …}, {@code $x = …}, {@code $}),
 * field chains on maps (a missing key is no value, not an error), parenthesised pipelines, {@code
 * |} and the functions {@code and or not eq ne lt le gt ge len index print} plus Polaris's {@code
 * hasPrefix} and {@code hasSuffix} (FairwindsOps/polaris pkg/config/schema.go,
 * TemplateForResource). Anything else ({@code define}, {@code template}, {@code block}, {@code
 * printf}, methods) is refused when the template is parsed, with its line.
 *
 * <p>Data is plain Java: {@code Map<String, Object>}, {@code List<Object>}, {@code String}, {@code
 * Long}/{@code BigInteger}, {@code BigDecimal}, {@code Boolean}; null is Go's "no value".
 */
public final class GoTemplate {
  private static final Set<String> FUNCTIONS =
      Set.of(
          "and",
          "or",
          "not",
          "eq",
          "ne",
          "lt",
          "le",
          "gt",
          "ge",
          "len",
          "index",
          "print",
          "hasPrefix",
          "hasSuffix");

  private final List<Node> nodes;

  private GoTemplate(List<Node> nodes) {
    this.nodes = nodes;
  }

  /** A template that cannot be parsed or uses what chartlint does not evaluate. */
  public static final class TemplateException extends RuntimeException {
    private final int line;

    TemplateException(int line, String message) {
      super(message);
      this.line = line;
    }

    /** The line within the template text, from 1. */
    public int line() {
      return line;
    }
  }

  /** Whether a text holds any action at all. */
  public static boolean isTemplate(String text) {
    return text.contains("{{");
  }

  /**
   * Parses a template.
   *
   * @throws TemplateException with the line of the first action that cannot be parsed or evaluated
   */
  public static GoTemplate parse(String text) {
    return new GoTemplate(new Parser(text).parseAll());
  }

  /**
   * Renders the template with this data as dot.
   *
   * @throws TemplateException when Go would fail too (a comparison of incompatible types, an index
   *     of no value, a string function given no string)
   */
  public String render(Object data) {
    StringBuilder out = new StringBuilder();
    Scope scope = new Scope(data);
    exec(nodes, data, scope, out);
    return out.toString();
  }

  // ---------------------------------------------------------------- syntax tree

  private sealed interface Node permits Text, Action, If, Range, With {}

  private record Text(String text) implements Node {}

  /** A pipeline, printed unless it declares or assigns variables. */
  private record Action(int line, Pipeline pipeline) implements Node {}

  private record If(int line, Pipeline condition, List<Node> then, List<Node> otherwise)
      implements Node {}

  private record With(int line, Pipeline value, List<Node> then, List<Node> otherwise)
      implements Node {}

  private record Range(
      int line,
      String keyVar,
      String valueVar,
      Pipeline value,
      List<Node> body,
      List<Node> otherwise)
      implements Node {}

  /** {@code $a, $b := cmd | cmd}; declare is false for {@code =}. */
  private record Pipeline(int line, List<String> vars, boolean declare, List<Command> commands) {}

  private record Command(List<Operand> operands) {}

  private sealed interface Operand permits Literal, Function, Field, Variable, SubPipeline, Dot {}

  private record Literal(Object value) implements Operand {}

  private record Function(String name) implements Operand {}

  /** {@code .a.b} on dot. */
  private record Field(List<String> names) implements Operand {}

  /** {@code $x.a.b}; {@code $} alone is the data. */
  private record Variable(String name, List<String> fields) implements Operand {}

  private record SubPipeline(Pipeline pipeline, List<String> fields) implements Operand {}

  private record Dot() implements Operand {}

  // ---------------------------------------------------------------- parser

  private static final class Parser {
    private final String text;
    private int pos;
    private int line = 1;

    /** One action's tokens, and the line each starts on. */
    private List<String> tokens;

    private int next;
    private int actionLine;

    Parser(String text) {
      this.text = text;
    }

    List<Node> parseAll() {
      List<Node> nodes = new ArrayList<>();
      String end = parseList(nodes, Set.of());
      if (end != null) {
        throw new TemplateException(actionLine, "unexpected {{" + end + "}}");
      }
      return nodes;
    }

    /**
     * Parses nodes until one of the terminators ({@code end}, {@code else}) and returns the
     * terminating keyword with the rest of its action in {@link #tokens}, or null at the end.
     */
    private String parseList(List<Node> nodes, Set<String> terminators) {
      while (pos < text.length()) {
        int open = text.indexOf("{{", pos);
        if (open < 0) {
          addText(nodes, text.substring(pos));
          advanceTo(text.length());
          break;
        }
        boolean trimLeft =
            text.startsWith("{{- ", open)
                || text.startsWith("{{-\t", open)
                || text.startsWith("{{-\n", open)
                || text.startsWith("{{-\r", open);
        String before = text.substring(pos, open);
        if (trimLeft) {
          before = stripTrailing(before);
        }
        addText(nodes, before);
        advanceTo(open);
        actionLine = line;
        int bodyStart = open + (trimLeft ? 3 : 2);
        int close = findClose(bodyStart);
        boolean trimRight =
            close >= 2
                && isSpace(text.charAt(close - 1))
                && text.charAt(close - 2) == '-'
                && close - 2 >= bodyStart;
        int bodyEnd = trimRight ? close - 2 : close;
        String body = text.substring(bodyStart, bodyEnd);
        advanceTo(close + 2);
        if (trimRight) {
          int skip = pos;
          while (skip < text.length() && isSpace(text.charAt(skip))) {
            skip++;
          }
          advanceTo(skip);
        }
        String trimmed = body.strip();
        if (trimmed.startsWith("/*")) {
          if (!trimmed.endsWith("*/")) {
            throw new TemplateException(actionLine, "unclosed comment");
          }
          continue;
        }
        tokens = tokenize(body);
        next = 0;
        if (tokens.isEmpty()) {
          throw new TemplateException(actionLine, "missing value for command");
        }
        String first = tokens.get(0);
        if (terminators.contains(first)) {
          next = 1;
          return first;
        }
        switch (first) {
          case "if" -> nodes.add(parseIf(1));
          case "range" -> nodes.add(parseRange());
          case "with" -> nodes.add(parseWith());
          case "end", "else" ->
              throw new TemplateException(actionLine, "unexpected {{" + first + "}}");
          case "define", "template", "block", "break", "continue" ->
              throw new TemplateException(
                  actionLine,
                  "{{" + first + "}} is Go template syntax chartlint does not evaluate");
          default -> {
            next = 0;
            nodes.add(new Action(actionLine, pipeline(true)));
          }
        }
      }
      return null;
    }

    private If parseIf(int conditionStart) {
      int at = actionLine;
      next = conditionStart;
      Pipeline condition = pipeline(false);
      List<Node> then = new ArrayList<>();
      String end = parseList(then, Set.of("else", "end"));
      List<Node> otherwise = new ArrayList<>();
      if ("else".equals(end)) {
        if (next < tokens.size() && tokens.get(next).equals("if")) {
          // {{else if x}} is {{else}}{{if x}}…{{end}} sharing the outer end
          otherwise.add(parseIf(next + 1));
          return new If(at, condition, then, otherwise);
        }
        expectEnd();
        end = parseList(otherwise, Set.of("end"));
      }
      if (!"end".equals(end)) {
        throw new TemplateException(at, "{{if}} without {{end}}");
      }
      expectEnd();
      return new If(at, condition, then, otherwise);
    }

    private With parseWith() {
      int at = actionLine;
      next = 1;
      Pipeline value = pipeline(false);
      List<Node> then = new ArrayList<>();
      String end = parseList(then, Set.of("else", "end"));
      List<Node> otherwise = new ArrayList<>();
      if ("else".equals(end)) {
        expectEnd();
        end = parseList(otherwise, Set.of("end"));
      }
      if (!"end".equals(end)) {
        throw new TemplateException(at, "{{with}} without {{end}}");
      }
      expectEnd();
      return new With(at, value, then, otherwise);
    }

    private Range parseRange() {
      int at = actionLine;
      next = 1;
      Pipeline value = pipeline(false);
      String keyVar = null;
      String valueVar = null;
      if (value.vars().size() == 1) {
        valueVar = value.vars().get(0);
      } else if (value.vars().size() == 2) {
        keyVar = value.vars().get(0);
        valueVar = value.vars().get(1);
      }
      if (!value.vars().isEmpty() && !value.declare()) {
        throw new TemplateException(at, "range can only declare variables with :=");
      }
      List<Node> body = new ArrayList<>();
      String end = parseList(body, Set.of("else", "end"));
      List<Node> otherwise = new ArrayList<>();
      if ("else".equals(end)) {
        expectEnd();
        end = parseList(otherwise, Set.of("end"));
      }
      if (!"end".equals(end)) {
        throw new TemplateException(at, "{{range}} without {{end}}");
      }
      expectEnd();
      Pipeline plain = new Pipeline(value.line(), List.of(), false, value.commands());
      return new Range(at, keyVar, valueVar, plain, body, otherwise);
    }

    private void expectEnd() {
      if (next != tokens.size()) {
        throw new TemplateException(actionLine, "unexpected '" + tokens.get(next) + "'");
      }
    }

    /** A pipeline from the current token to the end of the action. */
    private Pipeline pipeline(boolean toEnd) {
      int at = actionLine;
      List<String> vars = new ArrayList<>();
      boolean declare = false;
      int save = next;
      // $x := or $x, $y :=
      while (next < tokens.size()
          && tokens.get(next).startsWith("$")
          && !tokens.get(next).contains(".")) {
        vars.add(tokens.get(next));
        next++;
        if (next < tokens.size() && tokens.get(next).equals(",")) {
          next++;
          continue;
        }
        break;
      }
      if (!vars.isEmpty()
          && next < tokens.size()
          && (tokens.get(next).equals(":=") || tokens.get(next).equals("="))) {
        declare = tokens.get(next).equals(":=");
        next++;
      } else {
        vars.clear();
        next = save;
      }
      List<Command> commands = new ArrayList<>();
      while (true) {
        commands.add(command());
        if (next < tokens.size() && tokens.get(next).equals("|")) {
          next++;
          continue;
        }
        break;
      }
      if (next < tokens.size() && !tokens.get(next).equals(")")) {
        throw new TemplateException(at, "unexpected '" + tokens.get(next) + "'");
      }
      if (toEnd) {
        expectEnd();
      }
      return new Pipeline(at, vars, declare, commands);
    }

    private Command command() {
      List<Operand> operands = new ArrayList<>();
      while (next < tokens.size()) {
        String t = tokens.get(next);
        if (t.equals("|") || t.equals(")")) {
          break;
        }
        operands.add(operand());
      }
      if (operands.isEmpty()) {
        throw new TemplateException(actionLine, "missing value for command");
      }
      if (operands.size() > 1 && !(operands.get(0) instanceof Function)) {
        throw new TemplateException(actionLine, "can't give argument to non-function");
      }
      return new Command(operands);
    }

    private Operand operand() {
      String t = tokens.get(next++);
      if (t.equals("(")) {
        Pipeline inner = pipeline(false);
        if (next >= tokens.size() || !tokens.get(next).equals(")")) {
          throw new TemplateException(actionLine, "unclosed left paren");
        }
        next++;
        List<String> fields = new ArrayList<>();
        while (next < tokens.size()
            && tokens.get(next).startsWith(".")
            && tokens.get(next).length() > 1) {
          fields.addAll(fieldNames(tokens.get(next++)));
        }
        return new SubPipeline(inner, fields);
      }
      if (t.equals(".")) {
        return new Dot();
      }
      if (t.startsWith(".")) {
        return new Field(fieldNames(t));
      }
      if (t.startsWith("$")) {
        int dot = t.indexOf('.', 1);
        String name = dot < 0 ? t : t.substring(0, dot);
        return new Variable(name, dot < 0 ? List.of() : fieldNames(t.substring(dot)));
      }
      if (t.startsWith("\"") || t.startsWith("`")) {
        return new Literal(t.substring(1));
      }
      if (t.equals("true") || t.equals("false")) {
        return new Literal(Boolean.valueOf(t));
      }
      if (t.equals("nil")) {
        throw new TemplateException(actionLine, "nil is not a command");
      }
      if (Character.isDigit(t.charAt(0)) || t.startsWith("-") || t.startsWith("+")) {
        return new Literal(number(t));
      }
      if (FUNCTIONS.contains(t)) {
        return new Function(t);
      }
      if (Character.isLetter(t.charAt(0)) || t.charAt(0) == '_') {
        throw new TemplateException(
            actionLine,
            "function \""
                + t
                + "\" is not one chartlint evaluates (it evaluates "
                + String.join(", ", new java.util.TreeSet<>(FUNCTIONS))
                + ")");
      }
      throw new TemplateException(actionLine, "unexpected '" + t + "'");
    }

    private Object number(String t) {
      try {
        String s = t.replace("_", "");
        if (s.matches("[+-]?[0-9]+")) {
          return new BigInteger(s.startsWith("+") ? s.substring(1) : s);
        }
        return new BigDecimal(s);
      } catch (NumberFormatException e) {
        throw new TemplateException(actionLine, "bad number syntax: " + t);
      }
    }

    private List<String> fieldNames(String chain) {
      List<String> names = new ArrayList<>();
      for (String part : chain.substring(1).split("\\.", -1)) {
        if (part.isEmpty()) {
          throw new TemplateException(actionLine, "bad field chain: " + chain);
        }
        names.add(part);
      }
      return names;
    }

    /** The index of the {@code }}} closing the action whose body starts here. */
    private int findClose(int from) {
      int i = from;
      while (i < text.length()) {
        char c = text.charAt(i);
        if (c == '"') {
          i = skipQuoted(i, '"');
        } else if (c == '`') {
          int end = text.indexOf('`', i + 1);
          if (end < 0) {
            throw new TemplateException(actionLine, "unterminated raw quoted string");
          }
          i = end + 1;
        } else if (c == '/' && text.startsWith("/*", i)) {
          int end = text.indexOf("*/", i + 2);
          if (end < 0) {
            throw new TemplateException(actionLine, "unclosed comment");
          }
          i = end + 2;
        } else if (c == '}' && text.startsWith("}}", i)) {
          return i;
        } else {
          i++;
        }
      }
      throw new TemplateException(actionLine, "unclosed action");
    }

    private int skipQuoted(int start, char quote) {
      int i = start + 1;
      while (i < text.length() && text.charAt(i) != quote) {
        if (text.charAt(i) == '\\') {
          i++;
        } else if (text.charAt(i) == '\n') {
          throw new TemplateException(actionLine, "unterminated quoted string");
        }
        i++;
      }
      if (i >= text.length()) {
        throw new TemplateException(actionLine, "unterminated quoted string");
      }
      return i + 1;
    }

    /** Tokens of one action; a string token keeps its opening quote and holds its value. */
    private List<String> tokenize(String body) {
      List<String> out = new ArrayList<>();
      int i = 0;
      while (i < body.length()) {
        char c = body.charAt(i);
        if (isSpace(c)) {
          i++;
        } else if (c == '(' || c == ')' || c == '|' || c == ',') {
          out.add(String.valueOf(c));
          i++;
        } else if (c == ':' && body.startsWith(":=", i)) {
          out.add(":=");
          i += 2;
        } else if (c == '=') {
          out.add("=");
          i++;
        } else if (c == '"') {
          StringBuilder s = new StringBuilder("\"");
          int j = i + 1;
          while (j < body.length() && body.charAt(j) != '"') {
            char d = body.charAt(j);
            if (d == '\\' && j + 1 < body.length()) {
              char e = body.charAt(++j);
              switch (e) {
                case 'n' -> s.append('\n');
                case 't' -> s.append('\t');
                case 'r' -> s.append('\r');
                case '\\', '"', '\'' -> s.append(e);
                default ->
                    throw new TemplateException(
                        actionLine, "escape \\" + e + " is not one chartlint evaluates");
              }
            } else {
              s.append(d);
            }
            j++;
          }
          out.add(s.toString());
          i = j + 1;
        } else if (c == '`') {
          int end = body.indexOf('`', i + 1);
          out.add("`" + body.substring(i + 1, end));
          i = end + 1;
        } else if (c == '\'') {
          throw new TemplateException(actionLine, "character constants are not evaluated");
        } else {
          int j = i;
          while (j < body.length()
              && !isSpace(body.charAt(j))
              && "()|,=\"`".indexOf(body.charAt(j)) < 0
              && !body.startsWith(":=", j)) {
            j++;
          }
          out.add(body.substring(i, j));
          i = j;
        }
      }
      return out;
    }

    private void advanceTo(int to) {
      for (int i = pos; i < to; i++) {
        if (text.charAt(i) == '\n') {
          line++;
        }
      }
      pos = to;
    }

    private static void addText(List<Node> nodes, String text) {
      if (!text.isEmpty()) {
        nodes.add(new Text(text));
      }
    }

    private static String stripTrailing(String s) {
      int end = s.length();
      while (end > 0 && isSpace(s.charAt(end - 1))) {
        end--;
      }
      return s.substring(0, end);
    }
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  // ---------------------------------------------------------------- evaluation

  /** Variables, innermost last; a block's declarations end with the block. */
  private static final class Scope {
    private final List<String> names = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    Scope(Object data) {
      declare("$", data);
    }

    int mark() {
      return names.size();
    }

    void pop(int mark) {
      while (names.size() > mark) {
        names.remove(names.size() - 1);
        values.remove(values.size() - 1);
      }
    }

    void declare(String name, Object value) {
      names.add(name);
      values.add(value);
    }

    void assign(int line, String name, Object value) {
      int i = names.lastIndexOf(name);
      if (i < 0) {
        throw new TemplateException(line, "undefined variable: " + name);
      }
      values.set(i, value);
    }

    Object get(int line, String name) {
      int i = names.lastIndexOf(name);
      if (i < 0) {
        throw new TemplateException(line, "undefined variable: " + name);
      }
      return values.get(i);
    }
  }

  private static void exec(List<Node> nodes, Object dot, Scope scope, StringBuilder out) {
    for (Node node : nodes) {
      if (node instanceof Text t) {
        out.append(t.text());
      } else if (node instanceof Action a) {
        Object value = eval(a.pipeline(), dot, scope);
        if (a.pipeline().vars().isEmpty()) {
          out.append(print(value));
        }
      } else if (node instanceof If i) {
        int mark = scope.mark();
        boolean truth = truth(eval(i.condition(), dot, scope));
        exec(truth ? i.then() : i.otherwise(), dot, scope, out);
        scope.pop(mark);
      } else if (node instanceof With w) {
        int mark = scope.mark();
        Object value = eval(w.value(), dot, scope);
        if (truth(value)) {
          exec(w.then(), value, scope, out);
        } else {
          exec(w.otherwise(), dot, scope, out);
        }
        scope.pop(mark);
      } else if (node instanceof Range r) {
        range(r, dot, scope, out);
      }
    }
  }

  private static void range(Range r, Object dot, Scope scope, StringBuilder out) {
    Object value = eval(r.value(), dot, scope);
    List<Object[]> items = new ArrayList<>();
    if (value instanceof Map<?, ?> map) {
      new TreeMap<>(map).forEach((k, v) -> items.add(new Object[] {k, v}));
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        items.add(new Object[] {BigInteger.valueOf(i), list.get(i)});
      }
    } else if (value != null) {
      throw new TemplateException(r.line(), "range can't iterate over " + print(value));
    }
    if (items.isEmpty()) {
      int mark = scope.mark();
      exec(r.otherwise(), dot, scope, out);
      scope.pop(mark);
      return;
    }
    for (Object[] item : items) {
      int mark = scope.mark();
      if (r.keyVar() != null) {
        scope.declare(r.keyVar(), item[0]);
      }
      if (r.valueVar() != null) {
        scope.declare(r.valueVar(), item[1]);
      }
      exec(r.body(), item[1], scope, out);
      scope.pop(mark);
    }
  }

  private static Object eval(Pipeline pipeline, Object dot, Scope scope) {
    Object value = null;
    boolean first = true;
    for (Command command : pipeline.commands()) {
      value = evalCommand(pipeline.line(), command, dot, scope, first ? NONE : value);
      first = false;
    }
    if (!pipeline.vars().isEmpty()) {
      String name = pipeline.vars().get(pipeline.vars().size() - 1);
      if (pipeline.declare()) {
        scope.declare(name, value);
      } else {
        scope.assign(pipeline.line(), name, value);
      }
    }
    return value;
  }

  /** No piped value: the first command of a pipeline. */
  private static final Object NONE = new Object();

  private static Object evalCommand(
      int line, Command command, Object dot, Scope scope, Object piped) {
    List<Operand> operands = command.operands();
    Operand head = operands.get(0);
    if (head instanceof Function f) {
      List<Operand> args = operands.subList(1, operands.size());
      return call(line, f.name(), args, piped, dot, scope);
    }
    if (piped != NONE) {
      throw new TemplateException(line, "can't give argument to non-function");
    }
    return evalOperand(line, head, dot, scope);
  }

  private static Object evalOperand(int line, Operand operand, Object dot, Scope scope) {
    if (operand instanceof Literal l) {
      return l.value();
    } else if (operand instanceof Field f) {
      return fields(line, dot, f.names());
    } else if (operand instanceof Variable v) {
      return fields(line, scope.get(line, v.name()), v.fields());
    } else if (operand instanceof SubPipeline p) {
      return fields(line, eval(p.pipeline(), dot, scope), p.fields());
    } else if (operand instanceof Function f) {
      return call(line, f.name(), List.of(), NONE, dot, scope);
    }
    return dot;
  }

  /** A field chain; a missing key, or any field of no value, is no value, as in Go on maps. */
  private static Object fields(int line, Object value, List<String> names) {
    Object current = value;
    for (String name : names) {
      if (current == null) {
        return null;
      }
      if (current instanceof Map<?, ?> map) {
        current = map.get(name);
      } else {
        throw new TemplateException(
            line, "can't evaluate field " + name + " in type " + goType(current));
      }
    }
    return current;
  }

  private static Object call(
      int line, String name, List<Operand> argNodes, Object piped, Object dot, Scope scope) {
    // and/or evaluate their arguments only as far as needed, as Go does since 1.18
    if (name.equals("and") || name.equals("or")) {
      int count = argNodes.size() + (piped == NONE ? 0 : 1);
      if (count < 1) {
        throw new TemplateException(line, "wrong number of args for " + name);
      }
      Object value = null;
      for (int i = 0; i < count; i++) {
        value = i < argNodes.size() ? evalOperand(line, argNodes.get(i), dot, scope) : piped;
        boolean truth = truth(value);
        if (name.equals("and") != truth) {
          return value;
        }
      }
      return value;
    }
    List<Object> args = new ArrayList<>();
    for (Operand a : argNodes) {
      args.add(evalOperand(line, a, dot, scope));
    }
    if (piped != NONE) {
      args.add(piped);
    }
    return switch (name) {
      case "not" -> {
        arity(line, name, args, 1);
        yield !truth(args.get(0));
      }
      case "eq" -> {
        if (args.size() < 2) {
          throw new TemplateException(line, "missing argument for comparison");
        }
        boolean any = false;
        for (int i = 1; i < args.size(); i++) {
          any |= equal(line, args.get(0), args.get(i));
        }
        yield any;
      }
      case "ne" -> {
        arity(line, name, args, 2);
        yield !equal(line, args.get(0), args.get(1));
      }
      case "lt", "le", "gt", "ge" -> {
        arity(line, name, args, 2);
        int c = compare(line, args.get(0), args.get(1));
        yield switch (name) {
          case "lt" -> c < 0;
          case "le" -> c <= 0;
          case "gt" -> c > 0;
          default -> c >= 0;
        };
      }
      case "len" -> {
        arity(line, name, args, 1);
        Object v = args.get(0);
        if (v instanceof String s) {
          yield BigInteger.valueOf(s.getBytes(StandardCharsets.UTF_8).length);
        } else if (v instanceof Map<?, ?> m) {
          yield BigInteger.valueOf(m.size());
        } else if (v instanceof List<?> l) {
          yield BigInteger.valueOf(l.size());
        }
        throw new TemplateException(line, "len of " + goType(v));
      }
      case "index" -> index(line, args);
      case "print" -> {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
          // fmt.Sprint: a space between operands when neither is a string
          if (i > 0 && !(args.get(i) instanceof String) && !(args.get(i - 1) instanceof String)) {
            s.append(' ');
          }
          s.append(print(args.get(i)));
        }
        yield s.toString();
      }
      case "hasPrefix", "hasSuffix" -> {
        arity(line, name, args, 2);
        if (!(args.get(0) instanceof String s) || !(args.get(1) instanceof String affix)) {
          throw new TemplateException(
              line, "wrong type for value; expected string in " + name + ", got no string");
        }
        yield name.equals("hasPrefix") ? s.startsWith(affix) : s.endsWith(affix);
      }
      default -> throw new TemplateException(line, "function \"" + name + "\" not defined");
    };
  }

  private static Object index(int line, List<Object> args) {
    if (args.isEmpty()) {
      throw new TemplateException(line, "wrong number of args for index");
    }
    Object current = args.get(0);
    for (int i = 1; i < args.size(); i++) {
      Object key = args.get(i);
      if (current == null) {
        throw new TemplateException(line, "index of untyped nil");
      }
      if (current instanceof Map<?, ?> map) {
        if (!(key instanceof String)) {
          throw new TemplateException(line, "value has type " + goType(key) + "; should be string");
        }
        current = map.get(key);
      } else if (current instanceof List<?> list) {
        if (!(key instanceof BigInteger n)) {
          throw new TemplateException(line, "cannot index slice with " + goType(key));
        }
        if (n.signum() < 0 || n.compareTo(BigInteger.valueOf(list.size())) >= 0) {
          throw new TemplateException(line, "index out of range: " + n);
        }
        current = list.get(n.intValue());
      } else {
        throw new TemplateException(line, "can't index item of type " + goType(current));
      }
    }
    return current;
  }

  private static void arity(int line, String name, List<Object> args, int n) {
    if (args.size() != n) {
      throw new TemplateException(
          line, "wrong number of args for " + name + ": want " + n + " got " + args.size());
    }
  }

  /** Go's {@code eq}: basic kinds compare by value; no value equals only no value. */
  private static boolean equal(int line, Object a, Object b) {
    String ka = kind(a);
    String kb = kind(b);
    if (a == null || b == null) {
      return a == b;
    }
    if (!ka.equals(kb)) {
      throw new TemplateException(line, "incompatible types for comparison");
    }
    return switch (ka) {
      case "int" -> toBigInteger(a).equals(toBigInteger(b));
      case "float" -> toBigDecimal(a).compareTo(toBigDecimal(b)) == 0;
      case "map", "slice" -> throw new TemplateException(line, "invalid type for comparison");
      default -> a.equals(b);
    };
  }

  private static int compare(int line, Object a, Object b) {
    String ka = kind(a);
    if (a == null || b == null || !ka.equals(kind(b))) {
      throw new TemplateException(line, "incompatible types for comparison");
    }
    return switch (ka) {
      case "int" -> toBigInteger(a).compareTo(toBigInteger(b));
      case "float" -> toBigDecimal(a).compareTo(toBigDecimal(b));
      case "string" -> ((String) a).compareTo((String) b);
      default -> throw new TemplateException(line, "invalid type for comparison");
    };
  }

  private static String kind(Object v) {
    if (v == null) {
      return "invalid";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    if (v instanceof BigInteger || v instanceof Long || v instanceof Integer) {
      return "int";
    }
    if (v instanceof BigDecimal || v instanceof Double) {
      return "float";
    }
    if (v instanceof String) {
      return "string";
    }
    return v instanceof Map ? "map" : "slice";
  }

  private static BigInteger toBigInteger(Object v) {
    return v instanceof BigInteger b ? b : BigInteger.valueOf(((Number) v).longValue());
  }

  private static BigDecimal toBigDecimal(Object v) {
    return v instanceof BigDecimal b ? b : BigDecimal.valueOf(((Number) v).doubleValue());
  }

  private static String goType(Object v) {
    return switch (kind(v)) {
      case "invalid" -> "<nil>";
      case "bool" -> "bool";
      case "int" -> "int64";
      case "float" -> "float64";
      case "string" -> "string";
      case "map" -> "map[string]interface {}";
      default -> "[]interface {}";
    };
  }

  /** Go's truth: false, 0, "", empty map or list and no value are false. */
  static boolean truth(Object v) {
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof BigInteger n) {
      return n.signum() != 0;
    }
    if (v instanceof BigDecimal d) {
      return d.signum() != 0;
    }
    if (v instanceof Number n) {
      return n.doubleValue() != 0;
    }
    if (v instanceof String s) {
      return !s.isEmpty();
    }
    if (v instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    return !((List<?>) v).isEmpty();
  }

  /** As {@code fmt.Sprint} prints a value; no value is {@code <no value>}. */
  static String print(Object v) {
    if (v == null) {
      return "<no value>";
    }
    if (v instanceof BigDecimal d) {
      BigDecimal stripped = d.stripTrailingZeros();
      return stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 21
          ? stripped.toBigInteger().toString()
          : Double.toString(d.doubleValue()).replace("E", "e+").replace("e+-", "e-");
    }
    if (v instanceof Map<?, ?> m) {
      StringBuilder s = new StringBuilder("map[");
      Map<String, Object> sorted = new TreeMap<>();
      m.forEach((k, val) -> sorted.put(String.valueOf(k), val));
      boolean first = true;
      for (Map.Entry<String, Object> e : sorted.entrySet()) {
        if (!first) {
          s.append(' ');
        }
        first = false;
        s.append(e.getKey())
            .append(':')
            .append(e.getValue() == null ? "<nil>" : print(e.getValue()));
      }
      return s.append(']').toString();
    }
    if (v instanceof List<?> l) {
      List<String> parts = new ArrayList<>();
      for (Object o : l) {
        parts.add(o == null ? "<nil>" : print(o));
      }
      return "[" + String.join(" ", parts) + "]";
    }
    return String.valueOf(v);
  }
}
