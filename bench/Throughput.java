import io.chartlint.core.engine.Config;
import io.chartlint.core.engine.LintRequest;
import io.chartlint.core.engine.LintResult;
import io.chartlint.core.engine.Linter;
import io.chartlint.core.load.DocumentParser;
import io.chartlint.core.load.IgnoreComment;
import io.chartlint.core.load.LoadLimits;
import io.chartlint.core.load.RawDocument;
import io.chartlint.core.load.Utf8Reader;
import io.chartlint.core.load.YamlStreamSplitter;
import io.chartlint.core.load.SourceDocument;
import io.chartlint.core.model.KubeObject;
import io.chartlint.core.rule.Rule;
import io.chartlint.core.rule.RuleContext;
import io.chartlint.core.rule.RuleDescriptor;
import io.chartlint.core.rule.RuleParameters;
import io.chartlint.core.rule.RuleSet;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Lints a generated stream of N Deployments and DaemonSets with every rule, and composes the same
 * stream with bare SnakeYAML, in one JVM. Run by bench/run.sh against the built chartlint.jar:
 *
 * <pre>java -cp linter-cli/target/chartlint.jar bench/Throughput.java [--runs R] [--phases FILE] [--nodes COUNT:POOLS] DIR N...</pre>
 *
 * <p>Prints one line per N: {@code N compose-ms lint-ms ratio findings}. Each time is the median of
 * several runs after a warm-up ({@code --runs} sets how many). With {@code --phases FILE}, writes
 * where the lint time of a 2,000-object stream goes: splitting, composing,
 * the engine and model with no rule, and each rule on its own. With {@code --lint-only N}, lints
 * the stream once and prints the finding count (run.sh uses it with a small heap). With {@code
 * --nodes COUNT:POOLS}, every lint is given a generated node inventory of COUNT nodes in POOLS
 * pools, so the inventory rules schedule every workload onto it; each run then also lints the
 * stream without the inventory, right after, and a sixth column gives that median, so that the
 * two are compared under the same load.
 */
