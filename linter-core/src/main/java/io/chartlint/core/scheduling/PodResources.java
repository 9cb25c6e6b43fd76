package io.chartlint.core.scheduling;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * What a pod spec requests, container by container, after the API server's defaulting (a limit
 * without a request is copied into the request, {@code SetDefaults_Pod} in {@code
 * pkg/apis/core/v1/defaults.go}).
 *
 * @param containers the requests of each app container
 * @param initContainers the requests of each init container, in order, sidecars included
 * @param podLevel {@code spec.resources.requests} (PodLevelResources), empty when unset
 * @param overhead {@code spec.overhead}, empty when unset
 */
public record PodResources(
    List<ResourceList> containers,
    List<InitContainer> initContainers,
    ResourceList podLevel,
    ResourceList overhead) {

  /**
   * The resources pod-level requests may set: {@code supportedPodLevelResources} in {@code
   * component-helpers/resource/helpers.go}.
   */
  public static final Set<String> POD_LEVEL_RESOURCES =
      Set.of(ResourceList.CPU, ResourceList.MEMORY);

  public static final PodResources NONE =
      new PodResources(List.of(), List.of(), ResourceList.EMPTY, ResourceList.EMPTY);

  /**
   * An init container's requests.
   *
   * @param sidecar whether it has {@code restartPolicy: Always} and so keeps running beside the app
   *     containers
   */
  public record InitContainer(ResourceList requests, boolean sidecar) {}

  public PodResources {
    containers = List.copyOf(containers);
    initContainers = List.copyOf(initContainers);
    podLevel = podLevel == null ? ResourceList.EMPTY : podLevel;
    overhead = overhead == null ? ResourceList.EMPTY : overhead;
  }

  /**
   * The pod's effective request, the amount the scheduler reserves on a node: {@code PodRequests}
   * of {@code component-helpers/resource/helpers.go}.
   *
   * <p>App containers and sidecars run together, so their requests add up. Each ordinary init
   * container runs alone beside the sidecars started before it, so the pod needs the largest of
   * those moments, if that is more than the steady state. Pod-level requests replace the
   * containers' sum for cpu and memory; the overhead comes on top of everything.
   */
  public ResourceList requests() {
    // component-helpers/resource/helpers.go: AggregateContainerRequests
    ResourceList requests = ResourceList.EMPTY;
    for (ResourceList container : containers) {
      requests = requests.plus(container);
    }
    ResourceList restartable = ResourceList.EMPTY;
    ResourceList init = ResourceList.EMPTY;
    for (InitContainer container : initContainers) {
      ResourceList moment;
      if (container.sidecar()) {
        requests = requests.plus(container.requests());
        restartable = restartable.plus(container.requests());
        moment = restartable;
      } else {
        moment = container.requests().plus(restartable);
      }
      init = init.max(moment);
    }
    requests = requests.max(init);
    // PodRequests: IsPodLevelRequestsSet, then IsSupportedPodLevelResource
    for (String name : POD_LEVEL_RESOURCES) {
      if (podLevel.has(name)) {
        BigDecimal amount = podLevel.get(name);
        requests = requests.with(name, amount);
      }
    }
    return requests.plus(overhead);
  }
}
