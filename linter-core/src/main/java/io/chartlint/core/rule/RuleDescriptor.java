package io.chartlint.core.rule;

import io.chartlint.core.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A rule and what users see of it: id, summary, default severity, since, category and explanation.
 *
 * @param explanation the Markdown explanation (why, how to fix, examples), without a title
 */
public record RuleDescriptor(
    String id,
    String summary,
    Severity defaultSeverity,
    String since,
    String category,
    String explanation,
    Rule rule) {

  /** The {@code since} of custom policies, which come with no chartlint version. */
  public static final String CUSTOM = "custom";

  /** Reads a rule's {@link RuleInfo} and the Markdown file beside its class. */
  public static RuleDescriptor of(Rule rule) {
    Class<?> type = rule.getClass();
    RuleInfo info = type.getAnnotation(RuleInfo.class);
    if (info == null) {
      throw new IllegalStateException(type.getName() + " has no @RuleInfo");
    }
    return new RuleDescriptor(
        info.id(),
        info.summary(),
        info.severity(),
        info.since(),
        info.category(),
        explanationOf(type),
        rule);
  }

  private static String explanationOf(Class<?> type) {
    try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".md")) {
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The page of this rule in the documentation, relative to the repository root; null for a custom
   * policy, whose page is {@code chartlint explain}.
   */
  public String docsPath() {
    return CUSTOM.equals(since) ? null : "docs/rules/" + id + ".md";
  }
}
