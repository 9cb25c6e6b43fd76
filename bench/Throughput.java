import io.chartlint.core.engine.LintRequest;
import io.chartlint.core.engine.LintResult;
import io.chartlint.core.engine.Linter;
import io.chartlint.core.rule.RuleSet;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Lints a generated stream of N Deployments and DaemonSets with every rule, and composes the same
 * stream with bare SnakeYAML, in one JVM. Run by bench/run.sh against the built chartlint.jar:
 *
 * <pre>java -cp linter-cli/target/chartlint.jar bench/Throughput.java DIR N...</pre>
 *
 * <p>Prints one line per N: {@code N compose-ms lint-ms ratio findings}. Each time is the median of
 * several runs after a warm-up. With {@code --lint-only N}, lints the stream once and prints the
 * finding count (run.sh uses it with a small heap).
 */
public final class Throughput {
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    if (args[1].equals("--lint-only")) {
      Path file = generate(dir, Integer.parseInt(args[2]));
      LintResult result = lint(file);
      System.out.println(result.findings().size());
      return;
    }
    List<Integer> sizes = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      sizes.add(Integer.parseInt(args[i]));
    }
    // warm up both paths so that neither pays for the JIT
    Path warm = generate(dir, 2_000);
    for (int i = 0; i < 8; i++) {
      compose(warm);
      lint(warm);
    }
    for (int n : sizes) {
      Path file = generate(dir, n);
      int runs = n >= 100_000 ? 3 : n >= 10_000 ? 5 : 15;
      long[] composeTimes = new long[runs];
      long[] lintTimes = new long[runs];
      int findings = 0;
      for (int r = 0; r < runs; r++) {
        long t0 = System.nanoTime();
        compose(file);
        long t1 = System.nanoTime();
        findings = lint(file).findings().size();
        long t2 = System.nanoTime();
        composeTimes[r] = t1 - t0;
        lintTimes[r] = t2 - t1;
      }
      double compose = median(composeTimes) / 1e6;
      double lint = median(lintTimes) / 1e6;
      System.out.printf("%d %.1f %.1f %.2f %d%n", n, compose, lint, lint / compose, findings);
      Files.delete(file);
    }
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** What any YAML-reading tool must do at least: compose every document with positions. */
  private static int compose(Path file) throws IOException {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE);
    options.setAllowDuplicateKeys(true);
    int count = 0;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (Node node : new Yaml(options).composeAll(reader)) {
        if (node != null) {
          count++;
        }
      }
    }
    return count;
  }

  private static LintResult lint(Path file) {
    return new Linter(RuleSet.discover())
        .lint(LintRequest.of(List.of(file.toString()), file.getParent()).withThreads(1));
  }

  /**
   * N objects, alternating Deployments and DaemonSets as a chart renders them: requests, limits,
   * tolerations, node affinity, probes, volumes. Some break rules, so findings are reported too.
   */
  static Path generate(Path dir, int n) throws IOException {
    Path file = dir.resolve("stream-" + n + ".yaml");
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      for (int i = 0; i < n; i++) {
        boolean daemonSet = i % 2 == 1;
        out.write("---\n# Source: bench/templates/workload-" + i + ".yaml\n");
        out.write("apiVersion: apps/v1\n");
        out.write(daemonSet ? "kind: DaemonSet\n" : "kind: Deployment\n");
        out.write("metadata:\n  name: workload-" + i + "\n  namespace: bench\n");
        out.write("  labels:\n    app.kubernetes.io/name: workload-" + i + "\n");
        out.write("    app.kubernetes.io/part-of: bench\n");
        out.write("spec:\n");
        if (!daemonSet) {
          out.write("  replicas: 3\n");
        }
        out.write("  selector:\n    matchLabels:\n      app.kubernetes.io/name: workload-" + i + "\n");
        out.write("  template:\n    metadata:\n      labels:\n");
        out.write("        app.kubernetes.io/name: workload-" + i + "\n");
        out.write("    spec:\n");
        out.write("      serviceAccountName: workload\n");
        out.write("      affinity:\n        nodeAffinity:\n");
        out.write("          requiredDuringSchedulingIgnoredDuringExecution:\n");
        out.write("            nodeSelectorTerms:\n              - matchExpressions:\n");
        out.write("                  - key: type\n                    operator: NotIn\n");
        out.write("                    values: [virtual-kubelet]\n");
        out.write("                  - key: kubernetes.io/os\n                    operator: In\n");
        out.write("                    values: [linux]\n");
        out.write("      tolerations:\n");
        out.write("        - key: node.kubernetes.io/not-ready\n          operator: Exists\n");
        out.write("          effect: NoExecute\n");
        if (i % 10 != 0) {
          out.write("          tolerationSeconds: 300\n");
        }
        out.write("        - key: dedicated\n          operator: Equal\n          value: bench\n");
        out.write("          effect: NoSchedule\n");
        out.write("      containers:\n        - name: app\n");
        out.write("          image: registry.example.com/bench/app:1." + i + "\n");
        out.write("          args: [\"--port=8080\", \"--log-level=info\"]\n");
        out.write("          ports:\n            - containerPort: 8080\n              name: http\n");
        out.write("          env:\n            - name: MODE\n              value: production\n");
        out.write("            - name: POD_NAME\n              valueFrom:\n");
        out.write("                fieldRef: {fieldPath: metadata.name}\n");
        out.write("          readinessProbe:\n            httpGet: {path: /ready, port: http}\n");
        out.write("          resources:\n            requests:\n");
        out.write(i % 7 == 0 ? "              cpu: 100m\n" : "              cpu: 250m\n");
        out.write(i % 13 == 0 ? "" : "              memory: 256Mi\n");
        out.write("            limits:\n              memory: 512Mi\n");
        out.write("          volumeMounts:\n            - name: data\n              mountPath: /data\n");
        out.write("      volumes:\n        - name: data\n          emptyDir: {}\n");
      }
    }
    return file;
  }
}
