package io.chartlint.core.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The NodeResourcesFit filter and the pod's effective request, with the cases of {@code
 * TestEnoughRequests} and {@code TestNotEnoughRequests} in {@code
 * pkg/scheduler/framework/plugins/noderesources/fit_test.go} and of {@code TestPodResourceRequests}
 * in {@code staging/src/k8s.io/component-helpers/resource/helpers_test.go}, named as there.
 *
 * <p>Upstream counts cpu in milli-cores ({@code MilliCPU: 10}) and memory in bytes; here cpu is in
 * cores, so {@code MilliCPU: 10} is {@code 0.010}.
 */
class ResourceFitTest {
  private static final String A = "example.com/aaa";
  private static final String B = "example.com/bbb";
  private static final String K8S_IO_A = "kubernetes.io/something";
  private static final String HUGE_A = "hugepages-2Mi";

  /** {@code makeAllocatableResources(10, 20, 32, 5, 20, 5)}. */
  private static final ResourceList NODE =
      ResourceList.of(
          "cpu",
          "0.010",
          "memory",
          "20",
          "pods",
          "32",
          A,
          "5",
          "ephemeral-storage",
          "20",
          HUGE_A,
          "5");

  private static ResourceList res(long milliCpu, long memory) {
    return ResourceList.of("cpu", milli(milliCpu), "memory", String.valueOf(memory));
  }

  private static String milli(long milliCpu) {
    return BigDecimal.valueOf(milliCpu).movePointLeft(3).toPlainString();
  }

  private static PodResources pod(ResourceList... containers) {
    return new PodResources(List.of(containers), List.of(), null, null);
  }

  private static PodResources withInit(PodResources pod, ResourceList... inits) {
    List<PodResources.InitContainer> list =
        java.util.Arrays.stream(inits).map(r -> new PodResources.InitContainer(r, false)).toList();
    return new PodResources(pod.containers(), list, pod.podLevel(), pod.overhead());
  }

  /** The outcome on a node already running one pod that requests {@code used}. */
  private static List<String> reasons(PodResources pod, ResourceList used) {
    return reasons(pod, used, Set.of());
  }

  private static List<String> reasons(PodResources pod, ResourceList used, Set<String> ignored) {
    return ResourceFit.insufficient(pod.requests(), NODE, used, 1, ignored).stream()
        .map(ResourceFit.Insufficient::reason)
        .toList();
  }

  @Nested
  class EnoughRequests {
    @Test
    void noResourcesRequestedAlwaysFits() {
      assertThat(reasons(PodResources.NONE, res(10, 20))).isEmpty();
    }

    @Test
    void tooManyResourcesFails() {
      List<ResourceFit.Insufficient> missing =
          ResourceFit.insufficient(pod(res(1, 1)).requests(), NODE, res(10, 20), 1, Set.of());
      assertThat(missing)
          .containsExactly(
              new ResourceFit.Insufficient(
                  "cpu", new BigDecimal("0.001"), new BigDecimal("0.010"), new BigDecimal("0.010")),
              new ResourceFit.Insufficient(
                  "memory", new BigDecimal("1"), new BigDecimal("20"), new BigDecimal("20")));
    }

    @Test
    void tooManyResourcesFailsDueToInitContainerCpu() {
      assertThat(reasons(withInit(pod(res(1, 1)), res(3, 1)), res(8, 19)))
          .containsExactly("Insufficient cpu");
    }

    @Test
    void tooManyResourcesFailsDueToHighestInitContainerCpu() {
      assertThat(reasons(withInit(pod(res(1, 1)), res(3, 1), res(2, 1)), res(8, 19)))
          .containsExactly("Insufficient cpu");
    }

    @Test
    void tooManyResourcesFailsDueToInitContainerMemory() {
      assertThat(reasons(withInit(pod(res(1, 1)), res(1, 3)), res(9, 19)))
          .containsExactly("Insufficient memory");
    }

    @Test
    void tooManyResourcesFailsDueToHighestInitContainerMemory() {
      assertThat(reasons(withInit(pod(res(1, 1)), res(1, 3), res(1, 1)), res(9, 19)))
          .containsExactly("Insufficient memory");
    }

    @Test
    void initContainerFitsBecauseItsTheMaxNotSumOfContainersAndInitContainers() {
      assertThat(reasons(withInit(pod(res(1, 1)), res(1, 1)), res(9, 19))).isEmpty();
    }

    @Test
    void multipleInitContainersFitBecauseItsTheMaxNotSumOfContainersAndInitContainers() {
      assertThat(reasons(withInit(pod(res(1, 1)), res(1, 1), res(1, 1)), res(9, 19))).isEmpty();
    }

