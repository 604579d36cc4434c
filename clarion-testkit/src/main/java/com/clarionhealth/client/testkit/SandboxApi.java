package com.clarionhealth.client.testkit;

import com.clarionhealth.client.model.CreateCall;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The Clarion API itself: a WireMock {@link ResponseDefinitionTransformerV2} behind one catch-all stub, so
 * that WireMock does the HTTP (and the faults, delays and resets) and this class the API: authentication,
 * validation, the store, the lifecycle, the faults' draw and the recording of requests.
 */
final class SandboxApi implements ResponseDefinitionTransformerV2 {
  static final String NAME = "clarion-sandbox-api";
  static final String CALLS_PATH = "/v1/call";
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;
  private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{1,14}$");
  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,10}");
  private static final int MAX_NAME_LENGTH = 50;

  private final String bearer;
  private final long seed;
  private final SandboxClock clock;
  private final CallStore store;
  private final FaultPlan faults;
  private final CallWriter writer;
  private final ObjectMapper mapper = JsonMapper.builder().build();
  private final JsonFactory json = new JsonFactory();
  private final ListOrder defaultOrder;
  private final ListSelection defaultSelection;
  private volatile ListOrder order;
  private volatile ListSelection selection;
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong listRank = new AtomicLong();
  private final AtomicLong callsCreated = new AtomicLong();
  private final List<RecordedRequest> recorded = new ArrayList<>();
  private final boolean recordResponses;

  SandboxApi(String apiKey, long seed, SandboxClock clock, CallStore store, FaultPlan faults, CallWriter writer,
      ListOrder order, ListSelection selection, boolean recordResponses) {
    this.recordResponses = recordResponses;
    this.bearer = apiKey;
    this.seed = seed;
    this.clock = clock;
    this.store = store;
    this.faults = faults;
    this.writer = writer;
    this.defaultOrder = order;
    this.defaultSelection = selection;
    this.order = order;
    this.selection = selection;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  void order(ListOrder order) {
    this.order = order;
  }

  void selection(ListSelection selection) {
    this.selection = selection;
  }

  long callsCreated() {
    return callsCreated.get();
  }

  List<RecordedRequest> recorded() {
    List<RecordedRequest> copy;
    synchronized (recorded) {
      copy = new ArrayList<>(recorded);
    }
    copy.sort(Comparator.comparingLong(RecordedRequest::sequence));
    return copy;
  }

  /** Back to a fresh sandbox; the caller has reset the store, the faults and the clock. */
  void reset() {
    synchronized (recorded) {
      recorded.clear();
    }
    sequence.set(0);
    listRank.set(0);
    callsCreated.set(0);
    order = defaultOrder;
    selection = defaultSelection;
  }

  /** How WireMock's answer and what the recorded request says about it are built together. */
  private static final class Answer {
    final ResponseDefinitionBuilder response;
    final int status;
    final byte[] body; // as sent, a cut one included; null when no body is sent
    FaultRule.Kind fault;
    long createdId;

    Answer(ResponseDefinitionBuilder response, int status, byte[] body) {
      this.response = response;
      this.status = status;
      this.body = body;
    }
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    Request request = serveEvent.getRequest();
    long number = sequence.incrementAndGet();
    Instant receivedAt = clock.instant();
    String url = request.getUrl();
    int q = url.indexOf('?');
    String path = percentDecode(q < 0 ? url : url.substring(0, q));
    Map<String, List<String>> query = parseQuery(q < 0 ? "" : url.substring(q + 1));
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HttpHeader header : request.getHeaders().all()) {
      headers.computeIfAbsent(header.key().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(header.values());
    }
    byte[] body = request.getBody() == null ? new byte[0] : request.getBody();
    String method = request.getMethod().getName();

    Answer answer;
    if (!path.equals(CALLS_PATH)) {
      answer = error(404, "no such resource: " + path + " (the sandbox serves " + CALLS_PATH + ")");
    } else if (method.equals("GET")) {
      answer = authorized(headers) ? list(query, Micros.of(receivedAt)) : unauthorized();
    } else if (method.equals("POST")) {
      answer = authorized(headers) ? create(body, Micros.of(receivedAt)) : unauthorized();
    } else {
      answer = error(405, method + " is not allowed on " + CALLS_PATH);
      answer.response.withHeader("Allow", "GET, POST");
    }
    byte[] sent = answer.response.build().getFault() != null ? null : answer.body;
    RecordedRequest record = new RecordedRequest(number, receivedAt, method, path, query, headers, body,
        answer.status, answer.fault, answer.createdId, recordResponses ? sent : null);
    synchronized (recorded) {
      recorded.add(record);
    }
    return answer.response.withHeader("x-request-id", "req_sandbox_" + number).build();
  }

  private boolean authorized(Map<String, List<String>> headers) {
    List<String> values = headers.get("authorization");
    if (values == null || values.size() != 1) {
      return false;
    }
    String value = values.get(0);
    return value.length() == bearer.length() + 7 && value.regionMatches(true, 0, "Bearer ", 0, 7)
        && value.startsWith(bearer, 7);
  }

  private Answer unauthorized() {
    Answer answer = error(401, "missing or invalid bearer token");
    answer.response.withHeader("WWW-Authenticate", "Bearer realm=\"clarion\"");
    return answer;
  }

  // --- GET /call ------------------------------------------------------------------------------------------

  private Answer list(Map<String, List<String>> query, long nowMicros) {
    List<String> problems = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    int limit = DEFAULT_LIMIT;
    String rawLimit = first(query, "limit");
    if (rawLimit != null) {
      if (!INTEGER.matcher(rawLimit).matches()
          || Long.parseLong(rawLimit) < 1 || Long.parseLong(rawLimit) > MAX_LIMIT) {
        problems.add("limit must be an integer from 1 to " + MAX_LIMIT + ", was '" + shorten(rawLimit) + "'");
        fields.add("limit");
      } else {
        limit = Integer.parseInt(rawLimit);
      }
    }
    long ge = Long.MIN_VALUE;
    long le = Long.MAX_VALUE;
    String rawGe = first(query, "createdAtGe");
    if (rawGe != null) {
      Instant instant = dateTime(rawGe);
      if (instant == null) {
        problems.add(dateTimeProblem("createdAtGe", rawGe));
        fields.add("createdAtGe");
      } else {
        ge = Micros.ceil(instant);
      }
    }
    String rawLe = first(query, "createdAtLe");
    if (rawLe != null) {
      Instant instant = dateTime(rawLe);
      if (instant == null) {
        problems.add(dateTimeProblem("createdAtLe", rawLe));
        fields.add("createdAtLe");
      } else {
        le = Micros.floor(instant);
      }
    }
    if (!problems.isEmpty()) {
      return error(400, String.join("; ", problems), fields);
    }
    FaultRule fault = faults.draw("GET");
    if (fault != null) {
      Answer early = failWithoutBody(fault);
      if (early != null) {
        return early;
      }
    }
    SplittableRandom random = new SplittableRandom(Seeds.mix(seed, 0x1157L, listRank.incrementAndGet()));
    List<CallStore.Ref> page = store.select(ge, le, limit, order, selection, random);
    return ok(writer.array(page, nowMicros), fault);
  }

  private static String dateTimeProblem(String name, String raw) {
    return name + " must be an ISO-8601 date-time such as 2026-01-01T00:00:00.000Z, was '" + shorten(raw) + "'";
  }

  private static Instant dateTime(String raw) {
    try {
      return OffsetDateTime.parse(raw, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  // --- POST /call -----------------------------------------------------------------------------------------

  private Answer create(byte[] body, long nowMicros) {
    JsonNode root;
    try {
      root = body.length == 0 ? null : mapper.readTree(body);
    } catch (IOException e) {
      root = null;
    }
    if (root == null || !root.isObject()) {
      return error(400, "the body must be a JSON object (a CreateCall)", List.of());
    }
    List<String> typeProblems = new ArrayList<>();
    List<String> typeFields = new ArrayList<>();
    List<String> ruleProblems = new ArrayList<>();
    List<String> ruleFields = new ArrayList<>();

    JsonNode assistant = present(root, CreateCall.JSON_PROPERTY_ASSISTANT_ID);
    if (assistant == null) {
      ruleProblems.add("assistant_id is required");
      ruleFields.add("assistant_id");
    } else if (!isLong(assistant)) {
      typeProblems.add("assistant_id must be an integer");
      typeFields.add("assistant_id");
    }
    JsonNode destination = present(root, CreateCall.JSON_PROPERTY_DESTINATION_PHONE_NUMBER);
    if (destination == null) {
      ruleProblems.add("destination_phone_number is required");
      ruleFields.add("destination_phone_number");
    } else if (!destination.isTextual()) {
      typeProblems.add("destination_phone_number must be a string");
      typeFields.add("destination_phone_number");
    } else if (!E164.matcher(destination.textValue()).matches()) {
      // Never echo the number: it is a patient's.
      ruleProblems.add("destination_phone_number must be an E.164 number: '+', then the country code and "
          + "the number, 2 to 15 digits in all, no spaces");
      ruleFields.add("destination_phone_number");
    }
    JsonNode name = present(root, CreateCall.JSON_PROPERTY_NAME);
    if (name != null) {
      if (!name.isTextual()) {
        typeProblems.add("name must be a string");
        typeFields.add("name");
      } else {
        int length = name.textValue().codePointCount(0, name.textValue().length());
        if (length > MAX_NAME_LENGTH) {
          ruleProblems.add("name must be at most " + MAX_NAME_LENGTH + " characters, was " + length);
          ruleFields.add("name");
        }
      }
    }
    JsonNode source = present(root, CreateCall.JSON_PROPERTY_SOURCE_PHONE_NUMBER_ID);
    if (source != null && !isLong(source)) {
      typeProblems.add("source_phone_number_id must be an integer");
      typeFields.add("source_phone_number_id");
    }
    JsonNode parameters = present(root, CreateCall.JSON_PROPERTY_TASK_PARAMETERS);
    if (parameters != null && !parameters.isObject()) {
      typeProblems.add("task_parameters must be a JSON object");
      typeFields.add("task_parameters");
    }
    if (!typeProblems.isEmpty()) {
      typeProblems.addAll(ruleProblems);
      typeFields.addAll(ruleFields);
      return error(400, String.join("; ", typeProblems), typeFields);
    }
    if (!ruleProblems.isEmpty()) {
      return error(422, String.join("; ", ruleProblems), ruleFields);
    }

    FaultRule fault = faults.draw("POST");
    if (fault != null && !fault.createsCall()) {
      Answer refused = fault.kind() == FaultRule.Kind.DELAY
          ? delayed(error(503, "the service timed out before placing the call"), fault)
          : failWithoutBody(fault);
      refused.fault = fault.kind();
      return refused;
    }
    CallStore.Ref call = store.create(nowMicros, new CallStore.Posted(assistant.longValue(),
        destination.textValue(), source == null ? null : source.longValue()));
    callsCreated.incrementAndGet();
    Answer answer;
    if (fault != null && (fault.kind() == FaultRule.Kind.SERVICE_UNAVAILABLE
        || fault.kind() == FaultRule.Kind.CONNECTION_RESET)) {
      answer = failWithoutBody(fault);
    } else {
      answer = ok(writer.one(call, nowMicros), fault);
    }
    answer.createdId = call.id;
    return answer;
  }

  private static JsonNode present(JsonNode root, String field) {
    JsonNode node = root.get(field);
    return node == null || node.isNull() ? null : node;
  }

  private static boolean isLong(JsonNode node) {
    return node.isIntegralNumber() && node.canConvertToLong();
  }

  // --- answers --------------------------------------------------------------------------------------------

  /** The faults that replace the answer before any work: 429, 503 and reset; null for the others. */
  private Answer failWithoutBody(FaultRule fault) {
    Answer answer;
    switch (fault.kind()) {
      case RATE_LIMITED:
        long seconds = fault.duration().getSeconds() + (fault.duration().getNano() > 0 ? 1 : 0);
        answer = error(429, "rate limited: retry after " + seconds + " s");
        answer.response.withHeader("Retry-After", String.valueOf(seconds));
        break;
      case SERVICE_UNAVAILABLE:
        answer = error(503, "the service is unavailable");
        break;
      case CONNECTION_RESET:
        answer = new Answer(ResponseDefinitionBuilder.responseDefinition()
            .withFault(Fault.CONNECTION_RESET_BY_PEER), 0, null);
        break;
      default:
        return null;
    }
    answer.fault = fault.kind();
    return answer;
  }

  /** A 200 with {@code json}, spoilt by {@code fault} if it is one that spoils a body. */
  private Answer ok(byte[] body, FaultRule fault) {
    if (fault != null && fault.kind() == FaultRule.Kind.MALFORMED_JSON) {
      body = Arrays.copyOf(body, body.length / 2);
    }
    ResponseDefinitionBuilder response = ResponseDefinitionBuilder.responseDefinition().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(body);
    Answer answer = new Answer(response, 200, body);
    if (fault != null) {
      switch (fault.kind()) {
        case TRUNCATED_BODY:
          response.withFault(Fault.MALFORMED_RESPONSE_CHUNK);
          break;
        case DELAY:
          delayed(answer, fault);
          break;
        default:
          break;
      }
      answer.fault = fault.kind();
    }
    return answer;
  }

  private static Answer delayed(Answer answer, FaultRule fault) {
    answer.response.withFixedDelay((int) fault.duration().toMillis());
    answer.fault = fault.kind();
    return answer;
  }

  private Answer error(int status, String message) {
    return error(status, message, List.of());
  }

  /** A small JSON error: {@code {"message": "...", "fields": [...]}}. */
  private Answer error(int status, String message, List<String> fields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    try (JsonGenerator g = json.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("message", message);
      if (!fields.isEmpty()) {
        g.writeArrayFieldStart("fields");
        for (String field : fields) {
          g.writeString(field);
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] body = out.toByteArray();
    return new Answer(ResponseDefinitionBuilder.responseDefinition().withStatus(status)
        .withHeader("Content-Type", "application/json").withBody(body), status, body);
  }

  // --- parsing --------------------------------------------------------------------------------------------

  private static String first(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static String shorten(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "...";
  }

  static Map<String, List<String>> parseQuery(String raw) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (raw.isEmpty()) {
      return query;
    }
    for (String pair : raw.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = percentDecode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : percentDecode(pair.substring(eq + 1));
      query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return query;
  }

  /** RFC 3986 percent-decoding as UTF-8: a {@code +} stays a plus sign; a malformed escape is kept as is. */
  static String percentDecode(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    byte[] source = raw.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < source.length; i++) {
      if (source[i] == '%' && i + 2 < source.length && hex(source[i + 1]) >= 0 && hex(source[i + 2]) >= 0) {
        bytes.write(hex(source[i + 1]) * 16 + hex(source[i + 2]));
        i += 2;
      } else {
        bytes.write(source[i]);
      }
    }
    return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
  }

  private static int hex(byte b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    }
    if (b >= 'A' && b <= 'F') {
      return b - 'A' + 10;
    }
    return -1;
  }
}
