package io.chartlint.core.scheduling;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What rules work out from one unchanging owner (a pod template, a schedule, the inventory), on
 * first use, kept with it and shared by every thread that asks again.
 *
 * @param <O> the owner
 */
public final class Derived<O> {
  private final Map<Object, Object> values = new ConcurrentHashMap<>(4);

  /**
   * The value under this key, worked out by {@code compute} from the owner the first time. Two
   * threads asking at once may both compute it; both get the one kept. {@code compute} may itself
   * ask for another value of the same owner, which {@code computeIfAbsent} would not allow.
   *
   * @param key what it is, including every parameter {@code compute} reads besides the owner
   */
  @SuppressWarnings("unchecked")
  public <T> T get(O owner, Object key, Function<? super O, T> compute) {
    Object value = values.get(key);
    if (value == null) {
      value = compute.apply(owner);
      Object raced = values.putIfAbsent(key, value);
      if (raced != null) {
        value = raced;
      }
    }
    return (T) value;
  }
}
