package io.chartlint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Charts fixed through their values, over every chart of the shared corpus with its default values:
 * the override that {@code fix --values-out} writes makes {@code lint -f} report the fixed findings
 * no more and nothing new, and every values path given exists where it is said to be set.
 */
class ChartFixCorpusTest {
  @TempDir Path dir;

  @Test
  void theOverrideFixesWhatItClaimsAndAddsNothingAndProvenanceHolds() throws IOException {
    String corpus = System.getProperty("chartlint.corpus", "../../shared/corpus");
    Path charts = Path.of(corpus).resolve("charts").toAbsolutePath().normalize();
    assumeTrue(Files.isDirectory(charts), "no corpus at " + charts);
    List<Path> all;
    try (Stream<Path> list = Files.list(charts)) {
      all = list.filter(Files::isDirectory).sorted().toList();
    }
    // per rule: findings with a value, findings fixed through values, template-only findings
    Map<String, int[]> tally = new TreeMap<>();
    int fixedInAll = 0;
    int withPath = 0;
    for (Path chart : all) {
      String c = chart.toString();
      Path override = dir.resolve(chart.getFileName() + ".yaml");
      Cli before = Cli.run(dir, "lint", c, "--format", "json", "--fail-on", "never");
      Cli fix =
          Cli.run(
              dir,
              "fix",
              c,
              "--values-out",
              override.toString(),
              "--format",
              "json",
              "--fail-on",
              "never");
      Cli after =
          Cli.run(
              dir, "lint", c, "-f", override.toString(), "--format", "json", "--fail-on", "never");
      assertThat(fix.exit()).as(chart + ": " + fix.err()).isZero();

      Map<List<String>, Integer> was = keys(before.json());
      Map<List<String>, Integer> left = keys(fix.json());
      Map<List<String>, Integer> now = keys(after.json());
      assertThat(now).as(chart + ": lint -f override reports what fix left").isEqualTo(left);
      for (Map.Entry<List<String>, Integer> e : now.entrySet()) {
        assertThat(e.getValue())
            .as(chart + ": nothing new with the override: " + e.getKey())
            .isLessThanOrEqualTo(was.getOrDefault(e.getKey(), 0));
      }
      for (Map.Entry<List<String>, Integer> e : was.entrySet()) {
        int gone = e.getValue() - now.getOrDefault(e.getKey(), 0);
        if (gone > 0) {
          fixedInAll += gone;
          tally.computeIfAbsent(e.getKey().get(0), k -> new int[3])[1] += gone;
        }
      }

      for (JsonNode f : before.json().get("findings")) {
        JsonNode values = f.get("location").get("values");
        if (values == null) {
          continue;
        }
        int[] counts = tally.computeIfAbsent(f.get("ruleId").asText(), k -> new int[3]);
        if (!values.has("path")) {
          assertThat(values.get("source").asText()).isEqualTo("template");
          counts[2]++;
          continue;
        }
        if (values.has("source")) {
          // read by the template and set by no values file: the chart's values.yaml lacks it
          assertThat(values.get("source").asText()).isEqualTo("unset");
          List<String> keys = List.of(values.get("path").asText().split("\\."));
          JsonNode node =
              new ObjectMapper(new YAMLFactory()).readTree(chart.resolve("values.yaml").toFile());
          for (String key : keys) {
            node = node == null ? null : node.get(key);
          }
          assertThat(node).as("%s is not set in %s", keys, chart).isNull();
          counts[0]++;
          withPath++;
          continue;
        }
        counts[0]++;
        withPath++;
        String path = values.get("path").asText();
        String shown = values.get("file").asText();
        // a packaged subchart's values: <archive>!/<entry>
        int bang = shown.indexOf("!/");
        Path file = dir.resolve(bang < 0 ? shown : shown.substring(0, bang)).normalize();
        String text = bang < 0 ? Files.readString(file) : entry(file, shown.substring(bang + 2));
        int line = values.get("line").asInt();
        List<String> keys = List.of(path.split("\\."));
        String lineText = text.split("\n", -1)[line - 1];
        assertThat(lineText.strip())
            .as("%s:%d holds %s", shown, line, path)
            .startsWith(keys.get(keys.size() - 1) + ":");
        JsonNode merged = new ObjectMapper(new YAMLFactory()).readTree(text);
        List<String> inFile =
            bang < 0 && file.getParent().equals(chart)
                ? keys
                : keys.subList(1, keys.size()); // a subchart's
        JsonNode node = merged;
        for (String key : inFile) {
          node = node == null ? null : node.get(key);
        }
        assertThat(node).as("%s is set in %s", path, file).isNotNull();
      }
    }
    tally.forEach(
        (rule, n) ->
            System.out.printf(
                "CHART-FIX %s: %d values-controlled, %d fixed through values, %d template-only%n",
                rule, n[0], n[1], n[2]));
    assertThat(fixedInAll).as("findings fixed through values in the corpus").isPositive();
    assertThat(withPath).as("findings traced to a value").isPositive();
  }

  /** The text of one entry of a packaged chart. */
  private static String entry(Path archive, String name) throws IOException {
    try (InputStream in = Files.newInputStream(archive);
        TarArchiveInputStream tar =
            new TarArchiveInputStream(new GZIPInputStream(new BufferedInputStream(in)))) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        if (e.getName().equals(name)) {
          return new String(tar.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    throw new AssertionError(archive + " has no " + name);
  }

  /** Findings counted by rule, object and message. */
  private static Map<List<String>, Integer> keys(JsonNode report) {
    Map<List<String>, Integer> counts = new HashMap<>();
    for (JsonNode f : report.get("findings")) {
      List<String> key = new ArrayList<>();
      key.add(f.get("ruleId").asText());
      key.add(f.get("resource").isNull() ? "" : f.get("resource").toString());
      key.add(f.get("message").asText());
      counts.merge(key, 1, Integer::sum);
    }
    return counts;
  }
}
