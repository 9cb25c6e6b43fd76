package io.chartlint.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckMojoTest {

  private static final String NO_KIND =
      """
      apiVersion: apps/v1
      metadata:
        name: agent
      """;

  @TempDir Path project;

  private final List<String> log = new ArrayList<>();

  private CheckMojo mojo() {
    CheckMojo mojo = new CheckMojo();
    mojo.baseDir = project.toFile();
    mojo.buildDirectory = project.resolve("target").toFile();
    // Keeps the run independent of any .chartlint.yaml above the temporary directory.
    mojo.configFile = write(".chartlint.yaml", "failOn: error\n").toFile();
    mojo.setLog(
        new SystemStreamLog() {
          @Override
          public void info(CharSequence content) {
            log.add("[INFO] " + content);
          }

          @Override
          public void warn(CharSequence content) {
            log.add("[WARNING] " + content);
          }

          @Override
          public void error(CharSequence content) {
            log.add("[ERROR] " + content);
          }
        });
    return mojo;
  }

  private Path write(String relative, String text) {
    try {
      Path file = project.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
      return file;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void succeedsAndSaysSoWhenThereIsNothingToLint() throws Exception {
    mojo().execute();

    assertThat(log).anyMatch(l -> l.startsWith("[INFO] chartlint: nothing to lint"));
  }

  @Test
  void failsNamingTheCountAndLogsEachFindingAsAnError() {
    write("src/main/k8s/a.yaml", NO_KIND);
    write("src/main/k8s/nested/b.yml", NO_KIND);

    assertThatThrownBy(() -> mojo().execute())
        .isInstanceOf(MojoFailureException.class)
        .hasMessage("chartlint: 2 findings reach failOn=error (see the errors above)");
    assertThat(log)
        .contains(
            "[ERROR] src/main/k8s/a.yaml:1:1: [manifest-invalid] document is not a Kubernetes"
                + " object: it lacks kind",
            "[ERROR] src/main/k8s/nested/b.yml:1:1: [manifest-invalid] document is not a"
                + " Kubernetes object: it lacks kind");
  }

  @Test
  void failOnNeverLetsTheBuildPassWithFindings() throws Exception {
    write("src/main/k8s/a.yaml", NO_KIND);
    CheckMojo mojo = mojo();
    mojo.failOn = "never";

    mojo.execute();

    assertThat(log).anyMatch(l -> l.startsWith("[ERROR] src/main/k8s/a.yaml:1:1:"));
    assertThat(log)
        .contains(
            "[INFO] chartlint: 1 error, 0 warnings, 0 info, 0 suppressed in 1 file (0 objects)");
  }

  @Test
  void writesEachFormatToTheBuildDirectory() throws Exception {
    write("src/main/k8s/a.yaml", NO_KIND);
    CheckMojo mojo = mojo();
    mojo.failOn = "never";
    mojo.formats = List.of("json", "text");

    mojo.execute();

    Path reports = project.resolve("target/chartlint");
    assertThat(Files.readString(reports.resolve("chartlint.json")))
        .contains("\"ruleId\" : \"manifest-invalid\"");
    assertThat(Files.readString(reports.resolve("chartlint.txt")))
        .contains("src/main/k8s/a.yaml:1:1 error manifest-invalid");
  }

  @Test
  void rejectsAnUnknownFormatBeforeLinting() {
    write("src/main/k8s/a.yaml", NO_KIND);
    CheckMojo mojo = mojo();
    mojo.formats = List.of("json", "yaml");

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageStartingWith("chartlint: unknown format 'yaml' in formats (expected one of ")
        .hasMessageContaining("json")
        .hasNoCause();
    assertThat(log).noneMatch(l -> l.contains("manifest-invalid"));
  }

  @Test
  void rejectsAnUnknownThresholdWithTheExpectedValues() {
    write("src/main/k8s/a.yaml", NO_KIND);
    CheckMojo mojo = mojo();
    mojo.failOn = "sometimes";

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage(
            "chartlint: failOn: unknown threshold 'sometimes' (expected error, warning, info or"
                + " never)");
  }

  @Test
  void aConfiguredManifestDirectoryThatIsMissingIsAConfigurationError() {
    CheckMojo mojo = mojo();
    mojo.manifests = List.of(new ManifestSet(new File("deploy"), List.of(), List.of()));

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage("chartlint: manifests: no such file or directory: deploy");
  }

  @Test
  void aMissingChartIsAConfigurationError() {
    CheckMojo mojo = mojo();
    mojo.charts = List.of(new File("charts/web"));

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("charts/web");
  }

  @Test
  void findsChartDirectoriesAndManifestsByConvention() throws IOException {
    Files.createDirectories(project.resolve("src/main/helm"));
    Files.createDirectories(project.resolve("charts"));
    write("src/main/kubernetes/b.yaml", NO_KIND);
    write("src/main/k8s/a.json", "{}");
    write("src/main/k8s/README.md", "not a manifest");

    assertThat(mojo().inputs(project))
        .containsExactly(
            "src/main/helm", "charts", "src/main/k8s/a.json", "src/main/kubernetes/b.yaml");
  }

  @Test
  void namesReportFilesSoThatNoTwoFormatsShareOne() {
    List<String> names =
        List.of("text", "json", "sarif", "junit", "github", "gitlab", "checkstyle").stream()
            .map(CheckMojo::fileName)
            .toList();

    assertThat(names).doesNotHaveDuplicates().contains("chartlint.json", "chartlint.sarif");
  }
}
