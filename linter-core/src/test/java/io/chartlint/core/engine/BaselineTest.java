package io.chartlint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chartlint.core.Severity;
import io.chartlint.core.UsageException;
import io.chartlint.core.model.ResourceRef;
import io.chartlint.core.rule.Finding;
import io.chartlint.core.rule.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Baselines hide exactly what they recorded, matched by identity and never by line. */
class BaselineTest {
  @TempDir Path dir;

  private static final ResourceRef WEB = new ResourceRef("apps/v1", "Deployment", "shop", "web");

  private static Finding finding(
      String rule, ResourceRef ref, String path, String identity, String file, int line) {
    return new Finding(
        rule,
        Severity.WARNING,
        "message at " + line,
        ref,
        path,
        new Location(file, line, 3, null, null),
        "",
        List.of(),
        identity);
  }

  private static final Finding APP =
      finding(
          "cpu-request-missing",
          WEB,
          "spec.template.spec.containers[0].resources",
          "spec.template.spec.containers[name=app].resources",
          "k8s/app.yaml",
          20);

  private Baseline written(List<Finding> findings) throws IOException {
    Path file = dir.resolve("baseline.json");
    Baseline.write(file, findings, dir);
    return Baseline.read(file, dir);
  }

  @Test
  void hidesARecordedFindingThatMovedToAnotherLineAndIndex() throws IOException {
    Baseline baseline = written(List.of(APP));
    Finding moved =
        finding(
            "cpu-request-missing",
            WEB,
            "spec.template.spec.containers[1].resources",
            "spec.template.spec.containers[name=app].resources",
            "k8s/app.yaml",
            31);
    assertThat(baseline.consume(moved, dir)).isTrue();
    assertThat(baseline.unused()).isEmpty();
    assertThat(baseline.description()).isEqualTo("baseline baseline.json");
  }

  @Test
  void hidesNothingThatDiffersInRuleObjectPathOrFile() throws IOException {
    Baseline baseline = written(List.of(APP));
    assertThat(
            baseline.consume(
                finding(
                    "memory-request-missing",
                    WEB,
                    APP.path(),
                    APP.identityPath(),
                    "k8s/app.yaml",
                    20),
                dir))
        .isFalse();
    assertThat(
            baseline.consume(
                finding(
                    APP.ruleId(),
                    new ResourceRef("apps/v1", "Deployment", "shop", "api"),
                    APP.path(),
                    APP.identityPath(),
                    "k8s/app.yaml",
                    20),
                dir))
        .isFalse();
    assertThat(
            baseline.consume(
                finding(
                    APP.ruleId(),
                    new ResourceRef("apps/v1", "Deployment", null, "web"),
                    APP.path(),
                    APP.identityPath(),
                    "k8s/app.yaml",
                    20),
                dir))
        .isFalse();
    assertThat(
            baseline.consume(
                finding(
                    APP.ruleId(),
                    WEB,
                    "spec.template.spec.containers[0].resources",
                    "spec.template.spec.containers[name=sidecar].resources",
                    "k8s/app.yaml",
                    20),
                dir))
        .isFalse();
    assertThat(
            baseline.consume(
                finding(APP.ruleId(), WEB, APP.path(), APP.identityPath(), "k8s/other.yaml", 20),
                dir))
        .isFalse();
    assertThat(baseline.unused())
        .containsExactly(
            "baseline.json: baseline entry cpu-request-missing in k8s/app.yaml on"
                + " Deployment/shop/web at spec.template.spec.containers[name=app].resources"
                + " matches nothing");
    assertThat(baseline.consume(APP, dir)).isTrue();
  }

  @Test
  void eachEntryHidesOneFindingAndTheRestAreNew() throws IOException {
    Finding syntax = finding("yaml-syntax", null, "", "", "k8s/app.yaml", 4);
    Finding syntax2 = finding("yaml-syntax", null, "", "", "k8s/app.yaml", 9);
    Baseline baseline = written(List.of(syntax, syntax2, APP));
    assertThat(baseline.consume(syntax, dir)).isTrue();
    assertThat(baseline.unused())
        .hasSize(2)
        .first()
        .isEqualTo(
            "baseline.json: baseline entry yaml-syntax in k8s/app.yaml matches nothing (1 of 2"
                + " unused)");
    assertThat(baseline.consume(syntax2, dir)).isTrue();
    assertThat(baseline.consume(finding("yaml-syntax", null, "", "", "k8s/app.yaml", 12), dir))
        .isFalse();
    assertThat(baseline.consume(APP, dir)).isTrue();
    assertThat(baseline.consume(APP, dir)).isFalse();
    assertThat(baseline.unused()).isEmpty();
  }

