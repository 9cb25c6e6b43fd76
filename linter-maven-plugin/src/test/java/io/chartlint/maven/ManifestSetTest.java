package io.chartlint.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestSetTest {

  @TempDir Path base;

  private List<String> files(List<String> includes, List<String> excludes, String... paths)
      throws IOException {
    for (String p : paths) {
      Path file = base.resolve("k8s").resolve(p);
      Files.createDirectories(file.getParent());
      Files.writeString(file, "");
    }
    return new ManifestSet(new File("k8s"), includes, excludes)
        .files(base).stream()
            .map(f -> base.resolve("k8s").relativize(f).toString().replace('\\', '/'))
            .toList();
  }

  @Test
  void withoutIncludesTakesYamlAndJsonFilesAtAnyDepthInPathOrder() throws IOException {
    assertThat(files(List.of(), List.of(), "b.yaml", "a/c.yml", "a/d.json", "notes.txt"))
        .containsExactly("a/c.yml", "a/d.json", "b.yaml");
  }

  @Test
  void leadingDoubleStarAlsoMatchesTheTopDirectoryAsInAnt() throws IOException {
    assertThat(
            files(List.of("**/app-*.yaml"), List.of(), "app-1.yaml", "x/y/app-2.yaml", "db.yaml"))
        .containsExactly("app-1.yaml", "x/y/app-2.yaml");
  }

  @Test
  void innerDoubleStarMatchesNoDirectoryToo() throws IOException {
    assertThat(
            files(
                List.of("prod/**/*.yaml"),
                List.of(),
                "prod/a.yaml",
                "prod/eu/b.yaml",
                "dev/c.yaml"))
        .containsExactly("prod/a.yaml", "prod/eu/b.yaml");
  }

  @Test
  void excludesWinAndATrailingSlashMeansEverythingBelow() throws IOException {
    assertThat(
            files(
                List.of(),
                List.of("legacy/", "**/*-old.yaml"),
                "a.yaml",
                "legacy/b.yaml",
                "x/c-old.yaml"))
        .containsExactly("a.yaml");
  }

  @Test
  void hiddenDirectoriesAreNotEntered() throws IOException {
    assertThat(files(List.of(), List.of(), ".git/config.yaml", "a.yaml")).containsExactly("a.yaml");
  }

  @Test
  void aMissingDirectoryHasNoFilesAndAFileStandsForItself() throws IOException {
    assertThat(new ManifestSet(new File("nowhere"), List.of(), List.of()).files(base)).isEmpty();
    Files.writeString(base.resolve("one.yaml"), "");
    assertThat(new ManifestSet(new File("one.yaml"), List.of(), List.of()).files(base))
        .containsExactly(base.resolve("one.yaml"));
  }
}
