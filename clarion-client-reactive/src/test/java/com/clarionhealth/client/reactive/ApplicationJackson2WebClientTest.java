package com.clarionhealth.client.reactive;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.http.codec.CodecConfigurer;
import org.springframework.http.codec.json.Jackson2JsonDecoder;
import org.springframework.http.codec.json.Jackson2JsonEncoder;

/**
 * An application on Jackson 2 (Spring Boot 3): its codecs are Spring's Jackson 2 ones, deprecated in Spring 7
 * but what a Boot 3 application has; where the client then binds with Jackson 2 as well (compat-boot35), its
 * own mapper still is not the application's.
 */
@SuppressWarnings("removal")
class ApplicationJackson2WebClientTest extends ApplicationWebClientCases {
  @Override
  void applicationJson(CodecConfigurer.DefaultCodecs codecs) {
    JsonMapper mapper = JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
        .build();
    codecs.jackson2JsonDecoder(new Jackson2JsonDecoder(mapper));
    codecs.jackson2JsonEncoder(new Jackson2JsonEncoder(mapper));
  }
}
