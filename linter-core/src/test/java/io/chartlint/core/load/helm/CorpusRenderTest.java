package io.chartlint.core.load.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chartlint.core.load.helm.worker.RenderWorkers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Renders every corpus chart with the embedded Helm, as the corpus was rendered with {@code helm
 * template <chart> charts/<chart> --namespace <chart> [-f ci/<values>]}, and compares the documents
 * with Helm's (v4) output, hooks included; the object counts per render are written to {@code
 * target/corpus-object-counts.md}. Expected differences: documents that hold generated certificates
 * or random strings (and checksums of them) differ in those values on every render, so they must
 * agree in their keys, line by line; charts whose dependencies are not vendored in the corpus (it
 * was rendered with them) fail with Helm's advice to build them.
 */
class CorpusRenderTest {
  private static final Pattern SOURCE = Pattern.compile("(?m)^# Source: (\\S+)$");
  private static final Pattern KIND = Pattern.compile("(?m)^kind: (\\S+)$");
  private static final Pattern NAME = Pattern.compile("(?m)^  name: (\\S+)$");

  @Test
  void rendersEveryCorpusChartAsHelmTemplateDoes() throws Exception {
    Path corpus = Path.of(System.getProperty("chartlint.corpus", "../../shared/corpus"));
    assumeTrue(Files.isDirectory(corpus.resolve("rendered")), "no corpus at " + corpus);
    EmbeddedHelmRenderer renderer = EmbeddedHelmRenderer.load();
    List<String[]> rows = new ArrayList<>();
    for (String row : Files.readAllLines(corpus.resolve("render-status.tsv"))) {
      String[] cols = row.split("\t", -1);
      if (!cols[0].equals("output")) {
        rows.add(cols);
      }
    }
    List<String> missingDependencies = Collections.synchronizedList(new ArrayList<>());
    List<String> problems = Collections.synchronizedList(new ArrayList<>());
    Map<String, String> counts = new ConcurrentSkipListMap<>();
    AtomicInteger same = new AtomicInteger();
    AtomicInteger differentText = new AtomicInteger();
    AtomicInteger hooks = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(RenderWorkers.shared().size());
    List<Future<?>> renders = new ArrayList<>();
    for (String[] cols : rows) {
      renders.add(
          pool.submit(
              () -> {
                compare(
                    corpus,
                    cols,
                    renderer,
                    missingDependencies,
                    problems,
                    counts,
                    same,
                    differentText,
                    hooks);
                return null;
              }));
    }
    for (Future<?> render : renders) {
      render.get();
    }
    pool.shutdown();
    StringBuilder table = new StringBuilder("| render | helm template | chartlint | hooks |\n");
    table.append("|---|---:|---:|---:|\n");
    counts.forEach(
        (render, row) ->
            table.append("| ").append(render).append(" | ").append(row).append(" |\n"));
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/corpus-object-counts.md"), table);
    System.out.printf(
        "corpus: %d renders; %d documents identical, %d differ in generated values only, %d of"
            + " them hooks; dependencies not vendored: %s%n",
        rows.size(), same.get(), differentText.get(), hooks.get(), missingDependencies);
    assertThat(same.get()).isGreaterThan(2000);
    assertThat(hooks.get()).as("hook objects rendered").isGreaterThan(0);
    assertThat(problems).isEmpty();
  }

  private static void compare(
      Path corpus,
      String[] cols,
      EmbeddedHelmRenderer renderer,
      List<String> missingDependencies,
      List<String> problems,
      Map<String, String> counts,
      AtomicInteger same,
      AtomicInteger differentText,
      AtomicInteger hooks)
      throws IOException {
    String chart = cols[1];
    List<Path> values = new ArrayList<>();
    if (!cols[2].isEmpty()) {
      Path v = corpus.resolve("charts").resolve(cols[2]);
      values.add(Files.exists(v) ? v : corpus.resolve(cols[2]));
    }
    ChartRenderRequest request =
        new ChartRenderRequest(
            corpus.resolve("charts/" + chart),
            values,
            List.of(),
            List.of(),
            List.of(),
            chart,
            chart,
            null,
            List.of());
    String ours;
    try {
      ours = renderer.render(request).manifests();
    } catch (ChartRenderException e) {
      if (!cols[3].equals("ok")) {
        counts.put(cols[0], "fails | fails | —");
        return; // Helm fails here too (liqo without a tag)
      }
      if (e.getMessage().contains("missing in charts/ directory")) {
        assertThat(e.getMessage()).contains("helm dependency build");
        assertThat(e.templatePath()).endsWith("Chart.yaml");
        missingDependencies.add(cols[0]);
        counts.put(cols[0], cols[4] + " | dependencies not vendored | —");
        return;
      }
      problems.add(cols[0] + ": " + e.getMessage());
      return;
    }
    assertThat(cols[3]).as(cols[0] + " fails in Helm but renders here").isEqualTo("ok");
    Map<String, String> expected =
        documents(Files.readString(corpus.resolve("rendered/" + cols[0] + ".yaml")));
    Map<String, String> actual = documents(ours);
    int hooksHere = 0;
    for (Map.Entry<String, String> e : expected.entrySet()) {
      String mine = actual.get(e.getKey());
      if (e.getValue().contains("helm.sh/hook")) {
        hooksHere++;
      }
      if (mine == null) {
        problems.add(cols[0] + ": missing " + e.getKey());
      } else if (mine.equals(e.getValue())) {
        same.incrementAndGet();
      } else {
        differentText.incrementAndGet();
        if (!keysOnly(mine).equals(keysOnly(e.getValue()))) {
          problems.add(cols[0] + ": different keys in " + e.getKey());
        }
        if (Boolean.getBoolean("chartlint.corpus.print")) {
          System.out.println("differs: " + cols[0] + " " + e.getKey());
        }
      }
    }
    hooks.addAndGet(hooksHere);
    for (String key : actual.keySet()) {
      if (!expected.containsKey(key)) {
        problems.add(cols[0] + ": extra " + key);
      }
    }
    counts.put(cols[0], expected.size() + " | " + actual.size() + " | " + hooksHere);
  }

  /** Documents by source, kind and name, their text without trailing white space. */
  static Map<String, String> documents(String stream) {
    Map<String, String> docs = new TreeMap<>();
    for (String doc : stream.split("(?m)^---\\s*$")) {
      String text = doc.strip();
      if (text.isEmpty()) {
        continue;
      }
      String key = group(SOURCE, text) + " " + group(KIND, text) + " " + group(NAME, text);
      String unique = key;
      for (int n = 2; docs.containsKey(unique); n++) {
        unique = key + " #" + n;
      }
      docs.put(unique, text.replaceAll("(?m)[ \\t]+$", ""));
    }
    return docs;
  }

  /** The document with every scalar after a key or dash dropped: its shape. */
  static String keysOnly(String doc) {
    StringBuilder out = new StringBuilder();
    for (String line : doc.split("\\R")) {
      int colon = line.indexOf(": ");
      out.append(colon < 0 ? line.replaceAll("^(\\s*-).*", "$1") : line.substring(0, colon))
          .append('\n');
    }
    return out.toString();
  }

  private static String group(Pattern p, String text) {
    Matcher m = p.matcher(text);
    return m.find() ? m.group(1) : "?";
  }
}