    @Test
    void bothResourcesFit() {
      assertThat(reasons(pod(res(1, 1)), res(5, 5))).isEmpty();
    }

    @Test
    void oneResourceMemoryFits() {
      assertThat(reasons(pod(res(2, 1)), res(9, 5))).containsExactly("Insufficient cpu");
    }

    @Test
    void oneResourceCpuFits() {
      assertThat(reasons(pod(res(1, 2)), res(5, 19))).containsExactly("Insufficient memory");
    }

    @Test
    void equalEdgeCase() {
      assertThat(reasons(pod(res(5, 1)), res(5, 19))).isEmpty();
    }

    @Test
    void equalEdgeCaseForInitContainer() {
      assertThat(reasons(withInit(pod(res(4, 1)), res(5, 1)), res(5, 19))).isEmpty();
    }

    @Test
    void extendedResourceFits() {
      assertThat(reasons(pod(ResourceList.of(A, "1")), ResourceList.EMPTY)).isEmpty();
    }

    @Test
    void extendedResourceFitsForInitContainer() {
      assertThat(reasons(withInit(pod(), ResourceList.of(A, "1")), ResourceList.EMPTY)).isEmpty();
    }

    @Test
    void extendedResourceCapacityEnforced() {
      assertThat(reasons(pod(res(1, 1).plus(ResourceList.of(A, "10"))), ResourceList.of(A, "0")))
          .containsExactly("Insufficient " + A);
    }

    @Test
    void extendedResourceCapacityEnforcedForInitContainer() {
      assertThat(
              reasons(
                  withInit(pod(), res(1, 1).plus(ResourceList.of(A, "10"))),
                  ResourceList.of(A, "0")))
          .containsExactly("Insufficient " + A);
    }

    @Test
    void extendedResourceAllocatableEnforced() {
      assertThat(reasons(pod(res(1, 1).plus(ResourceList.of(A, "1"))), ResourceList.of(A, "5")))
          .containsExactly("Insufficient " + A);
    }

    @Test
    void extendedResourceAllocatableEnforcedForMultipleContainers() {
      assertThat(
              reasons(
                  pod(ResourceList.of(A, "3"), ResourceList.of(A, "3")), ResourceList.of(A, "2")))
          .containsExactly("Insufficient " + A);
    }

    @Test
    void extendedResourceAllocatableAdmitsMultipleInitContainers() {
      assertThat(
              reasons(
                  withInit(pod(), ResourceList.of(A, "3"), ResourceList.of(A, "3")),
                  ResourceList.of(A, "2")))
          .isEmpty();
    }

    @Test
    void extendedResourceAllocatableEnforcedForMultipleInitContainers() {
      assertThat(
              reasons(
                  withInit(pod(), ResourceList.of(A, "6"), ResourceList.of(A, "3")),
                  ResourceList.of(A, "2")))
          .containsExactly("Insufficient " + A);
    }

    @Test
    void extendedResourceAllocatableEnforcedForUnknownResource() {
      assertThat(reasons(pod(res(1, 1).plus(ResourceList.of(B, "1"))), ResourceList.EMPTY))
          .containsExactly("Insufficient " + B);
    }

    @Test
    void kubernetesIoResourceCapacityEnforced() {
      assertThat(reasons(pod(ResourceList.of(K8S_IO_A, "10")), ResourceList.EMPTY))
          .containsExactly("Insufficient " + K8S_IO_A);
    }

    @Test
    void hugepagesResourceCapacityEnforced() {
      assertThat(reasons(pod(ResourceList.of(HUGE_A, "10")), ResourceList.of(HUGE_A, "0")))
          .containsExactly("Insufficient " + HUGE_A);
    }

    @Test
    void hugepagesResourceAllocatableEnforcedForMultipleContainers() {
      assertThat(
              reasons(
                  pod(ResourceList.of(HUGE_A, "3"), ResourceList.of(HUGE_A, "3")),
                  ResourceList.of(HUGE_A, "2")))
          .containsExactly("Insufficient " + HUGE_A);
    }

    @Test
    void skipCheckingIgnoredExtendedResource() {
      assertThat(
              reasons(pod(res(1, 1).plus(ResourceList.of(B, "1"))), ResourceList.EMPTY, Set.of(B)))
          .isEmpty();
    }

    @Test
    void resourcesPlusPodOverheadFits() {
      PodResources withOverhead = new PodResources(List.of(res(1, 1)), List.of(), null, res(3, 13));
      assertThat(reasons(withOverhead, res(5, 5))).isEmpty();
    }

