package com.clarionhealth.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jackson 3, as the reactive client uses it (java.time support is built in). Same strictness as
 * {@link Jackson2Codec}: the models' annotations, not the mapper, make them lenient and null-free.
 */
final class Jackson3Codec implements Codec {

  private final JsonMapper mapper = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .changeDefaultPropertyInclusion(
          incl -> JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS))
      .build();

  @Override
  public <T> T read(String json, Class<T> type) {
    return mapper.readValue(json, type);
  }

  @Override
  public List<Call> readCalls(String json) {
    return mapper.readValue(json, new TypeReference<List<Call>>() {});
  }

  @Override
  public List<Message> readMessages(String json) {
    return mapper.readValue(json, new TypeReference<List<Message>>() {});
  }

  @Override
  public String write(Object value) {
    return mapper.writeValueAsString(value);
  }

  @Override
  public String toString() {
    return "Jackson 3";
  }
}
