package io.chartlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code chartlint fix} on manifests: exact edits, in place, everything else kept. */
class FixCommandTest {
  @TempDir Path dir;

  private static final String DAEMONSET =
      """
      # The node agent: it must run on every real node.
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: agent  # named after the binary
      spec:
        selector:
          matchLabels: {app: agent}
        template:
          metadata:
            labels: {app: agent}
          spec:
            containers:
            - name: agent
              image: example.org/agent:1.0
              resources:
                requests: {cpu: 10m, memory: 32Mi}
            # no affinity yet
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: untouched}
      data: {a: "1"}
      """;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void addsTheExclusionsInPlaceKeepingCommentsOrderAndIndentation() throws IOException {
    Path file = write("agent.yaml", DAEMONSET);

    Cli fix = Cli.run(dir, "fix", "agent.yaml");

    assertThat(fix.exit()).as(fix.err()).isZero();
    assertThat(fix.err()).contains("fixed agent.yaml:13 virtual-node-exclusion DaemonSet/agent");
    assertThat(Files.readString(file))
        .isEqualTo(
            """
            # The node agent: it must run on every real node.
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: agent  # named after the binary
            spec:
              selector:
                matchLabels: {app: agent}
              template:
                metadata:
                  labels: {app: agent}
                spec:
                  containers:
                  - name: agent
                    image: example.org/agent:1.0
                    resources:
                      requests: {cpu: 10m, memory: 32Mi}
                  affinity:
                    nodeAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                        nodeSelectorTerms:
                        - matchExpressions:
                          - key: type
                            operator: NotIn
                            values:
                            - virtual-kubelet
                            - kwok
                          - key: kwok.x-k8s.io/node
                            operator: DoesNotExist
                  # no affinity yet
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: untouched}
            data: {a: "1"}
            """);
    Cli again = Cli.run(dir, "lint", "agent.yaml");
    assertThat(again.exit()).isZero();
    assertThat(again.out()).doesNotContain("virtual-node-exclusion");
  }

  @Test
  void fixTakesNoBaselineOptionsAndSaysSo() throws IOException {
    Path file = write("agent.yaml", DAEMONSET);

    for (String option : new String[] {"--baseline", "--write-baseline"}) {
      Cli fix = Cli.run(dir, "fix", option, "base.json", "agent.yaml");

      assertThat(fix.exit()).as(option).isEqualTo(2);
      assertThat(fix.err()).contains("Unknown option: '" + option + "'");
      assertThat(Files.readString(file)).as("nothing fixed").isEqualTo(DAEMONSET);
      assertThat(dir.resolve("base.json")).doesNotExist();
    }
    assertThat(Cli.run(dir, "fix", "--help").out()).doesNotContain("baseline=FILE");
  }

  @Test
  void diffPrintsAUnifiedDiffAndLeavesTheFileAsItWas() throws IOException {
    Path file = write("agent.yaml", DAEMONSET);

    Cli fix = Cli.run(dir, "fix", "--diff", "agent.yaml");

    assertThat(Files.readString(file)).isEqualTo(DAEMONSET);
    assertThat(fix.out())
        .startsWith("--- a/agent.yaml\n+++ b/agent.yaml\n@@ -15,6 +15,18 @@\n")
        .contains("+      affinity:\n+        nodeAffinity:\n")
        .doesNotContain("error"); // the report does not go to standard output with --diff
    assertThat(fix.err()).contains("would fix 1 finding");
    assertThat(fix.exit()).isZero(); // what remains: nothing
  }

