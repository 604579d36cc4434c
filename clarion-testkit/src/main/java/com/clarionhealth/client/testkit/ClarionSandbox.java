package com.clarionhealth.client.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static java.util.Objects.requireNonNull;

import com.clarionhealth.client.model.Call;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A faithful fake of the Clarion calls API for tests: an in-process WireMock server on a loopback port,
 * serving a stateful, in-memory {@code POST /call} and {@code GET /call} under {@link #baseUrl()}. Nothing it
 * does rings a phone.
 *
 * <pre>{@code
 * try (ClarionSandbox sandbox = ClarionSandbox.start()) {
 *   ClarionClient client = ClarionClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).build();
 *   Call call = client.calls().create(new CreateCall().assistantId(7L).destinationPhoneNumber("+14155550123"));
 *   sandbox.clock().advance(Duration.ofMinutes(10));   // the call rings, is answered, ends
 * }
 * }</pre>
 *
 * <ul>
 *   <li><b>Authentication.</b> Every request needs {@code Authorization: Bearer <apiKey()>}; otherwise 401.
 *   <li><b>{@code POST /call}</b> validates the body as the spec says: a JSON object, else 400; a wrong type
 *       (e.g. {@code assistant_id} not an integer, {@code task_parameters} not an object) is 400; a missing
 *       {@code assistant_id} or {@code destination_phone_number}, a destination that is not E.164 or a
 *       {@code name} over 50 characters is 422 (the spec's "well-formed but fails validation"). The body of
 *       an error is {@code {"message": "...", "fields": ["assistant_id", ...]}}. A valid request creates a
 *       call with the next id and the {@linkplain #clock() sandbox clock}'s instant as creation time, and is
 *       answered 200 with the call ({@code queued}).
 *   <li><b>Lifecycle.</b> Calls move on as the clock does: {@code ringing} 2 s after creation, {@code
 *       in-progress} after 10 s when answered, {@code ended} after a conversation of 30 s to 6 min (an
 *       escalated call is {@code forwarding} for its last 15 s; about 12% are never answered and end after
 *       ringing, {@code declined}). Ended calls have {@code started_at}, {@code ended_at}, {@code duration_ms},
 *       a transcript, messages of all five roles, an analysis, a summary, an outcome and, for about a third,
 *       a failure reason. All of it is derived from the call's id, creation time and seed when served.
 *   <li><b>{@code GET /call}</b> takes {@code limit} (1 to 1000, default 100; anything else is 400) and the
 *       inclusive bounds {@code createdAtGe} and {@code createdAtLe} (ISO-8601 date-times with an offset or
 *       {@code Z}; anything else is 400), and answers from an index of creation times in microseconds, in
 *       {@code O(log n + limit)}: a query over a million calls is as cheap as one over ten. Which calls a full
 *       page holds and their order are configurable ({@link #listOrder(ListOrder)}, {@link
 *       #listSelection(ListSelection)}).
 *   <li><b>Faults</b> on demand, by method and share: {@link #addFault(FaultRule)}.
 *   <li><b>Recorded requests</b>: {@link #requests()}, {@link #callsCreated()}.
 * </ul>
 *
 * <p>Deterministic: given the same seed, the same calls to this API and the same requests in the same order,
 * the sandbox gives the same answers, byte for byte. Thread-safe. {@link #reset()} returns it to its
 * started state between tests; {@link #close()} stops the server.
 */
public final class ClarionSandbox implements AutoCloseable {
  /** The API key the sandbox accepts unless {@link Builder#apiKey(String)} says otherwise. */
  public static final String DEFAULT_API_KEY = "clarion-sandbox-key";
  /** Where the sandbox clock starts unless {@link Builder#clockStart(Instant)} says otherwise. */
  public static final Instant DEFAULT_CLOCK_START = Instant.parse("2026-03-02T09:00:00Z");
  /** The seed unless {@link Builder#seed(long)} says otherwise. */
  public static final long DEFAULT_SEED = 20260302L;
  /** How long after creation a call starts ringing. */
  public static final Duration RINGING_AFTER = Duration.ofSeconds(2);
  /** How long after creation an answered call is in progress. */
  public static final Duration IN_PROGRESS_AFTER = Duration.ofSeconds(10);
  /** Long enough for every call to have ended: creation, 10 s, at most 6 min of conversation. */
  public static final Duration LONGEST_CALL = Duration.ofMinutes(7);

  private final Builder config;
  private final SandboxClock clock;
  private final CallStore store;
  private final FaultPlan faults;
  private final CallWriter writer;
  private final SandboxApi api;
  private final WireMockServer server;
  private final String baseUrl;
  private final ObjectReader callReader = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
      .build()
      .readerFor(Call.class);

  private ClarionSandbox(Builder config) {
    this.config = config.copy();
    this.clock = new SandboxClock(config.clockStart);
    this.store = new CallStore(config.seed);
    this.faults = new FaultPlan(config.seed);
    this.writer = new CallWriter(config.conversations, config.unpublishedValues);
    this.api = new SandboxApi(config.apiKey, config.seed, clock, store, faults, writer, config.listOrder,
        config.listSelection, config.recordResponses);
    WireMockConfiguration options = wireMockConfig()
        .bindAddress("127.0.0.1")
        .port(config.port)
        // HTTP/1.1 only, so that a reset or a broken chunk is what a client meets on a real connection.
        .http2PlainDisabled(true)
        .disableRequestJournal()
        .stubRequestLoggingDisabled(true)
        .notifier(new QuietNotifier())
        // Never the user's src/test/resources/mappings: only the sandbox's own stub.
        .mappingSource(new NoMappings())
        .extensionScanningEnabled(false)
        .asynchronousResponseEnabled(true)
        .asynchronousResponseThreads(4)
        .extensions(api);
    WireMockServer wireMock = new WireMockServer(options);
    wireMock.start();
    try {
      wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(SandboxApi.NAME)));
    } catch (RuntimeException e) {
      wireMock.stop();
      throw e;
    }
    this.server = wireMock;
    this.baseUrl = "http://127.0.0.1:" + wireMock.port() + "/v1";
  }

  /** Starts a sandbox with the defaults: a dynamic port, {@link #DEFAULT_API_KEY}, {@link #DEFAULT_SEED}. */
  public static ClarionSandbox start() {
    return builder().start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The base URL to give a client: {@code http://127.0.0.1:<port>/v1} (the clients allow plain http on
   * loopback hosts only). The API is at {@code <baseUrl>/call}, as in production.
   */
  public String baseUrl() {
    return baseUrl;
  }

  /** The one API key the sandbox accepts. */
  public String apiKey() {
    return config.apiKey;
  }

  public int port() {
    return server.port();
  }

  public long seed() {
    return config.seed;
  }

  /** The sandbox's clock: it stands still until the test moves it. */
  public SandboxClock clock() {
    return clock;
  }

  /**
   * Adds {@code n} calls created within [{@code from}, {@code to}] (both inclusive, to the microsecond), spread
   * by {@code distribution}, with consecutive new ids in order of creation. Everything about them derives from
   * {@code seed}: the same arguments give the same calls in every run. Their status follows the clock: calls
   * created more than {@link #LONGEST_CALL} before the clock's instant have ended; calls closer to it (or
   * after it) are in progress, ringing or queued.
   *
   * <p>Cheap: about 24 bytes of memory per call, nothing of a call's content is stored. A million calls take
   * well under a second.
   *
   * @return the id of the first call added; the others follow it ({@code first + n - 1} is the last)
   * @throws IllegalArgumentException if {@code n} is negative, {@code from} is after {@code to}, or
   *     {@link Distribution#BUSINESS_HOURS} finds no business hours in the range
   */
  public long seed(int n, Instant from, Instant to, Distribution distribution, long seed) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative, was " + n);
    }
    requireNonNull(from, "from == null");
    requireNonNull(to, "to == null");
    requireNonNull(distribution, "distribution == null");
    long[] times = Seeder.creationTimes(n, from, to, distribution, seed);
    return store.addSeeded(times, seed).firstId;
  }

  /** {@link #seed(int, Instant, Instant, Distribution, long)} with the sandbox's own {@link #seed()}. */
  public long seed(int n, Instant from, Instant to, Distribution distribution) {
    return seed(n, from, to, distribution, config.seed);
  }

  /**
   * Adds a fault rule, after those already in force. See {@link FaultRule} for which requests it answers and
   * what it means for {@code POST /call}.
   *
   * @throws IllegalArgumentException if the shares of the rules of a method would add up to more than 1
   */
  public ClarionSandbox addFault(FaultRule rule) {
    faults.add(requireNonNull(rule, "rule == null"));
    return this;
  }

  /** The fault rules in force, in the order added. */
  public List<FaultRule> faults() {
    return faults.rules();
  }

  /** Removes every fault rule, and restarts their draws. */
  public ClarionSandbox clearFaults() {
    faults.clear();
    return this;
  }

  /** The order of {@code GET /call} from now on (until {@link #reset()}). */
  public ClarionSandbox listOrder(ListOrder order) {
    api.order(requireNonNull(order, "order == null"));
    return this;
  }

  /** Which calls a full {@code GET /call} page holds, from now on (until {@link #reset()}). */
  public ClarionSandbox listSelection(ListSelection selection) {
    api.selection(requireNonNull(selection, "selection == null"));
    return this;
  }

  /** Every request received since the start or the last {@link #reset()}, in the order received. */
  public List<RecordedRequest> requests() {
    return api.recorded();
  }

  /**
   * How many calls {@code POST /call} requests created since the start or the last {@link #reset()}:
   * successful ones and those that created their call and then failed ({@link FaultRule#callCreated()}).
   * This is the number of phones a real server would have rung. Seeded calls are not counted.
   */
  public long callsCreated() {
    return api.callsCreated();
  }

  /** How many calls the sandbox holds, seeded and created. */
  public long callCount() {
    return store.size();
  }

  /** How many calls were created within [{@code createdAtGe}, {@code createdAtLe}], both inclusive. */
  public long countCalls(Instant createdAtGe, Instant createdAtLe) {
    return store.count(Micros.ceil(requireNonNull(createdAtGe, "createdAtGe == null")),
        Micros.floor(requireNonNull(createdAtLe, "createdAtLe == null")));
  }

  /**
   * When a call was created, to the microsecond: finer than anything the API shows (a {@code Call} has no
   * creation time), for assertions about time windows.
   */
  public Optional<Instant> createdAt(long id) {
    return store.find(id).map(ref -> Micros.toInstant(ref.createdMicros));
  }

  /** The call as {@code GET /call} would show it now. */
  public Optional<Call> call(long id) {
    return store.find(id).map(ref -> {
      try {
        return callReader.<Call>readValue(writer.one(ref, clock.micros()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /**
   * How many stored calls {@code GET /call} requests looked at since the start or the last {@link #reset()}:
   * the entries of the index its binary searches probed, plus the calls it returned. The measure of the
   * index's work: a window query costs about {@code 2 log2(n) + limit}, however many calls match or are stored.
   */
  public long callsExamined() {
    return store.examined();
  }

  /**
   * Back to the state just after {@link #start()}: no calls, ids from 1 again, the clock at its start, no
   * faults, no recorded requests, the configured list order and selection. The server keeps its port.
   */
  public void reset() {
    store.clear();
    faults.clear();
    clock.resetTo(config.clockStart);
    api.reset();
  }

  /** Stops the server. */
  @Override
  public void close() {
    server.stop();
  }

  @Override
  public String toString() {
    return "ClarionSandbox{baseUrl=" + baseUrl + ", calls=" + store.size() + ", clock=" + clock.instant() + '}';
  }

  /** Configures and starts a {@link ClarionSandbox}. Reusable: each {@link #start()} starts a new one. */
  public static final class Builder {
    private String apiKey = DEFAULT_API_KEY;
    private int port;
    private long seed = DEFAULT_SEED;
    private Instant clockStart = DEFAULT_CLOCK_START;
    private ListOrder listOrder = ListOrder.NEWEST_FIRST;
    private ListSelection listSelection = ListSelection.FIRST;
    private boolean conversations = true;
    private boolean recordResponses;
    private boolean unpublishedValues;

    private Builder() {}

    private Builder copy() {
      Builder copy = new Builder();
      copy.apiKey = apiKey;
      copy.port = port;
      copy.seed = seed;
      copy.clockStart = clockStart;
      copy.listOrder = listOrder;
      copy.listSelection = listSelection;
      copy.conversations = conversations;
      copy.recordResponses = recordResponses;
      copy.unpublishedValues = unpublishedValues;
      return copy;
    }

    /** The one API key the sandbox accepts. Default: {@link #DEFAULT_API_KEY}. */
    public Builder apiKey(String apiKey) {
      requireNonNull(apiKey, "apiKey == null");
      if (apiKey.isEmpty() || apiKey.chars().anyMatch(c -> c <= ' ' || c >= 127)) {
        throw new IllegalArgumentException("apiKey must be non-empty printable ASCII without spaces");
      }
      this.apiKey = apiKey;
      return this;
    }

    /** The port on 127.0.0.1. Default: 0, a free port chosen when started. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be within 0..65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * The seed of everything random: the content of created calls, the faults' draws, random list orders and
     * selections, and seeding when no other seed is given. Default: {@link #DEFAULT_SEED}.
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Where the sandbox clock starts, and returns to on reset. Default: {@link #DEFAULT_CLOCK_START}. */
    public Builder clockStart(Instant clockStart) {
      this.clockStart = requireNonNull(clockStart, "clockStart == null");
      return this;
    }

    /** The order of {@code GET /call}. Default: {@link ListOrder#NEWEST_FIRST}. */
    public Builder listOrder(ListOrder listOrder) {
      this.listOrder = requireNonNull(listOrder, "listOrder == null");
      return this;
    }

    /** Which calls a full {@code GET /call} page holds. Default: {@link ListSelection#FIRST}. */
    public Builder listSelection(ListSelection listSelection) {
      this.listSelection = requireNonNull(listSelection, "listSelection == null");
      return this;
    }

    /**
     * Whether calls carry their conversation ({@code messages} and {@code transcript}), the bulk of a call's
     * JSON. Default: true. Off, pages are about six times smaller, for tests that stream many thousands of
     * calls and look at ids only.
     */
    public Builder conversations(boolean conversations) {
      this.conversations = conversations;
      return this;
    }

    /**
     * Whether {@link RecordedRequest#responseBody()} keeps each answer's body, for checking the sandbox's
     * answers (against the spec, say). Default: false, since a streaming test's pages add up to a lot.
     */
    public Builder recordResponses(boolean recordResponses) {
      this.recordResponses = recordResponses;
      return this;
    }

    /**
     * Whether about one ended call in four shows values Clarion has not published: {@code call_status}
     * {@code "np_voicemail"}, {@code failure_reason} {@code "np_no-answer"}, fields the spec does not declare on
     * the call ({@code np_cost}, {@code np_sentiment_score}, a nested {@code np_billing}, an explicit null
     * {@code np_recording_url}), its analysis, its user messages, its tool calls and their functions, and a
     * message of the unknown role {@code "np_narrator"} with a field of its own. For testing that code keeps
     * working when Clarion adds values without notice. Such answers are, on purpose, not valid against the
     * published spec. Default: false.
     *
     * <p>Every such value and field name starts with {@code np_} ("never published"), a prefix Clarion will
     * never use: a realistic name ({@code voicemail}, {@code cost}) could be published one day, and from then on
     * be a known value, not an unknown one. Give your own test data for unknown values the same prefix.
     */
    public Builder unpublishedValues(boolean unpublishedValues) {
      this.unpublishedValues = unpublishedValues;
      return this;
    }

    /** Starts a new sandbox with this configuration. */
    public ClarionSandbox start() {
      return new ClarionSandbox(this);
    }

    @Override
    public String toString() {
      return "ClarionSandbox.Builder{port=" + port + ", seed=" + seed + ", clockStart=" + clockStart
          + ", listOrder=" + listOrder + ", listSelection=" + listSelection + '}';
    }
  }

  /** No stub files: the sandbox's one stub is added in code. */
  private static final class NoMappings implements MappingsSource {
    @Override
    public void loadMappingsInto(StubMappings stubMappings) {}

    @Override
    public void save(List<StubMapping> stubMappings) {}

    @Override
    public void save(StubMapping stubMapping) {}

    @Override
    @SuppressWarnings("removal") // abstract in MappingsSaver, so it must be implemented while it exists
    public void remove(StubMapping stubMapping) {}

    @Override
    public void removeAll() {}
  }

  /** WireMock's messages go to {@link System.Logger}: errors at WARNING, the rest at DEBUG. */
  private static final class QuietNotifier implements Notifier {
    private static final System.Logger LOG = System.getLogger(ClarionSandbox.class.getName());

    @Override
    public void info(String message) {
      LOG.log(System.Logger.Level.DEBUG, message);
    }

    @Override
    public void error(String message) {
      LOG.log(System.Logger.Level.WARNING, message);
    }

    @Override
    public void error(String message, Throwable t) {
      LOG.log(System.Logger.Level.WARNING, message, t);
    }
  }
}
