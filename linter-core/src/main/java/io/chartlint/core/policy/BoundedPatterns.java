package io.chartlint.core.policy;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import com.networknt.schema.regex.RegularExpressions;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The {@code pattern} and {@code patternProperties} of policy schemas, matched with a time limit.
 * Java's regular expressions backtrack: a pattern such as {@code ^(a|aa)*c$} takes exponential time
 * on a value of a few dozen {@code a}s, and a pull request chooses both the policy and the value.
 * Each match may run for {@link #LIMIT}; past it, the match stops with {@link TooSlow}, which the
 * policy rule reports as a finding at the object, and the other objects are checked as usual.
 *
 * <p>Patterns are translated as networknt's default (JDK) engine translates them, so a pattern that
 * finishes in time matches exactly as before.
 */
final class BoundedPatterns implements RegularExpressionFactory {
  /** How long one value may be matched against one pattern. */
  static final Duration LIMIT = Duration.ofMillis(250);

  /** How many characters a match reads between two looks at the clock. */
  private static final int CHECK_EVERY = 1 << 12;

  static final BoundedPatterns INSTANCE = new BoundedPatterns(LIMIT);

  private final long limitNanos;

  BoundedPatterns(Duration limit) {
    this.limitNanos = limit.toNanos();
  }

  @Override
  public RegularExpression getRegularExpression(String regex) {
    Pattern pattern =
        Pattern.compile(
            RegularExpressions.replaceLongformCharacterProperties(
                RegularExpressions.replaceDollarAnchors(regex)));
    return value -> {
      Deadline text = new Deadline(value, System.nanoTime() + limitNanos, regex);
      return pattern.matcher(text).find();
    };
  }

  /** A match that ran out of time: the pattern, and how long the value was. */
  static final class TooSlow extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String pattern;
    private final int valueLength;

    TooSlow(String pattern, int valueLength) {
      super("pattern took longer than " + LIMIT.toMillis() + " ms", null, false, false);
      this.pattern = pattern;
      this.valueLength = valueLength;
    }

    String pattern() {
      return pattern;
    }

    int valueLength() {
      return valueLength;
    }
  }

  /** The value as the matcher reads it, looking at the clock every few thousand reads. */
  private static final class Deadline implements CharSequence {
    private final String text;
    private final long deadline;
    private final String pattern;
    private int reads;

    Deadline(String text, long deadline, String pattern) {
      this.text = text;
      this.deadline = deadline;
      this.pattern = pattern;
    }

    @Override
    public char charAt(int index) {
      if (++reads >= CHECK_EVERY) {
        reads = 0;
        if (System.nanoTime() - deadline > 0) {
          throw new TooSlow(pattern, text.length());
        }
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new Deadline(text.substring(start, end), deadline, pattern);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
