package io.chartlint.core.scheduling;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Amounts of resources by name ({@code cpu} in cores, {@code memory} in bytes, extended resources
 * in units), held exactly: a {@code v1.ResourceList}.
 */
public record ResourceList(Map<String, BigDecimal> amounts) {
  public static final String CPU = "cpu";
  public static final String MEMORY = "memory";
  public static final String EPHEMERAL_STORAGE = "ephemeral-storage";
  public static final String PODS = "pods";

  public static final ResourceList EMPTY = new ResourceList(Map.of());

  public ResourceList {
    amounts = Collections.unmodifiableMap(new LinkedHashMap<>(amounts));
  }

  /** A list from alternating names and decimal strings, for tests and fixtures. */
  public static ResourceList of(String... namesAndAmounts) {
    Map<String, BigDecimal> map = new LinkedHashMap<>();
    for (int i = 0; i + 1 < namesAndAmounts.length; i += 2) {
      map.put(namesAndAmounts[i], new BigDecimal(namesAndAmounts[i + 1]));
    }
    return new ResourceList(map);
  }

  /** The amount of a resource, zero when absent. */
  public BigDecimal get(String name) {
    return amounts.getOrDefault(name, BigDecimal.ZERO);
  }

  public boolean has(String name) {
    return amounts.containsKey(name);
  }

  public boolean isEmpty() {
    return amounts.isEmpty();
  }

  /** The sum of both lists: {@code addResourceList}. */
  public ResourceList plus(ResourceList other) {
    if (other.isEmpty() || isEmpty()) {
      return isEmpty() ? other : this; // lists are immutable: a pod of one container adds nothing
    }
    Map<String, BigDecimal> sum = new LinkedHashMap<>(amounts);
    other.amounts.forEach((name, amount) -> sum.merge(name, amount, BigDecimal::add));
    return new ResourceList(sum);
  }

  /** The larger amount of each resource of both lists: {@code maxResourceList}. */
  public ResourceList max(ResourceList other) {
    if (other.isEmpty() || isEmpty()) {
      return isEmpty() ? other : this;
    }
    Map<String, BigDecimal> max = new LinkedHashMap<>(amounts);
    other.amounts.forEach((name, amount) -> max.merge(name, amount, BigDecimal::max));
    return new ResourceList(max);
  }

  /** This list with one resource set, whatever it held. */
  public ResourceList with(String name, BigDecimal amount) {
    Map<String, BigDecimal> map = new LinkedHashMap<>(amounts);
    map.put(name, amount);
    return new ResourceList(map);
  }
}
