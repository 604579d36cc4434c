package com.clarionhealth.benchmarks.server;

import com.clarionhealth.benchmarks.data.CallBodies;
import com.clarionhealth.benchmarks.data.Dataset;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code GET /call} and {@code POST /call} on the JDK's {@link HttpServer}, on loopback, built to stay
 * out of the measurement: the calls are a sorted array searched twice per request, their bodies are
 * pre-serialized bytes copied into the response (only each call's id is written as digits), the response
 * has a fixed length (no chunking), connections are kept alive, and TCP_NODELAY is on.
 *
 * <p>An added latency is a scheduled task, not a sleeping thread: the handler returns at once, and the
 * response is written on the executor when the delay has passed, so concurrent requests wait together.
 * The executor has {@value #THREADS} threads, the most requests any scenario has in flight: a thread is
 * only busy while it writes, and a write waits for its client to read, so fewer threads than concurrent
 * connections could make one client's response wait for another's.
 *
 * <p>It counts requests, tracks how many are in flight (the time-weighted mean), and sums the CPU time of
 * its own threads (the dispatcher, the executor and the scheduler).
 */
public final class CallServer implements AutoCloseable {
  public static final int THREADS = 8;

  static {
    // The JDK server writes the headers and the body separately; with Nagle's algorithm on, a small body then
    // waits for the client's delayed ACK of the headers (40 ms on Linux). Read when the server is first made.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private static final int MAX_LIMIT = 1000;
  private static final int BUFFER = 64 * 1024;
  private static final byte[] ID_PREFIX = "{\"id\":".getBytes(StandardCharsets.US_ASCII);

  /** Which calls a full window returns. */
  public enum Order {
    /** The newest {@code limit} calls, newest first. */
    NEWEST_FIRST("newest-first"),
    /** An arbitrary (random) subset of {@code limit} calls when more match; all of them otherwise. */
    ARBITRARY_SUBSET("arbitrary subset");

    private final String label;

    Order(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private final Dataset data;
  private final CallBodies bodies;
  private final CallBodies created = CallBodies.created();
  private final Order order;
  private final long latencyNanos;
  private final HttpServer server;
  private final ExecutorService executor;
  private final ScheduledExecutorService scheduler;
  private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
  private final AtomicLong gets = new AtomicLong();
  private final AtomicLong posts = new AtomicLong();
  private final AtomicLong createdIds = new AtomicLong(900_000_000L);
  private final AtomicLong fullPages = new AtomicLong();
  private final AtomicLong callsServed = new AtomicLong();
  private final AtomicLong bytesServed = new AtomicLong();
  private final ThreadLocal<byte[]> buffers = ThreadLocal.withInitial(() -> new byte[BUFFER]);
  private final ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
  private volatile java.util.Queue<long[]> log;

  // In-flight accounting, under this lock: the integral of in-flight requests over time.
  private final Object flight = new Object();
  private int inFlight;
  private int maxInFlight;
  private long lastChangeNanos = System.nanoTime();
  private double inFlightNanos;

  /**
   * Serves {@code data} with {@code bodies} on an ephemeral loopback port.
   *
   * @param latency added before every response; zero for none
   */
  public CallServer(Dataset data, CallBodies bodies, Order order, Duration latency) throws IOException {
    this.data = data;
    this.bodies = bodies;
    this.order = order;
    this.latencyNanos = latency.toNanos();
    this.executor = Executors.newFixedThreadPool(THREADS, named("bench-server"));
    this.scheduler = Executors.newSingleThreadScheduledExecutor(named("bench-server-latency"));
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    // The dispatcher thread is the server's own: find it among the threads it started.
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (!before.contains(t) && t.getName().startsWith("HTTP-Dispatcher")) {
        threads.add(t);
      }
    }
    executor.execute(() -> { }); // start a worker so the pool's threads are registered as they come
    scheduler.execute(() -> { });
  }

  private ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread t = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      t.setDaemon(true);
      threads.add(t);
      return t;
    };
  }

  /** The base URL the clients are given: {@code http://127.0.0.1:<port>/v1}. */
  public String baseUrl() {
    return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort()
        + "/v1";
  }

  public Dataset data() {
    return data;
  }

  public long getRequests() {
    return gets.get();
  }

  public long postRequests() {
    return posts.get();
  }

  /** GET responses that held {@code limit} calls: pages a paging client must discard and narrow. */
  public long fullPages() {
    return fullPages.get();
  }

  public long callsServed() {
    return callsServed.get();
  }

  public long bytesServed() {
    return bytesServed.get();
  }

  /** CPU time, in nanoseconds, that the server's threads have used so far. */
  public long cpuNanos() {
    long total = 0;
    for (Thread t : threads) {
      long cpu = threadBean.getThreadCpuTime(t.getId());
      if (cpu > 0) {
        total += cpu;
      }
    }
    return total;
  }

  /** A snapshot of the in-flight accounting, to subtract two of them. */
  public Flight flight() {
    synchronized (flight) {
      long now = System.nanoTime();
      inFlightNanos += (double) inFlight * (now - lastChangeNanos);
      lastChangeNanos = now;
      return new Flight(now, inFlightNanos, maxInFlight);
    }
  }

  /**
   * Starts keeping every {@code GET /call} from now on, each as {@code {geMicros, leMicros, limit, matching,
   * returned}}, for diagnosis; returns the live log.
   */
  public java.util.Queue<long[]> logRequests() {
    java.util.Queue<long[]> requests = new java.util.concurrent.ConcurrentLinkedQueue<>();
    log = requests;
    return requests;
  }

  /** Resets the highest number of requests seen in flight at once. */
  public void resetMaxInFlight() {
    synchronized (flight) {
      maxInFlight = inFlight;
    }
  }

  /** Two snapshots of the in-flight accounting. */
  public static final class Flight {
    private final long atNanos;
    private final double inFlightNanos;
    private final int max;

    Flight(long atNanos, double inFlightNanos, int max) {
      this.atNanos = atNanos;
      this.inFlightNanos = inFlightNanos;
      this.max = max;
    }

    /** The time-weighted mean number of requests in flight between {@code earlier} and this one. */
    public double meanSince(Flight earlier) {
      long span = atNanos - earlier.atNanos;
      return span <= 0 ? 0 : (inFlightNanos - earlier.inFlightNanos) / span;
    }

    public int max() {
      return max;
    }
  }

  private void inFlight(int delta) {
    synchronized (flight) {
      long now = System.nanoTime();
      inFlightNanos += (double) inFlight * (now - lastChangeNanos);
      lastChangeNanos = now;
      inFlight += delta;
      maxInFlight = Math.max(maxInFlight, inFlight);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    scheduler.shutdownNow();
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    if (!path.endsWith("/call")) {
      respondEmpty(exchange, 404);
      return;
    }
    switch (exchange.getRequestMethod()) {
      case "GET":
        list(exchange);
        return;
      case "POST":
        create(exchange);
        return;
      default:
        respondEmpty(exchange, 405);
    }
  }

  private void list(HttpExchange exchange) throws IOException {
    gets.incrementAndGet();
    inFlight(1);
    int limit = 100;
    long ge = Long.MIN_VALUE;
    long le = Long.MAX_VALUE;
    try {
      String query = exchange.getRequestURI().getRawQuery();
      if (query != null) {
        for (String pair : query.split("&")) {
          int eq = pair.indexOf('=');
          String name = eq < 0 ? pair : pair.substring(0, eq);
          String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
          switch (name) {
            case "limit":
              limit = Integer.parseInt(value);
              break;
            case "createdAtGe":
              ge = micros(value);
              break;
            case "createdAtLe":
              le = micros(value);
              break;
            default:
              break;
          }
        }
      }
      if (limit < 1 || limit > MAX_LIMIT) {
        throw new IllegalArgumentException("limit");
      }
    } catch (IllegalArgumentException | DateTimeParseException e) {
      inFlight(-1);
      respondEmpty(exchange, 400);
      return;
    }
    int[] range = data.window(ge, le);
    int[] selected = select(range[0], range[1], limit);
    java.util.Queue<long[]> requests = log;
    if (requests != null) {
      requests.add(new long[] {ge, le, limit, range[1] - range[0], selected.length});
    }
    if (selected.length == limit) {
      fullPages.incrementAndGet();
    }
    if (latencyNanos > 0) {
      scheduler.schedule(() -> executor.execute(() -> writeList(exchange, selected)), latencyNanos,
          TimeUnit.NANOSECONDS);
    } else {
      writeList(exchange, selected);
    }
  }

  /** The indexes of the calls to return for a window of calls {@code [from, to)}. */
  int[] select(int from, int to, int limit) {
    int count = to - from;
    int n = Math.min(count, limit);
    int[] selected = new int[n];
    if (order == Order.NEWEST_FIRST || count <= limit) {
      for (int i = 0; i < n; i++) {
        selected[i] = to - 1 - i;
      }
      return selected;
    }
    // Floyd's algorithm: a uniformly random subset of n of the count, in O(n).
    Random random = new Random(((long) from << 32) ^ to);
    java.util.HashSet<Integer> chosen = new java.util.HashSet<>(n * 2);
    for (int j = count - n; j < count; j++) {
      int t = random.nextInt(j + 1);
      chosen.add(chosen.contains(t) ? j : t);
    }
    int i = 0;
    for (int offset : chosen) {
      selected[i++] = from + offset;
    }
    return selected;
  }

  private void writeList(HttpExchange exchange, int[] selected) {
    try {
      long length = 2 + Math.max(0, selected.length - 1);
      for (int index : selected) {
        length += ID_PREFIX.length + digits(data.id(index)) + bodies.body(data.body(index)).length;
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, length);
      // Counted now, not after the last write: the client may have read the whole body, and its stream ended,
      // before this thread returns from close(), and the stream's figures would then miss its last page.
      callsServed.addAndGet(selected.length);
      bytesServed.addAndGet(length);
      byte[] buffer = buffers.get();
      int at = 0;
      try (OutputStream out = exchange.getResponseBody()) {
        buffer[at++] = '[';
        for (int i = 0; i < selected.length; i++) {
          if (BUFFER - at < 32) {
            out.write(buffer, 0, at);
            at = 0;
          }
          if (i > 0) {
            buffer[at++] = ',';
          }
          System.arraycopy(ID_PREFIX, 0, buffer, at, ID_PREFIX.length);
          at += ID_PREFIX.length;
          at = writeDigits(data.id(selected[i]), buffer, at);
          byte[] body = bodies.body(data.body(selected[i]));
          int done = 0;
          while (done < body.length) {
            if (at == BUFFER) {
              out.write(buffer, 0, at);
              at = 0;
            }
            int n = Math.min(body.length - done, BUFFER - at);
            System.arraycopy(body, done, buffer, at, n);
            at += n;
            done += n;
          }
        }
        if (at == BUFFER) {
          out.write(buffer, 0, at);
          at = 0;
        }
        buffer[at++] = ']';
        out.write(buffer, 0, at);
      }
    } catch (IOException e) {
      exchange.close(); // the client went away (a cancelled stream): nothing to do
    } catch (RuntimeException e) {
      // A bug of the harness, not the client's: say so, and answer at once rather than let the client wait for
      // its timeout (an exception on the executor would otherwise vanish and the response never come).
      System.err.println("CallServer could not answer: " + e);
      try {
        respondEmpty(exchange, 500);
      } catch (IOException | RuntimeException ignored) {
        exchange.close();
      }
    } finally {
      inFlight(-1);
    }
  }

  private void create(HttpExchange exchange) throws IOException {
    posts.incrementAndGet();
    try (InputStream in = exchange.getRequestBody()) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    long id = createdIds.incrementAndGet();
    byte[] body = created.body(0);
    byte[] response = new byte[ID_PREFIX.length + digits(id) + body.length];
    System.arraycopy(ID_PREFIX, 0, response, 0, ID_PREFIX.length);
    int at = writeDigits(id, response, ID_PREFIX.length);
    System.arraycopy(body, 0, response, at, body.length);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, response.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(response);
    }
  }

  private static void respondEmpty(HttpExchange exchange, int status) throws IOException {
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  /** An instant of the query, as microseconds since the epoch: any ISO-8601 offset date-time. */
  static long micros(String value) {
    OffsetDateTime t = OffsetDateTime.parse(value);
    return Math.addExact(Math.multiplyExact(t.toEpochSecond(), 1_000_000L), t.getNano() / 1000);
  }

  static int digits(long value) {
    int n = 1;
    while (value >= 10) {
      value /= 10;
      n++;
    }
    return n;
  }

  private static int writeDigits(long value, byte[] buffer, int at) {
    int n = digits(value);
    for (int i = at + n - 1; i >= at; i--) {
      buffer[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    return at + n;
  }

  /** The ids a window returns, for tests. */
  List<Long> idsOf(int[] selected) {
    List<Long> ids = new ArrayList<>(selected.length);
    for (int index : selected) {
      ids.add(data.id(index));
    }
    return ids;
  }
}
