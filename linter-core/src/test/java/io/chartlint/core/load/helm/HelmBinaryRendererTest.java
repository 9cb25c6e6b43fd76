package io.chartlint.core.load.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
