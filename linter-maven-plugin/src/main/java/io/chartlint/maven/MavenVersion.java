package io.chartlint.maven;

import org.apache.maven.plugin.MojoExecutionException;

/**
 * The plugin's Maven version check. The plugin descriptor's {@code requiredMavenVersion} makes
 * Maven refuse the plugin before it runs; this repeats the check in the plugin itself for runtimes
 * that do not enforce it, so that an older Maven fails with the reason instead of an error deep in
 * the plugin's class loading.
 */
final class MavenVersion {
  /** The oldest Maven the plugin runs on (the APIs it is built against). */
  static final String REQUIRED = "3.9.0";

  private MavenVersion() {}

  static void require(String running) throws MojoExecutionException {
    if (running == null || running.isBlank()) {
      return; // not run by Maven (tests): nothing to check
    }
    if (compare(running, REQUIRED) < 0) {
      throw new MojoExecutionException(
          "chartlint-maven-plugin needs Maven "
              + REQUIRED
              + " or later; this build runs Maven "
              + running
              + ". Use the Maven wrapper (mvn wrapper:wrapper -Dmaven="
              + "3.9.11, then ./mvnw) or install a newer Maven.");
    }
  }

  /**
   * Compares dotted versions numerically; a qualifier ({@code -SNAPSHOT}, {@code -rc-1}) is
   * ignored.
   */
  static int compare(String a, String b) {
    String[] x = a.split("[-+]", 2)[0].split("\\.");
    String[] y = b.split("[-+]", 2)[0].split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int c = Integer.compare(number(x, i), number(y, i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static int number(String[] parts, int i) {
    if (i >= parts.length) {
      return 0;
    }
    try {
      return Integer.parseInt(parts[i]);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
