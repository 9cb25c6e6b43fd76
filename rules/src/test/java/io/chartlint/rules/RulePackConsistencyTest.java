package io.chartlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartlint.core.rule.Rule;
import io.chartlint.core.rule.RuleDescriptor;
import io.chartlint.core.rule.RuleSet;
import io.chartlint.testdata.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What every built-in rule must have: one registration, docs with "How to fix", fixtures both ways.
 */
class RulePackConsistencyTest {
  private final RuleSet rules = RuleSet.discover();

  @Test
  void everyRuleIsRegisteredOnce() {
    List<String> classes = new ArrayList<>();
    for (Rule rule : ServiceLoader.load(Rule.class)) {
      classes.add(rule.getClass().getName());
    }
    assertThat(classes).doesNotHaveDuplicates().hasSameSizeAs(rules.all());
  }

  @Test
  void everyRuleHasMetadataAndAnExplanationWithHowToFix() {
    for (RuleDescriptor rule : rules.all()) {
      assertThat(rule.id())
          .as("id of %s", rule.rule().getClass())
          .matches("[a-z0-9]+(-[a-z0-9]+)*");
      assertThat(rule.summary()).as("summary of %s", rule.id()).isNotBlank().doesNotEndWith(".");
      assertThat(rule.since()).as("since of %s", rule.id()).matches("\\d+\\.\\d+\\.\\d+");
      assertThat(rule.explanation())
          .as("explanation of %s", rule.id())
          .contains("## Why")
          .contains("## How to fix")
          .contains("## Examples");
      assertThat(java.lang.reflect.Modifier.isFinal(rule.rule().getClass().getModifiers()))
          .as("%s is final", rule.rule().getClass().getSimpleName())
          .isTrue();
    }
  }

  @Test
  void everyRuleHasPassingAndFailingFixtures() throws IOException {
    for (RuleDescriptor rule : rules.all()) {
      Path dir = Fixtures.rulesDirectory().resolve(rule.id());
      if (rule.id().equals("chart-render-error")) {
        dir = Fixtures.resources().resolve("charts");
        assertThat(dir).as("chart fixtures for chart-render-error").isDirectory();
        continue;
      }
      assertThat(dir).as("fixture folder of %s", rule.id()).isDirectory();
      try (Stream<Path> files = Files.list(dir)) {
        List<String> names = files.map(p -> p.getFileName().toString()).toList();
        assertThat(names).as("fixtures of %s", rule.id()).anyMatch(n -> n.startsWith("pass-"));
        assertThat(names).as("fixtures of %s", rule.id()).anyMatch(n -> n.startsWith("fail-"));
        assertThat(names)
            .as("fixture names of %s", rule.id())
            .allMatch(n -> n.startsWith("pass-") || n.startsWith("fail-"));
      }
    }
  }

  @Test
  void everyFixtureFolderNamesARule() throws IOException {
    try (Stream<Path> dirs = Files.list(Fixtures.rulesDirectory())) {
      dirs.forEach(
          d ->
              assertThat(rules.contains(d.getFileName().toString()))
                  .as("fixture folder %s names a rule", d.getFileName())
                  .isTrue());
    }
  }
}
