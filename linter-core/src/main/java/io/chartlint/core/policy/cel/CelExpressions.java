package io.chartlint.core.policy.cel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles and runs CEL expressions in the environment of a ValidatingAdmissionPolicy: the
 * variables {@code object}, {@code oldObject}, {@code params}, {@code request}, {@code
 * namespaceObject} and {@code variables}, the standard macros, cel-java's string extensions and
 * optionals, and the Kubernetes libraries of {@link KubernetesLibrary}.
 *
 * <p>Cost is bounded as Kubernetes bounds it: each evaluation may spend at most {@link #COST_LIMIT}
 * cost units (Kubernetes' per-expression runtime limit, {@code PerCallLimit} in
 * k8s.io/apiserver/pkg/apis/cel/config.go), one unit per evaluated step here, and at most {@link
 * #TIME_LIMIT_NANOS} of wall-clock time; comprehensions stop after {@link #MAX_ITERATIONS}.
 */
public final class CelExpressions {
  /** Kubernetes' per-expression runtime cost limit. */
  public static final long COST_LIMIT = 1_000_000;

  /** One second per expression and object. */
  public static final long TIME_LIMIT_NANOS = 1_000_000_000L;

  static final int MAX_ITERATIONS = 100_000;

  private static final Cel CEL = build();

  private CelExpressions() {}

  private static Cel build() {
    CelOptions options =
        CelOptions.current()
            .enableOptionalSyntax(true)
            .comprehensionMaxIterations(MAX_ITERATIONS)
            .enableHeterogeneousNumericComparisons(true)
            .build();
    return CelFactory.standardCelBuilder()
        .setOptions(options)
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .addCompilerLibraries(CelExtensions.strings(), CelExtensions.optional())
        .addRuntimeLibraries(CelExtensions.strings(), CelExtensions.optional())
        .addVar("object", SimpleType.DYN)
        .addVar("oldObject", SimpleType.DYN)
        .addVar("params", SimpleType.DYN)
        .addVar("request", SimpleType.DYN)
        .addVar("namespaceObject", SimpleType.DYN)
        .addVar("variables", MapType.create(SimpleType.STRING, SimpleType.DYN))
        .addFunctionDeclarations(KubernetesLibrary.declarations())
        .addFunctionBindings(KubernetesLibrary.bindings())
        .build();
  }

  /** What an expression must evaluate to. */
  public enum Result {
    BOOL,
    STRING,
    ANY
  }

  /** A compiled expression. */
  public static final class Compiled {
    private final String source;
    private final CelRuntime.Program program;

    private Compiled(String source, CelRuntime.Program program) {
      this.source = source;
      this.program = program;
    }

    public String source() {
      return source;
    }

    /**
     * Evaluates the expression.
     *
     * @throws EvaluationException when it fails, exceeds its cost or time, or yields a wrong type
     */
    public Object evaluate(Map<String, ?> activation) {
      long[] cost = {0};
      long deadline = System.nanoTime() + TIME_LIMIT_NANOS;
      try {
        return program.trace(
            activation,
            (expr, value) -> {
              if (++cost[0] > COST_LIMIT) {
                throw new Budget("operation cancelled: actual cost limit exceeded");
              }
              if ((cost[0] & 1023) == 0 && System.nanoTime() > deadline) {
                throw new Budget("operation cancelled: evaluation took longer than one second");
              }
            });
      } catch (CelEvaluationException e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof Budget)) {
          cause = cause.getCause();
        }
        throw new EvaluationException(cause instanceof Budget ? cause.getMessage() : message(e), e);
      } catch (Budget e) {
        throw new EvaluationException(e.getMessage(), e);
      } catch (RuntimeException e) {
        throw new EvaluationException(String.valueOf(e.getMessage()), e);
      }
    }
  }

  /** An expression that failed on one object: a finding, never a crash. */
  public static final class EvaluationException extends RuntimeException {
    EvaluationException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** An expression that does not compile, with its position within the expression. */
  public static final class CompileException extends RuntimeException {
    private final int line;

    CompileException(String message, int line) {
      super(message);
      this.line = line;
    }

    /** The line within the expression, from 1. */
    public int line() {
      return line;
    }
  }

  private static final class Budget extends RuntimeException {
    Budget(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Compiles an expression.
   *
   * @throws CompileException when it does not parse, does not type-check, or cannot yield what it
   *     must
   */
  public static Compiled compile(String source, Result result) {
    String key = result + "\u0000" + source;
    Compiled cached = COMPILED.get(key);
    if (cached != null) {
      return cached;
    }
    Compiled compiled = compileNew(source, result);
    if (COMPILED.size() < 4096) {
      COMPILED.putIfAbsent(key, compiled);
    }
    return compiled;
  }

  /**
   * Expressions already compiled, by their text: copies of one policy (one per team or namespace)
   * repeat the same expressions, and a compiled program is immutable.
   */
  private static final java.util.concurrent.ConcurrentMap<String, Compiled> COMPILED =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static Compiled compileNew(String source, Result result) {
    CelAbstractSyntaxTree ast;
    try {
      ast = CEL.compile(source).getAst();
    } catch (CelValidationException e) {
      List<String> messages = new ArrayList<>();
      int line = 1;
      for (CelIssue issue : e.getErrors()) {
        if (messages.isEmpty() && issue.getSourceLocation().getLine() > 0) {
          line = issue.getSourceLocation().getLine();
        }
        messages.add(issue.getMessage());
      }
      throw new CompileException(String.join("; ", messages), line);
    }
    CelKind kind = ast.getResultType().kind();
    boolean dynamic = kind == CelKind.DYN || kind == CelKind.ANY;
    if (result == Result.BOOL && !dynamic && kind != CelKind.BOOL) {
      throw new CompileException("must evaluate to bool, not " + ast.getResultType().name(), 1);
    }
    if (result == Result.STRING && !dynamic && kind != CelKind.STRING) {
      throw new CompileException("must evaluate to string, not " + ast.getResultType().name(), 1);
    }
    try {
      return new Compiled(source, (CelRuntime.Program) CEL.createProgram(ast));
    } catch (CelEvaluationException e) {
      throw new CompileException(e.getMessage(), 1);
    }
  }

  private static String message(CelEvaluationException e) {
    String message = e.getMessage();
    if (message == null) {
      return e.getClass().getSimpleName();
    }
    // cel-java prefixes "evaluation error at <source>:<offset>: "
    int marker = message.indexOf(": ");
    return message.startsWith("evaluation error") && marker > 0
        ? message.substring(marker + 2)
        : message;
  }

  /** The CEL value of the object this thread checks now: every policy reads it in a row. */
  private static final ThreadLocal<Object[]> RECENT = new ThreadLocal<>();

  /** The CEL value of an object's JSON, converted once for all policies that check it. */
  public static Object valueOf(Object object, JsonNode json) {
    Object[] recent = RECENT.get();
    if (recent != null && recent[0] == object && recent[1] == json) {
      return recent[2];
    }
    Object value = value(json);
    RECENT.set(new Object[] {object, json, value});
    return value;
  }

  /** A JSON value as CEL sees it: maps, lists, int, double, string, bool and null. */
  public static Object value(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return null;
    }
    if (node.isNull()) {
      return dev.cel.common.values.NullValue.NULL_VALUE;
    }
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.properties().forEach(e -> map.put(e.getKey(), value(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(n -> list.add(value(n)));
      return list;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : (Object) node.doubleValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    return node.asText();
  }
}
