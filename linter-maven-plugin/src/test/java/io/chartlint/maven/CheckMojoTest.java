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

    // Nothing fails the build, so nothing is a Maven error: the finding is a warning.
    assertThat(log).anyMatch(l -> l.startsWith("[WARNING] src/main/k8s/a.yaml:1:1:"));
    assertThat(log).noneMatch(l -> l.startsWith("[ERROR]"));
    assertThat(log)
        .contains(
            "[INFO] chartlint: 1 error, 0 warnings, 0 info, 0 suppressed in 1 file (0 objects)");
  }

  private static final String NO_REQUESTS =
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
          - name: web
            image: web:1
      """;

  @Test
  void writesAJsonReportWhenNoFormatIsConfiguredAndNoneWhenFormatsSaysNone() throws Exception {
    write("src/main/k8s/a.yaml", NO_REQUESTS);
    CheckMojo mojo = mojo();
    mojo.failOn = "never";
    mojo.execute();

    Path report = project.resolve("target/chartlint/chartlint.json");
    assertThat(Files.readString(report)).contains("\"cpu-request-missing\"");

    Files.delete(report);
    CheckMojo none = mojo();
    none.failOn = "never";
    none.formats = List.of("none");
    none.execute();
    assertThat(report).doesNotExist();
  }

  @Test
  void reportPathsAreRelativeToTheReactorRootAndLogPathsToTheModule() throws Exception {
    write("agent/src/main/k8s/a.yaml", NO_REQUESTS);
    CheckMojo mojo = mojo();
    mojo.baseDir = project.resolve("agent").toFile();
    mojo.buildDirectory = project.resolve("agent/target").toFile();
    mojo.topLevelDirectory = project.toFile();
    mojo.failOn = "never";
    mojo.formats = List.of("json", "sarif");
    mojo.execute();

    assertThat(Files.readString(project.resolve("agent/target/chartlint/chartlint.json")))
        .contains("\"file\" : \"agent/src/main/k8s/a.yaml\"");
    assertThat(Files.readString(project.resolve("agent/target/chartlint/chartlint.sarif")))
        .contains("\"uri\" : \"agent/src/main/k8s/a.yaml\"");
    assertThat(log).anyMatch(l -> l.startsWith("[WARNING] src/main/k8s/a.yaml:"));
  }

  @Test
  void writeBaselineRecordsTheFindingsWithoutFailingAndTheBaselineHidesThem() throws Exception {
    write("src/main/k8s/a.yaml", NO_REQUESTS);
    CheckMojo first = mojo();
    first.writeBaseline = new File("baseline.json");
    first.execute();

    assertThat(Files.readString(project.resolve("baseline.json")))
        .contains(
            "cpu-request-missing", "memory-request-missing", "ephemeral-storage-request-missing");
    assertThat(log).noneMatch(l -> l.startsWith("[ERROR]"));
    assertThat(log).anyMatch(l -> l.startsWith("[INFO] chartlint: recorded 3 findings in "));

    log.clear();
    CheckMojo second = mojo();
    second.baseline = new File("baseline.json");
    second.execute();
    assertThat(log)
        .contains(
            "[INFO] chartlint: 0 errors, 0 warnings, 0 info, 3 suppressed in 1 file (1 object)");
  }

  @Test
  void showFixesLogsEachFindingsFixBelowIt() throws Exception {
    write("src/main/k8s/a.yaml", NO_REQUESTS);
    CheckMojo mojo = mojo();
    mojo.failOn = "never";
    mojo.execute();
    assertThat(log).noneMatch(l -> l.contains("fix:"));

    log.clear();
    mojo.showFixes = true;
    mojo.execute();
    int finding =
        log.indexOf(
            log.stream()
                .filter(l -> l.contains("[cpu-request-missing]"))
                .findFirst()
                .orElseThrow());
    assertThat(log.get(finding + 1)).startsWith("[INFO]   fix: Set resources.requests.cpu");
  }

  @Test
  void refusesAMavenOlderThanItNeedsWithTheVersions() {
    CheckMojo mojo = mojo();
    mojo.mavenVersion = "3.8.7";
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageStartingWith(
            "chartlint-maven-plugin needs Maven 3.9.0 or later; this build runs Maven 3.8.7.");
    for (String ok : List.of("3.9.0", "3.9.11", "4.0.0-rc-4", "3.10")) {
      assertThat(MavenVersion.compare(ok, MavenVersion.REQUIRED)).as(ok).isNotNegative();
    }
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
