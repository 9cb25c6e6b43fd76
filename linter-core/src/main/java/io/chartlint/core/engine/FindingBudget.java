package io.chartlint.core.engine;

import io.chartlint.core.UsageException;
import io.chartlint.core.text.Escaping;
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

  /** Longer texts are rarely repeated, and are kept as they come. */
  private static final int MAX_SHARED_LENGTH = 256;

  private final int limit;
  private final AtomicLong offered = new AtomicLong();
  private final ConcurrentHashMap<String, String> shared = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, String> escapedLines = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, String> escapedMultiline = new ConcurrentHashMap<>();

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
    if (text == null || text.length() > MAX_SHARED_LENGTH) {
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

  /**
   * The text as one line may print it ({@link Escaping#text}), shared. Rules hand the same text (a
   * fix, a path, a file name) to thousands of findings: a text seen before is looked up, not
   * scanned again.
   */
  String line(String text) {
    return escapedAndShared(text, escapedLines, false);
  }

  /** The same for text whose line breaks are meant ({@link Escaping#multiline}). */
  String multiline(String text) {
    return escapedAndShared(text, escapedMultiline, true);
  }

  private String escapedAndShared(
      String text, ConcurrentHashMap<String, String> escaped, boolean multiline) {
    if (text == null || text.length() > MAX_SHARED_LENGTH) {
      return multiline ? Escaping.multiline(text) : Escaping.text(text);
    }
    String known = escaped.get(text);
    if (known != null) {
      return known;
    }
    String safe = share(multiline ? Escaping.multiline(text) : Escaping.text(text));
    if (escaped.size() < MAX_SHARED) {
      escaped.putIfAbsent(text, safe);
    }
    return safe;
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
