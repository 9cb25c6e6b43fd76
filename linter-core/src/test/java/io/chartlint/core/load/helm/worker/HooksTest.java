package io.chartlint.core.load.helm.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartlint.core.load.helm.ChartRenderRequest;
import io.chartlint.core.load.helm.EmbeddedHelmRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hooks render with the other objects, as helm template prints them, unless left out. */
class HooksTest {
  private static RenderWorkers workers;
  private static EmbeddedHelmRenderer renderer;

  @TempDir static Path dir;
  private static Path chart;

  @BeforeAll
  static void chartWithHooks() throws Exception {
    workers = new RenderWorkers(1, System.getenv());
    renderer = EmbeddedHelmRenderer.using(workers);
    chart =
        TestCharts.chart(
            dir,
            "hooked",
            """
            cleanup:
              annotations:
                helm.sh/hook: post-delete
                helm.sh/hook-delete-policy: hook-succeeded
            """,
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: web, image: nginx}]
            """,
            """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: migrate
              annotations:
                "helm.sh/hook": pre-install,pre-upgrade
                "helm.sh/hook-weight": "-5"
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers: [{name: migrate, image: busybox}]
            """,
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: {{ .Release.Name }}-test
              annotations:
                helm.sh/hook: test
            spec:
              restartPolicy: Never
              containers: [{name: probe, image: busybox}]
            """,
            """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: cleanup
              annotations:
                {{- toYaml .Values.cleanup.annotations | nindent 4 }}
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers: [{name: cleanup, image: busybox}]
            """);
    Files.writeString(chart.resolve("templates/NOTES.txt"), "uses helm.sh/hook\n");
  }

  @AfterAll
  static void stop() {
    workers.close();
  }

  private static List<String> kindsAndNames(String rendered) {
    Matcher m =
        Pattern.compile("(?m)^kind: (\\S+)\\nmetadata:\\n  name: (\\S+)$").matcher(rendered);
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(m.group(1) + "/" + m.group(2));
    }
    return out;
  }

  @Test
  void preInstallJobTestPodAndPostDeleteHookAreRenderedWithTheirAnnotations() throws Exception {
    String out = renderer.render(ChartRenderRequest.of(chart)).manifests();
    assertThat(kindsAndNames(out))
        .containsExactlyInAnyOrder(
            "Deployment/web", "Job/migrate", "Pod/release-name-test", "Job/cleanup");
    assertThat(out)
        .contains("# Source: hooked/templates/t1.yaml")
        .contains("\"helm.sh/hook\": pre-install,pre-upgrade")
        .contains("helm.sh/hook: test")
        .contains("helm.sh/hook: post-delete")
        .contains("helm.sh/hook-delete-policy: hook-succeeded")
        .doesNotContain(ChartCopy.HOOK_STANDIN);
  }

  @Test
  void noHooksLeavesThemOutAsHelmTemplateNoHooksDoes() throws Exception {
    String out =
        renderer
            .render(ChartRenderRequest.of(chart).withLimits(true, Duration.ofSeconds(60)))
            .manifests();
    assertThat(kindsAndNames(out)).containsExactly("Deployment/web");
  }
}
