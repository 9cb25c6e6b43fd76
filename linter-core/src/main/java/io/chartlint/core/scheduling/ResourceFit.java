package io.chartlint.core.scheduling;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The NodeResourcesFit filter: whether a node has room for a pod's requests ({@code fitsRequest} in
 * {@code pkg/scheduler/framework/plugins/noderesources/fit.go}).
 */
public final class ResourceFit {
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

  /** {@code validation.IsQualifiedName}: an optional DNS subdomain prefix and a name. */
  private static final Pattern QUALIFIED_NAME =
      Pattern.compile(
          "([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?"
              + "[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");

  private ResourceFit() {}

  /**
   * A resource the node lacks.
   *
   * @param resource the resource name
   * @param requested what the pod requests
   * @param used what pods already on the node request
   * @param capacity the node's allocatable amount
   */
  public record Insufficient(
      String resource, BigDecimal requested, BigDecimal used, BigDecimal capacity) {
    /** {@code Insufficient cpu}, or {@code Too many pods}, as the scheduler words it. */
    public String reason() {
      return ResourceList.PODS.equals(resource) ? "Too many pods" : "Insufficient " + resource;
    }
  }

  /**
   * What the node lacks for the pod, in the scheduler's order; empty when it fits.
   *
   * @param request the pod's effective request ({@link PodResources#requests()})
   * @param allocatable the node's {@code status.allocatable}
   * @param requested the sum of the requests of the pods already on the node
   * @param podsOnNode how many pods are already on the node
   * @param ignoredExtendedResources extended resources the scheduler is configured to ignore
   */
  public static List<Insufficient> insufficient(
      ResourceList request,
      ResourceList allocatable,
      ResourceList requested,
      int podsOnNode,
      Set<String> ignoredExtendedResources) {
    List<Insufficient> missing = new ArrayList<>();
    BigDecimal allowedPods = allocatable.get(ResourceList.PODS);
    if (BigDecimal.valueOf(podsOnNode + 1L).compareTo(allowedPods) > 0) {
      missing.add(
          new Insufficient(
              ResourceList.PODS, BigDecimal.ONE, BigDecimal.valueOf(podsOnNode), allowedPods));
    }
    Map<String, BigDecimal> counted = counted(request);
    boolean nothingRequested =
        counted.values().stream().allMatch(amount -> amount.signum() == 0)
            && counted.keySet().stream().allMatch(ResourceFit::isFixedField);
    if (nothingRequested) {
      return missing;
    }
    for (Map.Entry<String, BigDecimal> entry : counted.entrySet()) {
      String name = entry.getKey();
      BigDecimal amount = entry.getValue();
      if (amount.signum() == 0) {
        continue; // fit.go: "Skip in case request quantity is zero"
      }
      if (isExtended(name) && ignoredExtendedResources.contains(name)) {
        continue;
      }
      BigDecimal free =
          units(name, allocatable.get(name)).subtract(units(name, requested.get(name)));
      if (amount.compareTo(free) > 0) {
        missing.add(
            new Insufficient(name, request.get(name), requested.get(name), allocatable.get(name)));
      }
    }
    return missing;
  }

  /** {@link #insufficient} on an empty node with no ignored resources. */
  public static List<Insufficient> insufficient(ResourceList request, ResourceList allocatable) {
    return insufficient(request, allocatable, ResourceList.EMPTY, 0, Set.of());
  }

  /**
   * The requests the filter counts, in the scheduler's units: milli-cores for cpu, whole units
   * rounded up for the rest ({@code framework.Resource.Add}); names that are neither native nor
   * scalar are not counted at all.
   */
  private static Map<String, BigDecimal> counted(ResourceList request) {
    Map<String, BigDecimal> counted = new LinkedHashMap<>();
    for (String fixed :
        List.of(ResourceList.CPU, ResourceList.MEMORY, ResourceList.EPHEMERAL_STORAGE)) {
      counted.put(fixed, units(fixed, request.get(fixed)));
    }
    request
        .amounts()
        .forEach(
            (name, amount) -> {
              if (!isFixedField(name) && !ResourceList.PODS.equals(name) && isScalar(name)) {
                counted.put(name, units(name, amount));
              }
            });
    return counted;
  }

  private static boolean isFixedField(String name) {
    return ResourceList.CPU.equals(name)
        || ResourceList.MEMORY.equals(name)
        || ResourceList.EPHEMERAL_STORAGE.equals(name);
  }

  /** {@code Quantity.MilliValue} for cpu and {@code Quantity.Value} for the rest: rounded up. */
  private static BigDecimal units(String name, BigDecimal amount) {
    BigDecimal scaled = ResourceList.CPU.equals(name) ? amount.multiply(THOUSAND) : amount;
    return scaled.setScale(0, RoundingMode.CEILING);
  }

  /**
   * {@code v1helper.IsScalarResourceName}: extended resources, hugepages, attachable volumes and
   * native resources with the {@code kubernetes.io/} prefix.
   */
  static boolean isScalar(String name) {
    return isExtended(name)
        || name.startsWith("hugepages-")
        || name.startsWith("attachable-volumes-")
        || name.contains("kubernetes.io/");
  }

  /**
   * {@code v1helper.IsExtendedResourceName}: a name outside the {@code kubernetes.io} namespace,
   * with a domain prefix, that is a qualified name once {@code requests.} is put in front.
   */
  public static boolean isExtended(String name) {
    boolean nativeResource = !name.contains("/") || name.contains("kubernetes.io/");
    if (nativeResource || name.startsWith("requests.")) {
      return false;
    }
    String forQuota = "requests." + name;
    int slash = forQuota.indexOf('/');
    return QUALIFIED_NAME.matcher(forQuota).matches()
        && forQuota.length() - slash - 1 <= 63
        && slash <= 253;
  }
}
