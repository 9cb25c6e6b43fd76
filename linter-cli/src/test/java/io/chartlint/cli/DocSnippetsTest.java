package io.chartlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartlint.core.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every snippet in README.md, CONTRIBUTING.md and docs/ works when pasted (see DocSnippets). */
class DocSnippetsTest {
  private static final Path ROOT =
      Path.of(System.getProperty("chartlint.root", "..")).toAbsolutePath().normalize();

  @Test
  void everySnippetInTheDocumentationChecksOut() throws IOException {
    DocSnippets snippets = new DocSnippets(ROOT, Version.get());
    for (Path doc : DocSnippets.documents(ROOT)) {
      snippets.check(doc);
    }
    assertThat(snippets.problems()).isEmpty();
  }

  /** The checks themselves catch what a stale snippet would get wrong. */
  @Test
  void catchesUnknownOptionsBadYamlWrongVersionsAndMissingFiles(@TempDir Path tmp)
      throws IOException {
    Path doc = tmp.resolve("bad.md");
    Files.writeString(
        doc,
        """
        See [the guide](missing.md), SPEC §5.

        ```sh
        chartlint lint --no-such-option .
        chartlint frobnicate
        ./chartlint lint testdata/src/main/resources/examples/no-such.yaml
        ./mvnw -pl no-such-module -Pno-such-profile test -Dtest=NoSuchTest
        curl -fsSLO https://example.org/v9.9.9/chartlint-9.9.9.tar.gz
        ```

        ```yaml
        steps:
          - uses: actions/setup-java@v6
            with: {distribution: temurin, java-version: '17', cache: maven}
          - uses: chartlint/chartlint@v9.9.9
            with: {no-such-input: x}
          - run: chartlint lint --fail-never .
        key: [unclosed
        ```

        ```yaml
        repos:
          - repo: https://github.com/chartlint/chartlint
            rev: main
            hooks:
              - id: no-such-hook
        ```

        ```xml
        <plugin>
          <groupId>io.chartlint</groupId>
          <artifactId>chartlint-maven-plugin</artifactId>
          <version>9.9.9</version>
          <configuration><noSuchParameter>x</noSuchParameter></configuration>
        </plugin>
        ```
        """);
    // The checks resolve repository files against the real root; the document is elsewhere.
    DocSnippets real = new DocSnippets(ROOT, Version.get());
    real.check(doc);

    assertThat(String.join("\n", real.problems()))
        .contains("cites SPEC")
        .contains("link to a missing file: missing.md")
        .contains("Unknown option: '--no-such-option'")
        .contains("chartlint frobnicate: Unmatched argument at index 0: 'frobnicate'")
        .contains(
            "no such file in the repository: testdata/src/main/resources/examples/no-such.yaml")
        .contains("no module no-such-module")
        .contains("no profile no-such-profile")
        .contains("no test class NoSuchTest")
        .contains("version 9.9.9 is not this build's")
        .contains("YAML does not parse")
        .contains(".pre-commit-hooks.yaml defines no hook no-such-hook")
        .contains("plugin version 9.9.9")
        .contains("the plugin has no parameter noSuchParameter");

    Path yaml = tmp.resolve("yaml.md");
    Files.writeString(
        yaml,
        """
        ```yaml
        steps:
          - uses: actions/setup-java@v6
            with: {distribution: temurin, java-version: '17', cache: maven}
          - uses: chartlint/chartlint@v9.9.9
            with: {no-such-input: x}
          - run: chartlint lint --fail-never .
        ```
        """);
    DocSnippets steps = new DocSnippets(ROOT, Version.get());
    steps.check(yaml);
    assertThat(String.join("\n", steps.problems()))
        .contains("setup-java's cache needs a build file")
        .contains("the action is pinned to v9.9.9")
        .contains("action.yml has no input no-such-input")
        .contains("Unknown option: '--fail-never'");
  }
}
