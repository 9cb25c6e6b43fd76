package io.chartlint.core.load.helm;

import io.chartlint.core.load.helm.worker.IsolatedEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Renders charts by running a {@code helm} executable's {@code helm template}, with the same
 * containment as the embedded renderer: an {@link IsolatedEnvironment} (no kubeconfig, proxy,
 * in-cluster or {@code HELM_*} variables; a home directory of its own) and the render time limit,
 * after which the process and its children are killed.
 */
public final class HelmBinaryRenderer implements ChartRenderer {

  private final Path executable;

  public HelmBinaryRenderer(Path executable) {
    this.executable = executable;
  }

  public Path executable() {
    return executable;
  }

  /** The command line for a request: {@code helm template NAME CHART [options]}. */
  List<String> command(ChartRenderRequest request) {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.add("template");
    command.add(request.releaseName());
    command.add(request.chart().toString());
    command.add("--namespace");
    command.add(request.namespace());
    for (Path values : request.valuesFiles()) {
      command.add("--values");
      command.add(values.toString());
    }
    for (String set : request.set()) {
      command.add("--set");
      command.add(set);
    }
    for (String set : request.setString()) {
      command.add("--set-string");
      command.add(set);
    }
    for (String set : request.setFile()) {
      command.add("--set-file");
      command.add(set);
    }
    if (request.kubeVersion() != null) {
      command.add("--kube-version");
      command.add(request.kubeVersion());
    }
    for (String api : request.apiVersions()) {
      command.add("--api-versions");
      command.add(api);
    }
    if (request.noHooks()) {
      command.add("--no-hooks");
    }
    return command;
  }

  @Override
  public RenderedChart render(ChartRenderRequest request) throws ChartRenderException {
    try {
      return run(request);
    } catch (ChartRenderException e) {
      throw KubeVersionMismatch.locate(e, request);
    }
  }

  private RenderedChart run(ChartRenderRequest request) throws ChartRenderException {
    Path home;
    Process process;
    try {
      home = Files.createTempDirectory("chartlint-helm-");
    } catch (IOException e) {
      throw new ChartRenderException(
          "cannot create a directory for helm: " + e.getMessage(), null, 0);
    }
    try {
      try {
        ProcessBuilder builder =
            new ProcessBuilder(command(request)).redirectInput(ProcessBuilder.Redirect.PIPE);
        Map<String, String> env = IsolatedEnvironment.of(System.getenv(), home);
        // a kubeconfig with no cluster: helm template asks none, and nothing else may
        Files.writeString(Path.of(env.get("KUBECONFIG")), "apiVersion: v1\nkind: Config\n");
        builder.environment().clear();
        builder.environment().putAll(env);
        process = builder.start();
      } catch (IOException e) {
        throw new ChartRenderException("cannot run " + executable + ": " + e.getMessage(), null, 0);
      }
      return await(process, request);
    } finally {
      IsolatedEnvironment.delete(home);
    }
  }

  private RenderedChart await(Process process, ChartRenderRequest request)
      throws ChartRenderException {
    try {
      process.getOutputStream().close();
      CompletableFuture<String> stdout = drain(process.getInputStream());
      CompletableFuture<String> stderr = drain(process.getErrorStream());
      if (!process.waitFor(request.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
        kill(process);
        throw new ChartRenderException(
            executable
                + " template did not finish within the render time limit of "
                + RenderTimeout.format(request.timeout())
                + " and was stopped (raise the limit with --render-timeout, or renderTimeout in"
                + " the Maven plugin)",
            null,
            0);
      }
      String out = stdout.get();
      String err = stderr.get();
      if (process.exitValue() != 0) {
        throw HelmErrors.toException(err.isBlank() ? out : err);
      }
      List<String> warnings = new ArrayList<>();
      for (String line : err.split("\\R")) {
        if (!line.isBlank()) {
          warnings.add(line.strip());
        }
      }
      return new RenderedChart(out, warnings);
    } catch (InterruptedException e) {
      kill(process);
      Thread.currentThread().interrupt();
      throw new ChartRenderException("interrupted while rendering", null, 0);
    } catch (IOException e) {
      kill(process);
      throw new UncheckedIOException(e);
    } catch (ExecutionException e) {
      throw new ChartRenderException(
          "cannot read the output of " + executable + ": " + e.getCause(), null, 0);
    }
  }

  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  /** Reads a stream on its own thread, so a full pipe never blocks the process. */
  private static CompletableFuture<String> drain(InputStream in) {
    CompletableFuture<String> result = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (in) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                in.transferTo(buffer);
                result.complete(buffer.toString(StandardCharsets.UTF_8));
              } catch (IOException e) {
                result.completeExceptionally(e);
              }
            },
            "chartlint-helm-output");
    reader.setDaemon(true);
    reader.start();
    return result;
  }

  @Override
  public String describe() {
    return "helm executable " + executable;
  }
}
