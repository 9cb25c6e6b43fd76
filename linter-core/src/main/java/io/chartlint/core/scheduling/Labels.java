package io.chartlint.core.scheduling;

import io.chartlint.core.model.LabelSyntax;

/** Label key and value syntax, as the API server and {@code labels.NewRequirement} check it. */
final class Labels {
  private static final int NAME_MAX_LENGTH = 63;
  private static final int PREFIX_MAX_LENGTH = 253;

  private Labels() {}

  /** {@code content.IsLabelKey}: {@code [prefix/]name}, at most one slash. */
  static boolean isValidKey(String key) {
    if (key == null) {
      return false;
    }
    int slash = key.indexOf('/');
    if (slash < 0) {
      return isName(key);
    }
    if (key.indexOf('/', slash + 1) >= 0) {
      return false;
    }
    return slash > 0
        && slash <= PREFIX_MAX_LENGTH
        && LabelSyntax.matchesDns1123SubdomainFormat(key.substring(0, slash))
        && isName(key.substring(slash + 1));
  }

  /** {@code content.IsLabelValue}: empty, or up to 63 characters shaped like a key name. */
  static boolean isValidValue(String value) {
    if (value == null) {
      return false;
    }
    return value.isEmpty() || isName(value);
  }

  // apimachinery/pkg/api/validate/content/kube.go: labelKeyFmt, also the shape of a label value
  private static boolean isName(String name) {
    return name.length() <= NAME_MAX_LENGTH && LabelSyntax.matchesLabelKeyFormat(name);
  }
}
