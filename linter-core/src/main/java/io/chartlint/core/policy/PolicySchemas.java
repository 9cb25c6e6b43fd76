package io.chartlint.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.DisallowUnknownKeywordFactory;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Compiles the schemas of policies, once: a schema already compiled (the same JSON, in any file) is
 * taken from the cache. Every draft networknt knows is accepted; a schema without {@code $schema}
 * is draft 2020-12. Each dialect also has Polaris's {@code resourceMinimum} and {@code
 * resourceMaximum}, and rejects keywords it does not know, so that a misspelt {@code requried}
 * stops the run instead of silently passing everything. Patterns are matched with a time limit
 * ({@link BoundedPatterns}).
 */
public final class PolicySchemas {
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDialects(
          List.of(
              extend(Dialects.getDraft202012()),
              extend(Dialects.getDraft201909()),
              extend(Dialects.getDraft7()),
              extend(Dialects.getDraft6()),
              extend(Dialects.getDraft4())),
          builder ->
              builder
                  .defaultDialectId(Dialects.getDraft202012().getId())
                  .schemaRegistryConfig(
                      SchemaRegistryConfig.builder()
                          .regularExpressionFactory(BoundedPatterns.INSTANCE)
                          .build()));

  private static final ConcurrentMap<String, Schema> CACHE = new ConcurrentHashMap<>();

  private PolicySchemas() {}

  private static Dialect extend(Dialect base) {
    return Dialect.builder(base)
        .keyword(ResourceRangeKeyword.MINIMUM)
        .keyword(ResourceRangeKeyword.MAXIMUM)
        .unknownKeywordFactory(DisallowUnknownKeywordFactory.getInstance())
        .build();
  }

  /**
   * The compiled schema, with every subschema compiled now so that a bad keyword is found while
   * loading, not while linting.
   *
   * @throws com.networknt.schema.SchemaException when the schema is not valid
   */
  public static Schema compile(JsonNode schema) {
    String key = schema.toString();
    Schema cached = CACHE.get(key);
    if (cached != null) {
      return cached;
    }
    Schema compiled = REGISTRY.getSchema(schema);
    compiled.initializeValidators();
    CACHE.putIfAbsent(key, compiled);
    return compiled;
  }

  /** How many distinct schemas have been compiled, for tests and the benchmark. */
  static int cached() {
    return CACHE.size();
  }
}
