package io.chartlint.core.model;

/**
 * Where a kind keeps its pod spec.
 *
 * @param apiVersion the group/version, or null to match any; a value without {@code /} names a
 *     group with any version ({@code apps.kruise.io})
 * @param kind the kind
 * @param path the dotted path of the pod spec ({@code spec.template.spec})
 */
public record PodTemplatePath(String apiVersion, String kind, String path) {

  boolean matches(String objectApiVersion, String objectKind) {
    if (!kind.equals(objectKind)) {
      return false;
    }
    if (apiVersion == null) {
      return true;
    }
    if (apiVersion.contains("/")) {
      return apiVersion.equals(objectApiVersion);
    }
    String group = objectApiVersion.contains("/") ? objectApiVersion.split("/", 2)[0] : "";
    return apiVersion.equals(group);
  }
}
