package io.chartlint.core.load.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chartlint.core.UsageException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RenderTimeoutTest {
  @Test
  void readsDurationsAsHelmWritesThem() {
    assertThat(RenderTimeout.parse("--render-timeout", "60s")).isEqualTo(Duration.ofSeconds(60));
    assertThat(RenderTimeout.parse("--render-timeout", "500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(RenderTimeout.parse("--render-timeout", "2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(RenderTimeout.parse("--render-timeout", "1m30s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(RenderTimeout.parse("--render-timeout", "1h")).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void printsTheShortestExactForm() {
    assertThat(RenderTimeout.format(Duration.ofSeconds(60))).isEqualTo("1m");
    assertThat(RenderTimeout.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(RenderTimeout.format(Duration.ofSeconds(2))).isEqualTo("2s");
    assertThat(RenderTimeout.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(RenderTimeout.format(Duration.ofMinutes(61))).isEqualTo("1h1m");
  }

  @Test
  void anythingElseIsAUsageErrorThatShowsTheForm() {
    for (String bad : new String[] {"60", "0s", "-1s", "1d", "abc", "", "9999999999s"}) {
      assertThatThrownBy(() -> RenderTimeout.parse("--render-timeout", bad))
          .as(bad)
          .isInstanceOf(UsageException.class)
          .hasMessageStartingWith("--render-timeout " + bad);
    }
  }
}
