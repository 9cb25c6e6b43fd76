package io.chartlint.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.keyword.AbstractKeyword;
import com.networknt.schema.keyword.BaseKeywordValidator;
import com.networknt.schema.keyword.KeywordValidator;
import com.networknt.schema.path.NodePath;
import io.chartlint.core.model.Quantity;
import io.chartlint.core.model.QuantityFormatException;

/**
 * Polaris's {@code resourceMinimum} and {@code resourceMaximum} keywords: the instance, a
 * Kubernetes quantity, must be at least or at most the keyword's quantity. Quantities compare by
 * value ({@code 1Gi} equals {@code 1024Mi}), as {@code resource.Quantity.Cmp} does.
 */
final class ResourceRangeKeyword extends AbstractKeyword {
  static final ResourceRangeKeyword MINIMUM = new ResourceRangeKeyword("resourceMinimum", true);
  static final ResourceRangeKeyword MAXIMUM = new ResourceRangeKeyword("resourceMaximum", false);

  private final boolean minimum;

  private ResourceRangeKeyword(String name, boolean minimum) {
    super(name);
    this.minimum = minimum;
  }

  @Override
  public KeywordValidator newValidator(
      SchemaLocation location, JsonNode schemaNode, Schema parent, SchemaContext context) {
    if (!schemaNode.isTextual() && !schemaNode.isNumber()) {
      throw new SchemaException(
          getValue() + " must be a quantity such as 100Mi or 500m, not " + schemaNode);
    }
    Quantity bound;
    try {
      bound = parse(schemaNode);
    } catch (QuantityFormatException e) {
      throw new SchemaException(getValue() + ": " + e.getMessage());
    }
    return new Validator(this, schemaNode, location, parent, context, bound);
  }

  private static Quantity parse(JsonNode node) {
    return node.isTextual()
        ? Quantity.parse(node.textValue())
        : Quantity.ofYamlNumber(node.asText());
  }

  private final class Validator extends BaseKeywordValidator {
    private final Quantity bound;

    Validator(
        ResourceRangeKeyword keyword,
        JsonNode schemaNode,
        SchemaLocation location,
        Schema parent,
        SchemaContext context,
        Quantity bound) {
      super(keyword, schemaNode, location, parent, context);
      this.bound = bound;
    }

    @Override
    public void validate(
        ExecutionContext context, JsonNode node, JsonNode root, NodePath instanceLocation) {
      if (!node.isTextual() && !node.isNumber()) {
        return; // like minimum, the keyword says nothing about other types
      }
      String problem;
      try {
        Quantity actual = parse(node);
        int cmp = actual.compareTo(bound);
        problem =
            minimum && cmp < 0
                ? "quantity " + node.asText() + " is below the minimum " + bound.original()
                : !minimum && cmp > 0
                    ? "quantity " + node.asText() + " is above the maximum " + bound.original()
                    : null;
      } catch (QuantityFormatException e) {
        problem = "'" + node.asText() + "' is not a quantity: " + e.getMessage();
      }
      if (problem != null) {
        context.addError(
            Error.builder()
                .keyword(getKeyword())
                .schemaLocation(schemaLocation)
                .evaluationPath(context.getEvaluationPath())
                .instanceLocation(instanceLocation)
                .instanceNode(node)
                .schemaNode(schemaNode)
                .message(problem)
                .build());
      }
    }
  }
}
