package io.chartlint.core.load.helm.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chartlint.core.load.helm.ChartRenderException;
import io.chartlint.core.load.helm.ChartRenderRequest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chart that never finishes, or grows without bound, is stopped at its limit and becomes one
 * error naming the limit; the worker it ran in is gone, and the next chart renders.
 */
class RenderLimitsTest {
  @TempDir Path dir;

  private RenderWorkers workers = new RenderWorkers(1, System.getenv());

  @AfterEach
  void close() {
    workers.close();
  }

  private ChartRenderRequest request(Path chart, Duration timeout) {
    return ChartRenderRequest.of(chart).withLimits(false, timeout);
  }

  private void assertTheNextChartStillRenders() throws Exception {
    Path fine =
        TestCharts.chart(
            dir, "fine", "", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fine\n");
    assertThat(workers.render(request(fine, Duration.ofSeconds(60))).manifests())
        .contains("name: fine");
  }

  @Test
  void aWorkerLeftIdleIsStoppedAndTheNextChartStartsAnother() throws Exception {
    workers.close();
    workers =
        new RenderWorkers(
            1, System.getenv(), RenderWorkers.MEMORY_LIMIT_MIB, Duration.ofSeconds(3));
    assertTheNextChartStillRenders();
    long first = workers.workerPids().get(0);
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (ProcessHandle.of(first).map(ProcessHandle::isAlive).orElse(false)
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(ProcessHandle.of(first).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(workers.workerPids()).isEmpty();
    assertTheNextChartStillRenders();
    assertThat(workers.workerPids()).hasSize(1).doesNotContain(first);
  }

  @Test
  void aTemplateThatNeverEndsIsStoppedAtTheTimeLimit() throws Exception {
    Path chart =
        TestCharts.chart(
            dir,
            "endless",
            "",
            "{{- range until 100000 }}{{- range until 100000 }}{{- end }}{{- end }}\n"
                + "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: never\n");
    workers.helmVersion();
    long before = workers.workerPids().get(0);
    long start = System.nanoTime();
    assertThatThrownBy(() -> workers.render(request(chart, Duration.ofSeconds(2))))
        .isInstanceOf(ChartRenderException.class)
        .hasMessageContaining("render time limit of 2s")
        .hasMessageContaining("--render-timeout");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    assertThat(ProcessHandle.of(before).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertTheNextChartStillRenders();
  }

  /**
   * A hundred million lines of output: the render outgrows the time limit or the memory limit,
   * whichever it reaches first on this machine, and either stops it.
   */
  @Test
  void aHugeRangeIsStoppedAtALimit() throws Exception {
    Path chart =
        TestCharts.chart(
            dir,
            "huge",
            "",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: huge\ndata:\n"
                + "{{- range $i := until 100000000 }}\n  k{{ $i }}: v{{- end }}\n");
    assertThatThrownBy(() -> workers.render(request(chart, Duration.ofSeconds(2))))
        .isInstanceOf(ChartRenderException.class)
        .hasMessageMatching(".*(render time limit of 2s|render memory limit of \\d+ MiB).*");
    assertTheNextChartStillRenders();
  }

  @Test
  void aTemplateThatOutgrowsTheMemoryLimitIsStopped() throws Exception {
    workers.close();
    workers = new RenderWorkers(1, System.getenv(), 700);
    // each round doubles the string: 2^31 characters is far beyond the 700 MiB of this pool
    Path chart =
        TestCharts.chart(
            dir,
            "greedy",
            "",
            "{{- $s := \"xxxxxxxx\" }}{{- range until 28 }}{{- $s = print $s $s }}{{- end }}\n"
                + "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: greedy\n"
                + "data:\n  n: {{ len $s | quote }}\n");
    assertThatThrownBy(() -> workers.render(request(chart, Duration.ofSeconds(120))))
        .isInstanceOf(ChartRenderException.class)
        .hasMessageContaining("render memory limit of 700 MiB");
    assertTheNextChartStillRenders();
  }

  @Test
  void aWorkerThatDiesIsOneErrorAndIsReplaced() throws Exception {
    Path chart =
        TestCharts.chart(
            dir,
            "doomed",
            "",
            "{{- range until 100000 }}{{- range until 100000 }}{{- end }}{{- end }}\n"
                + "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: never\n");
    workers.helmVersion();
    ProcessHandle worker = ProcessHandle.of(workers.workerPids().get(0)).orElseThrow();
    Thread killer =
        new Thread(
            () -> {
              try {
                Thread.sleep(1000);
              } catch (InterruptedException e) {
                return;
              }
              worker.destroyForcibly();
            });
    killer.start();
    assertThatThrownBy(() -> workers.render(request(chart, Duration.ofSeconds(60))))
        .isInstanceOf(ChartRenderException.class)
        .hasMessageContaining("the render worker ended without an answer")
        .hasMessageNotContaining("\tat ");
    killer.join();
    assertTheNextChartStillRenders();
  }
}
