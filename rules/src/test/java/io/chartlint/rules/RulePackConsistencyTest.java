package io.chartlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartlint.core.rule.Rule;
import io.chartlint.core.rule.RuleDescriptor;
import io.chartlint.core.rule.RuleSet;
import io.chartlint.testdata.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What every built-in rule must have: one registration, docs with "How to fix", fixtures both ways.
 */
class RulePackConsistencyTest {
  private final RuleSet rules = RuleSet.discover();

  /**
   * Reads the registration files themselves: {@link ServiceLoader} drops a class listed twice, so
   * comparing its list with itself can never find a duplicate.
   */
  @Test
  void everyRuleIsRegisteredOnce() throws IOException {
    List<String> registered = new ArrayList<>();
    Enumeration<URL> files =
        getClass().getClassLoader().getResources("META-INF/services/" + Rule.class.getName());
    while (files.hasMoreElements()) {
      URL file = files.nextElement();
      try (InputStream in = file.openStream()) {
        registered.addAll(registeredClasses(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      }
    }
    List<String> loaded = new ArrayList<>();
    for (Rule rule : ServiceLoader.load(Rule.class)) {
      loaded.add(rule.getClass().getName());
    }
    assertThat(registered).as("registered rule classes").doesNotHaveDuplicates();
    assertThat(registered).containsExactlyInAnyOrderElementsOf(loaded);
    assertThat(rules.all())
        .extracting(rule -> rule.rule().getClass().getName())
        .containsExactlyInAnyOrderElementsOf(registered);
  }

  @Test
  void aDuplicateRegistrationIsSeen() {
    assertThat(registeredClasses("# comment\n a.B \n\nc.D # trailing comment\r\na.B\n"))
        .containsExactly("a.B", "c.D", "a.B");
  }

  /** The class names of a service file: one a line, {@code #} starts a comment. */
  static List<String> registeredClasses(String text) {
    List<String> names = new ArrayList<>();
    for (String line : text.split("\\R")) {
      int hash = line.indexOf('#');
      String name = (hash < 0 ? line : line.substring(0, hash)).strip();
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    return names;
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
