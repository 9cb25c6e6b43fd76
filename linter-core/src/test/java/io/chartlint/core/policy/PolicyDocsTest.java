package io.chartlint.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chartlint.core.rule.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every policy written out in docs/policies.md loads as it is, pasted into a file. */
class PolicyDocsTest {
  private static final Path DOC = Path.of("../docs/policies.md");
  private static final Pattern YAML = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL);

  @TempDir Path dir;

  @Test
  void everyPolicySnippetLoads() throws IOException {
    assumeTrue(Files.isRegularFile(DOC), "run from the module directory");
    Matcher m = YAML.matcher(Files.readString(DOC));
    List<String> loaded = new ArrayList<>();
    int n = 0;
    while (m.find()) {
      String snippet = m.group(1);
      boolean policy =
          snippet.startsWith("id:")
              || snippet.startsWith("successMessage:")
              || snippet.startsWith("apiVersion: admissionregistration");
      if (!policy) {
        continue;
      }
      Path file = dir.resolve("snippet" + n++ + ".yaml");
      Files.writeString(file, snippet);
      RuleSet rules = PolicyLoader.withPolicies(new RuleSet(List.of()), List.of(file), dir);
      rules.all().forEach(r -> loaded.add(r.id()));
    }
    assertThat(loaded)
        .contains(
            "daemonset-priority-class", "replicas-fit-the-budget", "replica-limit-example-com");
    assertThat(n).isGreaterThanOrEqualTo(4);
  }
}
