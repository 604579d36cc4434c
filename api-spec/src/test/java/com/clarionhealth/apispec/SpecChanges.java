package com.clarionhealth.apispec;

import com.clarionhealth.apispec.SpecChange.Kind;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedMediaType;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.ChangedRequestBody;
import org.openapitools.openapidiff.core.model.ChangedResponse;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.Endpoint;
import org.openapitools.openapidiff.core.model.schema.ChangedMaxLength;
import org.openapitools.openapidiff.core.model.schema.ChangedMinLength;
import org.openapitools.openapidiff.core.model.schema.ChangedNumericRange;

/**
 * The changes between two versions of the spec, each judged breaking or not for this project's users.
 *
 * <p>openapi-diff finds the changes; its own verdict is made for generic clients and is wrong for ours both ways: it
 * calls an added response enum value incompatible (our models are open enums: an unknown value decodes) and a removed
 * one compatible (the generated constant disappears, and code using it no longer compiles). So each change it finds
 * is judged here, by these rules:
 *
 * <ol>
 *   <li>Removed is breaking: an operation, a parameter, a media type, a 2xx response, a schema (its generated class),
 *       a property (its getter and setter), an enum value (its constant).
 *   <li>A changed type or format is breaking: the Java type changes.
 *   <li>Required is breaking: a new required property or parameter, or one that becomes required. A request without
 *       it is rejected; an answer without it (the testkit's, a user's test fakes) is no longer valid. A property that
 *       is no longer required breaks the readers of a response (it may now be absent).
 *   <li>Nullability: becoming nullable breaks the readers of a response (a null where there was none); becoming
 *       not-nullable breaks whoever sends or fakes a null. Only becoming nullable in a request is safe.
 *   <li>A tightened constraint in a request is breaking (a request that was valid may be rejected): a lower maxLength
 *       or maximum, a higher minLength or minimum, a new exclusive bound, a new or changed pattern. In a response it
 *       is reported only: the models do not validate.
 *   <li>Added is not breaking: an operation, an optional parameter or property (the models keep unknown properties,
 *       so a new one only moves from the map to its getter), an enum value (open enums, in requests and responses),
 *       a response, a schema.
 *   <li>Anything else (descriptions, defaults, examples, extensions, security, headers, ...) is reported with
 *       openapi-diff's own verdict.
 * </ol>
 *
 * <p>Each change is named by the schema that declares what changed, so that it reads the same wherever the schema is
 * used and is reported once: {@code Call.call_status (CallStatus): enum value removed: forwarding},
 * {@code Message.time: property removed} (not once per message variant), {@code GET /call parameter limit: maximum
 * lowered: 1000 -> 500}. openapi-diff compares only what the operations reach; the message variants are reached only
 * through the discriminator's mapping, which it does not follow, so each is given a synthetic operation of its own.
 */
final class SpecChanges {

  /** Where the synthetic operations of the schemas only a discriminator reaches live (never reported). */
  private static final String VARIANTS = "/x-spec-gate-variant/";

  private final Map<String, SpecChange> changes = new LinkedHashMap<>();
  private final Names names = new Names();

  private SpecChanges() {}

  /** The changes from {@code baselineYaml} to {@code currentYaml}, in the order found. */
  static List<SpecChange> between(String baselineYaml, String currentYaml) {
    OpenAPI baseline = parse("baseline", baselineYaml);
    OpenAPI current = parse("current", currentYaml);
    SpecChanges found = new SpecChanges();
    // Before openapi-diff runs: it merges allOf parts into the schemas it compares, losing where a property came from.
    found.names.index(baseline);
    found.names.index(current);
    found.schemas(baseline, current);
    addVariantOperations(baseline);
    addVariantOperations(current);
    found.openApi(OpenApiCompare.fromSpecifications(baseline, current));
    return List.copyOf(found.changes.values());
  }

