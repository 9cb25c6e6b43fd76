package io.chartlint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartlint.core.Severity;
import io.chartlint.core.model.Container;
import io.chartlint.core.model.KubeObject;
import io.chartlint.core.model.YamlNodes;
import io.chartlint.core.rule.Finding;
import io.chartlint.core.rule.Rule;
import io.chartlint.core.rule.RuleContext;
import io.chartlint.core.rule.RuleDescriptor;
import io.chartlint.core.rule.RuleInfo;
import io.chartlint.core.rule.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way to suppress a finding, each checked both ways: it hides what it names, and nothing
 * else. Two rules report on the same container so that a suppression naming one of them, or all of
 * them, can be told apart.
 */
class SuppressionFormsTest {
  @TempDir Path dir;

  @RuleInfo(
      id = "no-bad-containers",
      summary = "Containers are not called bad",
      severity = Severity.WARNING,
      since = "0.1.0",
      category = "test")
  static final class NoBadContainers implements Rule {
    @Override
    public void check(KubeObject object, RuleContext context) {
      object
          .podTemplate()
          .ifPresent(
              pod -> {
                for (Container c : pod.allContainers()) {
                  if (c.name().equals("bad")) {
                    context.report(YamlNodes.get(c.node(), "name"), c.describe() + " is bad", "");
                  }
                }
              });
    }
  }

  @RuleInfo(
      id = "no-latest-images",
      summary = "Images are not :latest",
      severity = Severity.ERROR,
      since = "0.1.0",
      category = "test")
  static final class NoLatestImages implements Rule {
    @Override
    public void check(KubeObject object, RuleContext context) {
      object
          .podTemplate()
          .ifPresent(
              pod -> {
                for (Container c : pod.allContainers()) {
                  if (c.image() != null && c.image().endsWith(":latest")) {
                    context.report(
                        YamlNodes.get(c.node(), "image"), c.describe() + " uses :latest", "");
                  }
                }
              });
    }
  }

  /** Reports every ConfigMap document as a whole: a finding without an object. */
  @RuleInfo(
      id = "no-config-maps",
      summary = "Documents are not ConfigMaps",
      severity = Severity.INFO,
      since = "0.1.0",
      category = "test")
  static final class NoConfigMaps implements Rule {
    @Override
    public void checkDocument(io.chartlint.core.load.SourceDocument document, RuleContext context) {
      if ("ConfigMap".equals(YamlNodes.text(YamlNodes.get(document.root(), "kind")))) {
        context.reportAt(document.firstLine(), 1, "a ConfigMap", "");
      }
    }
  }

  /** Throws on the object named boom. */
  @RuleInfo(
      id = "crashes-on-boom",
      summary = "Crashes",
      severity = Severity.INFO,
      since = "0.1.0",
      category = "test")
  static final class CrashesOnBoom implements Rule {
    @Override
    public void check(KubeObject object, RuleContext context) {
      if ("boom".equals(object.name())) {
        throw new IllegalStateException("boom");
      }
    }
  }

