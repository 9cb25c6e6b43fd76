package io.chartlint.core.scheduling;

/**
 * A toleration the pod will carry once created, and who put it there.
 *
 * @param toleration the toleration as the pod will carry it
 * @param podIndex its index in the pod's {@code tolerations}, or -1 when it was added
 * @param origin who wrote it
 */
public record AppliedToleration(Toleration toleration, int podIndex, Origin origin) {

  /** Who wrote a toleration. */
  public enum Origin {
    /** Written in the pod spec. */
    POD,
    /**
     * Written in the pod spec and replaced by the DaemonSet controller's identical toleration,
     * which drops its {@code tolerationSeconds}.
     */
    POD_REWRITTEN_BY_DAEMON_SET_CONTROLLER,
    /** Added by the DaemonSet controller to every pod it creates. */
    DAEMON_SET_CONTROLLER,
    /** Added by the DefaultTolerationSeconds admission plugin to every pod created. */
    DEFAULT_TOLERATION_SECONDS
  }

  /** Where the toleration comes from, for a person: {@code tolerations[2]}, or who added it. */
  public String describe() {
    return switch (origin) {
      case POD -> "tolerations[" + podIndex + "] " + toleration;
      case POD_REWRITTEN_BY_DAEMON_SET_CONTROLLER ->
          "tolerations["
              + podIndex
              + "] "
              + toleration
              + " (as the DaemonSet controller rewrites it)";
      case DAEMON_SET_CONTROLLER -> toleration + " added by the DaemonSet controller";
      case DEFAULT_TOLERATION_SECONDS ->
          toleration + " added by the DefaultTolerationSeconds admission plugin";
    };
  }
}
