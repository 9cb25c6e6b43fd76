package io.chartlint.core.rule;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** The rules of a run: the built-in pack and any pack on the class path, plus custom policies. */
public final class RuleSet {
  private final Map<String, RuleDescriptor> byId;

  public RuleSet(Collection<RuleDescriptor> rules) {
    Map<String, RuleDescriptor> map = new LinkedHashMap<>();
    List<RuleDescriptor> sorted = new ArrayList<>(rules);
    sorted.sort(Comparator.comparing(RuleDescriptor::category).thenComparing(RuleDescriptor::id));
    for (RuleDescriptor rule : sorted) {
      if (map.put(rule.id(), rule) != null) {
        throw new IllegalStateException("two rules have the id '" + rule.id() + "'");
      }
    }
    this.byId = java.util.Collections.unmodifiableMap(map);
  }

  /** Every {@link Rule} registered through {@code META-INF/services} on the class path. */
  public static RuleSet discover() {
    return discover(RuleSet.class.getClassLoader());
  }

  public static RuleSet discover(ClassLoader loader) {
    List<RuleDescriptor> rules = new ArrayList<>();
    for (Rule rule : ServiceLoader.load(Rule.class, loader)) {
      rules.add(RuleDescriptor.of(rule));
    }
    return new RuleSet(rules);
  }

  /** The same rules and more; an id that is taken is an error. */
  public RuleSet with(Collection<RuleDescriptor> more) {
    List<RuleDescriptor> all = new ArrayList<>(byId.values());
    all.addAll(more);
    return new RuleSet(all);
  }

  public Collection<RuleDescriptor> all() {
    return byId.values();
  }

  public Optional<RuleDescriptor> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public boolean contains(String id) {
    return byId.containsKey(id);
  }
}
