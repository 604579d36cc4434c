package com.clarionhealth.client.blocking;

import static com.clarionhealth.client.contract.ContractSupport.CALLS;
import static com.clarionhealth.client.contract.ContractSupport.MAY_HAVE_BEEN_PLACED;
import static com.clarionhealth.client.contract.ContractSupport.createCall;
import static com.clarionhealth.client.contract.ContractSupport.page;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.clarionhealth.client.ClarionTimeoutException;
import com.clarionhealth.client.contract.ClientConfig;
import com.clarionhealth.client.contract.FakeApi;
import com.clarionhealth.client.contract.HeldAnswers;
import com.clarionhealth.client.model.Call;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The request timeout covers the whole exchange, body included: a server that sends its headers and
 * then stalls does not hang the caller (the JDK's own timeout stops at the headers). The server here
 * stalls until the test ends, and the client's timer starts only once it stalls
 * ({@link SettledHttpClient}), so the timeout always fires, and always after the request arrived.
 */
class TimeoutTest {
  @RegisterExtension
  static final FakeApi api = new FakeApi();

  private final HeldAnswers stalled = new HeldAnswers();
  private final StallingServer server = new StallingServer(stalled);

  @AfterEach
  void stop() throws IOException {
    stalled.releaseAll();
    server.close();
  }

  /** A client of the stalling server, its 50 ms timeout started once the body stalls. */
  private ClarionClient.Builder clientOfTheStallingServer(ClientConfig config) {
    return BlockingDriver.builder(config.baseUrl(server.baseUrl()))
        .requestTimeout(Duration.ofMillis(50))
        .httpClient(new SettledHttpClient(java.net.http.HttpClient.newBuilder().build(), stalled));
  }

  @Test
  void aCreateWhoseBodyStallsAfterTheHeadersTimesOutOnceAndMayHaveBeenPlaced() {
    ClarionClient client = clientOfTheStallingServer(api.config()).build();

    ClarionTimeoutException e = catchThrowableOfType(ClarionTimeoutException.class,
        () -> client.calls().create(createCall()));

    assertThat(e.requestSent()).isTrue();
    assertThat(e.callMayHaveBeenPlaced()).isTrue();
    assertThat(e.getMessage()).contains("POST /call").contains(MAY_HAVE_BEEN_PLACED);
    assertThat(server.requests()).containsExactly("POST /v1/call");
    assertThat(api.timeline().waits()).isEmpty();
  }

  @Test
  void aListWhoseBodyStallsTimesOutOnEveryAttempt() {
    ClarionClient once = clientOfTheStallingServer(api.config()).maxRetries(1).build();

    ClarionTimeoutException e = catchThrowableOfType(ClarionTimeoutException.class, () -> once.calls().list());

    assertThat(e.requestSent()).isTrue();
    assertThat(e.callMayHaveBeenPlaced()).isFalse();
    assertThat(server.requests()).containsExactly("GET /v1/call", "GET /v1/call");
    assertThat(api.timeline().waits()).containsExactly(Duration.ofMillis(250));
  }

  @Test
  void aCenturyLongTimeoutIsAccepted() {
    Duration century = Duration.ofDays(36_525);
    ClarionClient patient = BlockingDriver.builder(api.config()).requestTimeout(century).connectTimeout(century).build();
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson(page(3))));

    assertThat(patient.calls().list()).extracting(Call::getId).containsExactly(3L);

    api.verify(1, getRequestedFor(urlEqualTo(CALLS)));
  }

  /**
   * A server that reads each request, sends the headers of a 200 and the first bytes of its body, and
   * then stalls until released: a proxy whose upstream went quiet mid-answer.
   */
  static final class StallingServer implements AutoCloseable {
    private final ServerSocket socket;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final HeldAnswers stalled;

    StallingServer(HeldAnswers stalled) {
      this.stalled = stalled;
      try {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      Thread acceptor = new Thread(this::serve, "stalling-server");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    String baseUrl() {
      return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
    }

    /** The request lines received ("GET /v1/call"), in order. */
    List<String> requests() {
      return List.copyOf(requests);
    }

    private void serve() {
      while (!socket.isClosed()) {
        try {
          Socket connection = socket.accept();
          Thread exchange = new Thread(() -> answer(connection), "stalling-exchange");
          exchange.setDaemon(true);
          exchange.start();
        } catch (IOException closed) {
          return;
        }
      }
    }

    private void answer(Socket connection) {
      try (connection) {
        InputStream in = connection.getInputStream();
        while (true) {
          String head = readHead(in);
          if (head == null) {
            return;
          }
          String requestLine = head.substring(0, head.indexOf("\r\n"));
          in.readNBytes(contentLength(head));
          requests.add(requestLine.substring(0, requestLine.lastIndexOf(' ')));
          String body = requestLine.startsWith("POST") ? "{\"id\":1,\"call_status\":\"queued\"}" : page(1);
          OutputStream out = connection.getOutputStream();
          out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
              + "\r\n\r\n" + body.substring(0, 3)).getBytes(StandardCharsets.US_ASCII));
          out.flush();
          stalled.holdUntilReleased();
          out.write(body.substring(3).getBytes(StandardCharsets.US_ASCII));
          out.flush();
        }
      } catch (IOException gone) {
        // the client gave up on the exchange: what the test wants
      }
    }

    private static String readHead(InputStream in) throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) != -1) {
        head.write(b);
        String text = head.toString(StandardCharsets.US_ASCII);
        if (text.endsWith("\r\n\r\n")) {
          return text;
        }
      }
      return null;
    }

    private static int contentLength(String head) {
      for (String line : head.split("\r\n")) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          return Integer.parseInt(line.substring("content-length:".length()).trim());
        }
      }
      return 0;
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
