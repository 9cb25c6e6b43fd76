package io.chartlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a pull request controls (names, annotation values, policy messages, file names) must not
 * reach the output as it is: no raw control character, and no line of output that starts with a
 * workflow command ({@code ::error}, {@code ::add-mask::}) that chartlint did not write.
 */
class HostileOutputTest {
  @TempDir Path dir;

  private static final String PAYLOAD =
      "x\n::error file=/etc/passwd,line=1::pwned\r\n::add-mask::secret\u001b[2J\u009b31m\u2028";

  /** A Deployment named with the payload, whose container (named too) requests nothing. */
  private static String hostileDeployment() {
    String quoted =
        PAYLOAD
            .replace("\\", "\\\\")
            .replace("\n", "\\n")
            .replace("\r", "\\r")
            .replace("\u001b", "\\e")
            .replace("\u009b", "\\x9b")
            .replace("\u2028", "\\L");
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: "%1$s"
          annotations:
            note: "%1$s"
        spec:
          template:
            spec:
              tolerations:
                - {key: "%1$s", operator: "%1$s"}
              containers:
                - name: "%1$s"
                  image: example/app:1
        """
        .formatted(quoted);
  }

  private static final String POLICY =
      """
      id: hostile-message
      severity: error
      summary: "Policy says\\n::error file=/etc/passwd::from a policy\\e[31m"
      fix: "line one\\n::add-mask::from a fix\\n  ::warning::indented"
      appliesTo: {kinds: [Deployment], target: object}
      schema:
        type: object
        required: [nothing]
      """;

  /** A line, stripped as the GitHub runner strips it, that a workflow command would start. */
  private static final Pattern COMMAND = Pattern.compile("^\\s*(::|##\\[)");

  /** The commands chartlint writes in the github format, with escaped properties. */
  private static final Pattern OWN_COMMAND =
      Pattern.compile(
          "^::(error|warning|notice) (file=[^:,]*,line=\\d+(,col=\\d+)?,)?title=[^:,]*::");

  @ParameterizedTest
  @ValueSource(strings = {"text", "json", "sarif", "junit", "github", "gitlab", "checkstyle"})
  void noInputControlsALineOrATerminal(String format) throws IOException {
    Files.writeString(dir.resolve("web.yaml"), hostileDeployment());
    // a file name that is a workflow command of its own
    Files.writeString(dir.resolve("::error file=a,line=1::named.yaml"), hostileDeployment());
    Files.createDirectories(dir.resolve("policies"));
    Files.writeString(dir.resolve("policies/hostile.yaml"), POLICY);

    Cli run =
        Cli.run(
            dir,
            "lint",
            "--format",
            format,
            "--policy",
            "policies",
            "--no-color",
            "web.yaml",
            "::error file=a,line=1::named.yaml");

    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    String out = run.out();
    assertThat(out).contains("pwned"); // the payload is there, made harmless
    for (String output : List.of(out, run.err())) {
      assertThat(output).doesNotContain("\u001b", "\u009b", "\r", "\u2028");
      for (String line : output.split("\n", -1)) {
        if (COMMAND.matcher(line).find()) {
          assertThat(format).as("a line starting a command: %s", line).isEqualTo("github");
          assertThat(line).as("a command chartlint did not write").containsPattern(OWN_COMMAND);
        }
      }
    }
  }

  @Test
  void textOutputShowsControlCharactersAsVisibleEscapes() throws IOException {
    Files.writeString(dir.resolve("web.yaml"), hostileDeployment());

    Cli run = Cli.run(dir, "lint", "--no-color", "web.yaml");

    assertThat(run.out()).contains("x\\n::error file=/etc/passwd,line=1::pwned\\r\\n", "\\e[2J");
  }

  @Test
  void githubPropertiesEscapeTheirSeparators() throws IOException {
    Files.writeString(dir.resolve("a,b:c.yaml"), hostileDeployment());

    Cli run = Cli.run(dir, "lint", "--format", "github", "a,b:c.yaml");

    assertThat(run.out()).contains("file=a%2Cb%3Ac.yaml,");
  }

  @Test
  void namesOfFilesInMessagesToStandardErrorAreEscapedToo() throws IOException {
    Files.writeString(dir.resolve("x\u001b[2J.json"), "{\"name\": \"not kubernetes\"}");

    Cli run = Cli.run(dir, "lint", "x\u001b[2J.json");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("x\\e[2J.json").doesNotContain("\u001b");
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
