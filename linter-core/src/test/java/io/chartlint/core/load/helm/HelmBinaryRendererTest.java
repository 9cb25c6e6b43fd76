package io.chartlint.core.load.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs a fake {@code helm} that records its arguments and answers as Helm does. */
class HelmBinaryRendererTest {
  @TempDir Path dir;

  @BeforeEach
  void unixShell() {
    assumeTrue(File.separatorChar == '/', "the fake helm is a shell script");
  }

  private Path fakeHelm(String body) throws IOException {
    Path helm = dir.resolve("helm");
    Files.writeString(helm, "#!/bin/sh\n" + body + "\n");
    assumeTrue(helm.toFile().setExecutable(true), "cannot make the fake helm executable");
    return helm;
  }

  @Test
  void passesTheOptionsAsHelmTemplateTakesThemAndReturnsItsOutput() throws Exception {
    Path args = dir.resolve("args.txt");
    Path helm =
        fakeHelm(
            "for a in \"$@\"; do echo \"$a\" >> '"
                + args
                + "'; done\n"
                + "echo '---'\necho '# Source: web/templates/cm.yaml'\necho 'kind: ConfigMap'\n"
                + "echo 'walk.go:74: found symbolic link' >&2");
    ChartRenderRequest request =
        new ChartRenderRequest(
            dir.resolve("web"),
            List.of(dir.resolve("prod.yaml")),
            List.of("a=1"),
            List.of("b=2"),
            List.of("c=" + dir.resolve("c.txt")),
            "rel",
            "ns",
            "1.30.0",
            List.of("example.com/v1"));
    RenderedChart out = new HelmBinaryRenderer(helm).render(request);
    assertThat(out.manifests()).contains("# Source: web/templates/cm.yaml\nkind: ConfigMap");
    assertThat(out.warnings()).containsExactly("walk.go:74: found symbolic link");
    assertThat(Files.readAllLines(args))
        .containsExactly(
            "template",
            "rel",
            dir.resolve("web").toString(),
            "--namespace",
            "ns",
            "--values",
            dir.resolve("prod.yaml").toString(),
            "--set",
            "a=1",
            "--set-string",
            "b=2",
            "--set-file",
            "c=" + dir.resolve("c.txt"),
            "--kube-version",
            "1.30.0",
            "--api-versions",
            "example.com/v1");
  }

  @Test
  void aFailingRenderNamesTheTemplateAndLineHelmReports() throws Exception {
    Path helm =
        fakeHelm(
            "echo 'Error: execution error at (web/templates/deploy.yaml:7:20): tag is required'"
                + " >&2\nexit 1");
    assertThatThrownBy(() -> new HelmBinaryRenderer(helm).render(ChartRenderRequest.of(dir)))
        .isInstanceOfSatisfying(
            ChartRenderException.class,
            e -> {
              assertThat(e.templatePath()).isEqualTo("web/templates/deploy.yaml");
              assertThat(e.line()).isEqualTo(7);
              assertThat(e.getMessage())
                  .startsWith("execution error at")
                  .contains("tag is required");
            });
  }

  @Test
  void anExecutableThatCannotRunIsARenderError() {
    Path missing = dir.resolve("no-helm");
    assertThatThrownBy(() -> new HelmBinaryRenderer(missing).render(ChartRenderRequest.of(dir)))
        .isInstanceOf(ChartRenderException.class)
        .hasMessageContaining("cannot run " + missing);
  }

  @Test
  void noHooksIsPassedOn() throws Exception {
    Path args = dir.resolve("args.txt");
    Path helm = fakeHelm("for a in \"$@\"; do echo \"$a\" >> '" + args + "'; done");
    new HelmBinaryRenderer(helm)
        .render(ChartRenderRequest.of(dir.resolve("web")).withLimits(true, Duration.ofSeconds(60)));
    assertThat(Files.readAllLines(args)).endsWith("--no-hooks");
  }

  @Test
  void helmRunsInAnEnvironmentThatNamesNoClusterAndAHomeOfItsOwn() throws Exception {
    Path helm = fakeHelm("env");
    String env = new HelmBinaryRenderer(helm).render(ChartRenderRequest.of(dir)).manifests();
    String home = System.getenv("HOME");
    assertThat(env)
        .containsPattern("(?m)^HOME=.*chartlint-helm-")
        .containsPattern("(?m)^KUBECONFIG=.*chartlint-helm-[^/]*/kubeconfig$")
        .doesNotContainPattern("(?m)^KUBERNETES_")
        .doesNotContainPattern("(?im)^[a-z]*_proxy=");
    if (home != null && !home.isEmpty() && !home.equals("/")) {
      assertThat(env.lines().filter(line -> !line.startsWith("PATH=")))
          .noneMatch(line -> line.endsWith("=" + home) || line.contains("=" + home + "/"));
    }
  }

  @Test
  void aHelmThatOutlastsTheTimeLimitIsKilledWithItsChildren() throws Exception {
    Path pid = dir.resolve("child.pid");
    Path helm = fakeHelm("sleep 300 &\necho $! > '" + pid + "'\nwait");
    long start = System.nanoTime();
    assertThatThrownBy(
            () ->
                new HelmBinaryRenderer(helm)
                    .render(ChartRenderRequest.of(dir).withLimits(false, Duration.ofSeconds(1))))
        .isInstanceOf(ChartRenderException.class)
        .hasMessageContaining("render time limit of 1s")
        .hasMessageContaining("--render-timeout");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    long child = Long.parseLong(Files.readString(pid).strip());
    assertThat(endsWithin(child, Duration.ofSeconds(5))).as("the child of helm has ended").isTrue();
  }

  /** Whether a process ends (or is a zombie waiting to be reaped) within the time given. */
  static boolean endsWithin(long pid, Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (!running(pid)) {
        return true;
      }
      Thread.sleep(50);
    }
    return !running(pid);
  }

  private static boolean running(long pid) {
    if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      return false;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
    } catch (IOException e) {
      return false;
    }
  }
}
