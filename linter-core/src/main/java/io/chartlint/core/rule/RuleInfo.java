package io.chartlint.core.rule;

import io.chartlint.core.Severity;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The metadata of a rule. Its long explanation is a Markdown file beside the class, named after it
 * ({@code NodeBoundWorkloadsAvoidVirtualNodes.md}), with a "How to fix" section.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
  /** The stable, kebab-case id users configure and suppress. */
  String id();

  /** One line: what a finding of this rule means. */
  String summary();

  /** The default severity. */
  Severity severity();

  /** The version that introduced the rule. */
  String since();

  /** A category for listings: placement, resources, tolerations, documents, policy. */
  String category();
}
