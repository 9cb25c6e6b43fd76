package io.chartlint.core.engine;

import io.chartlint.core.UsageException;
import io.chartlint.core.walk.IgnoreRules;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the paths a user gives into inputs (SPEC §3): manifest files, standard input, charts. A
 * file inside a chart stands for its chart, so pre-commit can pass changed files and each chart is
 * linted once; a chart's own templates are never linted raw.
 */
public final class Inputs {
  private Inputs() {}

  /** One thing to lint. */
  public sealed interface Input permits ManifestFile, StandardInput, Chart {
    String displayName();
  }

  /** A file of YAML or JSON documents. */
  public record ManifestFile(String displayName, Path path) implements Input {
    public boolean isJson() {
      return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }
  }

  /** {@code -}: documents on standard input. */
  public record StandardInput(String displayName) implements Input {}

  /** A chart directory or packaged chart. */
  public record Chart(String displayName, Path path) implements Input {}

  /**
   * The inputs found, what was passed over with a reason, and the directories walked (absolute), by
   * which a run tells whether it covered a whole project.
   */
  public record Resolution(List<Input> inputs, List<String> notices, List<Path> walkedDirectories) {
    public Resolution(List<Input> inputs, List<String> notices) {
      this(inputs, notices, List.of());
    }
  }

  public static Resolution resolve(List<String> args, Path workingDirectory) {
    return resolve(args, workingDirectory, IgnoreRules.none(), Set.of());
  }

  /**
   * The inputs, passing over what the ignore rules name (in walks also what {@code .gitignore}
   * files name) and the files this run writes its reports to, so that chartlint never lints its own
   * output.
   */
  public static Resolution resolve(
      List<String> args, Path workingDirectory, IgnoreRules ignore, Set<Path> reports) {
    Map<String, Input> inputs = new LinkedHashMap<>();
    List<String> notices = new ArrayList<>();
    Set<Path> ownOutput = new HashSet<>();
    List<Path> walked = new ArrayList<>();
    reports.forEach(r -> ownOutput.add(r.toAbsolutePath().normalize()));
    for (String arg : args) {
      if (arg.equals("-")) {
        inputs.putIfAbsent("-", new StandardInput("<stdin>"));
        continue;
      }
      Path path = workingDirectory.resolve(arg).normalize();
      if (!Files.exists(path)) {
        throw new UsageException("no such file or directory: " + arg);
      }
      if (!Files.isReadable(path)) {
        throw new UsageException("cannot read " + arg + ": permission denied");
      }
      if (ownOutput.contains(path.toAbsolutePath().normalize())) {
        notices.add(
            display(path, workingDirectory) + ": not linted: this run writes a report to it");
        continue;
      }
      if (ignore.ignoredByUser(path, Files.isDirectory(path))) {
        continue; // asked for: a Maven file set or a pre-commit run lists what config ignores
      }
      if (Files.isDirectory(path)) {
        if (isChart(path)) {
          add(inputs, new Chart(display(path, workingDirectory), path));
        } else {
          walk(path, workingDirectory, inputs, notices, ignore, ownOutput);
          walked.add(path.toAbsolutePath().normalize());
        }
      } else if (isPackagedChart(path)) {
        add(inputs, new Chart(display(path, workingDirectory), path));
      } else {
        Path chart = enclosingChart(path);
        if (chart != null) {
          add(inputs, new Chart(display(chart, workingDirectory), chart));
        } else {
          add(inputs, new ManifestFile(display(path, workingDirectory), path));
        }
      }
    }
    return new Resolution(List.copyOf(inputs.values()), notices, List.copyOf(walked));
  }

  private static void add(Map<String, Input> inputs, Input input) {
    Path key =
        input instanceof ManifestFile f
            ? f.path()
            : input instanceof Chart c ? c.path() : Path.of("-");
    inputs.putIfAbsent(key.toString(), input);
  }

  private static void walk(
      Path root,
      Path workingDirectory,
      Map<String, Input> inputs,
      List<String> notices,
      IgnoreRules ignore,
      Set<Path> ownOutput) {
    ignore.enterRoot(root);
    try {
      Files.walkFileTree(
          root,
          EnumSet.of(FileVisitOption.FOLLOW_LINKS),
          Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
              if (!dir.equals(root) && name.startsWith(".")) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              if (!dir.equals(root) && ignore.ignored(dir, true)) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              ignore.enter(dir);
              if (isChart(dir)) {
                add(inputs, new Chart(display(dir, workingDirectory), dir));
                return FileVisitResult.SKIP_SUBTREE; // its subcharts render with it
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
              if (name.startsWith(".")
                  || ignore.ignored(file, false)
                  || ownOutput.contains(file.toAbsolutePath().normalize())) {
                return FileVisitResult.CONTINUE;
              }
              if (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")) {
                add(inputs, new ManifestFile(display(file, workingDirectory), file));
              } else if (isPackagedChart(file)) {
                add(inputs, new Chart(display(file, workingDirectory), file));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              if (e instanceof FileSystemLoopException) {
                notices.add(
                    display(file, workingDirectory)
                        + ": not followed: a symbolic link loops back to a directory above it");
              } else {
                notices.add(display(file, workingDirectory) + ": cannot read: " + e.getMessage());
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UsageException("cannot read directory " + root + ": " + e.getMessage(), e);
    }
  }

  static boolean isChart(Path dir) {
    return Files.isRegularFile(dir.resolve("Chart.yaml"));
  }

  private static boolean isPackagedChart(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return Files.isRegularFile(file) && (name.endsWith(".tgz") || name.endsWith(".tar.gz"));
  }

  /** The nearest directory above a file that holds {@code Chart.yaml}, or null. */
  static Path enclosingChart(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    while (dir != null) {
      if (isChart(dir)) {
        // a chart's subchart lints as part of its parent
        Path outer = enclosingChart(dir);
        return outer != null
                && dir.getParent() != null
                && dir.getParent().getFileName() != null
                && dir.getParent().getFileName().toString().equals("charts")
            ? outer
            : dir;
      }
      if (Files.exists(dir.resolve(".git"))) {
        return null;
      }
      dir = dir.getParent();
    }
    return null;
  }

  /** A path relative to the working directory when below it, with forward slashes. */
  public static String display(Path path, Path workingDirectory) {
    Path absolute = path.toAbsolutePath().normalize();
    Path base = workingDirectory.toAbsolutePath().normalize();
    Path shown = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
    String text = shown.toString().replace('\\', '/');
    if (text.isEmpty()) {
      return ".";
    }
    // Paths start the lines of reports: one named "::error file=x::y.yaml" must not start a
    // workflow command or any other line a CI system would read as its own.
    char first = text.charAt(0);
    boolean plain =
        Character.isLetterOrDigit(first) || first == '.' || first == '_' || first == '/';
    return plain ? text : "./" + text;
  }
}
