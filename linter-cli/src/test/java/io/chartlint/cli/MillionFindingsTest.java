package io.chartlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A million findings in a 256 MB heap, as a small CI runner has: every format prints them all, and
 * a run past {@code --max-findings} ends with a clear usage error rather than an OutOfMemoryError.
 * Run in a child JVM, since the heap is the point.
 */
class MillionFindingsTest {
  @TempDir Path dir;

  private static final int OBJECTS = 50_000;
  private static final int CONTAINERS = 10; // each missing a CPU and a memory request, only those

  private Path manifests(int objects) throws IOException {
    Path file = dir.resolve("many-" + objects + ".yaml");
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < objects; i++) {
        w.write("---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app-" + i + "}\n");
        w.write("spec:\n  template:\n    spec:\n      containers:\n");
        for (int c = 0; c < CONTAINERS; c++) {
          w.write(
              "        - {name: c"
                  + c
                  + ", image: example/app:1,"
                  + " resources: {requests: {ephemeral-storage: 1Gi}}}\n");
        }
      }
    }
    return file;
  }

  private record Child(int exit, long findingLines, String lastLine, String err) {}

  private Child lint(Path stdin, String... args) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            java.toString(),
            "-Xmx256m",
            "-XX:+ExitOnOutOfMemoryError",
            "-cp",
            System.getProperty("java.class.path"),
            "io.chartlint.cli.Main",
            "lint",
            "--no-color",
            "--threads",
            "2"));
    command.addAll(List.of(args));
    command.add("-");
    Path err = dir.resolve("err.txt");
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectInput(stdin.toFile())
            .redirectError(err.toFile())
            .start();
    long findingLines = 0;
    String last = "";
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("<stdin>:")) {
          findingLines++;
        }
        if (!line.isBlank()) {
          last = line;
        }
      }
    }
    assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
    return new Child(process.exitValue(), findingLines, last, Files.readString(err));
  }

  @Test
  void aMillionFindingsPrintInEveryFormatWithin256Megabytes() throws Exception {
    Path input = manifests(OBJECTS);
    Path json = dir.resolve("report.json");
    Path sarif = dir.resolve("report.sarif");
    Path github = dir.resolve("report.github");

    Child run =
        lint(
            input,
            "--format",
            "text",
            "--format",
            "json=" + json,
            "--format",
            "sarif=" + sarif,
            "--format",
            "github=" + github);

    assertThat(run.err()).doesNotContain("OutOfMemoryError", "internal error");
    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    assertThat(run.findingLines()).isEqualTo(1_000_000);
    assertThat(run.lastLine()).startsWith("1000000 errors");
    assertThat(count(github, "::error ")).isEqualTo(1_000_000);
    assertThat(count(json, "    \"ruleId\" : ")).isEqualTo(1_000_000);
    assertThat(count(sarif, "      \"ruleId\" : ")).isEqualTo(1_000_000);
  }

  @Test
  void aMillionFindingsPrintAsGitlabJunitAndCheckstyleWithin256Megabytes() throws Exception {
    Path input = manifests(OBJECTS);
    Path gitlab = dir.resolve("report.gitlab.json");
    Path junit = dir.resolve("report.junit.xml");
    Path checkstyle = dir.resolve("report.checkstyle.xml");

    Child run =
        lint(
            input,
            "--format",
            "gitlab=" + gitlab,
            "--format",
            "junit=" + junit,
            "--format",
            "checkstyle=" + checkstyle);

    assertThat(run.err()).doesNotContain("OutOfMemoryError", "internal error");
    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    assertThat(count(gitlab, "  \"check_name\" : ")).isEqualTo(1_000_000);
    assertThat(count(junit, "      <failure ")).isEqualTo(1_000_000);
    assertThat(count(checkstyle, "    <error ")).isEqualTo(1_000_000);
  }

  /** Lines that start with a prefix; the file, hundreds of megabytes, is deleted after. */
  private static long count(Path file, String prefix) throws IOException {
    try (var lines = Files.lines(file)) {
      return lines.filter(l -> l.startsWith(prefix)).count();
    } finally {
      Files.delete(file);
    }
  }

  @Test
  void pastMaxFindingsTheRunEndsWithAUsageErrorNamingTheOption() throws Exception {
    Child run = lint(manifests(1_000), "--max-findings", "1000");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("more than 1000 findings", "--max-findings");
    assertThat(run.findingLines()).isZero();
  }
}
