package io.chartlint.core.load.helm;

import io.chartlint.core.UsageException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and prints the render time limit as Helm writes durations: {@code 60s}, {@code 2m30s}. */
public final class RenderTimeout {
  private static final Pattern PART = Pattern.compile("(\\d{1,9})(ms|s|m|h)");
  private static final Pattern WHOLE = Pattern.compile("(?:\\d{1,9}(?:ms|s|m|h))+");

  private RenderTimeout() {}

  /**
   * A duration such as {@code 60s}, {@code 500ms}, {@code 2m} or {@code 1m30s}.
   *
   * @param option the option or parameter it was given as, for the message
   * @throws UsageException when the text is not a positive duration
   */
  public static Duration parse(String option, String text) {
    String given = text == null ? "" : text.strip();
    if (!WHOLE.matcher(given).matches()) {
      throw new UsageException(
          option + " " + text + ": expected a duration such as 60s, 500ms, 2m or 1m30s");
    }
    Duration total = Duration.ZERO;
    Matcher m = PART.matcher(given);
    while (m.find()) {
      long n = Long.parseLong(m.group(1));
      total =
          total.plus(
              switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
              });
    }
    if (total.isZero()) {
      throw new UsageException(option + " " + text + ": the limit must be longer than zero");
    }
    return total;
  }

  /** {@code 60s}, {@code 1m30s}, {@code 1h}, {@code 500ms}: the shortest exact form. */
  public static String format(Duration duration) {
    long ms = duration.toMillis();
    if (ms % 1000 != 0) {
      return ms + "ms";
    }
    long seconds = ms / 1000;
    StringBuilder out = new StringBuilder();
    if (seconds >= 3600) {
      out.append(seconds / 3600).append('h');
      seconds %= 3600;
    }
    if (seconds >= 60) {
      out.append(seconds / 60).append('m');
      seconds %= 60;
    }
    if (seconds > 0 || out.length() == 0) {
      out.append(seconds).append('s');
    }
    return out.toString();
  }
}
