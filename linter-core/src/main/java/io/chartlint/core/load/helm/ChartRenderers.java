package io.chartlint.core.load.helm;

import io.chartlint.core.UsageException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Chooses how charts are rendered. */
public final class ChartRenderers {
  private ChartRenderers() {}

  /**
   * The renderer the CLI and the Maven plugin use: the given {@code helm} executable when there is
   * one, else the embedded Helm library, loaded on the first chart; where the library cannot load,
   * a {@code helm} on {@code PATH}.
   *
   * @param helmBinary {@code --helm-binary}, or null
   * @throws UsageException when {@code helmBinary} is not an executable file
   */
  public static ChartRenderer defaultRenderer(Path helmBinary) {
    if (helmBinary != null) {
      if (!Files.isRegularFile(helmBinary) || !Files.isExecutable(helmBinary)) {
        throw new UsageException("--helm-binary " + helmBinary + ": not an executable file");
      }
      return new HelmBinaryRenderer(helmBinary);
    }
    return new Automatic(helmOnPath());
  }

  /** The first {@code helm} executable on {@code PATH}, or null. */
  static Path helmOnPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    String name = File.separatorChar == '\\' ? "helm.exe" : "helm";
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /** Embedded Helm, loaded on first use; the {@code helm} on {@code PATH} where it cannot load. */
  static final class Automatic implements ChartRenderer {
    private final Path helmOnPath;
    private volatile ChartRenderer chosen;
    private volatile String unavailable;

    Automatic(Path helmOnPath) {
      this.helmOnPath = helmOnPath;
    }

    private ChartRenderer choose() {
      if (chosen == null && unavailable == null) {
        synchronized (this) {
          if (chosen == null && unavailable == null) {
            try {
              chosen = EmbeddedHelmRenderer.load();
            } catch (IllegalStateException e) {
              if (helmOnPath != null) {
                chosen = new HelmBinaryRenderer(helmOnPath);
              } else {
                unavailable =
                    e.getMessage()
                        + ", and there is no helm executable on PATH (pass --helm-binary PATH, or"
                        + " render the chart with helm template and lint the output)";
              }
            }
          }
        }
      }
      return chosen;
    }

    @Override
    public RenderedChart render(ChartRenderRequest request) throws ChartRenderException {
      if (!request.apiVersions().isEmpty() && helmOnPath != null) {
        // the embedded library cannot take --api-versions; a helm on PATH can
        return new HelmBinaryRenderer(helmOnPath).render(request);
      }
      ChartRenderer renderer = choose();
      if (renderer == null) {
        throw new ChartRenderException("cannot render the chart: " + unavailable, null, 0);
      }
      return renderer.render(request);
    }

    @Override
    public String describe() {
      ChartRenderer renderer = chosen;
      return renderer != null ? renderer.describe() : "embedded Helm (not loaded yet)";
    }
  }
}
