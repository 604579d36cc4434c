package com.clarionhealth.benchmarks.contestant;

import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.model.CreateCall;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The least work any client can do: the JDK {@link HttpClient} (HTTP/1.1, one connection) and Jackson 2
 * decoding each page into the generated model classes, walking windows known in advance. No planning, no
 * retries, no deduplication, no error mapping.
 *
 * <p>Two of them. The plain floor ({@code floor}) is Jackson's defaults, a page read as a {@code List<Call>}:
 * what anyone would write. The tuned floor ({@code tuned-floor}) is the same loop with the Jackson fast paths
 * our clients use: {@code USE_FAST_DOUBLE_PARSER} and {@code USE_FAST_BIG_NUMBER_PARSER}, and a page bound with
 * one parser as a {@code Call[]}. Beating the plain floor can then be told apart from merely using Jackson
 * better: against the tuned floor our clients' own work (planning, splitting, error mapping) is what shows.
 */
public final class Floor implements Contestant {
  private static final DateTimeFormatter WIRE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String callsUrl;
  private final ObjectReader pageReader;
  private final ObjectReader callReader;
  private final ObjectWriter createWriter;
  private final boolean tuned;

  /** @param tuned the tuned floor: Jackson's fast number parsers, and each page bound as one {@code Call[]} */
  public Floor(String baseUrl, boolean tuned) {
    this.callsUrl = baseUrl + "/call";
    this.tuned = tuned;
    JsonMapper.Builder builder = JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    if (tuned) {
      // Exactly the two features our clients' mappers enable (core's Jackson2Codec, reactive's Jackson3Codec).
      builder.enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
          .enable(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER);
    }
    JsonMapper mapper = builder.build();
    this.pageReader = tuned ? mapper.readerFor(Call[].class) : mapper.readerFor(new TypeReference<List<Call>>() {});
    this.callReader = mapper.readerFor(Call.class);
    this.createWriter = mapper.writerFor(CreateCall.class);
  }

  @Override
  public String id() {
    return tuned ? Contestants.TUNED_FLOOR : Contestants.FLOOR;
  }

  @Override
  public Tally stream(Workload workload) {
    Tally tally = new Tally();
    for (long[] window : workload.windows()) {
      String query = "?limit=1000&createdAtGe=" + wire(window[0]) + "&createdAtLe=" + wire(window[1]);
      HttpRequest request = HttpRequest.newBuilder(URI.create(callsUrl + query))
          .header("Accept", "application/json")
          .header("Authorization", "Bearer bench")
          .GET()
          .build();
      try {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
          throw new IllegalStateException("GET /call -> " + response.statusCode());
        }
        if (tuned) {
          // One parser over the page's bytes, into an array: what our clients' bindArray does.
          Call[] calls = pageReader.readValue(response.body());
          for (Call call : calls) {
            tally.add(call.getId(), call.getTranscript());
          }
        } else {
          List<Call> calls = pageReader.readValue(response.body());
          for (Call call : calls) {
            tally.add(call.getId(), call.getTranscript());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return tally;
  }

  @Override
  public long create() {
    try {
      byte[] body = createWriter.writeValueAsBytes(Contestants.createCall());
      HttpRequest request = HttpRequest.newBuilder(URI.create(callsUrl))
          .header("Accept", "application/json")
          .header("Content-Type", "application/json")
          .header("Authorization", "Bearer bench")
          .POST(HttpRequest.BodyPublishers.ofByteArray(body))
          .build();
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("POST /call -> " + response.statusCode());
      }
      Call call = callReader.readValue(response.body());
      return call.getId();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String wire(long millis) {
    return WIRE.format(Instant.ofEpochMilli(millis)).replace(":", "%3A");
  }
}
