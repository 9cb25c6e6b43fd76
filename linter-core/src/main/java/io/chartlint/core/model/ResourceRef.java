package io.chartlint.core.model;

/** Names a Kubernetes object in findings. {@code namespace} is null when the object names none. */
public record ResourceRef(String apiVersion, String kind, String namespace, String name) {

  /** {@code Deployment/shop/web}, or {@code Deployment/web} without a namespace. */
  public String display() {
    return kind + "/" + (namespace == null ? "" : namespace + "/") + name;
  }
}
