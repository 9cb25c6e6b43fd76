package io.chartlint.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The built archives, unpacked, and the processes the tests run against them. */
final class Installed {
  private Installed() {}

  static String version() {
    return System.getProperty("chartlint.version");
  }

  static Path archive(String extension) {
    Path archive =
        Path.of(System.getProperty("chartlint.archives"))
            .resolve("chartlint-" + version() + "." + extension);
    assertThat(archive).as("the archive built by package").isRegularFile();
    return archive;
  }

  /** The repository's root directory. */
  static Path root() {
    return Path.of(System.getProperty("chartlint.root"));
  }

  /** Unpacks the .tar.gz with tar (which keeps the file modes) and returns the installation. */
  static Path unpack(Path into) {
    Result r = run(into, Map.of(), "tar", "xzf", archive("tar.gz").toString());
    assertThat(r.code()).as(r.stderr()).isZero();
    return into.resolve("chartlint-" + version());
  }

  /** What a finished process printed. */
  record Result(int code, String stdout, String stderr) {}

  static Result run(Path dir, Map<String, String> env, String... command) {
    return run(dir, env, null, List.of(command));
  }

  /**
   * Runs a command with a bounded time.
   *
   * @param env variables set (a null value removes the variable)
   */
  static Result run(Path dir, Map<String, String> env, String stdin, List<String> command) {
    try {
      ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
      Map<String, String> environment = pb.environment();
      Map<String, String> set = new HashMap<>(env);
      for (Map.Entry<String, String> e : set.entrySet()) {
        if (e.getValue() == null) {
          environment.remove(e.getKey());
        } else {
          environment.put(e.getKey(), e.getValue());
        }
      }
      Path out = Files.createTempFile("chartlint-out", ".txt");
      Path err = Files.createTempFile("chartlint-err", ".txt");
      pb.redirectOutput(out.toFile()).redirectError(err.toFile());
      if (stdin == null) {
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      }
      Process p = pb.start();
      if (stdin != null) {
        try (var in = p.getOutputStream()) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError("timed out: " + command);
      }
      Result r =
          new Result(
              p.exitValue(),
              Files.readString(out, StandardCharsets.UTF_8),
              Files.readString(err, StandardCharsets.UTF_8));
      Files.delete(out);
      Files.delete(err);
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Every file below a directory, relative to it, for before-and-after comparisons. */
  static List<String> listing(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      List<String> files = new ArrayList<>();
      s.filter(Files::isRegularFile).forEach(f -> files.add(dir.relativize(f).toString()));
      files.sort(null);
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A directory for the PATH holding links to the given commands only (no java among them). */
  static Path toolsWithout(Path dir, String... commands) throws IOException {
    Files.createDirectories(dir);
    for (String c : commands) {
      for (String d : List.of("/usr/bin", "/bin")) {
        Path tool = Path.of(d, c);
        if (Files.isExecutable(tool)) {
          Files.createSymbolicLink(dir.resolve(c), tool);
          break;
        }
      }
    }
    return dir;
  }
}
