package io.chartlint.core.report;

import io.chartlint.core.Severity;
import io.chartlint.core.engine.LintResult;
import io.chartlint.core.rule.Finding;
import io.chartlint.core.rule.Location;
import io.chartlint.core.text.Escaping;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * For people: findings grouped by file as {@code file:line:col severity rule-id message}, the
 * offending line beneath, the fix, and a closing summary.
 */
public final class TextReporter implements Reporter {
  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String DIM = "\u001b[2m";

  @Override
  public String name() {
    return "text";
  }

  @Override
  public void write(LintResult result, ReportContext context, Appendable out) throws IOException {
    String nl = System.lineSeparator();
    Map<String, List<String>> sources = new HashMap<>();
    String currentFile = null;
    for (Finding f : result.findings()) {
      if (!f.location().file().equals(currentFile)) {
        if (currentFile != null) {
          out.append(nl);
        }
        currentFile = f.location().file();
        out.append(style(context, BOLD, currentFile)).append(nl);
      }
      writeFinding(f, context, out, sources, null);
    }
    if (context.showSuppressed() && !result.suppressed().isEmpty()) {
      out.append(nl).append(style(context, BOLD, "Suppressed:")).append(nl);
      for (LintResult.SuppressedFinding s : result.suppressed()) {
        writeFinding(s.finding(), context, out, sources, s.by());
      }
    }
    if (!result.unusedSuppressions().isEmpty()) {
      out.append(nl).append("Suppressions that hide nothing (remove them):").append(nl);
      for (String u : result.unusedSuppressions()) {
        out.append("  ").append(u).append(nl);
      }
    }
    if (!result.ignoredByPolicy().isEmpty()) {
      out.append(nl).append("Suppressions ignored by policy (their findings are reported):");
      out.append(nl);
      for (LintResult.SuppressedFinding s : result.ignoredByPolicy()) {
        Finding f = s.finding();
        out.append("  ")
            .append(f.location().file())
            .append(':')
            .append(String.valueOf(f.location().line()))
            .append(' ')
            .append(f.ruleId())
            .append(": ")
            .append(s.by())
            .append(nl);
      }
    }
    if (!result.notices().isEmpty()) {
      out.append(nl).append("Notes:").append(nl);
      for (String n : result.notices()) {
        out.append("  ").append(n).append(nl);
      }
    }
    if (!result.findings().isEmpty()
        || !result.unusedSuppressions().isEmpty()
        || !result.ignoredByPolicy().isEmpty()
        || !result.notices().isEmpty()) {
      out.append(nl);
    }
    out.append(summary(result)).append(nl);
  }

  private void writeFinding(
      Finding f,
      ReportContext context,
      Appendable out,
      Map<String, List<String>> sources,
      String suppressedBy)
      throws IOException {
    String nl = System.lineSeparator();
    String where =
        f.location().file()
            + ":"
            + f.location().line()
            + (f.location().column() > 0 ? ":" + f.location().column() : "");
    out.append(where)
        .append(' ')
        .append(severity(context, f.severity()))
        .append(' ')
        .append(f.ruleId())
        .append(' ');
    if (f.resource() != null) {
      out.append(f.resource().display()).append(": ");
    }
    out.append(f.message()).append(nl);
    String sourceLine = sourceLine(context.workingDirectory(), f, sources);
    if (sourceLine != null) {
      out.append(style(context, DIM, String.format("%6d | ", f.location().line())))
          .append(sourceLine)
          .append(nl);
    }
    for (Location.Related r : f.location().related()) {
      out.append("       ")
          .append(r.message())
          .append(" at ")
          .append(r.file())
          .append(':')
          .append(String.valueOf(r.line()))
          .append(r.column() > 0 ? ":" + r.column() : "")
          .append(nl);
    }
    if (f.location().rendered() != null && f.location().template() != null) {
      out.append("       rendered from ")
          .append(f.location().template())
          .append(", line ")
          .append(String.valueOf(f.location().rendered()))
          .append(" of the rendered output")
          .append(nl);
    }
    if (!f.valuesSets().isEmpty()) {
      out.append("       values: ").append(String.join(", ", f.valuesSets())).append(nl);
    }
    if (f.location().values() != null) {
      out.append("       value: ").append(f.location().values().describe()).append(nl);
    }
    if (f.fix() != null && !f.fix().isBlank()) {
      out.append("       fix: ").append(f.fix().replace("\n", nl + "            ")).append(nl);
    }
    if (suppressedBy != null) {
      out.append("       suppressed by ").append(suppressedBy).append(nl);
    }
  }

  private static String sourceLine(
      Path workingDirectory, Finding f, Map<String, List<String>> sources) {
    String file = f.location().file();
    List<String> lines =
        sources.computeIfAbsent(
            file,
            name -> {
              try {
                Path path = workingDirectory.resolve(name);
                return Files.isRegularFile(path) && Files.size(path) < 16 * 1024 * 1024
                    ? Files.readAllLines(path, StandardCharsets.UTF_8)
                    : List.of();
              } catch (IOException | RuntimeException e) {
                return List.of(); // not UTF-8, unreadable, or <stdin>: show no line
              }
            });
    int line = f.location().line();
    if (line < 1 || line > lines.size()) {
      return null;
    }
    String text = lines.get(line - 1);
    return Escaping.text(text.length() > 200 ? text.substring(0, 200) + "…" : text);
  }

  private static String severity(ReportContext context, Severity severity) {
    String code =
        switch (severity) {
          case ERROR -> "\u001b[31m";
          case WARNING -> "\u001b[33m";
          case INFO -> "\u001b[36m";
        };
    return style(context, code, severity.id());
  }

  private static String style(ReportContext context, String code, String text) {
    return context.color() ? code + text + RESET : text;
  }

  /** {@code 2 errors, 1 warning, 0 infos (3 suppressed) in 4 files, 17 objects}. */
  static String summary(LintResult result) {
    long errors = result.count(Severity.ERROR);
    long warnings = result.count(Severity.WARNING);
    long infos = result.count(Severity.INFO);
    return plural(errors, "error")
        + ", "
        + plural(warnings, "warning")
        + ", "
        + plural(infos, "info")
        + suppressedCounts(result)
        + " in "
        + plural(result.files(), "input")
        + ", "
        + plural(result.objects(), "object")
        + (result.skipped().isEmpty()
            ? ""
            : " (" + plural(result.skipped().size(), "file") + " skipped: not Kubernetes)");
  }

  /** {@code " (3 suppressed, 1 ignored by policy)"}, or "" when both are zero. */
  private static String suppressedCounts(LintResult result) {
    List<String> parts = new java.util.ArrayList<>();
    if (!result.suppressed().isEmpty()) {
      parts.add(result.suppressed().size() + " suppressed");
    }
    if (!result.ignoredByPolicy().isEmpty()) {
      parts.add(result.ignoredByPolicy().size() + " ignored by policy");
    }
    return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
