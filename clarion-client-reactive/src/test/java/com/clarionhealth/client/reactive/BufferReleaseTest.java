package com.clarionhealth.client.reactive;

import static com.clarionhealth.client.reactive.TestSupport.CALLS;
import static com.clarionhealth.client.reactive.TestSupport.TIMEOUT;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.ClarionException;
import com.clarionhealth.client.model.CreateCall;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Every buffer of a response body the client is handed is released exactly once, whatever the answer:
 * a leak grows the application's memory, and a second release of a pooled buffer corrupts another
 * response. An application filter swaps each buffer for an unpooled copy the test owns, so a leak
 * holds one more reference to each, so that once the client is done with a buffer its count must be
 * exactly 1: 2 is a leak, 0 a double release.
 */
class BufferReleaseTest {
  @RegisterExtension
  static WireMockExtension server = TestSupport.server();

  private final List<ByteBuf> handedOut = new CopyOnWriteArrayList<>();
  private ReactiveClarionClient client;

  @BeforeEach
  void clientWithTrackedBuffers() {
    NettyDataBufferFactory unpooled = new NettyDataBufferFactory(UnpooledByteBufAllocator.DEFAULT);
    ExchangeFilterFunction tracking = ExchangeFilterFunction.ofResponseProcessor(response -> Mono.just(
        response.mutate().body(body -> body.map(original -> {
          ByteBuf copy = Unpooled.buffer(original.readableByteCount());
          byte[] bytes = new byte[original.readableByteCount()];
          original.read(bytes);
          copy.writeBytes(bytes);
          DataBufferUtils.release(original);
          handedOut.add(copy.retain()); // the test's own reference
          return (DataBuffer) unpooled.wrap(copy);
        })).build()));
    client = TestSupport.client(server).maxRetries(0).maxCallSize(64 * 1024)
        .webClientBuilder(WebClient.builder().filter(tracking)).build();
  }

  static String sized(String prefix, int bytes, String suffix) {
    return prefix + "z".repeat(bytes) + suffix;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a page|200|application/json|[{\"id\":1},{\"id\":2}]",
      "an HTML page|200|text/html|<html>HTML</html>",
      "a cut page|200|application/json|[{\"id\":1},{\"id\":2,\"transcript\":\"CUT",
      "a call over maxCallSize|200|application/json|[{\"id\":1},{\"id\":2,\"transcript\":\"BIG\"},{\"id\":3}]",
      "an object, not an array|200|application/json|{\"id\":1,\"transcript\":\"PAD\"}",
      "values after the array|200|application/json|[{\"id\":1}] {\"id\":2,\"transcript\":\"PAD\"}",
      "an error|500|text/plain|PAD",
  })
  void everyBufferOfAListAnswerIsReleasedOnce(String what, int status, String contentType, String template) {
    String body = template.replace("HTML", "h".repeat(300_000)).replace("CUT", "c".repeat(200_000))
        .replace("BIG", "b".repeat(200_000)).replace("PAD", "p".repeat(200_000));
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", contentType).withBody(body)));

    try {
      client.calls().list().collectList().block(TIMEOUT);
    } catch (ClarionException expected) {
      // only the buffers matter here
    }

    assertReleasedOnce();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a call|application/json|{\"id\":1,\"transcript\":\"SMALL\"}",
      "an HTML page|text/html|<html>HTML</html>",
      "a call over maxCallSize|application/json|{\"id\":1,\"transcript\":\"BIG\"}",
  })
  void everyBufferOfACreateAnswerIsReleasedOnce(String what, String contentType, String template) {
    String body = template.replace("SMALL", "s".repeat(30_000)).replace("HTML", "h".repeat(300_000))
        .replace("BIG", "b".repeat(200_000));
    server.stubFor(post(CALLS).willReturn(aResponse().withHeader("Content-Type", contentType).withBody(body)));

    try {
      client.calls().create(new CreateCall().assistantId(7L).destinationPhoneNumber("+14155550123")).block(TIMEOUT);
    } catch (ClarionException expected) {
      // only the buffers matter here
    }

    assertReleasedOnce();
  }

  private void assertReleasedOnce() {
    TestSupport.await("the body's buffers to be released", () -> handedOut.stream().allMatch(b -> b.refCnt() <= 1));
    assertThat(handedOut).isNotEmpty().allSatisfy(b -> assertThat(b.refCnt()).as("references left").isEqualTo(1));
  }
}
