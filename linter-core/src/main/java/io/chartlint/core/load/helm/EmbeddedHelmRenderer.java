package io.chartlint.core.load.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.chartlint.core.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Renders charts in-process with Helm's own library, as bundled by helm-java.
 *
 * <p>Loading the library unpacks and links a large native file, about a second, so it happens once
 * per process, on the first render, never for a run without charts. The library's calls share
 * process-wide Go state and are not safe to run at once: renders take turns behind one lock, while
 * everything else about a chart (parsing, rules) still runs in parallel.
 *
 * <p>Like {@code helm template}, nothing is asked of a cluster: the library renders as {@code helm
 * install --dry-run} does, whose {@code lookup} would, so charts that call it render from a {@link
 * LookupFreeCopy}.
 *
 * <p>Differences from {@code helm template}: hooks ({@code helm.sh/hook} resources) are not in the
 * library's output, and {@code --api-versions} cannot be passed to it.
 */
public final class EmbeddedHelmRenderer implements ChartRenderer {
  /**
   * The Kubernetes version {@code helm template} assumes without {@code --kube-version} (Helm 3.20
   * and 4.1 take it from the Kubernetes client they are built with). The library, built without
   * that information, would assume v1.20.0, and charts that require newer versions would not
   * render.
   */
  static final String DEFAULT_KUBE_VERSION = "v1.35.0";

  private static final ReentrantLock RENDER_LOCK = new ReentrantLock();
  private static final Object LOAD_LOCK = new Object();
  private static volatile Loaded loaded;

  private record Loaded(String version, Throwable failure) {}

  private final String version;

  private EmbeddedHelmRenderer(String version) {
    this.version = version;
  }

  /**
   * Loads the native library, once per process.
   *
   * @throws IllegalStateException with the reason when the library cannot load on this platform
   */
  public static EmbeddedHelmRenderer load() {
    Loaded state = loaded;
    if (state == null) {
      synchronized (LOAD_LOCK) {
        state = loaded;
        if (state == null) {
          state = doLoad();
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
    return new EmbeddedHelmRenderer(state.version());
  }

  /**
   * The system property that stops helm-java from downloading a native library. Without one for the
   * platform on the class path, helm-java's {@code RemoteJarLoader} fetches it from Maven Central
   * and loads it: a network call, and native code from outside chartlint's inputs. chartlint never
   * contacts the network, so loading sets it unless the user set it.
   */
  static final String SKIP_REMOTE_JAR = "com.marcnuri.jkube-helm.skipRemoteJar";

  private static Loaded doLoad() {
    if (System.getProperty(SKIP_REMOTE_JAR) == null) {
      System.setProperty(SKIP_REMOTE_JAR, "true");
    }
    try {
      String version = Helm.version().call();
      return new Loaded(version == null ? "" : version.strip(), null);
    } catch (RuntimeException | LinkageError e) {
      return new Loaded(null, e);
    }
  }

  @Override
  public RenderedChart render(ChartRenderRequest request) throws ChartRenderException {
    if (!request.apiVersions().isEmpty()) {
      throw new UsageException(
          "--api-versions: the embedded Helm library cannot take API versions; pass --helm-binary"
              + " PATH to render with a helm executable");
    }
    List<Path> temporary = new ArrayList<>();
    Path copy = null;
    try {
      Path chart = request.chart();
      if (LookupFreeCopy.needed(chart)) {
        copy = LookupFreeCopy.copy(chart);
        chart = copy;
      }
      TemplateCommand command =
          new Helm(chart)
              .template()
              .withName(request.releaseName())
              .withNamespace(request.namespace());
      command.withKubeVersion(
          request.kubeVersion() != null ? request.kubeVersion() : DEFAULT_KUBE_VERSION);
      for (Path values : request.valuesFiles()) {
        command.withValuesFile(values);
      }
      if (!request.setString().isEmpty()) {
        // The library takes typed values only; strings go in a values file after the others.
        Path file = Files.createTempFile("chartlint-set-string-", ".yaml");
        temporary.add(file);
        Files.writeString(
            file, SetValues.stringsAsYaml(request.setString()), StandardCharsets.UTF_8);
        command.withValuesFile(file);
      }
      for (String entry : request.set()) {
        for (SetValues.Assignment a : SetValues.parse("--set", entry)) {
          if (a.value().startsWith("{") && a.value().endsWith("}")) {
            throw new UsageException(
                "--set "
                    + a.key()
                    + "="
                    + a.value()
                    + ": the embedded Helm library cannot take a {list}; write "
                    + a.key()
                    + "[0]=... or use a values file");
          }
          command.set(a.key(), a.value());
        }
      }
      for (String entry : request.setFile()) {
        for (SetValues.Assignment a : SetValues.parse("--set-file", entry)) {
          command.setFile(a.key(), Path.of(a.value()));
        }
      }
      RENDER_LOCK.lock();
      try {
        return new RenderedChart(command.call(), List.of());
      } finally {
        RENDER_LOCK.unlock();
      }
    } catch (IllegalStateException e) {
      throw HelmErrors.toException(e.getMessage());
    } catch (IOException e) {
      throw new ChartRenderException("cannot write a temporary file: " + e, null, 0);
    } finally {
      if (copy != null) {
        LookupFreeCopy.delete(copy);
      }
      for (Path file : temporary) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          file.toFile().deleteOnExit();
        }
      }
    }
  }

  @Override
  public String describe() {
    return "embedded Helm " + version;
  }
}
