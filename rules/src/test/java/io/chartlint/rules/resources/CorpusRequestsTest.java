package io.chartlint.rules.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The missing-request rules on every rendered chart of the corpus agree with the hand-checked
 * inventory's request columns, except for containers that set only a limit, which the inventory
 * lists and Kubernetes defaults.
 */
class CorpusRequestsTest {

  @Test
  @SuppressWarnings("unchecked")
  void missingRequestsMatchTheInventory() throws IOException {
    Path corpus = Path.of(System.getProperty("chartlint.corpus", "../shared/corpus"));
    Path inventoryFile = corpus.resolve("inventory.json");
    assumeTrue(Files.isRegularFile(inventoryFile), "corpus absent");
    Map<String, Object> inventory;
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(64 * 1024 * 1024);
    try (Reader reader = Files.newBufferedReader(inventoryFile)) {
      inventory = new Yaml(options).load(reader);
    }
    List<Path> renders;
    try (Stream<Path> files = Files.list(corpus.resolve("rendered"))) {
      renders = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
    List<String> differences = new ArrayList<>();
    List<String> flaggedControllers = new ArrayList<>();
    int compared = 0;
    for (Path render : renders) {
      String stem = render.getFileName().toString().replaceFirst("\\.yaml$", "");
      Map<String, Object> entry = (Map<String, Object>) inventory.get(stem);
      if (entry == null) {
        continue;
      }
      for (String[] columns :
          List.of(
              new String[] {"cpu-request-missing", "missing_cpu_request"},
              new String[] {"memory-request-missing", "missing_memory_request"})) {
        Map<String, Set<String>> ours = Findings.flagged(render, columns[0]);
        Map<String, Set<String>> expected = new TreeMap<>();
        for (Map<String, Object> workload : (List<Map<String, Object>>) entry.get("workloads")) {
          String object = workload.get("kind") + "/" + workload.get("name");
          Set<String> containers = expected.computeIfAbsent(object, k -> new TreeSet<>());
          for (String listed : (List<String>) workload.get(columns[1])) {
            if (listed.contains("request defaults to limit")) {
              continue; // a limit alone is a request (pkg/apis/core/v1/defaults.go)
            }
            containers.add(listed.replaceFirst(" \\(.*\\)$", ""));
          }
        }
        for (Map.Entry<String, Set<String>> e : expected.entrySet()) {
          compared++;
          Set<String> found = ours.getOrDefault(e.getKey(), Set.of());
          if (!found.equals(e.getValue())) {
            differences.add(
                stem
                    + " "
                    + e.getKey()
                    + " "
                    + columns[0]
                    + ": inventory "
                    + e.getValue()
                    + ", chartlint "
                    + found);
          }
        }
        for (Map.Entry<String, Set<String>> e : ours.entrySet()) {
          flaggedControllers.add(stem + " " + e.getKey() + " " + columns[0] + " " + e.getValue());
          if (!expected.containsKey(e.getKey())) {
            differences.add(
                stem
                    + " "
                    + e.getKey()
                    + " "
                    + columns[0]
                    + ": not in the inventory, chartlint "
                    + e.getValue());
          }
        }
      }
    }
    System.out.println(
        "Controllers flagged for missing requests (" + flaggedControllers.size() + "):");
    flaggedControllers.forEach(line -> System.out.println("  " + line));
    assertThat(compared).isGreaterThan(100);
    assertThat(differences).isEmpty();
  }

  private static final Set<String> POD_TEMPLATE_KINDS =
      Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job");

  /**
   * The corpus sets requests wherever it sets limits, so the path where a limit alone stands for
   * the request is reached only here: every render is linted again with its containers' requests
   * removed. A container that keeps a limit of a resource must not be flagged for that resource
   * (SetDefaults_Pod copies the limit into the request); one without must be.
   */
  @Test
  @SuppressWarnings("unchecked")
  void aLimitWithoutARequestCountsAsTheRequestOnTheCorpus(@TempDir Path tmp) throws IOException {
    Path corpus = Path.of(System.getProperty("chartlint.corpus", "../shared/corpus"));
    assumeTrue(Files.isDirectory(corpus.resolve("rendered")), "corpus absent");
    List<Path> renders;
    try (Stream<Path> files = Files.list(corpus.resolve("rendered"))) {
      renders = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(64 * 1024 * 1024);
    int limitOnly = 0;
    List<String> differences = new ArrayList<>();
    for (Path render : renders) {
      if (!Files.readString(render).contains("limits:")) {
        continue;
      }
      List<Object> documents = new ArrayList<>();
      Map<String, Map<String, Set<String>>> expected = new TreeMap<>();
      try (Reader reader = Files.newBufferedReader(render)) {
        for (Object document : new Yaml(options).loadAll(reader)) {
          documents.add(document);
          if (!(document instanceof Map<?, ?> object)
              || !POD_TEMPLATE_KINDS.contains(object.get("kind"))
              || !(object.get("spec") instanceof Map<?, ?> spec)
              || !(spec.get("template") instanceof Map<?, ?> template)
              || !(template.get("spec") instanceof Map<?, ?> pod)
              || pod.containsKey("resources")) {
            continue;
          }
          String key =
              object.get("kind") + "/" + ((Map<String, Object>) object.get("metadata")).get("name");
          for (String list : List.of("initContainers", "containers")) {
            if (!(pod.get(list) instanceof List<?> containers)) {
              continue;
            }
            for (Object item : containers) {
              Map<String, Object> container = (Map<String, Object>) item;
              String name = (list.equals("containers") ? "" : "init:") + container.get("name");
              Map<String, Object> resources =
                  container.get("resources") instanceof Map<?, ?> r
                      ? (Map<String, Object>) r
                      : Map.of();
              Map<String, Object> limits =
                  resources.get("limits") instanceof Map<?, ?> l
                      ? (Map<String, Object>) l
                      : Map.of();
              if (container.get("resources") instanceof Map<?, ?>) {
                ((Map<String, Object>) container.get("resources")).remove("requests");
              }
              for (String resource : List.of("cpu", "memory")) {
                Set<String> flagged =
                    expected
                        .computeIfAbsent(resource, k -> new TreeMap<>())
                        .computeIfAbsent(key, k -> new TreeSet<>());
                if (limits.containsKey(resource)) {
                  limitOnly++;
                } else {
                  flagged.add(name);
                }
              }
            }
          }
        }
      }
      Path variant = tmp.resolve(render.getFileName());
      try (java.io.Writer writer = Files.newBufferedWriter(variant)) {
        new Yaml().dumpAll(documents.iterator(), writer);
      }
      for (String resource : List.of("cpu", "memory")) {
        Map<String, Set<String>> ours = Findings.flagged(variant, resource + "-request-missing");
        for (Map.Entry<String, Set<String>> e :
            expected.getOrDefault(resource, Map.of()).entrySet()) {
          Set<String> found = ours.getOrDefault(e.getKey(), Set.of());
          if (!found.equals(e.getValue())) {
            differences.add(
                render.getFileName()
                    + " "
                    + e.getKey()
                    + " "
                    + resource
                    + ": expected "
                    + e.getValue()
                    + ", chartlint "
                    + found);
          }
        }
      }
    }
    assertThat(limitOnly).as("containers left with a limit and no request").isGreaterThan(50);
    assertThat(differences).isEmpty();
  }
}
