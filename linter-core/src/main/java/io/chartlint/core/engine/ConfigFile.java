package io.chartlint.core.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds {@code .chartlint.yaml} without reading it. Kept apart from {@link ConfigLoader} so that a
 * run without a config file never loads the YAML and JSON Schema libraries (start-up time).
 */
public final class ConfigFile {
  public static final String NAME = ".chartlint.yaml";

  private ConfigFile() {}

  /**
   * {@code .chartlint.yaml} in the working directory or a parent, up to the repository root (the
   * first directory holding {@code .git}); empty when there is none.
   */
  public static Optional<Path> find(Path workingDirectory) {
    Path dir = workingDirectory.toAbsolutePath().normalize();
    while (dir != null) {
      Path candidate = dir.resolve(NAME);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
      if (Files.exists(dir.resolve(".git"))) {
        break;
      }
      dir = dir.getParent();
    }
    return Optional.empty();
  }
}
