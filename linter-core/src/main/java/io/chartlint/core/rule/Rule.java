package io.chartlint.core.rule;

import io.chartlint.core.load.SourceDocument;
import io.chartlint.core.model.KubeObject;
import java.util.List;

/**
 * A check. Rules are stateless and thread-safe; one instance checks every input, on several
 * threads. Each rule overrides the method for what it looks at: a whole document (syntax,
 * structure) or one object.
 */
public interface Rule {

  /** Checks one document of an input, before it is split into objects. */
  default void checkDocument(SourceDocument document, RuleContext context) {}

  /** Checks one Kubernetes object. */
  default void check(KubeObject object, RuleContext context) {}

  /**
   * Whether this rule looks at the other objects of an input through {@link
   * RuleContext#inputObjects()}; only then are an input's documents all parsed before the first is
   * checked.
   */
  default boolean readsOtherObjects() {
    return false;
  }

  /**
   * What is wrong with the parameters a config gives this rule, one message each; empty when they
   * are fine. Called once, before linting, so that a bad config stops the run with exit code 2.
   */
  default List<String> parameterErrors(RuleParameters parameters) {
    return parameters.names().isEmpty()
        ? List.of()
        : List.of("takes no parameters, but the config sets " + parameters.names());
  }
}
