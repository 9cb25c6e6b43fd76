package io.chartlint.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unpacked archive's {@code bin/chartlint}, run as a user would: through a symbolic link, from
 * another directory, with each Java installed.
 */
class LauncherTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Each distinct JDK of 17 or later in /usr/lib/jvm (links to the same one count once). */
  static List<Path> jdks() throws IOException {
    Set<Path> found = new LinkedHashSet<>();
    Path jvm = Path.of("/usr/lib/jvm");
    if (Files.isDirectory(jvm)) {
      try (Stream<Path> s = Files.list(jvm)) {
        for (Path p : s.sorted().toList()) {
          Path real = p.toRealPath();
          if (Files.isExecutable(real.resolve("bin/java")) && major(real) >= 17) {
            found.add(real);
          }
        }
      }
    }
    if (found.isEmpty()) {
      found.add(Path.of(System.getProperty("java.home")).toRealPath());
    }
    return new ArrayList<>(found);
  }

  static int major(Path jdk) throws IOException {
    Path release = jdk.resolve("release");
    if (!Files.isRegularFile(release)) {
      return -1;
    }
    Matcher m = Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(Files.readString(release));
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  /** Charts to lint: one of the repository's, and one of the shared corpus when it is there. */
  static List<Path> charts() {
    List<Path> charts = new ArrayList<>();
    charts.add(Installed.root().resolve("testdata/src/main/resources/charts/node-agent"));
    Path corpus =
        Path.of(System.getProperty("chartlint.corpus", "")).resolve("charts/metrics-server");
    if (Files.isRegularFile(corpus.resolve("Chart.yaml"))) {
      charts.add(corpus);
    }
    return charts;
  }

  @Test
  void jsonOnStdoutEveryTimeThroughASymlinkSwitchingJdksBackAndForth(@TempDir Path tmp)
      throws IOException {
    Path home = Installed.unpack(Files.createDirectories(tmp.resolve("opt")));
    Path onPath = Files.createDirectories(tmp.resolve("user-bin"));
    Path link =
        Files.createSymbolicLink(onPath.resolve("chartlint"), home.resolve("bin/chartlint"));
    Path cache = tmp.resolve("cache");
    Path work = Files.createDirectories(tmp.resolve("work"));
    List<String> before = Installed.listing(home);

    List<Path> jdks = jdks();
    List<Path> order = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      order.addAll(jdks); // 17, 25, 17, 25: each runtime meets the other's cache
    }
    for (Path jdk : order) {
      for (Path chart : charts()) {
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", jdk.toString());
        env.put("XDG_CACHE_HOME", cache.toString());
        Installed.Result r =
            Installed.run(work, env, link.toString(), "lint", "--format", "json", chart.toString());
        String what = jdk + " on " + chart + ":\n" + r.stderr();
        assertThat(r.code()).as(what).isIn(0, 1);
        JsonNode report = JSON.readTree(r.stdout());
        assertThat(report.path("tool").path("name").asText()).as(what).isEqualTo("chartlint");
        assertThat(report.path("findings").isArray()).as(what).isTrue();
        assertThat(r.stderr()).as(what).doesNotContain("internal error", "cannot load");
      }
    }
    // One start-up cache per runtime, in the user's cache directory; the installation unchanged.
    try (Stream<Path> s = Files.list(cache.resolve("chartlint"))) {
      assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jsa")))
          .hasSize(jdks.size());
    }
    assertThat(Installed.listing(home)).isEqualTo(before);
  }

  @Test
  void standardInputAndTheRepositoryTestdataLintLikeTheCommand(@TempDir Path tmp)
      throws IOException {
    Path home = Installed.unpack(tmp);
    Path manifest =
        Installed.root().resolve("testdata/src/main/resources/examples/node-agent.yaml");
    Installed.Result r =
        Installed.run(
            tmp,
            Map.of("XDG_CACHE_HOME", tmp.resolve("cache").toString()),
            Files.readString(manifest),
            List.of(home.resolve("bin/chartlint").toString(), "lint", "--format", "json", "-"));
    assertThat(r.code()).as(r.stderr()).isEqualTo(1);
    assertThat(JSON.readTree(r.stdout()).path("findings").size()).isPositive();
  }

  @Test
  void withoutJavaSaysSoAndExitsTwo(@TempDir Path tmp) throws IOException {
    Path home = Installed.unpack(tmp);
    Path tools = Installed.toolsWithout(tmp.resolve("tools"), "dirname", "readlink", "sed", "ls");
    Map<String, String> env = new HashMap<>();
    env.put("JAVA_HOME", null);
    env.put("PATH", tools.toString());
    Installed.Result r =
        Installed.run(tmp, env, "/bin/sh", home.resolve("bin/chartlint").toString(), "version");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.stdout()).isEmpty();
    assertThat(r.stderr()).startsWith("chartlint: no Java found").contains("Java 17 or later");
  }

  @Test
  void anOldJavaIsRefusedWithItsVersionAndExitTwo(@TempDir Path tmp) throws IOException {
    Path home = Installed.unpack(tmp);
    // A Java 11 installation as far as the launcher can tell: its release file and a java that
    // would fail the test if it were run.
    Path old = Files.createDirectories(tmp.resolve("jdk-11/bin"));
    Files.writeString(old.resolve("../release"), "JAVA_VERSION=\"11.0.2\"\n");
    Path java = old.resolve("java");
    Files.writeString(java, "#!/bin/sh\necho ran-old-java\nexit 0\n");
    java.toFile().setExecutable(true);
    Installed.Result r =
        Installed.run(
            tmp,
            Map.of("JAVA_HOME", tmp.resolve("jdk-11").toString()),
            home.resolve("bin/chartlint").toString(),
            "version");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.stdout()).isEmpty();
    assertThat(r.stderr()).contains("is Java 11.0.2", "needs Java 17 or later");

    Installed.Result notJava =
        Installed.run(
            tmp,
            Map.of("JAVA_HOME", tmp.resolve("nowhere").toString()),
            home.resolve("bin/chartlint").toString(),
            "version");
    assertThat(notJava.code()).isEqualTo(2);
    assertThat(notJava.stderr()).contains("JAVA_HOME is " + tmp.resolve("nowhere"));
  }

  @Test
  void aFileNamedLikeAJvmOptionIsAnInputNotAnOption(@TempDir Path tmp) throws IOException {
    Path home = Installed.unpack(tmp);
    Path work = Files.createDirectories(tmp.resolve("work"));
    // A pull request can name its files; none of them may reach the JVM's command line as an
    // option (here one that would print to stdout and exit 0).
    Files.writeString(work.resolve("-version"), "kind: ConfigMap\n");
    Installed.Result r =
        Installed.run(
            work,
            Map.of("XDG_CACHE_HOME", tmp.resolve("cache").toString()),
            home.resolve("bin/chartlint").toString(),
            "lint",
            "--format",
            "json",
            "--",
            "-version");
    assertThat(JSON.readTree(r.stdout()).path("tool").path("name").asText())
        .as(r.stderr())
        .isEqualTo("chartlint");
  }

  @Test
  void withoutItsPlatformsNativeLibraryAChartFailsClearlyAndNothingIsDownloaded(@TempDir Path tmp)
      throws Exception {
    Path home = Installed.unpack(tmp);
    // An install without this platform's native library: helm-java would fetch one from Maven
    // Central. Every connection goes to a local proxy that records it.
    try (var files = Files.walk(home.resolve("lib/native"))) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    StringBuilder classpath = new StringBuilder();
    try (var jars = Files.list(home.resolve("lib"))) {
      jars.sorted().forEach(j -> classpath.append(classpath.isEmpty() ? "" : ":").append(j));
    }
    Path chart = Installed.root().resolve("testdata/src/main/resources/charts/node-agent");
    List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (java.net.ServerSocket proxy = new java.net.ServerSocket(0)) {
      Thread recorder =
          new Thread(
              () -> {
                while (!proxy.isClosed()) {
                  try (java.net.Socket call = proxy.accept()) {
                    call.setSoTimeout(2000);
                    calls.add(new String(call.getInputStream().readNBytes(60)));
                  } catch (IOException e) {
                    // closed, or the caller went away
                  }
                }
              });
      recorder.setDaemon(true);
      recorder.start();
      String proxied =
          "-Dhttps.proxyHost=127.0.0.1 -Dhttps.proxyPort="
              + proxy.getLocalPort()
              + " -Dhttp.proxyHost=127.0.0.1 -Dhttp.proxyPort="
              + proxy.getLocalPort();
      List<List<String>> runs =
          List.of(
              // java itself, without the launcher's options: chartlint's own guarantee
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Dhttps.proxyHost=127.0.0.1",
                  "-Dhttps.proxyPort=" + proxy.getLocalPort(),
                  "-cp",
                  classpath.toString(),
                  "io.chartlint.cli.Main",
                  "lint",
                  "--format",
                  "json",
                  chart.toString()),
              List.of(
                  home.resolve("bin/chartlint").toString(),
                  "lint",
                  "--format",
                  "json",
                  chart.toString()));
      for (List<String> command : runs) {
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_OPTS", proxied);
        env.put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        Installed.Result r = Installed.run(tmp, env, null, command);
        assertThat(r.code()).as(r.stderr()).isEqualTo(1);
        JsonNode finding = JSON.readTree(r.stdout()).path("findings").path(0);
        assertThat(finding.path("ruleId").asText()).isEqualTo("chart-render-error");
        assertThat(finding.path("message").asText())
            .contains("the embedded Helm library cannot load");
        assertThat(calls).as("connections chartlint opened").isEmpty();
      }
    }
  }
}
