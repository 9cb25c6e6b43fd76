package io.chartlint.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/** The streams and directory a command runs with, so tests can run commands in-process. */
final class Environment {
  final InputStream stdin;
  final PrintStream out;
  final PrintStream err;
  final Path workingDirectory;
  boolean debug;

  Environment(InputStream stdin, PrintStream out, PrintStream err, Path workingDirectory) {
    this.stdin = stdin;
    this.out = out;
    this.err = err;
    this.workingDirectory = workingDirectory;
  }
}
