package io.chartlint.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.Dialects;
import java.util.List;
import java.util.Map;

/**
 * Checks a policy's {@code schema} against the JSON Schema meta-schema of its draft before it is
 * compiled. The validator accepts {@code type: 42} and then fails every object with a message about
 * the object; checked here it is the policy's error, at its line. The meta-schemas ship in the
 * validator's jar and are read from there: nothing is fetched.
 */
final class PolicySchemaCheck {
  private PolicySchemaCheck() {}

  private static final class MetaSchemas {
    static final SchemaRegistry REGISTRY =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    static final Map<String, String> BY_ID =
        Map.of(
            strip(Dialects.getDraft202012().getId()), Dialects.getDraft202012().getId(),
            strip(Dialects.getDraft201909().getId()), Dialects.getDraft201909().getId(),
            strip(Dialects.getDraft7().getId()), Dialects.getDraft7().getId(),
            strip(Dialects.getDraft6().getId()), Dialects.getDraft6().getId(),
            strip(Dialects.getDraft4().getId()), Dialects.getDraft4().getId());
  }

  private static String strip(String id) {
    return id.replaceFirst("#$", "").replaceFirst("^http://", "https://");
  }

  /**
   * What the meta-schema says is wrong with a schema; empty when it is valid, or when it names a
   * draft chartlint does not know (compiling it then says so).
   */
  static List<Error> errors(JsonNode schema) {
    String declared =
        schema.has("$schema") ? schema.get("$schema").asText() : Dialects.getDraft202012().getId();
    String id = MetaSchemas.BY_ID.get(strip(declared));
    if (id == null) {
      return List.of();
    }
    Schema meta = MetaSchemas.REGISTRY.getSchema(SchemaLocation.of(id));
    return meta.validate(schema);
  }
}
