package io.chartlint.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every format's output for one result, compared with {@code src/test/resources/golden/}. After a
 * deliberate change, {@code -Dchartlint.updateGolden=true} rewrites the files; review their diff.
 */
class GoldenReportsTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  @ParameterizedTest
  @CsvSource({
    "text, txt",
    "json, json",
    "sarif, sarif",
    "github, txt",
    "junit, xml",
    "gitlab, json",
    "checkstyle, xml"
  })
  void formatMatchesGoldenFile(String format, String extension) throws IOException {
    String actual = SampleResult.write(format).replace(System.lineSeparator(), "\n");
    Path golden = GOLDEN.resolve(format + "." + extension);
    if (Boolean.getBoolean("chartlint.updateGolden")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(golden).exists();
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
