package io.chartlint.core.engine;

/**
 * Which inline suppressions count: the {@code suppressions} section of a config, narrowed by {@code
 * --no-inline-suppressions}. A platform team sets it in a shared config so that what a repository
 * writes into its own manifests cannot hide findings; config {@code exclude} entries and baselines,
 * which live beside the config, always count.
 *
 * @param annotations whether {@code chartlint.io/ignore} annotations suppress
 * @param comments whether {@code # chartlint:ignore} comments suppress
 * @param requireReason whether an inline suppression needs a reason to suppress: text after the
 *     rule list of a comment, or a {@code chartlint.io/ignore-reason} annotation beside the
 *     annotation
 * @param origin what set this policy, for messages ({@code the suppressions section of
 *     .chartlint.yaml}, {@code --no-inline-suppressions}); null for the defaults
 */
public record SuppressionPolicy(
    boolean annotations, boolean comments, boolean requireReason, String origin) {

  /** Every inline suppression counts, with or without a reason. */
  public static final SuppressionPolicy DEFAULT = new SuppressionPolicy(true, true, false, null);

  /** This policy with annotations and comments turned off, as {@code by} asks. */
  public SuppressionPolicy withoutInline(String by) {
    return new SuppressionPolicy(false, false, requireReason, by);
  }

  /**
   * Why a comment does not suppress under this policy, or null when it does.
   *
   * @param reason the comment's reason, possibly empty
   */
  String refuseComment(String reason) {
    if (!comments) {
      return "# chartlint:ignore comments are turned off by " + origin;
    }
    if (requireReason && reason.isBlank()) {
      return "the comment gives no reason, which " + origin + " requires";
    }
    return null;
  }

  /**
   * Why an annotation does not suppress under this policy, or null when it does.
   *
   * @param reason its {@code chartlint.io/ignore-reason}, or null
   */
  String refuseAnnotation(String reason) {
    if (!annotations) {
      return Sink.IGNORE_ANNOTATION + " annotations are turned off by " + origin;
    }
    if (requireReason && (reason == null || reason.isBlank())) {
      return "it has no "
          + Sink.IGNORE_REASON_ANNOTATION
          + " beside it, which "
          + origin
          + " requires";
    }
    return null;
  }
}
