package io.chartlint.core.report;

import io.chartlint.core.Severity;
import io.chartlint.core.rule.Finding;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** What several machine formats say of a finding in the same way. */
final class Findings {
  private Findings() {}

  /**
   * The message with the object it concerns, and for a chart linted with several values sets the
   * sets that produced it: CI annotations show a message beside a line, away from the object's name
   * and the render.
   */
  static String text(Finding f) {
    String text = f.resource() == null ? f.message() : f.resource().display() + ": " + f.message();
    return f.valuesSets().isEmpty()
        ? text
        : text + " (values: " + String.join(", ", f.valuesSets()) + ")";
  }

  /** The SARIF level, also used by Checkstyle: {@code error}, {@code warning}, {@code note}. */
  static String level(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  /** Whether a finding's file is an absolute path (outside the working directory). */
  static boolean isAbsolute(String file) {
    try {
      return Path.of(file).isAbsolute();
    } catch (InvalidPathException e) {
      return false;
    }
  }

  /**
   * A finding's file as a URI reference: relative ones percent-encoded with forward slashes,
   * absolute ones as {@code file:} URIs.
   */
  static String uri(String file) {
    if (isAbsolute(file)) {
      return Path.of(file).toUri().toASCIIString();
    }
    try {
      return new URI(null, null, file.replace('\\', '/'), null).toASCIIString();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("cannot express " + file + " as a URI", e);
    }
  }
}
