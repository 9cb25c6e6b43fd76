package io.chartlint.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the .tar.gz and the .zip hold. */
class ArchiveContentsTest {
  private static final String PREFIX = "chartlint-" + Installed.version() + "/";

  @Test
  void zipAndTarHoldTheSameFiles() throws IOException {
    Installed.Result tar =
        Installed.run(Path.of("."), Map.of(), "tar", "tzf", Installed.archive("tar.gz").toString());
    List<String> tarFiles = new ArrayList<>();
    for (String line : tar.stdout().split("\n")) {
      if (!line.isBlank() && !line.endsWith("/")) {
        tarFiles.add(line);
      }
    }
    List<String> zipFiles = new ArrayList<>();
    try (ZipFile zip = new ZipFile(Installed.archive("zip").toFile())) {
      zip.stream().filter(e -> !e.isDirectory()).forEach(e -> zipFiles.add(e.getName()));
    }
    Collections.sort(tarFiles);
    Collections.sort(zipFiles);
    assertThat(zipFiles).isEqualTo(tarFiles);
    assertThat(tarFiles)
        .contains(
            PREFIX + "bin/chartlint",
            PREFIX + "bin/chartlint.cmd",
            PREFIX + "LICENSE",
            PREFIX + "README.md",
            PREFIX + "lib/linter-cli-" + Installed.version() + ".jar")
        .allMatch(f -> f.startsWith(PREFIX));
  }

  @Test
  void carriesHelmsNativeLibraryForEveryPlatformEachInItsOwnDirectory(@TempDir Path tmp)
      throws IOException {
    Path home = Installed.unpack(tmp);
    String helmJava = System.getProperty("chartlint.helmJavaVersion");
    List<String> platforms = Arrays.asList(System.getProperty("chartlint.platforms").split(","));
    assertThat(platforms).isNotEmpty();
    for (String platform : platforms) {
      Path jar = home.resolve("lib/native/" + platform + "/" + platform + "-" + helmJava + ".jar");
      assertThat(jar).as(platform).isRegularFile();
      try (JarFile j = new JarFile(jar.toFile())) {
        assertThat(j.getEntry("META-INF/services/com.marcnuri.helm.jni.NativeLibrary"))
            .as(platform)
            .isNotNull();
        assertThat(j.stream().map(e -> e.getName()))
            .as(platform + ": the native library itself")
            .anyMatch(
                n ->
                    n.startsWith("helm-")
                        && (n.endsWith(".so") || n.endsWith(".dylib") || n.endsWith(".dll")));
      }
    }
    // helm-java takes the first native library on the class path: none may sit in lib/ itself,
    // where the launchers put every jar on it.
    try (var files = Files.list(home.resolve("lib"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.matches("(linux|darwin|windows)-(amd64|arm64)-.*\\.jar"))
          .contains("helm-java-" + helmJava + ".jar", "lib-api-" + helmJava + ".jar");
    }
    try (var dirs = Files.list(home.resolve("lib/native"))) {
      assertThat(dirs.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(platforms);
    }
  }

  @Test
  void launchersAreExecutableAndCarryTheLicenseAndReadme(@TempDir Path tmp) throws IOException {
    Path home = Installed.unpack(tmp);
    assertThat(Files.isExecutable(home.resolve("bin/chartlint"))).isTrue();
    assertThat(Files.readString(home.resolve("bin/chartlint"))).startsWith("#!/bin/sh\n");
    assertThat(Files.readString(home.resolve("bin/chartlint.cmd")))
        .contains("\r\n")
        .contains("io.chartlint.cli.Main")
        .doesNotContain("${project.version}");
    assertThat(Files.readString(home.resolve("LICENSE"), StandardCharsets.UTF_8))
        .contains("Apache License", "Version 2.0, January 2004", "END OF TERMS AND CONDITIONS")
        .isEqualTo(Files.readString(Installed.root().resolve("LICENSE")));
    assertThat(Files.readString(home.resolve("README.md")))
        .startsWith("# chartlint " + Installed.version() + "\n")
        .contains("Java 17");
  }
}
