package com.clarionhealth.apispec;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Yaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Structural checks on the raw YAML tree of an OpenAPI 3.0 document, beyond what swagger-parser reports.
 * Each check returns the problems it found (empty = fine), so the same checks can be shown to catch the
 * defects of the published pages.
 */
final class SpecChecks {

  static final String SPEC_RESOURCE = "clarion/clarion-openapi.yaml";

  private SpecChecks() {}

  static String specText() {
    return resourceText(SPEC_RESOURCE);
  }

  static String resourceText(String resource) {
    try (InputStream in = SpecChecks.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode tree(String yaml) {
    try {
      return Yaml.mapper().readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every local {@code $ref} points at an existing node, and has no siblings (3.0 ignores them). */
  static List<String> refProblems(JsonNode root) {
    List<String> problems = new ArrayList<>();
    walk(root, "", (path, node) -> {
      JsonNode ref = node.get("$ref");
      if (ref == null || !ref.isTextual()) {
        return;
      }
      String target = ref.asText();
      if (!target.startsWith("#/")) {
        problems.add(path + ": external $ref " + target + " (the spec must be self-contained)");
      } else if (root.at(target.substring(1)).isMissingNode()) {
        problems.add(path + ": $ref " + target + " does not resolve");
      }
      if (node.size() > 1) {
        problems.add(path + ": $ref has siblings " + fieldNames(node)
            + " which OpenAPI 3.0 ignores (wrap the $ref in allOf)");
      }
    });
    return problems;
  }

  /** Every {@code enum} is a named component schema, so the generator makes it a top-level (open) type. */
  static List<String> inlineEnumProblems(JsonNode root) {
    List<String> problems = new ArrayList<>();
    walk(root, "", (path, node) -> {
      if (node.has("enum") && !path.matches("/components/schemas/[^/]+")) {
        problems.add(path + ": inline enum; move it to its own component schema and $ref it");
      }
    });
    return problems;
  }

  /**
   * Every component object schema says {@code additionalProperties: true} (OpenAPI's default, made explicit
   * because only then does the generator give the model the map that keeps the properties it does not
   * declare); an {@code allOf} variant inherits it from its base and must not say it again (the generator
   * would give the variant a second map, hiding its base's).
   */
  static List<String> additionalPropertiesProblems(JsonNode root) {
    List<String> problems = new ArrayList<>();
    root.path("components").path("schemas").fields().forEachRemaining(entry -> {
      String path = "/components/schemas/" + entry.getKey();
      JsonNode schema = entry.getValue();
      if (schema.has("allOf") && !schema.has("properties")) {
        if (schema.has("additionalProperties")) {
          problems.add(path + ": an allOf variant inherits additionalProperties from its base; remove it");
        }
      } else if ("object".equals(schema.path("type").asText())
          && !schema.path("additionalProperties").asBoolean(false)) {
        problems.add(path + ": an object schema must say additionalProperties: true, or its model drops the "
            + "properties it does not declare");
      }
    });
    return problems;
  }

  /** Every name in a schema's {@code required} list is one of its properties (own or from allOf). */
  static List<String> requiredProblems(JsonNode root) {
    List<String> problems = new ArrayList<>();
    walk(root, "", (path, node) -> {
      JsonNode required = node.get("required");
      if (required == null || !required.isArray()) {
        return;
      }
      Set<String> properties = propertyNames(root, node, new HashSet<>());
      for (JsonNode name : required) {
        if (!properties.contains(name.asText())) {
          problems.add(path + ": required names '" + name.asText() + "' which is not a property (has "
              + properties + ")");
        }
      }
    });
    return problems;
  }

  /**
   * Every discriminator names a required plain-string property, and every mapping targets an existing
   * component schema that extends the schema carrying the discriminator via allOf.
   */
  static List<String> discriminatorProblems(JsonNode root) {
    List<String> problems = new ArrayList<>();
    JsonNode schemas = root.path("components").path("schemas");
    walk(root, "", (path, node) -> {
      JsonNode discriminator = node.get("discriminator");
      if (discriminator == null || !discriminator.isObject()) {
        return;
      }
      String property = discriminator.path("propertyName").asText("");
      JsonNode propertySchema = node.path("properties").path(property);
      if (propertySchema.isMissingNode()) {
        problems.add(path + ": discriminator property '" + property + "' is not a property");
      } else if (!"string".equals(propertySchema.path("type").asText()) || propertySchema.has("enum")) {
        problems.add(path + ": discriminator property '" + property
            + "' must be a plain string (an enum-typed discriminator breaks generation and closes the set)");
      }
      if (!contains(node.path("required"), property)) {
        problems.add(path + ": discriminator property '" + property + "' must be required");
      }
      String selfRef = "#" + path;
      JsonNode mapping = discriminator.path("mapping");
      if (mapping.isEmpty()) {
        problems.add(path + ": discriminator has no mapping");
      }
      for (Map.Entry<String, JsonNode> entry : mapping.properties()) {
        String target = entry.getValue().asText();
        String prefix = "#/components/schemas/";
        if (!target.startsWith(prefix) || !schemas.has(target.substring(prefix.length()))) {
          problems.add(path + ": mapping '" + entry.getKey() + "' targets missing schema " + target);
          continue;
        }
        JsonNode variant = schemas.get(target.substring(prefix.length()));
        boolean extendsBase = false;
        for (JsonNode part : variant.path("allOf")) {
          extendsBase |= selfRef.equals(part.path("$ref").asText());
        }
        if (!extendsBase) {
          problems.add(path + ": mapping '" + entry.getKey() + "' targets " + target
              + " which does not extend " + selfRef + " via allOf");
        }
      }
    });
    return problems;
  }

  /** Ids are never floating point: a property named {@code id}, {@code *_id} or {@code *Id} is int64 or string. */
  static List<String> idProblems(JsonNode root) {
    List<String> problems = new ArrayList<>();
    walk(root, "", (path, node) -> {
      JsonNode properties = node.get("properties");
      if (properties == null || !properties.isObject()) {
        return;
      }
      for (Map.Entry<String, JsonNode> entry : properties.properties()) {
        String name = entry.getKey();
        if (!(name.equals("id") || name.endsWith("_id") || name.endsWith("Id"))) {
          continue;
        }
        String type = entry.getValue().path("type").asText();
        String format = entry.getValue().path("format").asText();
        boolean ok = type.equals("string") || (type.equals("integer") && format.equals("int64"));
        if (!ok) {
          problems.add(path + "/properties/" + name + ": an id must be integer/int64 or string, is "
              + type + (format.isEmpty() ? "" : "/" + format));
        }
      }
    });
    return problems;
  }

  private static Set<String> propertyNames(JsonNode root, JsonNode schema, Set<String> seen) {
    Set<String> names = new HashSet<>();
    JsonNode ref = schema.get("$ref");
    if (ref != null && ref.isTextual() && ref.asText().startsWith("#/")) {
      if (seen.add(ref.asText())) {
        names.addAll(propertyNames(root, root.at(ref.asText().substring(1)), seen));
      }
      return names;
    }
    schema.path("properties").properties().forEach(e -> names.add(e.getKey()));
    for (JsonNode part : schema.path("allOf")) {
      names.addAll(propertyNames(root, part, seen));
    }
    return names;
  }

  private static boolean contains(JsonNode array, String value) {
    for (JsonNode element : array) {
      if (value.equals(element.asText())) {
        return true;
      }
    }
    return false;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.properties().forEach(e -> names.add(e.getKey()));
    return names;
  }

  /** Depth-first over every object node, with its JSON pointer; skips {@code example(s)} values. */
  private static void walk(JsonNode node, String path, BiConsumer<String, JsonNode> visitor) {
    if (node.isObject()) {
      visitor.accept(path, node);
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        if (entry.getKey().equals("example") || entry.getKey().equals("examples")) {
          continue;
        }
        walk(entry.getValue(), path + "/" + escape(entry.getKey()), visitor);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path + "/" + i, visitor);
      }
    }
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
