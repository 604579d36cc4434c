package com.clarionhealth.client.blocking;

import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.model.CreateCall;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The client's own Jackson 2 mapping, never the application's: whatever the application configured
 * globally (naming strategies, failing on unknown properties) does not change how Clarion decodes.
 */
final class JsonCodec {
  private final ObjectReader callReader;
  private final ObjectWriter createWriter;
  private final JsonMapper mapper;

  JsonCodec() {
    mapper = JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
        .build();
    callReader = mapper.readerFor(Call.class);
    createWriter = mapper.writerFor(CreateCall.class);
  }

  byte[] write(CreateCall createCall) throws IOException {
    return createWriter.writeValueAsBytes(createCall);
  }

  Call readCall(byte[] body) throws IOException {
    try (JsonParser parser = mapper.createParser(body)) {
      Call call = callReader.readValue(parser);
      if (call == null) {
        throw new JsonParseException(parser, "expected a call object, got null");
      }
      return call;
    }
  }

  /**
   * Reads a JSON array of calls element by element: no tree of the whole page is built, and a
   * {@code null} element is kept as null for the pager to drop rather than failing the page.
   */
  List<Call> readCalls(byte[] body) throws IOException {
    try (JsonParser parser = mapper.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw new JsonParseException(parser, "expected a JSON array of calls");
      }
      List<Call> calls = new ArrayList<>();
      for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
        if (token == null) {
          throw new JsonParseException(parser, "the array of calls ends before its closing bracket");
        }
        calls.add(token == JsonToken.VALUE_NULL ? null : callReader.readValue(parser));
      }
      if (parser.nextToken() != null) {
        throw new JsonParseException(parser, "content after the array of calls");
      }
      return calls;
    }
  }
}
