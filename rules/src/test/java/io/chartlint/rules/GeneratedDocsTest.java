package io.chartlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartlint.core.report.RuleDocs;
import io.chartlint.core.rule.RuleDescriptor;
import io.chartlint.core.rule.RuleSet;
import io.chartlint.testdata.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/rules/} is generated from the rules. This test fails when it is stale; run {@code
 * ./mvnw -pl rules test -Dtest=GeneratedDocsTest -Dchartlint.updateDocs=true} to regenerate it.
 */
class GeneratedDocsTest {

  @Test
  void docsRulesMatchTheRules() throws IOException {
    Path docs =
        Fixtures.resources().getParent().getParent().getParent().getParent().resolve("docs/rules");
    RuleSet rules = RuleSet.discover();
    boolean update = Boolean.getBoolean("chartlint.updateDocs");
    List<String> stale = new ArrayList<>();
    List<String> expectedFiles = new ArrayList<>();
    check(docs.resolve("README.md"), RuleDocs.index(rules), update, stale);
    expectedFiles.add("README.md");
    for (RuleDescriptor rule : rules.all()) {
      check(docs.resolve(rule.id() + ".md"), RuleDocs.page(rule), update, stale);
      expectedFiles.add(rule.id() + ".md");
    }
    try (Stream<Path> files = Files.list(docs)) {
      for (Path file : files.toList()) {
        if (!expectedFiles.contains(file.getFileName().toString())) {
          if (update) {
            Files.delete(file);
          } else {
            stale.add(file + " describes no rule");
          }
        }
      }
    }
    assertThat(stale)
        .as("docs/rules is stale; regenerate with -Dchartlint.updateDocs=true")
        .isEmpty();
  }

  private static void check(Path file, String expected, boolean update, List<String> stale)
      throws IOException {
    String actual =
        Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    if (expected.equals(actual)) {
      return;
    }
    if (update) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, expected, StandardCharsets.UTF_8);
    } else {
      stale.add(file.toString());
    }
  }
}
