package com.clarionhealth.client.reactive;

import org.springframework.http.codec.CodecConfigurer;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** An application on Jackson 3 (Spring Boot 4): its codecs are Spring 7's Jackson 3 ones. */
class ApplicationWebClientTest extends ApplicationWebClientCases {
  @Override
  void applicationJson(CodecConfigurer.DefaultCodecs codecs) {
    JsonMapper mapper = JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
        .build();
    codecs.jacksonJsonDecoder(new JacksonJsonDecoder(mapper));
    codecs.jacksonJsonEncoder(new JacksonJsonEncoder(mapper));
  }
}