  @Test
  void writesEntriesSortedWithFilesRelativeToTheBaselinesDirectory() throws IOException {
    Path file = dir.resolve("baseline.json");
    Finding stdin = finding("yaml-syntax", null, "", "", "<stdin>", 1);
    Baseline.write(file, List.of(APP, stdin), dir);
    JsonNode root = new ObjectMapper().readTree(Files.readString(file));
    assertThat(root.get("format").asInt()).isEqualTo(1);
    assertThat(root.get("comment").asText()).contains("--write-baseline");
    JsonNode entries = root.get("findings");
    assertThat(entries).hasSize(2);
    assertThat(entries.get(0).get("file").asText()).isEqualTo("<stdin>");
    assertThat(entries.get(0).get("resource").isNull()).isTrue();
    assertThat(entries.get(0).get("path").asText()).isEmpty();
    JsonNode app = entries.get(1);
    assertThat(app.get("ruleId").asText()).isEqualTo("cpu-request-missing");
    assertThat(app.get("file").asText()).isEqualTo("k8s/app.yaml");
    assertThat(app.get("path").asText())
        .isEqualTo("spec.template.spec.containers[name=app].resources");
    assertThat(app.at("/resource/namespace").asText()).isEqualTo("shop");
    assertThat(app.at("/resource/name").asText()).isEqualTo("web");
    assertThat(app.at("/resource/kind").asText()).isEqualTo("Deployment");
    assertThat(app.get("message").asText()).isEqualTo("message at 20");

    // read back from another working directory, the same files still match
    Path sub = Files.createDirectories(dir.resolve("k8s"));
    Baseline fromSub = Baseline.read(file, sub);
    Finding seenFromSub =
        finding(APP.ruleId(), WEB, APP.path(), APP.identityPath(), "app.yaml", 20);
    assertThat(fromSub.consume(seenFromSub, sub)).isTrue();
    assertThat(fromSub.consume(stdin, sub)).isTrue();
  }

  @Test
  void aFileOutsideTheBaselinesDirectoryIsKeptAbsolute() throws IOException {
    Path file = dir.resolve("ops/baseline.json");
    Path outside = Files.createTempFile("chartlint-outside", ".yaml").toAbsolutePath();
    try {
      Finding f = finding("yaml-syntax", null, "", "", outside.toString(), 1);
      Baseline.write(file, List.of(f), dir.resolve("ops"));
      JsonNode root = new ObjectMapper().readTree(Files.readString(file));
      assertThat(root.at("/findings/0/file").asText()).isEqualTo(outside.toString());
      assertThat(Baseline.read(file, dir).consume(f, dir)).isTrue();
    } finally {
      Files.deleteIfExists(outside);
    }
  }

  @Test
  void mistakesInTheFileAreUsageErrorsNamingIt() throws IOException {
    assertThatThrownBy(() -> Baseline.read(dir.resolve("missing.json"), dir))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "baseline missing.json does not exist (create it with --write-baseline missing.json)");
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"findings\": [");
    assertThatThrownBy(() -> Baseline.read(bad, dir))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith("baseline bad.json is not valid JSON");
    Files.writeString(bad, "{\"entries\": []}");
    assertThatThrownBy(() -> Baseline.read(bad, dir))
        .isInstanceOf(UsageException.class)
        .hasMessage("baseline bad.json has no \"findings\" list; write it with --write-baseline");
    Files.writeString(bad, "{\"findings\": {}}");
    assertThatThrownBy(() -> Baseline.read(bad, dir))
        .hasMessage("baseline bad.json has no \"findings\" list; write it with --write-baseline");
    Files.writeString(bad, "");
    assertThatThrownBy(() -> Baseline.read(bad, dir))
        .hasMessage("baseline bad.json has no \"findings\" list; write it with --write-baseline");
    Files.writeString(
        bad, "{\"findings\": [{\"ruleId\": \"a\", \"file\": \"x\"}, {\"file\": \"y\"}]}");
    assertThatThrownBy(() -> Baseline.read(bad, dir))
        .hasMessage("baseline bad.json: entry 1 needs \"ruleId\" and \"file\"");
    Files.writeString(bad, "{\"findings\": [{\"ruleId\": \"a\", \"file\": null}]}");
    assertThatThrownBy(() -> Baseline.read(bad, dir))
        .hasMessage("baseline bad.json: entry 0 needs \"ruleId\" and \"file\"");
    Path directory = Files.createDirectories(dir.resolve("adir"));
    assertThatThrownBy(() -> Baseline.read(directory, dir))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith("cannot read baseline adir: ");
  }

  @Test
  void theLinterAppliesTheBaselineAfterEveryOtherSuppression() throws IOException {
    Files.writeString(
        dir.resolve("app.yaml"),
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
                # chartlint:ignore no-bad-containers
                - name: bad
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          template:
            spec:
              containers:
                - name: bad
        """);
    Linter linter =
        new Linter(
            new io.chartlint.core.rule.RuleSet(
                List.of(
                    io.chartlint.core.rule.RuleDescriptor.of(
                        new SuppressionFormsTest.NoBadContainers()))));
    LintRequest request = LintRequest.of(List.of("app.yaml"), dir).withThreads(1);
    LintResult first = linter.lint(request);
    assertThat(first.findings()).extracting(f -> f.resource().name()).containsExactly("api");
    Baseline.write(dir.resolve("b.json"), first.findings(), dir);
    LintResult second = linter.lint(request.withBaseline(dir.resolve("b.json")));
    assertThat(second.findings()).isEmpty();
    assertThat(second.suppressed())
        .extracting(s -> s.finding().resource().name() + " " + s.by())
        .containsExactly("web comment at line 9", "api baseline b.json");
    assertThat(second.unusedSuppressions()).isEmpty();
  }
}
