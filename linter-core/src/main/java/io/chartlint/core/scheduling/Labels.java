package io.chartlint.core.scheduling;

import java.util.regex.Pattern;

/** Label key and value syntax, as the API server and {@code labels.NewRequirement} check it. */
final class Labels {
  // apimachinery/pkg/api/validate/content/kube.go: labelKeyFmt, also the shape of a label value.
  private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  // apimachinery/pkg/api/validate/content/dns.go: dns1123SubdomainFmt, lowercase only.
  private static final Pattern DNS_1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final int NAME_MAX_LENGTH = 63;
  private static final int PREFIX_MAX_LENGTH = 253;

  private Labels() {}

  /** {@code content.IsLabelKey}: {@code [prefix/]name}, at most one slash. */
  static boolean isValidKey(String key) {
    if (key == null) {
      return false;
    }
    String[] parts = key.split("/", -1);
    String name;
    if (parts.length == 1) {
      name = parts[0];
    } else if (parts.length == 2) {
      String prefix = parts[0];
      if (prefix.isEmpty()
          || prefix.length() > PREFIX_MAX_LENGTH
          || !DNS_1123_SUBDOMAIN.matcher(prefix).matches()) {
        return false;
      }
      name = parts[1];
    } else {
      return false;
    }
    return !name.isEmpty() && name.length() <= NAME_MAX_LENGTH && NAME.matcher(name).matches();
  }

  /** {@code content.IsLabelValue}: empty, or up to 63 characters shaped like a key name. */
  static boolean isValidValue(String value) {
    if (value == null) {
      return false;
    }
    return value.isEmpty() || (value.length() <= NAME_MAX_LENGTH && NAME.matcher(value).matches());
  }
}
