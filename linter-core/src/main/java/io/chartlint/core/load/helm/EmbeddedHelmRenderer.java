package io.chartlint.core.load.helm;

import io.chartlint.core.UsageException;
import io.chartlint.core.load.helm.worker.RenderWorkers;

/**
 * Renders charts with Helm's own library, as bundled by helm-java, in worker processes.
 *
 * <p>The library renders as {@code helm install --dry-run} does, in native Go code that shares
 * process-wide state, cannot be interrupted, and asks the cluster of the process's kubeconfig when
 * a template calls {@code lookup}. So it runs in {@link RenderWorkers}: processes started with an
 * environment that names no cluster, proxy or registry, whose only Kubernetes API knows no objects
 * (every {@code lookup} finds nothing, as in {@code helm template}), killed when a render outlasts
 * its time limit or its memory bound. Several charts render at once, one per worker.
 *
 * <p>Hooks ({@code helm.sh/hook} objects) are rendered and returned with the other objects, as
 * {@code helm template} prints them, unless the request asks for none. {@code --api-versions}
 * cannot be passed to the library.
 */
public final class EmbeddedHelmRenderer implements ChartRenderer {
  private static final Object LOAD_LOCK = new Object();
  private static volatile Loaded loaded;

  private record Loaded(String version, RuntimeException failure) {}

  private final RenderWorkers workers;
  private final String version;

  private EmbeddedHelmRenderer(RenderWorkers workers, String version) {
    this.workers = workers;
    this.version = version;
  }

  /**
   * Starts the first render worker, once per process, and checks that the library loads in it.
   *
   * @throws IllegalStateException with the reason when the library cannot load on this platform
   */
  public static EmbeddedHelmRenderer load() {
    Loaded state = loaded;
    if (state == null) {
      synchronized (LOAD_LOCK) {
        state = loaded;
        if (state == null) {
          try {
            state = new Loaded(RenderWorkers.shared().helmVersion(), null);
          } catch (IllegalStateException e) {
            state = new Loaded(null, e);
          }
          loaded = state;
        }
      }
    }
    if (state.failure() != null) {
      throw new IllegalStateException(
          "the embedded Helm library cannot load on "
              + System.getProperty("os.name")
              + "/"
              + System.getProperty("os.arch")
              + ": "
              + state.failure().getMessage(),
          state.failure());
    }
    return new EmbeddedHelmRenderer(RenderWorkers.shared(), state.version());
  }

  /** A renderer over the given workers (tests use workers with an environment of their own). */
  public static EmbeddedHelmRenderer using(RenderWorkers workers) {
    return new EmbeddedHelmRenderer(workers, workers.helmVersion());
  }

  @Override
  public RenderedChart render(ChartRenderRequest request) throws ChartRenderException {
    if (!request.apiVersions().isEmpty()) {
      throw new UsageException(
          "--api-versions: the embedded Helm library cannot take API versions; pass --helm-binary"
              + " PATH to render with a helm executable");
    }
    try {
      return workers.render(request);
    } catch (ChartRenderException e) {
      throw KubeVersionMismatch.locate(e, request);
    }
  }

  @Override
  public String describe() {
    return "embedded Helm " + version;
  }
}
