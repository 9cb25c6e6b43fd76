package io.chartlint.rules.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chartlint.core.engine.LintRequest;
import io.chartlint.core.engine.LintResult;
import io.chartlint.core.engine.Linter;
import io.chartlint.core.rule.Finding;
import io.chartlint.core.rule.RuleSet;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code virtual-node-exclusion} over the rendered real-world charts of the shared corpus, against
 * the hand-checked {@code inventory.md}.
 */
class VirtualNodeCorpusTest {
  private static LintResult result;
  private static Map<String, Set<String>> flagged;
  private static Path rendered;

  @BeforeAll
  static void lintCorpus() {
    String corpus = System.getProperty("chartlint.corpus", "../../shared/corpus");
    rendered = Path.of(corpus).resolve("rendered").toAbsolutePath().normalize();
    assumeTrue(Files.isDirectory(rendered), "no corpus at " + rendered);
    result =
        new Linter(RuleSet.discover())
            .lint(LintRequest.of(List.of(rendered.toString()), rendered).withThreads(2));
    flagged = new TreeMap<>();
    for (Finding f : result.findings()) {
      if (f.ruleId().equals("virtual-node-exclusion")) {
        flagged
            .computeIfAbsent(f.resource().kind() + "/" + f.resource().name(), k -> new TreeSet<>())
            .add(f.message());
      }
    }
    if (Boolean.getBoolean("chartlint.corpus.print")) {
      flagged.forEach((k, v) -> v.forEach(m -> System.out.println("CORPUS " + k + " " + m)));
    }
  }

  @Test
  void lintsTheCorpusWithoutInternalErrors() {
    assertThat(result.internalErrors()).isEmpty();
  }

  @Test
  void daemonSetsThatTolerateEveryTaintAndExcludeTooLittleAreFlagged() {
    // inventory.md: ebs-csi-node lands on VK, KWOK and Liqo; aws-node on KWOK and Liqo;
    // kruise-daemon on KWOK and Fargate; prometheus-node-exporter on KWOK.
    assertThat(flagged)
        .containsKeys(
            "DaemonSet/ebs-csi-node",
            "DaemonSet/aws-node",
            "DaemonSet/kruise-daemon",
            "DaemonSet/prometheus-node-exporter");
    assertThat(flagged.get("DaemonSet/ebs-csi-node"))
        .allMatch(m -> m.contains("virtual-kubelet") && m.contains("kwok") && m.contains("liqo"));
    assertThat(flagged.get("DaemonSet/kruise-daemon"))
        .allMatch(m -> m.contains("kwok") && m.contains("eks-fargate"));
    assertThat(flagged.get("DaemonSet/aws-node"))
        .allMatch(m -> m.contains("kwok") && !m.contains("eks-fargate"));
  }

  @Test
  void daemonSetsThatRequireHardwareLabelsAreNotFlagged() {
    // GPU feature labels and an EFA instance-type list keep them on real machines.
    assertThat(flagged)
        .doesNotContainKeys(
            "DaemonSet/nvidia-device-plugin",
            "DaemonSet/nvidia-device-plugin-mps-control-daemon",
            "DaemonSet/aws-efa-k8s-device-plugin",
            "DaemonSet/ebs-csi-node-windows");
  }

  @Test
  void deploymentsAreFlaggedOnlyForANodeBoundFieldTheyReallySet() throws IOException {
    // The reason in the message is checked against the rendered object itself, read apart from
    // chartlint: a Deployment is node-bound only through hostPath, hostNetwork, hostPID, hostIPC,
    // a hostPort, or a virtual-node controller image.
    Map<String, Set<String>> facts = deploymentFacts();
    List<String> deployments =
        flagged.keySet().stream().filter(k -> k.startsWith("Deployment/")).toList();
    assertThat(deployments).as("flagged Deployments").isNotEmpty();
    for (String key : deployments) {
      Set<String> has = facts.getOrDefault(key, Set.of());
      for (String message : flagged.get(key)) {
        String reason =
            message.contains("mounts a hostPath volume")
                ? "hostPath"
                : message.contains("uses hostNetwork")
                    ? "hostNetwork"
                    : message.contains("uses hostPID")
                        ? "hostPID"
                        : message.contains("uses hostIPC")
                            ? "hostIPC"
                            : message.contains("binds a hostPort")
                                ? "hostPort"
                                : message.contains("a virtual-node controller)")
                                    ? "controller"
                                    : "none";
        assertThat(has).as("%s flagged with: %s", key, message).contains(reason);
      }
    }
  }

  /** What each rendered Deployment sets that could bind it to a node, read with plain SnakeYAML. */
  @SuppressWarnings("unchecked")
  private static Map<String, Set<String>> deploymentFacts() throws IOException {
    Map<String, Set<String>> facts = new TreeMap<>();
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(64 * 1024 * 1024);
    List<Path> files;
    try (Stream<Path> list = Files.list(rendered)) {
      files = list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
    for (Path file : files) {
      try (Reader reader = Files.newBufferedReader(file)) {
        for (Object document : new Yaml(options).loadAll(reader)) {
          if (!(document instanceof Map<?, ?> object)
              || !"Deployment".equals(object.get("kind"))
              || !(object.get("spec") instanceof Map<?, ?> spec)
              || !(spec.get("template") instanceof Map<?, ?> template)
              || !(template.get("spec") instanceof Map<?, ?> pod)) {
            continue;
          }
          Set<String> has =
              facts.computeIfAbsent(
                  "Deployment/" + ((Map<String, Object>) object.get("metadata")).get("name"),
                  k -> new TreeSet<>());
          for (String flag : List.of("hostNetwork", "hostPID", "hostIPC")) {
            if (Boolean.TRUE.equals(pod.get(flag))) {
              has.add(flag);
            }
          }
          if (pod.get("volumes") instanceof List<?> volumes
              && volumes.stream().anyMatch(v -> ((Map<?, ?>) v).containsKey("hostPath"))) {
            has.add("hostPath");
          }
          for (String list : List.of("initContainers", "containers")) {
            if (!(pod.get(list) instanceof List<?> containers)) {
              continue;
            }
            for (Object c : containers) {
              Map<?, ?> container = (Map<?, ?>) c;
              if (container.get("ports") instanceof List<?> ports
                  && ports.stream().anyMatch(p -> ((Map<?, ?>) p).get("hostPort") != null)) {
                has.add("hostPort");
              }
              String image = String.valueOf(container.get("image"));
              if (image.contains("kwok") || image.contains("virtual-kubelet")) {
                has.add("controller");
              }
            }
          }
        }
      }
    }
    return facts;
  }
}
