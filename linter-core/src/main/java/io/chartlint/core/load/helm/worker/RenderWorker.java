package io.chartlint.core.load.helm.worker;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.chartlint.core.UsageException;
import io.chartlint.core.load.helm.SetValues;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The worker process: renders charts with Helm's library, one at a time, for the process that
 * started it ({@link RenderWorkers}). Its environment holds no kubeconfig, proxy, cloud or
 * in-cluster variables; its only Kubernetes API is its own {@link Sinkhole}.
 *
 * <p>It ends when its standard input ends, and within half a second of its parent's end even in the
 * middle of a render: Go code cannot be interrupted, so nothing short of ending the process stops a
 * template that loops.
 */
public final class RenderWorker {
  /**
   * The Kubernetes version {@code helm template} assumes without {@code --kube-version} (Helm 3.20
   * and 4.1 take it from the Kubernetes client they are built with). The library, built without
   * that information, would assume v1.20.0, and charts that require newer versions would not
   * render.
   */
  public static final String DEFAULT_KUBE_VERSION = "v1.35.0";

  private RenderWorker() {}

  /**
   * @param args the parent's process id
   */
  public static void main(String[] args) throws IOException {
    DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
    System.setOut(System.err); // nothing but frames on the protocol stream
    DataInputStream in =
        new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
    Path kubeconfig = Path.of(String.valueOf(System.getenv("KUBECONFIG"))).toAbsolutePath();
    Path home = Path.of(String.valueOf(System.getenv("HOME"))).toAbsolutePath();
    if (home.getFileName() == null
        || !home.getFileName().toString().startsWith(RenderWorkers.HOME_PREFIX)
        || !kubeconfig.startsWith(home)) {
      // started by hand, or with an environment that is not the isolated one: never write a
      // kubeconfig, or delete a directory, of the user's
      Frames.write(
          out, List.of("unavailable", "the render worker was started without its own home"));
      return;
    }
    watchParent(Long.parseLong(args[0]), home);

    // Never fetch a native library from the network when this platform's is missing.
    System.setProperty(RenderWorkers.SKIP_REMOTE_JAR, "true");
    try (Sinkhole sinkhole = Sinkhole.start()) {
      sinkhole.writeKubeconfig(kubeconfig);
      String version;
      try {
        version = Helm.version().call();
        version = version == null ? "" : version.strip();
      } catch (RuntimeException | LinkageError e) {
        Frames.write(out, List.of("unavailable", String.valueOf(e.getMessage())));
        return;
      }
      dropUnpackedLibrary();
      Frames.write(out, List.of("ready", version));
      List<String> request;
      while ((request = Frames.read(in)) != null) {
        Frames.write(out, answer(RenderJob.decode(request)));
      }
    }
    Runtime.getRuntime().halt(0); // the Go runtime's threads would keep the process alive
  }

  /**
   * Ends this process when its parent has ended: the parent's id changes when the process is handed
   * to another (init or a subreaper).
   */
  private static void watchParent(long parent, Path home) {
    Thread watchdog =
        new Thread(
            () -> {
              while (true) {
                long now = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
                if (now != parent) {
                  // nobody is left to delete this worker's directory
                  IsolatedEnvironment.delete(home);
                  Runtime.getRuntime().halt(3);
                }
                try {
                  Thread.sleep(250);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "chartlint-worker-parent-watch");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  /**
   * helm-java unpacks its native library (about 100 MB) into the temporary directory on every start
   * and deletes it only at a clean exit; once loaded, the file is no longer needed, and a worker
   * that is killed must not leave it behind.
   */
  private static void dropUnpackedLibrary() {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, "helm-java*")) {
      for (Path dir : dirs) {
        IsolatedEnvironment.delete(dir);
      }
    } catch (IOException | UncheckedIOException e) {
      // the parent deletes the worker's temporary directory when the worker ends
    }
  }

  static List<String> answer(RenderJob job) {
    Path work = null;
    try {
      work = Files.createTempDirectory("render-");
      return List.of("ok", render(job, work));
    } catch (ChartCopy.CopyException e) {
      return List.of("copy-error", e.getMessage());
    } catch (UsageException e) {
      return List.of("usage", e.getMessage());
    } catch (IllegalStateException e) {
      return List.of("helm-error", shown(e.getMessage(), job, work));
    } catch (IOException | UncheckedIOException e) {
      return List.of("copy-error", "cannot copy the chart to render it: " + e.getMessage());
    } catch (RuntimeException e) {
      return List.of("helm-error", shown(String.valueOf(e), job, work));
    } finally {
      if (work != null) {
        IsolatedEnvironment.delete(work);
      }
    }
  }

  private static String render(RenderJob job, Path work)
      throws IOException, ChartCopy.CopyException {
    boolean renameHooks = !job.noHooks();
    Path chart = ChartCopy.copy(job.chartPath(), work, renameHooks).chart();
    TemplateCommand command =
        new Helm(chart).template().withName(job.releaseName()).withNamespace(job.namespace());
    command.withKubeVersion(job.kubeVersion().isEmpty() ? DEFAULT_KUBE_VERSION : job.kubeVersion());
    int index = 0;
    for (String values : job.valuesFiles()) {
      command.withValuesFile(ChartCopy.copyValues(Path.of(values), work, index++, renameHooks));
    }
    if (!job.setString().isEmpty()) {
      // The library takes typed values only; strings go in a values file after the others.
      Path file = work.resolve("set-string.yaml");
      List<String> entries =
          renameHooks
              ? job.setString().stream().map(ChartCopy::renameInSet).toList()
              : job.setString();
      Files.writeString(file, SetValues.stringsAsYaml(entries), StandardCharsets.UTF_8);
      command.withValuesFile(file);
    }
    for (String entry : job.set()) {
      String given = renameHooks ? ChartCopy.renameInSet(entry) : entry;
      for (SetValues.Assignment a : SetValues.parse("--set", given)) {
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
    for (String entry : job.setFile()) {
      for (SetValues.Assignment a : SetValues.parse("--set-file", entry)) {
        command.setFile(a.key(), Path.of(a.value()));
      }
    }
    String manifests = command.call();
    return renameHooks || manifests == null ? ChartCopy.restore(manifests) : manifests;
  }

  /** Helm's message as the user should read it: about their chart, not the copy. */
  private static String shown(String message, RenderJob job, Path work) {
    String text = message == null ? "" : ChartCopy.restore(message);
    if (work != null) {
      text = text.replace(work.resolve("chart").toString(), job.chart());
      text = text.replace(work.toString(), job.chart());
    }
    return text;
  }
}