  private final Linter linter =
      new Linter(
          new RuleSet(
              List.of(
                  RuleDescriptor.of(new NoBadContainers()),
                  RuleDescriptor.of(new NoLatestImages()),
                  RuleDescriptor.of(new NoConfigMaps()),
                  RuleDescriptor.of(new CrashesOnBoom()))),
          Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC));

  /** A Deployment; {@code %s} are the object's annotations, the template's, and the containers. */
  private static String deployment(
      String name, String objectAnnotations, String templateAnnotations, String containers) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: %s
          namespace: shop
          annotations:
            owner: team-a
        %s
        spec:
          template:
            metadata:
              annotations:
                owner: team-a
        %s
            spec:
              containers:
        %s
        """
        .formatted(name, indent(objectAnnotations, 4), indent(templateAnnotations, 8), containers);
  }

  private static String indent(String lines, int spaces) {
    if (lines.isEmpty()) {
      return "";
    }
    String pad = " ".repeat(spaces);
    return pad + lines.strip().replace("\n", "\n" + pad);
  }

  /** A container called bad whose image is :latest: one finding of each rule. */
  private static final String BAD_LATEST =
      """
              - name: bad
                image: nginx:latest
      """;

  private LintResult lint(Config config, String text) throws IOException {
    Files.writeString(dir.resolve("app.yaml"), text);
    return linter.lint(LintRequest.of(List.of("app.yaml"), dir).withConfig(config).withThreads(1));
  }

  private LintResult lint(String text) throws IOException {
    return lint(Config.DEFAULTS, text);
  }

  private Config config(String yaml) {
    return ConfigLoader.parse(dir.resolve(".chartlint.yaml"), yaml);
  }

  /** {@code rule-id object line}, for findings. */
  private static List<String> reported(LintResult result) {
    return result.findings().stream().map(SuppressionFormsTest::describe).toList();
  }

  private static List<String> suppressed(LintResult result) {
    return result.suppressed().stream().map(s -> describe(s.finding()) + " by " + s.by()).toList();
  }

  private static List<String> ignored(LintResult result) {
    return result.ignoredByPolicy().stream()
        .map(s -> describe(s.finding()) + " by " + s.by())
        .toList();
  }

  private static String describe(Finding f) {
    return f.ruleId()
        + " "
        + (f.resource() == null ? "-" : f.resource().name())
        + " "
        + f.location().line();
  }

  // ---- annotation on the object

  @Test
  void starAnnotationOnAnObjectHidesEveryRuleThereAndNothingElsewhere() throws IOException {
    LintResult result =
        lint(
            deployment("web", "chartlint.io/ignore: \"*\"", "", BAD_LATEST)
                + "---\n"
                + deployment("api", "", "", BAD_LATEST));
    assertThat(suppressed(result))
        .containsExactly(
            "no-bad-containers web 17 by annotation on Deployment/shop/web",
            "no-latest-images web 18 by annotation on Deployment/shop/web");
    assertThat(reported(result))
        .containsExactly("no-bad-containers api 37", "no-latest-images api 38");
    assertThat(result.unusedSuppressions()).isEmpty();
    assertThat(result.objects()).isEqualTo(2);
  }

  @Test
  void annotationNamingOneRuleHidesOnlyThatRule() throws IOException {
    LintResult result =
        lint(deployment("web", "chartlint.io/ignore: no-bad-containers", "", BAD_LATEST));
    assertThat(suppressed(result))
        .containsExactly("no-bad-containers web 17 by annotation on Deployment/shop/web");
    assertThat(reported(result)).containsExactly("no-latest-images web 18");
  }

  @Test
  void annotationListHidesEveryRuleItNamesWhateverTheSpaces() throws IOException {
    LintResult result =
        lint(
            deployment(
                "web",
                "chartlint.io/ignore: \" no-latest-images , no-bad-containers \"",
                "",
                BAD_LATEST));
    assertThat(reported(result)).isEmpty();
    assertThat(result.suppressed()).hasSize(2);
  }

  @Test
  void annotationNamingAnotherRuleHidesNothingAndIsListedAsUnused() throws IOException {
    LintResult result =
        lint(
            deployment(
                "web",
                "chartlint.io/ignore: no-bad-containers-typo",
                "",
                "        - name: good\n          image: nginx:latest\n"));
    assertThat(reported(result)).containsExactly("no-latest-images web 18");
    assertThat(result.unusedSuppressions())
        .containsExactly(
            "app.yaml:8: Deployment/shop/web: annotation chartlint.io/ignore="
                + "\"no-bad-containers-typo\" suppresses nothing");
  }

  // ---- annotation on the pod template

  @Test
  void podTemplateAnnotationHidesItsRulesOnThatObjectOnly() throws IOException {
    LintResult result =
        lint(
            deployment("web", "", "chartlint.io/ignore: no-latest-images", BAD_LATEST)
                + "---\n"
                + deployment("api", "", "", BAD_LATEST));
    assertThat(suppressed(result))
        .containsExactly(
            "no-latest-images web 18 by annotation on Deployment/shop/web pod template");
    assertThat(reported(result))
        .containsExactly(
            "no-bad-containers web 17", "no-bad-containers api 37", "no-latest-images api 38");
  }

  @Test
  void starAnnotationOnThePodTemplateHidesEveryRule() throws IOException {
    LintResult result = lint(deployment("web", "", "chartlint.io/ignore: \"*\"", BAD_LATEST));
    assertThat(reported(result)).isEmpty();
    assertThat(result.suppressed())
        .extracting(LintResult.SuppressedFinding::by)
        .containsOnly("annotation on Deployment/shop/web pod template");
  }

  @Test
  void unusedPodTemplateAnnotationIsListedWithItsLine() throws IOException {
    LintResult result =
        lint(
            deployment(
                "web",
                "",
                "chartlint.io/ignore: no-bad-containers",
                "        - name: good\n          image: nginx:1\n"));
    assertThat(result.findings()).isEmpty();
    assertThat(result.unusedSuppressions())
        .containsExactly(
            "app.yaml:14: Deployment/shop/web pod template: annotation chartlint.io/ignore="
                + "\"no-bad-containers\" suppresses nothing");
  }

  @Test
  void aPodsOwnAnnotationIsReadOnceAsTheObjects() throws IOException {
    LintResult result =
        lint(
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: solo
              annotations:
                chartlint.io/ignore: no-such-rule
            spec:
              containers:
                - name: app
                  image: app:1
            """);
    assertThat(result.unusedSuppressions())
        .containsExactly(
            "app.yaml:6: Pod/solo: annotation chartlint.io/ignore=\"no-such-rule\" suppresses"
                + " nothing");
  }

  // ---- ignore-reason

  @Test
  void ignoreReasonIsShownWithTheFindingItHides() throws IOException {
    LintResult result =
        lint(
            deployment(
                "web",
                "chartlint.io/ignore: no-bad-containers\n"
                    + "chartlint.io/ignore-reason: \"vendor chart, see OPS-12\"",
                "chartlint.io/ignore: no-latest-images\n"
                    + "chartlint.io/ignore-reason: pinned by the operator",
                BAD_LATEST));
    assertThat(suppressed(result))
        .containsExactly(
            "no-bad-containers web 19 by annotation on Deployment/shop/web"
                + " (vendor chart, see OPS-12)",
            "no-latest-images web 20 by annotation on Deployment/shop/web pod template"
                + " (pinned by the operator)");
  }

  @Test
  void aReasonCannotStartAnOutputLineOrStyleATerminal() throws IOException {
    LintResult result =
        lint(
            deployment(
                "web",
                "chartlint.io/ignore: \"*\"\n"
                    + "chartlint.io/ignore-reason: \"ok\\n::error file=x::forged\\e[31m\\u2028"
                    + "\\u202ex\"",
                "",
                BAD_LATEST));
    assertThat(result.suppressed())
        .extracting(LintResult.SuppressedFinding::by)
        .containsOnly(
            "annotation on Deployment/shop/web (ok\\n::error file=x::forged\\e[31m\\u2028\\u202ex)");
  }

  @Test
  void aLongReasonIsCut() {
    String shown = Sink.reasonSuffix("x".repeat(600));
    assertThat(shown).hasSize(" (".length() + 500 + "…)".length()).endsWith("x…)");
    assertThat(Sink.reasonSuffix("x".repeat(500))).doesNotContain("…");
    assertThat(Sink.reasonSuffix("  ")).isEmpty();
    assertThat(Sink.reasonSuffix(null)).isEmpty();
  }

  // ---- comments

  /** Both findings on one line, so that a comment's rule list is what decides. */
  private static final String BAD_LATEST_ONE_LINE =
      "        - {name: bad, image: \"nginx:latest\"}\n";

  @Test
  void commentAboveHidesItsRuleOnTheNextLineOnly() throws IOException {
    LintResult result =
        lint(
            deployment(
                "web",
                "",
                "",
                "        # chartlint:ignore no-bad-containers legacy name\n" + BAD_LATEST));
    assertThat(suppressed(result))
        .containsExactly("no-bad-containers web 18 by comment at line 17 (legacy name)");
    assertThat(reported(result)).containsExactly("no-latest-images web 19");
    assertThat(result.unusedSuppressions()).isEmpty();
  }

  @Test
  void commentDoesNotReachTheLineAboveIt() throws IOException {
    LintResult result =
        lint(
            deployment(
                "web",
                "",
                "",
                "        - name: bad\n"
                    + "          # chartlint:ignore no-bad-containers\n"
                    + "          image: nginx:1\n"));
    assertThat(reported(result)).containsExactly("no-bad-containers web 17");
    assertThat(result.unusedSuppressions())
        .containsExactly("app.yaml:18: '# chartlint:ignore no-bad-containers' suppresses nothing");
  }

  @Test
  void starCommentOnTheLineHidesEveryRuleThere() throws IOException {
    LintResult result =
        lint(
            deployment(
                "web",
                "",
                "",
                "        - name: bad\n          image: nginx:latest # chartlint:ignore *\n"));
    assertThat(suppressed(result)).containsExactly("no-latest-images web 18 by comment at line 18");
    assertThat(reported(result)).containsExactly("no-bad-containers web 17");
  }

  @Test
  void commentListHidesTheRulesItNamesAndNoOther() throws IOException {
    LintResult both =
        lint(
            deployment(
                "web",
                "",
                "",
                "        # chartlint:ignore no-latest-images,no-bad-containers\n"
                    + BAD_LATEST_ONE_LINE));
    assertThat(reported(both)).isEmpty();
    assertThat(both.suppressed()).hasSize(2);

    LintResult one =
        lint(
            deployment(
                "web",
                "",
                "",
                "        # chartlint:ignore no-latest-images\n" + BAD_LATEST_ONE_LINE));
    assertThat(reported(one)).containsExactly("no-bad-containers web 18");
  }

  // ---- config excludes naming containers

  private static final String THREE_CONTAINERS =
      """
              - name: app
                image: app:latest
              - name: sidecar-proxy
                image: envoy:latest
            initContainers:
              - name: setup
                image: busybox:latest
      """;

  @Test
  void excludeNamingAContainerHidesFindingsOnThatContainerOnly() throws IOException {
    Config config =
        config(
            """
            exclude:
              - {containers: [sidecar-*], rules: [no-latest-images], reason: mesh injects it}
              - {name: web, containers: [setup], reason: vendor init container}
            """);
    LintResult result =
        lint(
            config,
            deployment("web", "", "", THREE_CONTAINERS)
                + "---\n"
                + deployment("api", "", "", THREE_CONTAINERS));
    assertThat(suppressed(result))
        .containsExactly(
            "no-latest-images web 20 by exclude at .chartlint.yaml:2 (mesh injects it)",
            "no-latest-images web 23 by exclude at .chartlint.yaml:3 (vendor init container)",
            "no-latest-images api 45 by exclude at .chartlint.yaml:2 (mesh injects it)");
    assertThat(reported(result))
        .containsExactly(
            "no-latest-images web 18", "no-latest-images api 43", "no-latest-images api 48");
  }

  @Test
  void containerOfReadsTheNamedContainerOfAnIdentityPath() {
    assertThat(Suppressions.containerOf("spec.template.spec.containers[name=app].image"))
        .isEqualTo("app");
    assertThat(Suppressions.containerOf("spec.initContainers[name=setup]")).isEqualTo("setup");
    assertThat(Suppressions.containerOf("spec.ephemeralContainers[name=debug].image"))
        .isEqualTo("debug");
    assertThat(Suppressions.containerOf("spec.template.spec.containers[0].image")).isNull();
    assertThat(Suppressions.containerOf("spec.template.spec.tolerations[0]")).isNull();
    assertThat(Suppressions.containerOf("spec.volumes[name=data].hostPath")).isNull();
    assertThat(Suppressions.containerOf("")).isNull();
    assertThat(Suppressions.containerOf(null)).isNull();
  }

  // ---- the policy

  private static final String ANNOTATED_AND_COMMENTED =
      "        # chartlint:ignore no-bad-containers\n" + BAD_LATEST;

  @Test
  void annotationsOffByConfigReportsTheirFindingsAsIgnoredByPolicy() throws IOException {
    LintResult result =
        lint(
            config("suppressions: {annotations: false}\n"),
            deployment("web", "chartlint.io/ignore: \"*\"", "", ANNOTATED_AND_COMMENTED));
    assertThat(suppressed(result))
        .containsExactly("no-bad-containers web 18 by comment at line 17");
    assertThat(reported(result)).containsExactly("no-latest-images web 19");
    assertThat(ignored(result))
        .containsExactly(
            "no-latest-images web 19 by annotation on Deployment/shop/web: chartlint.io/ignore"
                + " annotations are turned off by the suppressions section of .chartlint.yaml");
    assertThat(result.unusedSuppressions()).isEmpty();
  }

  @Test
  void commentsOffByConfigLeaveAnnotationsWorking() throws IOException {
    LintResult result =
        lint(
            config("suppressions:\n  comments: false\n"),
            deployment("web", "", "", ANNOTATED_AND_COMMENTED)
                + "---\n"
                + deployment(
                    "api", "chartlint.io/ignore: no-bad-containers", "", ANNOTATED_AND_COMMENTED));
    assertThat(reported(result))
        .containsExactly(
            "no-bad-containers web 18", "no-latest-images web 19", "no-latest-images api 40");
    assertThat(ignored(result))
        .containsExactly(
            "no-bad-containers web 18 by comment at line 17: # chartlint:ignore comments are"
                + " turned off by the suppressions section of .chartlint.yaml");
    assertThat(suppressed(result))
        .containsExactly("no-bad-containers api 39 by annotation on Deployment/shop/api");
    assertThat(result.unusedSuppressions()).isEmpty();
  }

  @Test
  void noInlineSuppressionsLeavesExcludesAndCountsWhatItSetAside() throws IOException {
    Config config =
        config("exclude:\n  - {name: api, reason: retired next month}\n")
            .withSuppressionPolicy(
                SuppressionPolicy.DEFAULT.withoutInline("--no-inline-suppressions"));
    LintResult result =
        lint(
            config,
            deployment("web", "chartlint.io/ignore: no-latest-images", "", ANNOTATED_AND_COMMENTED)
                + "---\n"
                + deployment(
                    "api", "chartlint.io/ignore: no-latest-images", "", ANNOTATED_AND_COMMENTED));
    assertThat(reported(result))
        .containsExactly("no-bad-containers web 18", "no-latest-images web 19");
    assertThat(ignored(result))
        .containsExactly(
            "no-bad-containers web 18 by comment at line 17: # chartlint:ignore comments are"
                + " turned off by --no-inline-suppressions",
            "no-latest-images web 19 by annotation on Deployment/shop/web: chartlint.io/ignore"
                + " annotations are turned off by --no-inline-suppressions");
    // the exclude hides api's findings; what it hides is not "ignored"
    assertThat(suppressed(result))
        .containsExactly(
            "no-bad-containers api 39 by exclude at .chartlint.yaml:2 (retired next month)",
            "no-latest-images api 40 by exclude at .chartlint.yaml:2 (retired next month)");
  }

  @Test
  void requireReasonSetsAsideInlineSuppressionsWithoutOne() throws IOException {
    Config config = config("suppressions: {requireReason: true}\n");
    LintResult result =
        lint(
            config,
            deployment(
                    "web",
                    "chartlint.io/ignore: no-latest-images",
                    "",
                    "        # chartlint:ignore no-bad-containers\n" + BAD_LATEST)
                + "---\n"
                + deployment(
                    "api",
                    "chartlint.io/ignore: no-latest-images\nchartlint.io/ignore-reason: vendor",
                    "",
                    "        # chartlint:ignore no-bad-containers renamed in 2.0\n" + BAD_LATEST));
    assertThat(reported(result))
        .containsExactly("no-bad-containers web 18", "no-latest-images web 19");
    assertThat(ignored(result))
        .containsExactly(
            "no-bad-containers web 18 by comment at line 17: the comment gives no reason, which"
                + " the suppressions section of .chartlint.yaml requires",
            "no-latest-images web 19 by annotation on Deployment/shop/web: it has no"
                + " chartlint.io/ignore-reason beside it, which the suppressions section of"
                + " .chartlint.yaml requires");
    assertThat(suppressed(result))
        .containsExactly(
            "no-bad-containers api 40 by comment at line 39 (renamed in 2.0)",
            "no-latest-images api 41 by annotation on Deployment/shop/api (vendor)");
  }

  @Test
  void aCommentSetAsideStillLetsTheAnnotationSuppress() throws IOException {
    LintResult result =
        lint(
            config("suppressions: {requireReason: true}\n"),
            deployment(
                "web",
                "chartlint.io/ignore: \"*\"\nchartlint.io/ignore-reason: vendor chart",
                "",
                ANNOTATED_AND_COMMENTED));
    assertThat(reported(result)).isEmpty();
    assertThat(result.ignoredByPolicy()).isEmpty();
    assertThat(suppressed(result))
        .containsExactly(
            "no-bad-containers web 19 by annotation on Deployment/shop/web (vendor chart)",
            "no-latest-images web 20 by annotation on Deployment/shop/web (vendor chart)");
  }

  @Test
  void withoutASuppressionsSectionEveryInlineSuppressionCounts() {
    Config config = config("failOn: warning\n");
    assertThat(config.suppressionPolicy()).isEqualTo(SuppressionPolicy.DEFAULT);
    assertThat(config("suppressions: {}\n").suppressionPolicy())
        .extracting(
            SuppressionPolicy::annotations,
            SuppressionPolicy::comments,
            SuppressionPolicy::requireReason)
        .containsExactly(true, true, false);
  }

  // ---- excludes by template and for whole documents, unused and expired ones

  private static final String CONFIG_MAP =
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n";

  @Test
  void excludesMatchTemplatesAndWholeDocumentsAndListTheUnusedOnes() throws IOException {
    Config config =
        config(
            """
            exclude:
              - {template: "*/other.yaml", reason: another file}
              - {kind: ConfigMap, reason: objects only}
              - {name: web, reason: retired, until: 2026-01-01}
              - {template: "app.y*ml", rules: [no-latest-images], reason: this file}
              - {name: web, kind: Deployment, namespace: shop, rules: [no-config-maps], reason: not here}
              - {rules: [no-config-maps], reason: documents too}
            """);
    // Linting the one file, as pre-commit does, says nothing of entries about other files: only a
    // run that walks the config's directory knows an entry matched nothing anywhere.
    LintResult oneFile = lint(config, deployment("web", "", "", BAD_LATEST) + "---\n" + CONFIG_MAP);
    assertThat(oneFile.unusedSuppressions()).isEmpty();
    LintResult result =
        linter.lint(LintRequest.of(List.of("."), dir).withConfig(config).withThreads(1));
    assertThat(reported(result)).containsExactly("no-bad-containers web 17");
    assertThat(suppressed(result))
        .containsExactly(
            "no-latest-images web 18 by exclude at .chartlint.yaml:5 (this file)",
            "no-config-maps - 20 by exclude at .chartlint.yaml:7 (documents too)");
    assertThat(result.unusedSuppressions())
        .containsExactly(
            ".chartlint.yaml:2: exclude entry suppresses nothing",
            ".chartlint.yaml:3: exclude entry suppresses nothing",
            ".chartlint.yaml:6: exclude entry suppresses nothing");
    assertThat(result.notices())
        .containsExactly(
            ".chartlint.yaml:4: exclude entry expired on 2026-01-01 and no longer applies"
                + " (retired)");
  }

  @Test
  void excludeFieldsAreAndedAndGlobbed() throws IOException {
    Config config =
        config(
            """
            exclude:
              - {kind: Deploy*, namespace: "sh*p", name: "*", rules: [no-bad-containers], reason: a}
              - {kind: StatefulSet, name: web, reason: other kind}
              - {namespace: prod, reason: other namespace}
            """);
    LintResult result = lint(config, deployment("web", "", "", BAD_LATEST));
    assertThat(suppressed(result))
        .containsExactly("no-bad-containers web 17 by exclude at .chartlint.yaml:2 (a)");
    assertThat(reported(result)).containsExactly("no-latest-images web 18");
    assertThat(Suppressions.glob(null, null)).isTrue();
    assertThat(Suppressions.glob("a*", null)).isFalse();
    assertThat(Suppressions.glob("a.c", "abc")).isFalse();
    assertThat(Suppressions.glob("*", "")).isTrue();
  }

  // ---- what a chart's findings look like when suppressed, and a rule that crashes

  @Test
  void aChartsFindingsAreSuppressedAtTheTemplateLineAcrossValuesSets() throws IOException {
    Path chart = dir.resolve("web");
    Files.createDirectories(chart.resolve("templates"));
    Files.createDirectories(chart.resolve("ci"));
    Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: web\nversion: 0.1.0\n");
    Files.writeString(chart.resolve("values.yaml"), "image: nginx:latest\n");
    Files.writeString(chart.resolve("ci/pinned-values.yaml"), "image: nginx:1.27\n");
    Files.writeString(
        chart.resolve("templates/deploy.yaml"),
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          template:
            spec:
              containers:
                # chartlint:ignore no-bad-containers kept for the dashboards
                - name: bad
                  image: {{ .Values.image }}
                  # chartlint:ignore no-latest-images
                  command: [run]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          namespace: shop
        spec:
          template:
            spec:
              containers:
                - name: bad
                  image: {{ .Values.image }}
        """);
    LintRequest request =
        LintRequest.of(List.of("web"), dir)
            .withThreads(1)
            .withRenderer(
                io.chartlint.core.load.helm.EmbeddedHelmRenderer.load(),
                io.chartlint.core.load.helm.ChartRenderRequest.of(dir),
                true);
    LintResult result = linter.lint(request);
    assertThat(result.internalErrors()).isEmpty();
    assertThat(result.findings())
        .extracting(
            f ->
                describe(f)
                    + " "
                    + f.location().file()
                    + " "
                    + f.location().template()
                    + " "
                    + f.valuesSets())
        .containsExactly(
            "no-latest-images web 12 web/templates/deploy.yaml web/templates/deploy.yaml [values.yaml]",
            "no-bad-containers api 25 web/templates/deploy.yaml web/templates/deploy.yaml"
                + " [values.yaml, ci/pinned-values.yaml]",
            "no-latest-images api 26 web/templates/deploy.yaml web/templates/deploy.yaml"
                + " [values.yaml]");
    // once per values set that rendered it
    assertThat(suppressed(result))
        .containsExactly(
            "no-bad-containers web 11 by comment at line 12 (kept for the dashboards)",
            "no-bad-containers web 11 by comment at line 12 (kept for the dashboards)");
    // listed once, though both values sets rendered it (the line is the rendered stream's)
    assertThat(result.unusedSuppressions())
        .singleElement()
        .asString()
        .startsWith("web:")
        .endsWith(": '# chartlint:ignore no-latest-images' suppresses nothing");
    assertThat(result.objects()).isEqualTo(4);
  }

  @Test
  void aRuleThatCrashesIsAnInternalErrorNamingTheObjectAndTheOthersStillRun() throws IOException {
    LintResult result =
        lint(
            deployment("boom", "", "", BAD_LATEST)
                + "---\n"
                + deployment("api", "", "", BAD_LATEST));
    assertThat(result.internalErrors())
        .singleElement()
        .asString()
        .startsWith(
            "rule crashes-on-boom failed on app.yaml:1 (Deployment/shop/boom):"
                + " java.lang.IllegalStateException: boom")
        .contains("CrashesOnBoom.check");
    assertThat(reported(result))
        .containsExactly(
            "no-bad-containers boom 17",
            "no-latest-images boom 18",
            "no-bad-containers api 37",
            "no-latest-images api 38");
  }
}
