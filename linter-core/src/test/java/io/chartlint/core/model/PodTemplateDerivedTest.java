package io.chartlint.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartlint.core.load.InputSource;
import io.chartlint.core.load.SourceDocument;
import io.chartlint.core.scheduling.NodeSelectorRequirement;
import io.chartlint.core.scheduling.NodeSelectorTerm;
import io.chartlint.core.scheduling.PodPlacement;
import io.chartlint.core.scheduling.PodResources;
import io.chartlint.core.scheduling.Toleration;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The placement and requests of a pod template are read once and shared by the rules that ask. */
class PodTemplateDerivedTest {
  private static final String DAEMON_SET =
      """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: agent}
      spec:
        template:
          spec:
            nodeSelector: {kubernetes.io/os: linux}
            affinity:
              nodeAffinity:
                requiredDuringSchedulingIgnoredDuringExecution:
                  nodeSelectorTerms:
                    - matchExpressions:
                        - {key: type, operator: NotIn, values: [virtual-kubelet]}
            tolerations:
              - {key: dedicated, operator: Equal, value: infra, effect: NoSchedule}
            containers:
              - name: agent
                image: agent:1
                resources:
                  requests: {cpu: 250m}
                  limits: {memory: 512Mi}
      """;

  private static PodTemplate pod(String yaml) {
    SourceDocument document =
        new SourceDocument(
            InputSource.file("agent.yaml", Path.of("agent.yaml")),
            0,
            1,
            null,
            new Yaml().compose(new StringReader(yaml)),
            List.of(),
            List.of());
    return Manifests.extract(document, PodTemplatePaths.builtIn())
        .objects()
        .get(0)
        .podTemplate()
        .orElseThrow();
  }

  @Test
  void placementIsReadOnceAndSharedWithEveryRuleThatAsks() {
    PodTemplate pod = pod(DAEMON_SET);
    PodPlacement first = Placements.of(pod);
    assertThat(Placements.of(pod)).isSameAs(first);
    assertThat(first)
        .isEqualTo(
            new PodPlacement(
                Map.of("kubernetes.io/os", "linux"),
                List.of(
                    new NodeSelectorTerm(
                        List.of(
                            new NodeSelectorRequirement(
                                "type", "NotIn", List.of("virtual-kubelet"))),
                        List.of())),
                List.of(new Toleration("dedicated", "Equal", "infra", "NoSchedule", null)),
                true,
                false));
  }

  @Test
  void requestsAreReadOnceWithLimitsDefaultingMissingRequests() {
    PodTemplate pod = pod(DAEMON_SET);
    PodResources first = SchedulingInputs.resources(pod);
    assertThat(SchedulingInputs.resources(pod)).isSameAs(first);
    assertThat(first.requests().amounts())
        .containsOnlyKeys("cpu", "memory")
        .containsEntry("memory", new BigDecimal(512L * 1024 * 1024));
    assertThat(first.requests().amounts().get("cpu")).isEqualByComparingTo("0.25");
  }

  @Test
  void eachKeyIsComputedOnceAndTwoTemplatesKeepTheirOwn() {
    PodTemplate one = pod(DAEMON_SET);
    PodTemplate other = pod(DAEMON_SET.replace("name: agent}", "name: other}"));
    AtomicInteger computed = new AtomicInteger();
    Object key = new Object();
    String a = one.derived(key, p -> p.owner().name() + computed.incrementAndGet());
    String again = one.derived(key, p -> p.owner().name() + computed.incrementAndGet());
    String b = other.derived(key, p -> p.owner().name() + computed.incrementAndGet());
    assertThat(a).isEqualTo("agent1").isSameAs(again);
    assertThat(b).isEqualTo("other2");
    // a value worked out from another derived value of the same template
    String outer = one.derived("outer", p -> p.<String>derived("inner", q -> "x") + "y");
    assertThat(outer).isEqualTo("xy");
  }
}
