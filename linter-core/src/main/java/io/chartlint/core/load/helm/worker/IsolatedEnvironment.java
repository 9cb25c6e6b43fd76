package io.chartlint.core.load.helm.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The environment a renderer process gets: only what a program needs to run, none of what would
 * lead Helm to a cluster, a registry or a proxy.
 *
 * <p>Kept by name from the parent: {@code PATH}, the locale and time zone, and what Windows needs
 * to start a process. Everything else is left out, among it {@code KUBECONFIG}, {@code
 * KUBERNETES_SERVICE_HOST} (client-go's in-cluster configuration, rest/config.go {@code
 * InClusterConfig}), {@code HTTP_PROXY} and its kin, every {@code HELM_*} variable, cloud
 * credentials, and {@code JAVA_TOOL_OPTIONS}. {@code HOME} and Helm's directories point into a
 * directory of the renderer's own, empty but for what chartlint writes there.
 */
public final class IsolatedEnvironment {
  private static final Set<String> KEPT =
      Set.of(
          "PATH",
          "LANG",
          "LC_ALL",
          "LC_CTYPE",
          "TZ",
          "SYSTEMROOT",
          "SystemRoot",
          "WINDIR",
          "windir",
          "COMSPEC",
          "PATHEXT",
          "NUMBER_OF_PROCESSORS",
          "PROCESSOR_ARCHITECTURE");

  private IsolatedEnvironment() {}

  /**
   * The environment for a process whose own directory is {@code home}; creates the directories it
   * names.
   *
   * @param inherited the parent's environment
   */
  public static Map<String, String> of(Map<String, String> inherited, Path home)
      throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : inherited.entrySet()) {
      if (KEPT.contains(e.getKey())) {
        env.put(e.getKey(), e.getValue());
      }
    }
    Path tmp = Files.createDirectories(home.resolve("tmp"));
    env.put("HOME", home.toString());
    env.put("USERPROFILE", home.toString());
    env.put("TMPDIR", tmp.toString());
    env.put("TMP", tmp.toString());
    env.put("TEMP", tmp.toString());
    env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
    env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
    env.put("XDG_DATA_HOME", home.resolve("data").toString());
    env.put("HELM_CONFIG_HOME", home.resolve("config/helm").toString());
    env.put("HELM_CACHE_HOME", home.resolve("cache/helm").toString());
    env.put("HELM_DATA_HOME", home.resolve("data/helm").toString());
    env.put("KUBECONFIG", home.resolve("kubeconfig").toString());
    return env;
  }

  /** Deletes a process's directory and everything in it, as far as it can. */
  public static void delete(Path home) {
    try (Stream<Path> files = Files.walk(home)) {
      List<Path> all = new ArrayList<>(files.toList());
      all.sort(Comparator.reverseOrder());
      for (Path p : all) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      // what cannot be deleted now stays in the temporary directory
    }
  }
}