  private static OpenAPI parse(String which, String yaml) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(yaml, null, options);
    if (parsed.getOpenAPI() == null || !parsed.getMessages().isEmpty()) {
      throw new IllegalArgumentException("The " + which + " spec does not parse: " + parsed.getMessages());
    }
    return parsed.getOpenAPI();
  }

  // ---- what openapi-diff does not see

  /** Each generated class is a component schema: one removed is breaking even if nothing else changed. */
  private void schemas(OpenAPI baseline, OpenAPI current) {
    Set<String> before = new TreeSet<>(schemasOf(baseline).keySet());
    Set<String> after = new TreeSet<>(schemasOf(current).keySet());
    for (String name : before) {
      if (!after.contains(name)) {
        add(name + ": schema removed", Kind.REMOVED, true);
      }
    }
    for (String name : after) {
      if (!before.contains(name)) {
        add(name + ": schema added", Kind.ADDED, false);
      }
    }
  }

  /**
   * Gives each schema that only a discriminator mapping reaches an operation that uses it the way its base is used (a
   * response, a request body or both), so that openapi-diff compares it.
   */
  private static void addVariantOperations(OpenAPI api) {
    for (boolean request : new boolean[] {true, false}) {
      Set<String> mapped = reachable(api, request, true);
      mapped.removeAll(reachable(api, request, false));
      for (String variant : mapped) {
        Schema<?> ref = new Schema<>().$ref("#/components/schemas/" + variant);
        if (api.getPaths() == null) {
          api.setPaths(new Paths());
        }
        PathItem item = api.getPaths().computeIfAbsent(VARIANTS + variant, path -> new PathItem());
        ApiResponses ok = new ApiResponses().addApiResponse("200", new ApiResponse().description("synthetic"));
        if (request) {
          item.setPost(new Operation().requestBody(new RequestBody().content(json(ref))).responses(ok));
        } else {
          ok.get("200").setContent(json(ref));
          item.setGet(new Operation().responses(ok));
        }
      }
    }
  }

  private static Content json(Schema<?> schema) {
    return new Content().addMediaType("application/json", new MediaType().schema(schema));
  }

  /** The component schemas the requests (or the responses) of {@code api} use, with or without mapped variants. */
  private static Set<String> reachable(OpenAPI api, boolean request, boolean viaMappings) {
    Set<String> reached = new HashSet<>();
    List<Schema<?>> roots = new ArrayList<>();
    if (api.getPaths() != null) {
      for (PathItem item : api.getPaths().values()) {
        for (Operation operation : item.readOperations()) {
          if (request) {
            for (Parameter parameter : nonNull(operation.getParameters())) {
              roots.add(parameter.getSchema());
            }
            if (operation.getRequestBody() != null) {
              content(operation.getRequestBody().getContent(), roots);
            }
          } else if (operation.getResponses() != null) {
            for (ApiResponse response : operation.getResponses().values()) {
              ApiResponse resolved = response.get$ref() == null ? response
                  : api.getComponents().getResponses().get(simpleName(response.get$ref()));
              content(resolved == null ? null : resolved.getContent(), roots);
            }
          }
        }
      }
    }
    for (Schema<?> root : roots) {
      reach(api, root, viaMappings, reached);
    }
    return reached;
  }

  private static void content(Content content, List<Schema<?>> into) {
    if (content != null) {
      content.values().forEach(media -> into.add(media.getSchema()));
    }
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void reach(OpenAPI api, Schema<?> schema, boolean viaMappings, Set<String> reached) {
    if (schema == null) {
      return;
    }
    if (schema.get$ref() != null) {
      String name = simpleName(schema.get$ref());
      if (reached.add(name)) {
        reach(api, schemasOf(api).get(name), viaMappings, reached);
      }
      return;
    }
    List<Schema> next = new ArrayList<>();
    if (schema.getProperties() != null) {
      next.addAll(schema.getProperties().values());
    }
    next.addAll(nonNull(schema.getAllOf()));
    next.addAll(nonNull(schema.getAnyOf()));
    next.addAll(nonNull(schema.getOneOf()));
    next.add(schema.getItems());
    next.add(schema.getNot());
    if (schema.getAdditionalProperties() instanceof Schema) {
      next.add((Schema) schema.getAdditionalProperties());
    }
    if (viaMappings && schema.getDiscriminator() != null && schema.getDiscriminator().getMapping() != null) {
      schema.getDiscriminator().getMapping().values().forEach(target -> next.add(new Schema<>().$ref(target)));
    }
    for (Schema<?> each : next) {
      reach(api, each, viaMappings, reached);
    }
  }

  // ---- what openapi-diff found

  private void openApi(ChangedOpenApi diff) {
    for (Endpoint endpoint : diff.getMissingEndpoints()) {
      if (!endpoint.getPathUrl().startsWith(VARIANTS)) {
        add(endpoint.getMethod() + " " + endpoint.getPathUrl() + ": operation removed", Kind.REMOVED, true);
      }
    }
    for (Endpoint endpoint : diff.getNewEndpoints()) {
      if (!endpoint.getPathUrl().startsWith(VARIANTS)) {
        add(endpoint.getMethod() + " " + endpoint.getPathUrl() + ": operation added", Kind.ADDED, false);
      }
    }
    for (ChangedOperation operation : diff.getChangedOperations()) {
      operation(operation);
    }
    other("the spec", "extensions", diff.getChangedExtensions());
  }

  private void operation(ChangedOperation operation) {
    String at = operation.getHttpMethod() + " " + operation.getPathUrl();
    if (operation.getParameters() != null) {
      parameters(at, operation.getParameters());
    }
    ChangedRequestBody body = operation.getRequestBody();
    if (body != null) {
      if (body.isChangeRequired()) {
        boolean required = Boolean.TRUE.equals(body.getNewRequestBody().getRequired());
        add(at + " request body: " + (required ? "became required" : "no longer required"), Kind.CHANGED, required);
      }
      content(at + " request body", body.getContent());
      other(at + " request body", "description", body.getDescription());
      other(at + " request body", "extensions", body.getExtensions());
    }
    if (operation.getApiResponses() != null) {
      responses(at, operation.getApiResponses());
    }
    if (operation.isDeprecated()) {
      add(at + ": deprecated", Kind.CHANGED, false);
    }
    other(at, "summary", operation.getSummary());
    other(at, "description", operation.getDescription());
    other(at, "operationId", operation.getOperationId());
    other(at, "security", operation.getSecurityRequirements());
    other(at, "extensions", operation.getExtensions());
  }

  private void parameters(String at, ChangedParameters parameters) {
    for (Parameter removed : parameters.getMissing()) {
      add(parameter(at, removed.getName()) + ": parameter removed", Kind.REMOVED, true);
    }
    for (Parameter added : parameters.getIncreased()) {
      boolean required = Boolean.TRUE.equals(added.getRequired());
      add(parameter(at, added.getName()) + (required ? ": new required parameter" : ": parameter added"),
          Kind.ADDED, required);
    }
    for (ChangedParameter changed : parameters.getChanged()) {
      String where = parameter(at, changed.getName());
      if (changed.isChangeRequired()) {
        boolean required = Boolean.TRUE.equals(changed.getNewParameter().getRequired());
        add(where + ": " + (required ? "became required" : "no longer required"), Kind.CHANGED, required);
      }
      if (changed.isChangeStyle() || changed.isChangeExplode() || changed.isChangeAllowEmptyValue()) {
        add(where + ": serialization changed (style, explode or allowEmptyValue)", Kind.CHANGED, true);
      }
      if (changed.isDeprecated()) {
        add(where + ": deprecated", Kind.CHANGED, false);
      }
      if (changed.getSchema() != null) {
        schema(changed.getSchema(), new Place(where, where, null));
      }
      content(where, changed.getContent());
      other(where, "description", changed.getDescription());
      other(where, "examples", changed.getExamples());
      other(where, "example", changed.getExample());
      other(where, "extensions", changed.getExtensions());
    }
  }

  private static String parameter(String at, String name) {
    return at + " parameter " + name;
  }

  private void responses(String at, ChangedApiResponse responses) {
    for (String status : responses.getMissing().keySet()) {
      add(at + " response " + status + ": response removed", Kind.REMOVED, status.startsWith("2"));
    }
    for (String status : responses.getIncreased().keySet()) {
      add(at + " response " + status + ": response added", Kind.ADDED, false);
    }
    for (Map.Entry<String, ChangedResponse> entry : responses.getChanged().entrySet()) {
      String where = at + " response " + entry.getKey();
      ChangedResponse response = entry.getValue();
      content(where, response.getContent());
      other(where, "description", response.getDescription());
      other(where, "headers", response.getHeaders());
      other(where, "extensions", response.getExtensions());
    }
    other(at + " responses", "extensions", responses.getExtensions());
  }

  private void content(String at, ChangedContent content) {
    if (content == null) {
      return;
    }
    for (String type : content.getMissing().keySet()) {
      add(at + ": media type removed: " + type, Kind.REMOVED, true);
    }
    for (String type : content.getIncreased().keySet()) {
      add(at + ": media type added: " + type, Kind.ADDED, false);
    }
    for (Map.Entry<String, ChangedMediaType> entry : content.getChanged().entrySet()) {
      ChangedMediaType media = entry.getValue();
      String where = at + " (" + entry.getKey() + ")";
      if (media.getSchema() != null) {
        schema(media.getSchema(), new Place(where, where, null));
      }
      other(where, "examples", media.getExamples());
      other(where, "example", media.getExample());
    }
  }

  /**
   * Where a schema sits, for naming its changes: {@code self} names the schema (a property: {@code Call.call_status
   * (CallStatus)}), {@code inner} prefixes its properties ({@code CallStatus}, or {@code Call.meta} for an inline
   * object), {@code component} is the component schema it is, if any (to find who declares its properties).
   */
  private record Place(String self, String inner, String component) {}

  private void schema(ChangedSchema changed, Place given) {
    String component = names.component(changed);
    // A request or response body, an array's items, a parameter: a component schema there is named by its own name.
    Place place = component != null && given.component() == null ? new Place(component, component, component) : given;
    boolean request = changed.getContext() != null && changed.getContext().isRequest();
    boolean response = changed.getContext() != null && changed.getContext().isResponse();
    String at = place.self() + ": ";

    if (changed.isChangedType()) {
      add(at + "type changed: " + type(changed.getOldSchema()) + " -> " + type(changed.getNewSchema()),
          Kind.CHANGED, true);
      return; // openapi-diff compares no further
    }

    Schema<?> oldSchema = changed.getOldSchema();
    Schema<?> newSchema = changed.getNewSchema();
    List<String> newRequired = newSchema == null || newSchema.getRequired() == null ? List.of()
        : newSchema.getRequired();
    for (String property : changed.getIncreasedProperties().keySet()) {
      boolean required = newRequired.contains(property);
      add(property(place, property) + (required ? ": new required property" : ": property added"), Kind.ADDED,
          required);
    }
    for (String property : changed.getMissingProperties().keySet()) {
      add(property(place, property) + ": property removed", Kind.REMOVED, true);
    }
    if (changed.getRequired() != null) {
      for (String property : changed.getRequired().getIncreased()) {
        if (!changed.getIncreasedProperties().containsKey(property)) {
          add(property(place, property) + ": became required", Kind.CHANGED, true);
        }
      }
      for (String property : changed.getRequired().getMissing()) {
        if (!changed.getMissingProperties().containsKey(property)) {
          add(property(place, property) + ": no longer required", Kind.CHANGED, response);
        }
      }
    }
    for (Map.Entry<String, ChangedSchema> property : changed.getChangedProperties().entrySet()) {
      schema(property.getValue(), propertyPlace(place, property.getKey()));
    }

    if (changed.getEnumeration() != null) {
      for (Object value : changed.getEnumeration().getMissing()) {
        add(at + "enum value removed: " + value, Kind.REMOVED, true);
      }
      for (Object value : changed.getEnumeration().getIncreased()) {
        add(at + "enum value added: " + value, Kind.ADDED, false);
      }
    }
    if (changed.getNullable() != null && changed.getNullable().isChanged().isDifferent()) {
      boolean nullable = Boolean.TRUE.equals(changed.getNullable().getRight());
      add(at + (nullable ? "became nullable" : "no longer nullable"), Kind.CHANGED, !nullable || !request);
    }
    constraints(at, changed, request);
    if (changed.isChangeDefault()) {
      add(at + "default changed: " + value(oldSchema == null ? null : oldSchema.getDefault()) + " -> "
          + value(newSchema == null ? null : newSchema.getDefault()), Kind.CHANGED, false);
    }
    if (changed.isChangeDeprecated()) {
      add(at + (newSchema != null && Boolean.TRUE.equals(newSchema.getDeprecated()) ? "deprecated"
          : "no longer deprecated"), Kind.CHANGED, false);
    }
    if (changed.getItems() != null) {
      schema(changed.getItems(), new Place(place.self() + "[]", place.inner() + "[]", null));
    }
    if (changed.getAddProp() != null) {
      schema(changed.getAddProp(), new Place(place.self() + "{}", place.inner() + "{}", null));
    }
    if (changed.isDiscriminatorPropertyChanged()) {
      add(at + "discriminator property changed", Kind.CHANGED, true);
    }
    if (changed.isChangeTitle()) {
      add(at + "title changed", Kind.CHANGED, false);
    }
    other(place.self(), "description", changed.getDescription());
    other(place.self(), "examples", changed.getExamples());
    other(place.self(), "example", changed.getExample());
    other(place.self(), "extensions", changed.getExtensions());
    other(place.self(), "readOnly", changed.getReadOnly());
    other(place.self(), "writeOnly", changed.getWriteOnly());
    other(place.self(), "multipleOf", changed.getMultipleOf());
    other(place.self(), "maxItems", changed.getMaxItems());
    other(place.self(), "minItems", changed.getMinItems());
    other(place.self(), "maxProperties", changed.getMaxProperties());
    other(place.self(), "minProperties", changed.getMinProperties());
    other(place.self(), "uniqueItems", changed.getUniqueItems());
    other(place.self(), "oneOf", changed.getOneOfSchema());
  }

  /** maxLength, minLength, maximum, minimum and pattern: tightening one breaks requests only (rule 5). */
  private void constraints(String at, ChangedSchema changed, boolean request) {
    ChangedMaxLength maxLength = changed.getMaxLength();
    if (maxLength != null) {
      bound(at, "maxLength", decimal(maxLength.getOldValue()), decimal(maxLength.getNewValue()), -1, request);
    }
    ChangedMinLength minLength = changed.getMinLength();
    if (minLength != null) {
      bound(at, "minLength", decimal(minLength.getOldValue()), decimal(minLength.getNewValue()), 1, request);
    }
    ChangedNumericRange range = changed.getNumericRange();
    if (range != null && range.isChanged().isDifferent()) {
      bound(at, "maximum", range.getOldMaximumValue(), range.getNewMaximumValue(), -1, request);
      bound(at, "minimum", range.getOldMinimumValue(), range.getNewMinimumValue(), 1, request);
      exclusive(at, "exclusiveMaximum", range.getOldMaximumExclusiveValue(), range.getNewMaximumExclusiveValue(),
          request);
      exclusive(at, "exclusiveMinimum", range.getOldMinimumExclusiveValue(), range.getNewMinimumExclusiveValue(),
          request);
    }
    if (changed.getPattern() != null && changed.getPattern().isChanged().isDifferent()) {
      String before = changed.getPattern().getOldPattern();
      String after = changed.getPattern().getNewPattern();
      add(at + "pattern changed: " + value(before) + " -> " + value(after), Kind.CHANGED, request && after != null);
    }
  }

  /**
   * A lower or upper bound: added or moved inwards, it narrows what is valid. {@code tighter} is the sign of
   * (new - old) that narrows it: -1 for a maximum, 1 for a minimum.
   */
  private void bound(String at, String name, BigDecimal before, BigDecimal after, int tighter, boolean request) {
    if (before == null ? after == null : after != null && before.compareTo(after) == 0) {
      return;
    }
    boolean narrower = after != null && (before == null || Integer.signum(after.compareTo(before)) == tighter);
    String verb = after == null ? "removed" : before == null ? "added" : after.compareTo(before) < 0 ? "lowered"
        : "raised";
    add(at + name + " " + verb + ": " + value(before) + " -> " + value(after), Kind.CHANGED, request && narrower);
  }

  private static BigDecimal decimal(Integer value) {
    return value == null ? null : BigDecimal.valueOf(value);
  }

  private void exclusive(String at, String name, Boolean before, Boolean after, boolean request) {
    boolean was = Boolean.TRUE.equals(before);
    boolean is = Boolean.TRUE.equals(after);
    if (was != is) {
      add(at + name + " " + (is ? "added" : "removed"), Kind.CHANGED, request && is);
    }
  }

  /** Rule 7: what the rules do not cover keeps openapi-diff's verdict. */
  private void other(String at, String what, Changed changed) {
    if (changed != null && changed.isChanged().isDifferent()) {
      add(at + ": " + what + " changed", Kind.CHANGED, changed.isChanged().isIncompatible());
    }
  }

  private String property(Place place, String property) {
    String declaring = place.component() == null ? null : names.declaring(place.component(), property);
    return (declaring == null ? place.inner() : declaring) + "." + property;
  }

  private Place propertyPlace(Place parent, String property) {
    String self = property(parent, property);
    String declaring = parent.component() == null ? null : names.declaring(parent.component(), property);
    String named = declaring == null ? null : names.referenced(declaring, property);
    return named == null ? new Place(self, self, null) : new Place(self + " (" + named + ")", named, named);
  }

  private void add(String change, Kind kind, boolean breaking) {
    // The same change seen from two places (a schema used by requests and responses) breaks if either says so.
    changes.merge(change, new SpecChange(change, kind, breaking), (seen, again) -> seen.breaking() ? seen : again);
  }

  private static String type(Schema<?> schema) {
    if (schema == null) {
      return "(none)";
    }
    String type = schema.getType() == null ? "(untyped)" : schema.getType();
    return schema.getFormat() == null ? type : type + " (" + schema.getFormat() + ")";
  }

  private static String value(Object value) {
    return value == null ? "(none)" : String.valueOf(value);
  }

  @SuppressWarnings("rawtypes")
  private static Map<String, Schema> schemasOf(OpenAPI api) {
    return api.getComponents() == null || api.getComponents().getSchemas() == null ? Map.of()
        : api.getComponents().getSchemas();
  }

  private static String simpleName(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }

  /** Names of component schemas and their properties, indexed before openapi-diff merges allOf parts. */
  private static final class Names {
    private final Map<Schema<?>, String> components = new IdentityHashMap<>();
    /** "Component.property" to the component that declares it (itself, or an allOf base). */
    private final Map<String, String> declaring = new HashMap<>();
    /** "Declaring.property" to the component schema the property is ($ref, or allOf around one $ref). */
    private final Map<String, String> referenced = new HashMap<>();

    @SuppressWarnings("rawtypes")
    void index(OpenAPI api) {
      Map<String, Schema> all = schemasOf(api);
      all.forEach((name, schema) -> {
        components.put(schema, name);
        declare(name, name, schema, all, new HashSet<>());
      });
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private void declare(String component, String declarer, Schema<?> schema, Map<String, Schema> all,
        Set<String> seen) {
      if (schema.getProperties() != null) {
        for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
          declaring.putIfAbsent(component + "." + property.getKey(), declarer);
          String named = named(property.getValue());
          if (named != null) {
            referenced.put(declarer + "." + property.getKey(), named);
          }
        }
      }
      for (Schema<?> part : nonNull(schema.getAllOf())) {
        if (part.get$ref() == null) {
          declare(component, declarer, part, all, seen);
        } else if (seen.add(part.get$ref()) && all.get(simpleName(part.get$ref())) != null) {
          declare(component, simpleName(part.get$ref()), all.get(simpleName(part.get$ref())), all, seen);
        }
      }
    }

    private static String named(Schema<?> property) {
      if (property.get$ref() != null) {
        return simpleName(property.get$ref());
      }
      List<Schema> allOf = property.getAllOf();
      if (allOf != null && allOf.size() == 1 && allOf.get(0).get$ref() != null) {
        return simpleName(allOf.get(0).get$ref());
      }
      return null;
    }

    String component(ChangedSchema changed) {
      String name = changed.getNewSchema() == null ? null : components.get(changed.getNewSchema());
      return name != null || changed.getOldSchema() == null ? name : components.get(changed.getOldSchema());
    }

    String declaring(String component, String property) {
      return declaring.get(component + "." + property);
    }

    String referenced(String declaring, String property) {
      return referenced.get(declaring + "." + property);
    }
  }
}
