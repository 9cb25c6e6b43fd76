package io.chartlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input that drives a recursion as deep as it likes (a policy's recursive {@code $ref}, a pattern
 * with a repeated group against a long value, a path of thousands of segments) ends as a finding or
 * a config error with file and line; the other documents are still linted; no stack trace.
 */
class DeepRecursionTest {
  @TempDir Path dir;

  private static final String TWO_DEPLOYMENTS =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: first
        annotations: {note: "%s"}
      spec:
        template:
          spec:
            containers: [{name: app, image: example/app:1}]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: second
        annotations: {note: "%s"}
      spec:
        template:
          spec:
            containers: [{name: app, image: example/app:1}]
      """;

  @BeforeEach
  void policies() throws IOException {
    Files.createDirectories(dir.resolve("policies"));
  }

  private JsonNode lint(Cli run) throws IOException {
    assertThat(run.err()).doesNotContain("Exception", "Error:", "\tat ");
    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    return run.json();
  }

  private static List<String> findings(JsonNode report) {
    List<String> list = new ArrayList<>();
    report
        .get("findings")
        .forEach(
            f ->
                list.add(
                    f.get("ruleId").asText()
                        + " "
                        + f.at("/resource/name").asText()
                        + ":"
                        + f.at("/location/line").asInt()));
    return list;
  }

  @Test
  void aPolicyPatternWithARepeatedGroupOnA40KbValueIsAFindingAtTheObject() throws IOException {
    Files.writeString(
        dir.resolve("policies/note.yaml"),
        """
        id: note-is-letters
        severity: error
        summary: the note is letters
        appliesTo: {kinds: [Deployment], target: object}
        schema:
          properties:
            metadata:
              properties:
                annotations:
                  properties:
                    note: {pattern: "^(a|b)+$"}
        """);
    Files.writeString(dir.resolve("web.yaml"), TWO_DEPLOYMENTS.formatted("a".repeat(40_000), "c"));

    JsonNode report =
        lint(Cli.run(dir, "lint", "--format", "json", "--policy", "policies", "web.yaml"));

    // the first cannot be checked; the second is, and fails at its note
    assertThat(findings(report)).contains("note-is-letters first:1", "note-is-letters second:15");
    assertThat(report.toString()).contains("recursed too deeply");
    // the built-in rules still ran on both
    assertThat(findings(report))
        .contains("cpu-request-missing first:9", "cpu-request-missing second:19");
  }

  @Test
  void aPolicyPatternThatBacktracksWithoutBoundIsAFindingAtTheObject() throws IOException {
    Files.writeString(
        dir.resolve("policies/note.yaml"),
        """
        id: note-has-twelve-as
        severity: error
        summary: the note ends in twelve a's
        appliesTo: {kinds: [Deployment], target: object}
        schema:
          properties:
            metadata:
              properties:
                annotations:
                  properties:
                    note: {pattern: "(.*a){12}$"}
        """);
    // about 40^12 ways to place twelve a's: without a time limit this match runs for minutes
    Files.writeString(
        dir.resolve("web.yaml"), TWO_DEPLOYMENTS.formatted("a".repeat(40) + "!", "b"));

    JsonNode report =
        lint(Cli.run(dir, "lint", "--format", "json", "--policy", "policies", "web.yaml"));

    assertThat(findings(report))
        .contains("note-has-twelve-as first:1", "note-has-twelve-as second:15");
    assertThat(report.toString()).contains("ran longer than 250 ms on a value of 41 characters");
    assertThat(findings(report))
        .contains("cpu-request-missing first:9", "cpu-request-missing second:19");
  }

  @Test
  void aRecursiveRefInAPolicyIsAFindingOrAConfigErrorNeverACrash() throws IOException {
    Files.writeString(
        dir.resolve("policies/loop.yaml"),
        """
        id: loop
        severity: error
        summary: loops
        appliesTo: {kinds: [Deployment], target: object}
        schema:
          $ref: "#/$defs/a"
          $defs:
            a: {$ref: "#/$defs/b"}
            b: {$ref: "#/$defs/a"}
        """);
    Files.writeString(dir.resolve("web.yaml"), TWO_DEPLOYMENTS.formatted("a", "b"));

    Cli run = Cli.run(dir, "lint", "--format", "json", "--policy", "policies", "web.yaml");

    assertThat(run.err()).doesNotContain("Exception", "StackOverflow", "\tat ");
    if (run.exit() == 2) {
      assertThat(run.err()).contains("policies/loop.yaml");
    } else {
      JsonNode report = lint(run);
      assertThat(findings(report)).contains("loop first:1", "loop second:11");
      assertThat(findings(report)).contains("cpu-request-missing second:19");
    }
  }

  @Test
  void aPodTemplatePathOfThousandsOfSegmentsIsAConfigErrorAtItsLine() throws IOException {
    String path = String.join(".", java.util.Collections.nCopies(5_000, "spec"));
    Files.writeString(
        dir.resolve(".chartlint.yaml"),
        "failOn: error\npodTemplatePaths:\n  - kind: Agent\n    path: " + path + "\n");
    Files.writeString(dir.resolve("web.yaml"), TWO_DEPLOYMENTS.formatted("a", "b"));

    Cli run = Cli.run(dir, "lint", "web.yaml");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains(".chartlint.yaml:4").doesNotContain("Exception", "\tat ");
  }
}
