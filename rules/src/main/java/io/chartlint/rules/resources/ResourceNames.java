package io.chartlint.rules.resources;

import java.util.regex.Pattern;

/** Resource name classes, as in {@code pkg/apis/core/helper/helpers.go}. */
final class ResourceNames {
  private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  private static final Pattern DNS1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private ResourceNames() {}

  /** IsNativeResource: unprefixed, or in the kubernetes.io domain. */
  static boolean isNative(String name) {
    return !name.contains("/") || name.contains("kubernetes.io/");
  }

  static boolean isHugePages(String name) {
    return name.startsWith("hugepages-");
  }

  /** IsOvercommitAllowed: only native resources other than huge pages. */
  static boolean overcommitAllowed(String name) {
    return isNative(name) && !isHugePages(name);
  }

  /**
   * IsExtendedResourceName: not native, not a quota name, and {@code "requests." + name} is a
   * qualified name. Extended resources are integer resources (IsIntegerResourceName).
   */
  static boolean isExtended(String name) {
    return !isNative(name) && !name.startsWith("requests.") && isQualifiedName("requests." + name);
  }

  static boolean isMemoryLike(String name) {
    return name.equals("memory") || name.equals("ephemeral-storage");
  }

  private static boolean isQualifiedName(String value) {
    String[] parts = value.split("/", -1);
    if (parts.length > 2) {
      return false;
    }
    String name = parts[parts.length - 1];
    if (parts.length == 2
        && (parts[0].isEmpty()
            || parts[0].length() > 253
            || !DNS1123_SUBDOMAIN.matcher(parts[0]).matches())) {
      return false;
    }
    return !name.isEmpty() && name.length() <= 63 && NAME.matcher(name).matches();
  }
}
