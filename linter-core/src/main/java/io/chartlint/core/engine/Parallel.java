package io.chartlint.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Work over a list on up to a number of daemon threads, for the inputs and charts of a run. */
final class Parallel {
  private Parallel() {}

  /**
   * The results of {@code work} on every item, in the items' order. With one thread (or one item)
   * everything runs on the caller's thread; otherwise on a pool of daemon threads named {@code
   * name}, which is gone when this returns. A failure of the work is thrown as it was thrown.
   */
  static <T, R> List<R> map(List<T> items, int threads, String name, Function<T, R> work) {
    List<R> results = new ArrayList<>(items.size());
    if (Math.min(threads, items.size()) <= 1) {
      for (T item : items) {
        results.add(work.apply(item));
      }
      return results;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(threads, items.size()),
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(pool.submit(() -> work.apply(item)));
      }
      for (Future<R> future : futures) {
        results.add(future.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
