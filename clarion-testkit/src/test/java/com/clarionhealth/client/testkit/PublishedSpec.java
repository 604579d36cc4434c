package com.clarionhealth.client.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** What api-spec publishes, read from its YAML (not from the models generated from it). */
final class PublishedSpec {
  private static final String RESOURCE = "clarion/clarion-openapi.yaml";

  final String text;
  private final JsonNode schemas;

  private PublishedSpec(String text) throws IOException {
    this.text = text;
    this.schemas = new YAMLMapper().readTree(text).path("components").path("schemas");
  }

  static PublishedSpec load() {
    try (InputStream in = PublishedSpec.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the test class path (api-spec)");
      }
      return new PublishedSpec(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The properties a schema declares, its own and those of every part of its {@code allOf}. */
  Set<String> properties(String schema) {
    Set<String> names = new LinkedHashSet<>();
    collect(schema(schema), names);
    return names;
  }

  private void collect(JsonNode schema, Set<String> names) {
    schema.path("properties").fieldNames().forEachRemaining(names::add);
    for (JsonNode part : schema.path("allOf")) {
      collect(part.has("$ref") ? schema(name(part.get("$ref").asText())) : part, names);
    }
  }

  /** The values of a named enum schema. */
  Set<String> enumValues(String schema) {
    Set<String> values = new LinkedHashSet<>();
    schema(schema).path("enum").forEach(value -> values.add(value.asText()));
    return values;
  }

  /** Each published role of a message, with the schema it selects. */
  Map<String, String> roles() {
    Map<String, String> roles = new LinkedHashMap<>();
    schema("Message").path("discriminator").path("mapping").fields()
        .forEachRemaining(e -> roles.put(e.getKey(), name(e.getValue().asText())));
    return roles;
  }

  private JsonNode schema(String name) {
    JsonNode schema = schemas.path(name);
    if (!schema.isObject()) {
      throw new IllegalArgumentException("the spec has no schema " + name);
    }
    return schema;
  }

  private static String name(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }
}
