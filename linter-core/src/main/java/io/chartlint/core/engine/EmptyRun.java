package io.chartlint.core.engine;

import io.chartlint.core.UsageException;
import java.util.ArrayList;
import java.util.List;

/**
 * A run with nothing to lint: no chart and no document with {@code apiVersion} or {@code kind}.
 * That is how a failed {@code helm template} or a mistyped path looks, so it is an error unless the
 * user allows it.
 */
public final class EmptyRun {
  private EmptyRun() {}

  /** Thrown when nothing was linted and empty runs are not allowed. */
  public static final class NothingToLintException extends UsageException {
    private static final long serialVersionUID = 1L;

    NothingToLintException(String message) {
      super(message);
    }
  }

  private static final int NAMES_SHOWN = 5;

  /** What was read, for the message. */
  static String describe(
      List<String> arguments, List<Inputs.Input> inputs, List<Linter.InputOutcome> outcomes) {
    List<String> parts = new ArrayList<>();
    List<String> files = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      Inputs.Input input = inputs.get(i);
      int documents = outcomes.get(i).documents();
      if (input instanceof Inputs.StandardInput) {
        parts.add(
            documents == 0
                ? "standard input is empty (did the command before chartlint fail?)"
                : "standard input holds "
                    + plural(documents, "document")
                    + ", none with apiVersion or kind");
      } else {
        files.add(input.displayName());
      }
    }
    if (!files.isEmpty()) {
      String names = String.join(", ", files.subList(0, Math.min(NAMES_SHOWN, files.size())));
      if (files.size() > NAMES_SHOWN) {
        names += ", and " + (files.size() - NAMES_SHOWN) + " more";
      }
      parts.add(
          plural(files.size(), "file")
              + " read ("
              + names
              + "), none with a document that has apiVersion or kind");
    }
    if (inputs.isEmpty()) {
      parts.add(
          "no chart and no .yaml, .yml or .json file in "
              + String.join(" ", arguments)
              + " (hidden, .gitignore'd and ignored paths left out)");
    }
    return "nothing to lint: " + String.join("; ", parts);
  }

  private static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
