package io.chartlint.rules.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartlint.core.rule.RuleParameters;
import java.util.ArrayList;
import java.util.List;

/** Checks the parameters of the inventory rules: each is a list of non-empty strings. */
final class Parameters {
  private Parameters() {}

  static List<String> errors(RuleParameters parameters, List<String> known) {
    List<String> errors = new ArrayList<>();
    for (String name : parameters.names()) {
      if (!known.contains(name)) {
        errors.add("has no parameter '" + name + "' (it takes: " + String.join(", ", known) + ")");
        continue;
      }
      JsonNode value = parameters.get(name);
      boolean strings = value.isArray();
      for (JsonNode item : value) {
        strings &= item.isTextual() && !item.asText().isBlank();
      }
      if (!strings) {
        errors.add("parameter '" + name + "' must be a list of non-empty strings");
      }
    }
    return errors;
  }
}
