package io.chartlint.core.scheduling;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A cluster's nodes, read once per run and shared by every rule on every thread.
 *
 * <p>A pod is scheduled onto groups of nodes rather than node by node: nodes that agree on every
 * label the pod's placement looks at and on their taints give the same placement answer, and nodes
 * with the same allocatable the same resource answer. A cluster of a thousand nodes in fifty pools
 * has a few dozen such groups. The groups depend only on the label keys a pod looks at, so they are
 * worked out once per set of keys and kept.
 */
public final class NodeInventory {
  public static final NodeInventory EMPTY = new NodeInventory(List.of());

  private final List<InventoryNode> nodes;
  private final List<ResourceList> allocatables = new ArrayList<>();
  private final Map<InventoryNode, Integer> allocatableOf = new IdentityHashMap<>();
  private final Map<Set<String>, List<Cell>> cells = new ConcurrentHashMap<>();
  private final Map<List<String>, Pools> pools = new ConcurrentHashMap<>();
  private final Derived<NodeInventory> derived = new Derived<>();
  private final Map<ScheduleKey, Schedule> schedules = new ConcurrentHashMap<>();

  /**
   * How many distinct pods' schedules are kept. Charts stamp the same placement onto many
   * workloads, so a few dozen cover a real input; the bound keeps an input of ten thousand distinct
   * placements from holding ten thousand schedules at once.
   */
  static final int MAX_SCHEDULES = 512;

  private record ScheduleKey(PodPlacement placement, ResourceList request, String podOs) {}

  /**
   * Nodes that give a pod the same placement answer: the same values of the labels it looks at, the
   * same taints.
   *
   * @param representative the node the placement is decided on
   * @param slices the cell's nodes by allocatable
   */
  public record Cell(InventoryNode representative, List<Slice> slices) {}

  /**
   * The nodes of a cell with one allocatable.
   *
   * @param allocatable its index in {@link #allocatables()}
   */
  public record Slice(int allocatable, List<InventoryNode> nodes) {}

  /**
   * The nodes by pool.
   *
   * @param poolOf each node's pool, {@code label=value} or {@code node <name>}
   * @param sizes how many nodes each pool has
   */
  public record Pools(Map<InventoryNode, String> poolOf, Map<String, Integer> sizes) {}

  public NodeInventory(List<InventoryNode> nodes) {
    this.nodes = List.copyOf(nodes);
    Map<ResourceList, Integer> ids = new LinkedHashMap<>();
    for (InventoryNode node : this.nodes) {
      Integer id = ids.get(node.allocatable());
      if (id == null) {
        id = allocatables.size();
        ids.put(node.allocatable(), id);
        allocatables.add(node.allocatable());
      }
      allocatableOf.put(node, id);
    }
  }

  public List<InventoryNode> nodes() {
    return nodes;
  }

  public boolean isEmpty() {
    return nodes.isEmpty();
  }

  public int size() {
    return nodes.size();
  }

  /** The distinct allocatables of the nodes, in order of first appearance. */
  public List<ResourceList> allocatables() {
    return Collections.unmodifiableList(allocatables);
  }

  /**
   * The nodes grouped for a pod whose placement looks at these label keys; {@code null} keys mean
   * the pod looks at node names ({@code matchFields}), and then every node is a cell of its own.
   */
  public List<Cell> cells(Set<String> labelKeys) {
    if (labelKeys == null) {
      List<Cell> each = new ArrayList<>(nodes.size());
      for (InventoryNode node : nodes) {
        each.add(new Cell(node, List.of(new Slice(allocatableOf.get(node), List.of(node)))));
      }
      return each;
    }
    return cells.computeIfAbsent(Set.copyOf(labelKeys), this::group);
  }

  private List<Cell> group(Set<String> labelKeys) {
    Map<List<Object>, Map<Integer, List<InventoryNode>>> groups = new LinkedHashMap<>();
    for (InventoryNode node : nodes) {
      Map<String, String> seen = new TreeMap<>();
      for (String key : labelKeys) {
        String value = node.node().labels().get(key);
        if (value != null) {
          seen.put(key, value);
        }
      }
      groups
          .computeIfAbsent(List.of(seen, node.node().taints()), k -> new LinkedHashMap<>())
          .computeIfAbsent(allocatableOf.get(node), k -> new ArrayList<>())
          .add(node);
    }
    List<Cell> list = new ArrayList<>(groups.size());
    for (Map<Integer, List<InventoryNode>> byAllocatable : groups.values()) {
      List<Slice> slices = new ArrayList<>();
      byAllocatable.forEach(
          (id, members) -> slices.add(new Slice(id, Collections.unmodifiableList(members))));
      list.add(new Cell(slices.get(0).nodes().get(0), List.copyOf(slices)));
    }
    return Collections.unmodifiableList(list);
  }

  /**
   * Something a rule derives from the inventory alone, worked out on first use and kept for the
   * run, so that a thousand nodes are not read again for every object.
   *
   * @param key what it is, one key per kind of thing (a class will do)
   */
  public <T> T derived(Object key, java.util.function.Function<NodeInventory, T> compute) {
    return derived.get(this, key, compute);
  }

  /** Each node's pool: the first of these labels it carries, or the node alone. */
  public Pools pools(List<String> labels) {
    return pools.computeIfAbsent(List.copyOf(labels), this::poolsOf);
  }

  private Pools poolsOf(List<String> labels) {
    Map<InventoryNode, String> poolOf = new IdentityHashMap<>();
    Map<String, Integer> sizes = new LinkedHashMap<>();
    for (InventoryNode node : nodes) {
      String pool = null;
      for (String label : labels) {
        String value = node.node().labels().get(label);
        if (value != null) {
          pool = label + "=" + value;
          break;
        }
      }
      if (pool == null) {
        pool = "node " + node.name();
      }
      poolOf.put(node, pool);
      sizes.merge(pool, 1, Integer::sum);
    }
    return new Pools(Collections.unmodifiableMap(poolOf), Collections.unmodifiableMap(sizes));
  }

  /**
   * Schedules the pod onto every node, as {@link NodeFilters#schedule}, and keeps the outcome for
   * the next pod that the filters cannot tell apart from this one: same placement, same effective
   * requests, same {@code spec.os.name}.
   *
   * @param podOs {@code spec.os.name}, or null when unset
   */
  public Schedule schedule(PodPlacement placement, PodResources resources, String podOs) {
    ScheduleKey key = new ScheduleKey(placement, resources.requests(), podOs);
    Schedule schedule = schedules.get(key);
    if (schedule != null) {
      return schedule;
    }
    schedule = new Schedule(NodeFilters.schedule(key.placement(), key.request(), podOs, this));
    if (schedules.size() >= MAX_SCHEDULES) {
      schedules.clear();
    }
    Schedule raced = schedules.putIfAbsent(key, schedule);
    return raced != null ? raced : schedule;
  }
}
