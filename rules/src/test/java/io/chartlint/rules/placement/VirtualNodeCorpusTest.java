package io.chartlint.rules.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chartlint.core.engine.LintRequest;
import io.chartlint.core.engine.LintResult;
import io.chartlint.core.engine.Linter;
import io.chartlint.core.rule.Finding;
import io.chartlint.core.rule.RuleSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code virtual-node-exclusion} over the rendered real-world charts of the shared corpus, against
 * the hand-checked {@code inventory.md}.
 */
class VirtualNodeCorpusTest {
  private static LintResult result;
  private static Map<String, Set<String>> flagged;

  @BeforeAll
  static void lintCorpus() {
    String corpus = System.getProperty("chartlint.corpus", "../../shared/corpus");
    Path rendered = Path.of(corpus).resolve("rendered").toAbsolutePath().normalize();
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
  void onlyDeploymentsThatNeedTheNodeAreFlagged() {
    // A Deployment is flagged only with the reason it is node-bound: hostPath, hostNetwork,
    // hostPort, or a virtual-node controller image.
    assertThat(flagged.keySet())
        .filteredOn(k -> k.startsWith("Deployment/"))
        .allSatisfy(
            k -> assertThat(flagged.get(k)).allMatch(m -> m.matches("Deployment '[^']+' \\(.*")));
  }
}
