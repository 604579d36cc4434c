package com.clarionhealth.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/** Test helpers: example files, and JSON comparison by value (123 equals 123.0). */
final class Json {

  private static final ObjectMapper TREES = new ObjectMapper();

  /** Numbers compare by value; everything else by equality (objects ignore member order). */
  private static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return a.equals(b) ? 0 : 1;
  };

  private Json() {}

  static String example(String name) {
    try (InputStream in = Json.class.getResourceAsStream("/examples/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no example " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode tree(String json) {
    try {
      return TREES.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void assertSameJson(String actual, String expected) {
    JsonNode actualTree = tree(actual);
    JsonNode expectedTree = tree(expected);
    assertThat(actualTree.equals(BY_VALUE, expectedTree))
        .as("JSON differs:%n  actual:   %s%n  expected: %s", actualTree, expectedTree)
        .isTrue();
  }

  /** How many times a field name occurs in a JSON text (to check a discriminator is written once). */
  static int occurrences(String json, String fieldName) {
    String needle = "\"" + fieldName + "\":";
    int count = 0;
    for (int i = json.indexOf(needle); i >= 0; i = json.indexOf(needle, i + 1)) {
      count++;
    }
    return count;
  }
}