public final class Throughput {
  public static void main(String[] args) throws IOException {
    int fixedRuns = 0;
    Path phases = null;
    String inventory = null;
    int a = 0;
    while (args[a].startsWith("--")) {
      if (args[a].equals("--runs")) {
        fixedRuns = Integer.parseInt(args[a + 1]);
      } else if (args[a].equals("--phases")) {
        phases = Path.of(args[a + 1]);
      } else if (args[a].equals("--nodes")) {
        inventory = args[a + 1];
      } else {
        throw new IllegalArgumentException("unknown option " + args[a]);
      }
      a += 2;
    }
    Path dir = Path.of(args[a]);
    if (inventory != null) {
      String[] parts = inventory.split(":");
      config =
          Config.DEFAULTS.withNodes(
              List.of(
                  generateNodes(dir, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]))));
    }
    if (args[a + 1].equals("--lint-only")) {
      Path file = generate(dir, Integer.parseInt(args[a + 2]));
      LintResult result = lint(file);
      System.out.println(result.findings().size());
      return;
    }
    List<Integer> sizes = new ArrayList<>();
    for (int i = a + 1; i < args.length; i++) {
      sizes.add(Integer.parseInt(args[i]));
    }
    // warm up both paths so that neither pays for the JIT
    Path warm = generate(dir, 2_000);
    for (int i = 0; i < 8; i++) {
      compose(warm);
      lint(warm);
    }
    if (phases != null) {
      int n = Math.min(2_000, sizes.stream().mapToInt(Integer::intValue).max().orElse(1_000));
      Path file = generate(dir, n);
      Files.writeString(phases, phases(file, n));
      Files.delete(file);
    }
    for (int n : sizes) {
      Path file = generate(dir, n);
      int runs = fixedRuns > 0 ? fixedRuns : n >= 100_000 ? 1 : n >= 10_000 ? 5 : 15;
      long[] composeTimes = new long[runs];
      long[] lintTimes = new long[runs];
      long[] bareLintTimes = new long[runs];
      int findings = 0;
      for (int r = 0; r < runs; r++) {
        // under --nodes, the same stream also without the inventory, in turn with it (first on
        // odd runs, second on even ones), so that both see the same load; each after a compose
        // of the stream, as the lint with the inventory is, so that both start with as much
        // garbage waiting for the collector
        boolean bareFirst = config != Config.DEFAULTS && r % 2 == 1;
        if (bareFirst) {
          compose(file);
          bareLintTimes[r] = bareLint(file);
        }
        long t0 = System.nanoTime();
        compose(file);
        long t1 = System.nanoTime();
        findings = lint(file).findings().size();
        long t2 = System.nanoTime();
        composeTimes[r] = t1 - t0;
        lintTimes[r] = t2 - t1;
        if (config != Config.DEFAULTS && !bareFirst) {
          compose(file);
          bareLintTimes[r] = bareLint(file);
        }
      }
      double compose = median(composeTimes) / 1e6;
      double lint = median(lintTimes) / 1e6;
      if (config != Config.DEFAULTS) {
        System.out.printf(
            "%d %.1f %.1f %.2f %d %.1f%n",
            n, compose, lint, lint / compose, findings, median(bareLintTimes) / 1e6);
      } else {
        System.out.printf("%d %.1f %.1f %.2f %d%n", n, compose, lint, lint / compose, findings);
      }
      Files.delete(file);
    }
  }

  /**
   * Where the lint time goes: splitting, composing and the engine without rules each timed on
   * their own, and every rule timed inside a full lint by a wrapper around it.
   */
  private static String phases(Path file, int n) throws IOException {
    LoadLimits limits = LoadLimits.DEFAULTS;
    long split =
        time(
            () -> {
              try (YamlStreamSplitter splitter =
                  new YamlStreamSplitter(new Utf8Reader(Files.newInputStream(file)), limits)) {
                while (splitter.next() != null) {}
              }
              return null;
            });
    long parse =
        time(
            () -> {
              DocumentParser parser = new DocumentParser(limits);
              try (YamlStreamSplitter splitter =
                  new YamlStreamSplitter(new Utf8Reader(Files.newInputStream(file)), limits)) {
                RawDocument raw;
                while ((raw = splitter.next()) != null) {
                  parser.parse(raw);
                  IgnoreComment.scan(raw.text(), raw.firstLine());
                }
              }
              return null;
            });
    long compose = time(() -> compose(file));
    long bare = time(() -> lint(file, new RuleSet(List.of())));
    long all = time(() -> lint(file));
    Map<String, long[]> perRule = new LinkedHashMap<>();
    List<RuleDescriptor> timed = new ArrayList<>();
    for (RuleDescriptor d : RuleSet.discover().all()) {
      long[] total = new long[1];
      perRule.put(d.id(), total);
      timed.add(
          new RuleDescriptor(
              d.id(),
              d.summary(),
              d.defaultSeverity(),
              d.since(),
              d.category(),
              d.explanation(),
              new TimedRule(d.rule(), total)));
    }
    RuleSet timedRules = new RuleSet(timed);
    int rounds = 3;
    for (int i = 0; i < rounds; i++) {
      lint(file, timedRules);
    }
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "%,d objects: all rules %.0f ms, bare SnakeYAML compose %.0f ms%n",
            n, all / 1e6, compose / 1e6));
    out.append(String.format("  split into documents               %6.0f%n", split / 1e6));
    out.append(String.format("  split + compose + ignore comments  %6.0f%n", parse / 1e6));
    out.append(String.format("  whole engine, no rule (+ model)    %6.0f%n", bare / 1e6));
    out.append(String.format("  all rules (lint - engine)          %6.0f, of which:%n", (all - bare) / 1e6));
    List<Map.Entry<String, long[]>> sorted = new ArrayList<>(perRule.entrySet());
    sorted.sort((x, y) -> Long.compare(y.getValue()[0], x.getValue()[0]));
    long rest = 0;
    for (int i = 0; i < sorted.size(); i++) {
      double ms = sorted.get(i).getValue()[0] / 1e6 / rounds;
      if (i < 6) {
        out.append(String.format("    %-32s %6.0f%n", sorted.get(i).getKey(), ms));
      } else {
        rest += sorted.get(i).getValue()[0];
      }
    }
    out.append(
        String.format(
            "    the other %d rules together     %6.0f%n",
            Math.max(0, sorted.size() - 6), rest / 1e6 / rounds));
    return out.toString();
  }

  /** A rule that adds the time it takes to a counter. */
  private record TimedRule(Rule rule, long[] total) implements Rule {
    @Override
    public void checkDocument(SourceDocument document, RuleContext context) {
      long t0 = System.nanoTime();
      rule.checkDocument(document, context);
      total[0] += System.nanoTime() - t0;
    }

    @Override
    public void check(KubeObject object, RuleContext context) {
      long t0 = System.nanoTime();
      rule.check(object, context);
      total[0] += System.nanoTime() - t0;
    }

    @Override
    public List<String> parameterErrors(RuleParameters parameters) {
      return rule.parameterErrors(parameters);
    }
  }

  private interface Step {
    Object run() throws IOException;
  }

  /** The median of five runs, in nanoseconds. */
  private static long time(Step step) throws IOException {
    long[] times = new long[5];
    for (int i = 0; i < times.length; i++) {
      long t0 = System.nanoTime();
      step.run();
      times[i] = System.nanoTime() - t0;
    }
    return median(times);
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
    return lint(file, RuleSet.discover());
  }

  /** The config of every lint: the defaults, with the generated inventory under --nodes. */
  private static Config config = Config.DEFAULTS;

  private static LintResult lint(Path file, RuleSet rules) {
    return lint(file, rules, config);
  }

  /** How long linting the file without the inventory takes, in nanoseconds. */
  private static long bareLint(Path file) {
    long t0 = System.nanoTime();
    lint(file, RuleSet.discover(), Config.DEFAULTS);
    return System.nanoTime() - t0;
  }

  private static LintResult lint(Path file, RuleSet rules, Config with) {
    return new Linter(rules)
        .lint(
            LintRequest.of(List.of(file.toString()), file.getParent())
                .withConfig(with)
                .withThreads(1));
  }

  /**
   * A cluster inventory as {@code kubectl get nodes -o yaml} prints it: {@code count} nodes in
   * {@code pools} pools over three zones, every other pool arm64, every fifth tainted for its own
   * team, and allocatable memory a few KiB apart from node to node, as on real machines.
   */
  static Path generateNodes(Path dir, int count, int pools) throws IOException {
    Path file = dir.resolve("nodes-" + count + ".yaml");
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      out.write("apiVersion: v1\nkind: List\nitems:\n");
      for (int i = 0; i < count; i++) {
        int pool = i % pools;
        String name = "ip-10-" + (i / 250) + "-" + (i % 250) + ".eu-central-1.compute.internal";
        out.write("  - apiVersion: v1\n    kind: Node\n    metadata:\n");
        out.write("      name: " + name + "\n      labels:\n");
        out.write("        kubernetes.io/hostname: " + name + "\n");
        out.write("        kubernetes.io/os: linux\n");
        out.write("        kubernetes.io/arch: " + (pool % 2 == 0 ? "amd64" : "arm64") + "\n");
        out.write("        topology.kubernetes.io/zone: eu-central-1" + "abc".charAt(i % 3) + "\n");
        out.write("        node.kubernetes.io/instance-type: m6i.2xlarge\n");
        out.write("        eks.amazonaws.com/nodegroup: pool-" + pool + "\n");
        if (pool % 5 == 0) {
          out.write("    spec:\n      taints:\n");
          out.write("        - {key: dedicated, value: team-" + pool + ", effect: NoSchedule}\n");
        }
        out.write("    status:\n      allocatable:\n");
        out.write("        cpu: 7910m\n        memory: " + (31482604 - i % 17) + "Ki\n");
        out.write("        ephemeral-storage: \"95551679124\"\n        pods: \"58\"\n");
      }
    }
    return file;
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
