package com.clarionhealth.apispec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The build fails when the shipped spec is invalid or loses one of the normalizations it exists for. */
class ClarionOpenApiSpecTest {

  private static String text;
  private static JsonNode root;
  private static SwaggerParseResult parsed;
  private static OpenAPI api;

  @BeforeAll
  static void parse() {
    text = SpecChecks.specText();
    root = SpecChecks.tree(text);
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    parsed = new OpenAPIV3Parser().readContents(text, null, options);
    api = parsed.getOpenAPI();
  }

  @Test
  void parsesWithZeroMessages() {
    assertThat(parsed.getMessages()).isEmpty();
    assertThat(api).isNotNull();
    assertThat(api.getOpenapi()).isEqualTo("3.0.3");
    assertThat(api.getServers()).extracting(s -> s.getUrl()).containsExactly("https://api.clarionhealth.com/v1");
  }

  @Test
  void everyRefResolvesAndHasNoIgnoredSiblings() {
    assertThat(SpecChecks.refProblems(root)).isEmpty();
  }

  @Test
  void everyEnumIsANamedComponentSchema() {
    assertThat(SpecChecks.inlineEnumProblems(root)).isEmpty();
    // The published values stay; Clarion may add more (additions need no test change).
    assertThat(schema("CallStatus").getEnum())
        .containsSubsequence("queued", "ringing", "in-progress", "forwarding", "ended");
    assertThat(schema("FailureReason").getEnum()).containsSubsequence(
        "declined", "escalated", "requested-callback", "customer-dropped", "assistant-ended", "opt-out");
  }

  @Test
  void everyObjectSchemaKeepsItsUnknownProperties() {
    assertThat(SpecChecks.additionalPropertiesProblems(root)).isEmpty();
    assertThat(schema("Call").getAdditionalProperties()).isEqualTo(true);
  }

  @Test
  void requiredListsNameExistingProperties() {
    assertThat(SpecChecks.requiredProblems(root)).isEmpty();
    assertThat(schema("CreateCall").getRequired())
        .containsExactlyInAnyOrder("assistant_id", "destination_phone_number");
  }

  @Test
  void discriminatorMappingsTargetExistingVariants() {
    assertThat(SpecChecks.discriminatorProblems(root)).isEmpty();
    assertThat(schema("Message").getDiscriminator().getMapping()).containsKeys(
        "user", "system", "bot", "tool_calls", "tool_call_result");
  }

  @Test
  void idsAreInt64() {
    assertThat(SpecChecks.idProblems(root)).isEmpty();
    for (String[] id : new String[][] {
        {"Call", "id"}, {"Call", "assistant_id"}, {"CreateCall", "assistant_id"},
        {"CreateCall", "source_phone_number_id"}}) {
      Schema<?> property = property(id[0], id[1]);
      assertThat(property.getType()).as(id[0] + "." + id[1]).isEqualTo("integer");
      assertThat(property.getFormat()).as(id[0] + "." + id[1]).isEqualTo("int64");
    }
  }

  @Nested
  class TheChecksCatchThePublishedDefects {

    /** The published CreateCall fragment, verbatim in the parts that matter. */
    private final JsonNode published = SpecChecks.tree(String.join("\n",
        "components:",
        "  schemas:",
        "    CreateCall:",
        "      required: [taskId, destinationNumberId]",
        "      type: object",
        "      properties:",
        "        assistant_id: {type: number}",
        "        destination_phone_number: {type: string}",
        "    Call:",
        "      type: object",
        "      properties:",
        "        call_status: {type: string, enum: [queued, ended]}",
        "        analysis: {$ref: '#/components/schemas/Analysis', description: ignored in 3.0}",
        "    Message:",
        "      type: object",
        "      required: [role]",
        "      properties: {role: {type: string}}",
        "      discriminator:",
        "        propertyName: role",
        "        mapping: {user: '#/components/schemas/UserMessage'}"));

    @Test
    void requiredNamesThatAreNotProperties() {
      assertThat(SpecChecks.requiredProblems(published)).hasSize(2)
          .anySatisfy(p -> assertThat(p).contains("'taskId'"))
          .anySatisfy(p -> assertThat(p).contains("'destinationNumberId'"));
    }

    @Test
    void objectSchemasThatWouldDropUnknownProperties() {
      assertThat(SpecChecks.additionalPropertiesProblems(published)).hasSize(3)
          .allSatisfy(p -> assertThat(p).contains("must say additionalProperties: true"));
    }

    @Test
    void floatingPointIds() {
      assertThat(SpecChecks.idProblems(published)).singleElement()
          .satisfies(p -> assertThat(p).contains("assistant_id").contains("number"));
    }

    @Test
    void inlineEnums() {
      assertThat(SpecChecks.inlineEnumProblems(published)).singleElement()
          .satisfies(p -> assertThat(p).contains("/Call/properties/call_status"));
    }

    @Test
    void danglingRefsAndIgnoredSiblings() {
      assertThat(SpecChecks.refProblems(published)).hasSize(2)
          .anySatisfy(p -> assertThat(p).contains("does not resolve"))
          .anySatisfy(p -> assertThat(p).contains("siblings"));
    }

    @Test
    void mappingsToMissingSchemas() {
      assertThat(SpecChecks.discriminatorProblems(published)).singleElement()
          .satisfies(p -> assertThat(p).contains("UserMessage"));
    }
  }

