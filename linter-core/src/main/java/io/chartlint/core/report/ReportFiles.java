package io.chartlint.core.report;

import io.chartlint.core.UsageException;
import io.chartlint.core.text.Escaping;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Where reports are written. A report path the user got wrong (empty, a directory, a place that
 * cannot be written) is a usage error naming it, not an internal error.
 */
public final class ReportFiles {
  private ReportFiles() {}

  /** Writes a report. */
  public interface Body {
    void write(Writer out) throws IOException;
  }

  /**
   * Checks a report path before linting starts.
   *
   * @param given the path as the user wrote it
   * @param option the option it came from, for the message
   */
  public static Path check(String given, String option, Path workingDirectory) {
    if (given.isBlank()) {
      throw new UsageException(option + ": no file name given");
    }
    Path file;
    try {
      file = workingDirectory.resolve(given);
    } catch (InvalidPathException e) {
      throw new UsageException(option + ": not a valid path: " + Escaping.text(given));
    }
    if (Files.isDirectory(file)) {
      throw new UsageException(
          option + ": " + Escaping.text(given) + " is a directory; name a file inside it");
    }
    return file;
  }

  /** Writes a report to a file, creating its directory. */
  public static void write(Path file, Path workingDirectory, Body body) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        body.write(w);
      }
    } catch (IOException | SecurityException e) {
      throw new UsageException(
          "cannot write the report to "
              + Escaping.text(file.toString())
              + ": "
              + Escaping.text(reason(e)));
    }
  }

  private static String reason(Exception e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileAlreadyExistsException) {
      return "a file is in the way of its directory";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