  @Test
  void addsTheExclusionsToEveryTermInFlowAndBlockStyle() throws IOException {
    Path file =
        write(
            "terms.yaml",
            """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: exporter}
            spec:
              selector: {matchLabels: {app: exporter}}
              template:
                metadata: {labels: {app: exporter}}
                spec:
                  affinity:
                    nodeAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                        nodeSelectorTerms:
                          - matchExpressions: [{key: kubernetes.io/os, operator: In, values: [linux]}]
                          - matchExpressions:
                              - {key: kubernetes.io/arch, operator: In, values: [arm64]}
                          - {}
                  containers:
                    - {name: exporter, image: quay.io/prometheus/node-exporter:v1.8.2}
            """);

    Cli fix = Cli.run(dir, "fix", "terms.yaml");

    assertThat(fix.err()).contains("fixed 1 finding");
    String after = Files.readString(file);
    assertThat(after)
        .contains(
            "- matchExpressions: [{key: kubernetes.io/os, operator: In, values: [linux]}, {key:"
                + " type, operator: NotIn, values: [virtual-kubelet, kwok]}, {key:"
                + " kwok.x-k8s.io/node, operator: DoesNotExist}]\n")
        .contains(
            """
                              - {key: kubernetes.io/arch, operator: In, values: [arm64]}
                              - {key: type, operator: NotIn, values: [virtual-kubelet, kwok]}
                              - {key: kwok.x-k8s.io/node, operator: DoesNotExist}
                          - {}
            """);
    assertThat(Cli.run(dir, "lint", "terms.yaml").out()).doesNotContain("virtual-node-exclusion");
  }

  @Test
  void quotesValuesYamlReadsAsBoolOrNumberAndRemovesDuplicateTolerations() throws IOException {
    Path file =
        write(
            "web.yaml",
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  nodeSelector:
                    gpu: true   # the pool label
                  tolerations: [{key: example.com/pool, operator: Exists}, {key: example.com/pool, operator: Exists}]
                  containers:
                    - name: web
                      image: nginx:1.27
                      resources: {requests: {cpu: 10m, memory: 32Mi, ephemeral-storage: 1Gi}}
            """);

    Cli fix = Cli.run(dir, "fix", "web.yaml");

    assertThat(Files.readString(file))
        .contains("    gpu: \"true\"   # the pool label\n")
        .contains("tolerations: [{key: example.com/pool, operator: Exists}]\n");
    assertThat(fix.err()).contains("fixed 2 findings");
    assertThat(fix.out()).startsWith("0 errors, 0 warnings, 0 infos");
    assertThat(fix.exit()).isZero();
  }

  @Test
  void withholdsAnEditTheReLintDoesNotProveAndSaysWhy() throws IOException {
    String text =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: ratio}
        spec:
          nodeSelector:
            ratio: .5
          containers:
            - {name: app, image: nginx:1.27, resources: {requests: {cpu: 10m, memory: 32Mi}}}
        """;
    Path file = write("pod.yaml", text);

    Cli fix = Cli.run(dir, "fix", "pod.yaml");

    // ".5" is a string, but not a label value: the quoted text would be rejected all the same
    assertThat(Files.readString(file)).isEqualTo(text);
    assertThat(fix.err())
        .contains("did not fix pod.yaml:6 node-affinity-invalid Pod/ratio")
        .contains("still reports node-affinity-invalid on Pod/ratio");
    assertThat(fix.out()).contains("chartlint fix did not apply its edit");
    assertThat(fix.exit()).isEqualTo(1);
  }

  @Test
  void insertsAfterALastLineWithoutLineBreak() throws IOException {
    String text =
        DAEMONSET.substring(0, DAEMONSET.indexOf("    # no affinity yet")).stripTrailing();
    Path file = write("agent.yaml", text);

    Cli fix = Cli.run(dir, "fix", "agent.yaml");

    assertThat(fix.err()).contains("fixed 1 finding");
    assertThat(Files.readString(file))
        .startsWith(text + "\n      affinity:\n")
        .endsWith("operator: DoesNotExist\n");
  }

  @Test
  void keepsWindowsLineBreaks() throws IOException {
    Path file = write("agent.yaml", DAEMONSET.replace("\n", "\r\n"));

    Cli.run(dir, "fix", "agent.yaml");

    String after = Files.readString(file);
    assertThat(after).contains("affinity:\r\n").doesNotContain("kwok\n");
    assertThat(after.replace("\r\n", "")).doesNotContain("\n");
  }

  @Test
  void aFileNameWithALineBreakStartsNoOutputLine() throws IOException {
    write("evil\nchartlint: fixed everything.yaml", DAEMONSET);

    Cli fix = Cli.run(dir, "fix", "--diff", ".");

    assertThat(fix.err().lines()).noneMatch(l -> l.startsWith("chartlint: fixed everything"));
    assertThat(fix.out().lines()).noneMatch(l -> l.startsWith("chartlint: fixed everything"));
  }
}