  @Test
  void createCallIsNormalized() {
    assertThat(property("CreateCall", "name").getMaxLength()).isEqualTo(50);
    Pattern e164 = Pattern.compile(property("CreateCall", "destination_phone_number").getPattern());
    assertThat(e164.matcher("+138726394823").matches()).as("the published example").isTrue();
    assertThat(e164.matcher("+13872639482").matches()).isTrue();
    assertThat(e164.matcher("+123456789012345").matches()).isTrue();
    assertThat(e164.matcher("13872639482").matches()).isFalse();
    assertThat(e164.matcher("+03872639482").matches()).isFalse();
    assertThat(e164.matcher("+1234567890123456").matches()).isFalse();
    Schema<?> taskParameters = property("CreateCall", "task_parameters");
    assertThat(taskParameters.getType()).isEqualTo("object");
    assertThat(taskParameters.getAdditionalProperties()).isEqualTo(Boolean.TRUE);
  }

  @Test
  void callHasEveryPublishedFieldAndNullability() {
    @SuppressWarnings("rawtypes")
    Map<String, Schema> properties = schema("Call").getProperties();
    // Every field of both published pages (more may be added).
    assertThat(properties).containsKeys("id", "assistant_id", "started_at", "ended_at", "call_status",
        "ended_reason", "transcript", "source_number", "destination_number", "call_type", "messages",
        "duration_ms", "analysis", "summary", "outcome", "failure_reason");
    for (String nullable : List.of("started_at", "ended_at", "ended_reason", "transcript", "source_number",
        "destination_number", "duration_ms", "summary", "outcome", "failure_reason")) {
      assertThat(properties.get(nullable).getNullable()).as(nullable).isTrue();
    }
    for (String notNullable : List.of("id", "assistant_id", "call_status", "call_type", "messages", "analysis")) {
      assertThat(properties.get(notNullable).getNullable()).as(notNullable).isNotEqualTo(Boolean.TRUE);
    }
    assertThat(property("Call", "failure_reason").getAllOf()).singleElement()
        .satisfies(s -> assertThat(s.get$ref()).isEqualTo("#/components/schemas/FailureReason"));
    assertThat(properties.get("messages").getItems().get$ref()).isEqualTo("#/components/schemas/Message");
  }

  @Test
  void listCallsQueryParameters() {
    Operation list = api.getPaths().get("/call").getGet();
    assertThat(list.getParameters()).extracting(Parameter::getName)
        .containsExactly("limit", "createdAtGe", "createdAtLe");
    Schema<?> limit = list.getParameters().get(0).getSchema();
    assertThat(limit.getType()).isEqualTo("integer");
    assertThat(limit.getMinimum()).isEqualByComparingTo(BigDecimal.ONE);
    assertThat(limit.getMaximum()).isEqualByComparingTo(new BigDecimal(1000));
    assertThat(limit.getDefault()).isEqualTo(100);
    for (Parameter bound : list.getParameters().subList(1, 3)) {
      assertThat(bound.getSchema().getFormat()).isEqualTo("date-time");
      assertThat(bound.getDescription()).contains("Inclusive");
    }
    assertThat(list.getResponses().get("200").getContent().get("application/json").getSchema().getItems()
        .get$ref()).isEqualTo("#/components/schemas/Call");
  }

  @Test
  void errorStatusesAreDocumentedWithoutInventedBodies() {
    for (Operation operation : List.of(api.getPaths().get("/call").getPost(), api.getPaths().get("/call").getGet())) {
      assertThat(operation.getResponses()).containsKeys("200", "400", "401", "403", "404", "422", "429", "5XX");
      operation.getResponses().forEach((status, response) -> {
        ApiResponse resolved = resolve(response);
        assertThat(resolved.getDescription()).as(status).isNotBlank();
        if (!status.equals("200")) {
          // A body may come (validators must not reject one), but its format is not invented: any media
          // type, the empty schema.
          assertThat(resolved.getContent()).as(status + " must not invent an error body").containsOnlyKeys("*/*");
          assertThat(resolved.getContent().get("*/*").getSchema().getType()).as(status).isNull();
          assertThat(resolved.getContent().get("*/*").getSchema().getProperties()).as(status).isNull();
        }
      });
      assertThat(resolve(operation.getResponses().get("429")).getHeaders()).containsKey("Retry-After");
    }
  }

  @Test
  void bearerAuth() {
    SecurityScheme bearer = api.getComponents().getSecuritySchemes().get("bearerAuth");
    assertThat(bearer.getType()).isEqualTo(SecurityScheme.Type.HTTP);
    assertThat(bearer.getScheme()).isEqualTo("bearer");
    assertThat(api.getSecurity()).singleElement().satisfies(r -> assertThat(r).containsKey("bearerAuth"));
  }

  @Test
  void inferredPartsAreMarked() {
    JsonNode schemas = root.path("components").path("schemas");
    for (String inferred : List.of("ToolCallMessage", "ToolCallResultMessage", "ToolCall", "ToolCallFunction")) {
      assertThat(schemas.path(inferred).path("x-clarion-inferred").asBoolean()).as(inferred).isTrue();
    }
  }

  @SuppressWarnings("unchecked")
  private static Schema<Object> schema(String name) {
    Schema<Object> schema = api.getComponents().getSchemas().get(name);
    assertThat(schema).as(name).isNotNull();
    return schema;
  }

  @SuppressWarnings("unchecked")
  private static Schema<Object> property(String schema, String property) {
    Schema<Object> result = schema(schema).getProperties().get(property);
    assertThat(result).as(schema + "." + property).isNotNull();
    return result;
  }

  private static ApiResponse resolve(ApiResponse response) {
    if (response.get$ref() == null) {
      return response;
    }
    String name = response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1);
    return api.getComponents().getResponses().get(name);
  }
}
