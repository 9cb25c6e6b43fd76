package io.chartlint.core.engine;

import io.chartlint.core.UsageException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps what a run holds in memory bounded: findings past {@code --max-findings} are counted, not
 * kept, and the run ends with a usage error naming the option; and the texts findings repeat (the
 * same message, path and file over thousands of objects) are held once.
 */
final class FindingBudget {
  /** Distinct texts held at most; past it, texts are kept as they come. */
  private static final int MAX_SHARED = 1 << 16;

  private final int limit;
  private final AtomicLong offered = new AtomicLong();
  private final ConcurrentHashMap<String, String> shared = new ConcurrentHashMap<>();

  FindingBudget(int limit) {
    this.limit = limit;
  }

  /** Whether one more finding may be kept. */
  boolean admit() {
    return offered.incrementAndGet() <= limit;
  }

  /** Whether findings have been dropped already: the run is going to fail, so reading stops. */
  boolean exhausted() {
    return offered.get() > limit;
  }

  /** One instance of each repeated text. */
  String share(String text) {
    if (text == null || text.length() > 256) {
      return text;
    }
    String existing = shared.get(text);
    if (existing != null) {
      return existing;
    }
    if (shared.size() >= MAX_SHARED) {
      return text;
    }
    existing = shared.putIfAbsent(text, text);
    return existing != null ? existing : text;
  }

  /** Ends the run when findings were dropped, since a report without them would mislead. */
  void check() {
    long n = offered.get();
    if (n > limit) {
      throw new UsageException(
          "more than "
              + limit
              + " findings (at least "
              + n
              + "): too many to hold; fix or suppress the most frequent ones, or raise"
              + " --max-findings (Maven: maxFindings) with a larger heap (-Xmx)");
    }
  }
}
