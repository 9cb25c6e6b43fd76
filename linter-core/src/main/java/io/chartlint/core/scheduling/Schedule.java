package io.chartlint.core.scheduling;

import java.util.List;
import java.util.function.Function;

/**
 * Where one pod runs on an inventory: its outcome on every group of equivalent nodes, shared by
 * every workload whose pods the filters cannot tell apart (same placement, requests and {@code
 * spec.os.name}), with what rules derive from it worked out once.
 */
public final class Schedule {
  private final List<NodeGroup> groups;
  private final boolean anyFits;
  private final boolean anyAdmitted;
  private final Derived<Schedule> derived = new Derived<>();

  Schedule(List<NodeGroup> groups) {
    this.groups = List.copyOf(groups);
    boolean fits = false;
    boolean admitted = false;
    for (NodeGroup group : this.groups) {
      fits |= group.fit().fits();
      admitted |= group.fit().admitted();
    }
    this.anyFits = fits;
    this.anyAdmitted = admitted;
  }

  /** The outcome on each group of nodes, in inventory order of the groups. */
  public List<NodeGroup> groups() {
    return groups;
  }

  /** Whether the pod runs on some node. */
  public boolean anyFits() {
    return anyFits;
  }

  /** Whether node selector, affinity, taints and the os check admit the pod on some node. */
  public boolean anyAdmitted() {
    return anyAdmitted;
  }

  /**
   * Something derived from this outcome alone (a finding's description of the nodes missed), worked
   * out on first use and kept with it.
   *
   * @param key what it is, including every parameter the computation reads
   */
  public <T> T derived(Object key, Function<Schedule, T> compute) {
    return derived.get(this, key, compute);
  }
}
