package io.chartlint.core.load.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Renders every corpus chart in-process, as the corpus was rendered with {@code helm template
 * <chart> charts/<chart> --namespace <chart> [-f ci/<values>]}, and compares the documents with
 * Helm's (v4) output. Expected differences: the library leaves out hooks; documents that hold
 * generated certificates or random strings (and checksums of them) differ in those values on every
 * render, so they must agree in their keys, line by line; charts whose dependencies are not
 * vendored in the corpus (it was rendered with them) fail with Helm's advice to build them.
 */
class CorpusRenderTest {
  private static final Pattern SOURCE = Pattern.compile("(?m)^# Source: (\\S+)$");
  private static final Pattern KIND = Pattern.compile("(?m)^kind: (\\S+)$");
  private static final Pattern NAME = Pattern.compile("(?m)^  name: (\\S+)$");

  @Test
  void rendersEveryCorpusChartAsHelmTemplateDoes() throws IOException {
    Path corpus = Path.of(System.getProperty("chartlint.corpus", "../../shared/corpus"));
    assumeTrue(Files.isDirectory(corpus.resolve("rendered")), "no corpus at " + corpus);
    EmbeddedHelmRenderer renderer = EmbeddedHelmRenderer.load();
    int renders = 0;
    int same = 0;
    int differentText = 0;
    int hooks = 0;
    List<String> missingDependencies = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (String row : Files.readAllLines(corpus.resolve("render-status.tsv"))) {
      String[] cols = row.split("\t", -1);
      if (cols[0].equals("output")) {
        continue;
      }
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
      renders++;
      String ours;
      try {
        ours = renderer.render(request).manifests();
      } catch (ChartRenderException e) {
        if (!cols[3].equals("ok")) {
          continue; // Helm fails here too (liqo without a tag)
        }
        if (e.getMessage().contains("missing in charts/ directory")) {
          assertThat(e.getMessage()).contains("helm dependency build");
          assertThat(e.templatePath()).endsWith("Chart.yaml");
          missingDependencies.add(cols[0]);
          continue;
        }
        problems.add(cols[0] + ": " + e.getMessage());
        continue;
      }
      assertThat(cols[3]).as(cols[0] + " fails in Helm but renders here").isEqualTo("ok");
      Map<String, String> expected =
          documents(Files.readString(corpus.resolve("rendered/" + cols[0] + ".yaml")));
      Map<String, String> actual = documents(ours);
      for (Map.Entry<String, String> e : expected.entrySet()) {
        String mine = actual.get(e.getKey());
        if (mine == null) {
          if (e.getValue().contains("helm.sh/hook")) {
            hooks++;
          } else {
            problems.add(cols[0] + ": missing " + e.getKey());
          }
        } else if (mine.equals(e.getValue())) {
          same++;
        } else {
          differentText++;
          if (!keysOnly(mine).equals(keysOnly(e.getValue()))) {
            problems.add(cols[0] + ": different keys in " + e.getKey());
          }
          if (Boolean.getBoolean("chartlint.corpus.print")) {
            System.out.println("differs: " + cols[0] + " " + e.getKey());
          }
        }
      }
      for (String key : actual.keySet()) {
        if (!expected.containsKey(key)) {
          problems.add(cols[0] + ": extra " + key);
        }
      }
    }
    System.out.printf(
        "corpus: %d renders; %d documents identical, %d differ in generated values only, %d hooks"
            + " left out; dependencies not vendored: %s%n",
        renders, same, differentText, hooks, missingDependencies);
    assertThat(same).isGreaterThan(2000);
    assertThat(problems).isEmpty();
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
