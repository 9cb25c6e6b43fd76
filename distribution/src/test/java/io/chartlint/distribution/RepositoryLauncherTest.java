package io.chartlint.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's {@code ./chartlint}, in a copy of the repository whose {@code mvnw} stands in
 * for Maven: it counts its builds and "builds" by copying the jar this build made, or fails.
 */
class RepositoryLauncherTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Path repository(Path tmp, String mvnw) throws IOException {
    Path repo = Files.createDirectories(tmp.resolve("chartlint-src"));
    Files.copy(Installed.root().resolve("chartlint"), repo.resolve("chartlint"));
    Files.createDirectories(repo.resolve("distribution/src/bin"));
    Files.copy(
        Installed.root().resolve("distribution/src/bin/chartlint"),
        repo.resolve("distribution/src/bin/chartlint"));
    Files.writeString(repo.resolve("pom.xml"), "<project/>\n");
    for (String module : List.of("linter-core", "rules", "linter-cli")) {
      Files.createDirectories(repo.resolve(module));
    }
    Files.writeString(repo.resolve("mvnw"), mvnw);
    repo.resolve("mvnw").toFile().setExecutable(true);
    repo.resolve("chartlint").toFile().setExecutable(true);
    return repo;
  }

  @Test
  void twoFirstRunsAtOnceBuildOnceAndBothPrintJsonThroughASymlink(@TempDir Path tmp)
      throws Exception {
    Path built = Installed.root().resolve("linter-cli/target/chartlint.jar");
    assertThat(built).as("the command's jar, built by this build").isRegularFile();
    Path repo =
        repository(
            tmp,
            "#!/bin/sh\n"
                + "echo build >> builds.log\n"
                + "sleep 2\n"
                + "mkdir -p linter-cli/target\n"
                + "cp '"
                + built
                + "' linter-cli/target/chartlint.jar\n");
    Path link =
        Files.createSymbolicLink(
            Files.createDirectories(tmp.resolve("bin")).resolve("chartlint"),
            repo.resolve("chartlint"));
    Path manifest =
        Installed.root().resolve("testdata/src/main/resources/examples/node-agent.yaml");
    Map<String, String> env = Map.of("XDG_CACHE_HOME", tmp.resolve("cache").toString());
    Path work = Files.createDirectories(tmp.resolve("work"));
    List<CompletableFuture<Installed.Result>> runs =
        List.of(1, 2).stream()
            .map(
                i ->
                    CompletableFuture.supplyAsync(
                        () ->
                            Installed.run(
                                work,
                                env,
                                link.toString(),
                                "lint",
                                "--format",
                                "json",
                                manifest.toString())))
            .toList();
    for (CompletableFuture<Installed.Result> run : runs) {
      Installed.Result r = run.get();
      assertThat(r.code()).as(r.stderr()).isEqualTo(1);
      assertThat(JSON.readTree(r.stdout()).path("findings").size()).as(r.stderr()).isPositive();
    }
    assertThat(Files.readAllLines(repo.resolve("builds.log"))).containsExactly("build");
    assertThat(repo.resolve("linter-cli/target/launcher.lock")).doesNotExist();

    Installed.Result again = Installed.run(work, env, link.toString(), "version");
    assertThat(again.code()).isZero();
    assertThat(again.stderr()).doesNotContain("building");
    assertThat(Files.readAllLines(repo.resolve("builds.log"))).hasSize(1);
  }

  @Test
  void aFailedBuildExitsTwoWithTheEndOfMavensOutputOnStderr(@TempDir Path tmp) throws IOException {
    Path repo =
        repository(
            tmp,
            "#!/bin/sh\n"
                + "echo '[ERROR] COMPILATION ERROR : cannot find symbol'\n"
                + "echo '[ERROR] Failed to execute goal' >&2\n"
                + "exit 1\n");
    Installed.Result r =
        Installed.run(
            tmp,
            Map.of("XDG_CACHE_HOME", tmp.resolve("cache").toString()),
            repo.resolve("chartlint").toString(),
            "lint",
            ".");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.stdout()).isEmpty();
    assertThat(r.stderr())
        .contains("chartlint: the build failed")
        .contains("  [ERROR] COMPILATION ERROR : cannot find symbol")
        .contains("chartlint: the whole output is in ");
    assertThat(repo.resolve("linter-cli/target/launcher.lock")).doesNotExist();
  }
}
