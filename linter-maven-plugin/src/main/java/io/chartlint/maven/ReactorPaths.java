package io.chartlint.maven;

import io.chartlint.core.engine.LintResult;
import io.chartlint.core.rule.Finding;
import io.chartlint.core.rule.Location;
import java.nio.file.Path;

/**
 * Rewrites a module's result so that file paths are relative to the reactor root, where CI tools
 * (code scanning, Jenkins, GitLab) resolve a report's paths: a module's {@code src/main/k8s/a.yaml}
 * becomes {@code agent/src/main/k8s/a.yaml}. In a single-module build both are the same.
 */
final class ReactorPaths {
  private ReactorPaths() {}

  /**
   * The result with each relative file path of a finding re-rooted from {@code module} to {@code
   * root}; absolute paths, and every path when the module is outside the root, stay as they are.
   */
  static LintResult relativeTo(LintResult result, Path module, Path root) {
    Path m = module.toAbsolutePath().normalize();
    Path r = root.toAbsolutePath().normalize();
    if (m.equals(r) || !m.startsWith(r)) {
      return result;
    }
    return new LintResult(
        result.findings().stream().map(f -> rebase(f, m, r)).toList(),
        result.suppressed().stream()
            .map(s -> new LintResult.SuppressedFinding(rebase(s.finding(), m, r), s.by()))
            .toList(),
        result.unusedSuppressions(),
        result.notices(),
        result.internalErrors(),
        result.files(),
        result.objects(),
        result.failOn(),
        result.skipped(),
        result.ignoredByPolicy().stream()
            .map(s -> new LintResult.SuppressedFinding(rebase(s.finding(), m, r), s.by()))
            .toList());
  }

  private static Finding rebase(Finding f, Path module, Path root) {
    Location at = f.location();
    if (at == null || at.file() == null || at.file().isEmpty() || at.file().equals("-")) {
      return f;
    }
    Path file = Path.of(at.file());
    if (file.isAbsolute()) {
      return f;
    }
    return f.withLocation(
        new Location(
            rebase(at.file(), module, root),
            at.line(),
            at.column(),
            at.template(),
            at.rendered(),
            at.related().stream()
                .map(
                    r ->
                        new Location.Related(
                            rebase(r.file(), module, root), r.line(), r.column(), r.message()))
                .toList()));
  }

  private static String rebase(String file, Path module, Path root) {
    if (file == null || file.isEmpty() || file.equals("-") || Path.of(file).isAbsolute()) {
      return file;
    }
    return root.relativize(module.resolve(file).normalize()).toString().replace('\\', '/');
  }

  /** The modules' common root: the top-level project's directory, else the module's own. */
  static Path root(java.io.File topLevel, Path module) {
    return topLevel == null ? module : topLevel.toPath().toAbsolutePath().normalize();
  }
}
