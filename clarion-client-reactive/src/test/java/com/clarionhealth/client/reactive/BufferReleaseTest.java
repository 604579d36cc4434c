package com.clarionhealth.client.reactive;

import static com.clarionhealth.client.contract.ContractSupport.CALLS;
import static com.clarionhealth.client.contract.ContractSupport.TIMEOUT;
import static com.clarionhealth.client.contract.ContractSupport.createCall;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import com.clarionhealth.client.ClarionException;
import com.clarionhealth.client.contract.ContractSupport;
import com.clarionhealth.client.contract.FakeApi;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.List;
import java.util.concurrent.Callable;
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
  static final FakeApi server = new FakeApi();

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

  /**
   * What the client must make of an answer: {@code ok:N}, success with N (the number of calls listed,
   * or the id of the call created), or the simple name of the exception it must throw. A row that should succeed must
   * succeed: buffers released on a failure the client should not have had would prove little.
   */
  private static void assertOutcome(String expected, Callable<Object> exchange) {
    if (expected.startsWith("ok:")) {
      Object result = assertDoesNotThrow(exchange::call);
      assertThat(result).isEqualTo(Long.parseLong(expected.substring("ok:".length())));
    } else {
      assertThatThrownBy(exchange::call).isInstanceOf(ClarionException.class)
          .satisfies(e -> assertThat(e.getClass().getSimpleName()).isEqualTo(expected));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a page|200|application/json|[{\"id\":1},{\"id\":2}]|ok:2",
      "an HTML page|200|text/html|<html>HTML</html>|ClarionDecodingException",
      "a cut page|200|application/json|[{\"id\":1},{\"id\":2,\"transcript\":\"CUT|ClarionDecodingException",
      "a call over maxCallSize|200|application/json|[{\"id\":1},{\"id\":2,\"transcript\":\"BIG\"},{\"id\":3}]|ClarionDecodingException",
      "an object, not an array|200|application/json|{\"id\":1,\"transcript\":\"PAD\"}|ClarionDecodingException",
      "values after the array|200|application/json|[{\"id\":1}] {\"id\":2,\"transcript\":\"PAD\"}|ClarionDecodingException",
      "an error|500|text/plain|PAD|InternalServerException",
  })
  void everyBufferOfAListAnswerIsReleasedOnce(String what, int status, String contentType, String template,
      String expected) {
    String body = template.replace("HTML", "h".repeat(300_000)).replace("CUT", "c".repeat(200_000))
        .replace("BIG", "b".repeat(200_000)).replace("PAD", "p".repeat(200_000));
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", contentType).withBody(body)));

    assertOutcome(expected, () -> (long) client.calls().list().collectList().block(TIMEOUT).size());

    assertReleasedOnce();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a call|application/json|{\"id\":1,\"transcript\":\"SMALL\"}|ok:1",
      "an HTML page|text/html|<html>HTML</html>|ClarionDecodingException",
      "a call over maxCallSize|application/json|{\"id\":1,\"transcript\":\"BIG\"}|ClarionDecodingException",
  })
  void everyBufferOfACreateAnswerIsReleasedOnce(String what, String contentType, String template, String expected) {
    String body = template.replace("SMALL", "s".repeat(30_000)).replace("HTML", "h".repeat(300_000))
        .replace("BIG", "b".repeat(200_000));
    server.stubFor(post(CALLS).willReturn(aResponse().withHeader("Content-Type", contentType).withBody(body)));

    assertOutcome(expected, () -> client.calls().create(createCall()).block(TIMEOUT).getId());

    assertReleasedOnce();
  }

  private void assertReleasedOnce() {
    ContractSupport.await("the body's buffers to be released", () -> handedOut.stream().allMatch(b -> b.refCnt() <= 1));
    assertThat(handedOut).isNotEmpty().allSatisfy(b -> assertThat(b.refCnt()).as("references left").isEqualTo(1));
  }
}