    @Test
    void requestsPlusOverheadDoesNotFitForMemory() {
      PodResources withOverhead = new PodResources(List.of(res(1, 1)), List.of(), null, res(1, 15));
      assertThat(reasons(withOverhead, res(5, 5))).containsExactly("Insufficient memory");
    }

    @Test
    void skipCheckingResourceRequestWithQuantityZero() {
      assertThat(reasons(pod(res(1, 1).plus(ResourceList.of(B, "0"))), ResourceList.EMPTY))
          .isEmpty();
    }
  }

  @Nested
  class NotEnoughRequests {
    private final ResourceList onePod =
        ResourceList.of("cpu", "0.010", "memory", "20", "pods", "1", A, "5");

    private List<String> onFullNode(PodResources pod, ResourceList used) {
      return ResourceFit.insufficient(pod.requests(), onePod, used, 1, Set.of()).stream()
          .map(ResourceFit.Insufficient::reason)
          .toList();
    }

    @Test
    void evenWithoutSpecifiedResourcesPredicateFailsWhenTheresNoSpaceForAdditionalPod() {
      assertThat(onFullNode(PodResources.NONE, res(10, 20))).containsExactly("Too many pods");
    }

    @Test
    void evenIfBothResourcesFitPredicateFailsWhenTheresNoSpaceForAdditionalPod() {
      assertThat(onFullNode(pod(res(1, 1)), res(5, 5))).containsExactly("Too many pods");
    }

    @Test
    void evenForEqualEdgeCasePredicateFailsWhenTheresNoSpaceForAdditionalPod() {
      assertThat(onFullNode(pod(res(5, 1)), res(5, 19))).containsExactly("Too many pods");
    }
  }

  @Nested
  class PodResourceRequests {
    private PodResources.InitContainer sidecar(String cpu) {
      return new PodResources.InitContainer(ResourceList.of("cpu", cpu), true);
    }

    private PodResources.InitContainer init(String cpu) {
      return new PodResources.InitContainer(ResourceList.of("cpu", cpu), false);
    }

    private BigDecimal cpu(List<PodResources.InitContainer> inits, String... containers) {
      List<ResourceList> app =
          java.util.Arrays.stream(containers).map(c -> ResourceList.of("cpu", c)).toList();
      return new PodResources(app, inits, null, null).requests().get("cpu");
    }

    @Test
    void restartableInitContainer() {
      assertThat(cpu(List.of(sidecar("1")), "1")).isEqualByComparingTo("2");
    }

    @Test
    void multipleRestartableInitContainers() {
      // max(5, restartable init containers (3+2+1) + regular (1)) = 7
      assertThat(cpu(List.of(init("5"), sidecar("1"), sidecar("2"), sidecar("3")), "1"))
          .isEqualByComparingTo("7");
    }

    @Test
    void multipleRestartableAndRegularInitContainers() {
      // init-2 needs 5 beside the sidecars started before it (1+2); the one after does not count
      assertThat(cpu(List.of(init("5"), sidecar("1"), sidecar("2"), init("5"), sidecar("3")), "1"))
          .isEqualByComparingTo("8");
    }

    @Test
    void restartableInitInitAndRegular() {
      assertThat(cpu(List.of(sidecar("10"), init("200")), "100")).isEqualByComparingTo("210");
    }

    @Test
    void podLevelMemoryResourceReplacesTheContainersSum() {
      PodResources pod =
          new PodResources(
              List.of(ResourceList.of("memory", "1048576")),
              List.of(),
              ResourceList.of("memory", "2097152"),
              null);
      assertThat(pod.requests().get("memory")).isEqualByComparingTo("2097152");
    }

    @Test
    void podLevelUnsupportedResourcesAreIgnored() {
      PodResources pod =
          new PodResources(
              List.of(ResourceList.of("ephemeral-storage", "1")),
              List.of(),
              ResourceList.of("ephemeral-storage", "5"),
              null);
      assertThat(pod.requests().get("ephemeral-storage")).isEqualByComparingTo("1");
    }

    @Test
    void podOverheadIsAdded() {
      PodResources pod =
          new PodResources(
              List.of(ResourceList.of("cpu", "1")), List.of(), null, ResourceList.of("cpu", "1"));
      assertThat(pod.requests().get("cpu")).isEqualByComparingTo("2");
    }
  }

  @Test
  void extendedResourceNamesAreThoseOutsideKubernetesIoWithADomain() {
    assertThat(ResourceFit.isExtended("nvidia.com/gpu")).isTrue();
    assertThat(ResourceFit.isExtended("cpu")).isFalse();
    assertThat(ResourceFit.isExtended("kubernetes.io/something")).isFalse();
    assertThat(ResourceFit.isExtended("requests.example.com/x")).isFalse();
  }
}
