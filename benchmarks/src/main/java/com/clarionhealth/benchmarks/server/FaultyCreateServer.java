package com.clarionhealth.benchmarks.server;

import com.clarionhealth.benchmarks.data.CallBodies;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code POST /call} that fails in every way a create can fail, for the create-load scenario: every
 * {@value #FAULT_EVERY}th request (5%) gets one of the {@link Fault}s, taking turns (1% each), so the
 * faults are spread evenly over the run and each kind comes as often as the others.
 *
 * <p>It is HTTP/1.1 written on plain sockets, not the JDK server of {@link CallServer}: a connection reset
 * needs the socket itself (linger 0, then close, sends a TCP RST), and an answer that never comes needs a
 * connection held open with nothing written, neither of which {@code com.sun.net.httpserver} allows. A
 * thread per connection: creates are small, and the callers are at most a few dozen.
 *
 * <p>It records every creation by the request's {@code name}: a name created twice is a duplicate, a call
 * placed twice for one caller request. It also records which fault each attempt got, by name, so that
 * what a caller saw can be matched with what the server did.
 */
public final class FaultyCreateServer implements AutoCloseable {
  /** One request in this many is answered with a fault. */
  public static final int FAULT_EVERY = 20;

  /** The ways a create fails, and whether the call was created before it failed. */
  public enum Fault {
    /** 503 before creating: not created. */
    UNAVAILABLE_BEFORE_CREATING("503 before creating", false),
    /** Created, then 503. */
    UNAVAILABLE_AFTER_CREATING("503 after creating", true),
    /** Created, then the connection is reset (TCP RST) instead of an answer. */
    RESET_AFTER_CREATING("connection reset after creating", true),
    /** Created, then no answer at all on a connection held open: the client's request timeout fires. */
    NO_ANSWER_AFTER_CREATING("no answer after creating (client timeout)", true),
    /** 429 with {@code Retry-After: 0}: not created, and the client may send it again. */
    RATE_LIMITED("429, Retry-After: 0", false);

    private final String label;
    private final boolean created;

    Fault(String label, boolean created) {
      this.label = label;
      this.created = created;
    }

    public String label() {
      return label;
    }

    /** Whether the server created the call before failing this way. */
    public boolean created() {
      return created;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] ID_PREFIX = "{\"id\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] UNAVAILABLE = "{\"message\":\"Service Unavailable\"}".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] RATE_LIMIT = "{\"message\":\"Too Many Requests\"}".getBytes(StandardCharsets.US_ASCII);

  private final ServerSocket listener;
  private final byte[] createdBody = CallBodies.created().body(0);
  private final AtomicLong posts = new AtomicLong();
  private final AtomicLong ids = new AtomicLong(900_000_000L);
  private final Map<String, AtomicInteger> creations = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
  private final Map<String, List<Fault>> faultsByName = new ConcurrentHashMap<>();
  private final Map<Fault, AtomicInteger> faults = new EnumMap<>(Fault.class);
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
  private volatile boolean closed;

  private final String exempt;
  private final AtomicLong exemptPosts = new AtomicLong();

  /** @param exempt requests whose name starts with this are never failed nor counted (a client's warm-up) */
  public FaultyCreateServer(String exempt) throws IOException {
    this.exempt = exempt;
    for (Fault f : Fault.values()) {
      faults.put(f, new AtomicInteger());
    }
    listener = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "faulty-server-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** {@code http://127.0.0.1:<port>/v1}. */
  public String baseUrl() {
    return "http://" + listener.getInetAddress().getHostAddress() + ":" + listener.getLocalPort() + "/v1";
  }

  /** Every {@code POST /call} received, faulted or not, but the exempt ones. */
  public long posts() {
    return posts.get();
  }

  /** How many {@code POST /call} came with this {@code name} (retries included). */
  public int attempts(String name) {
    AtomicInteger n = attempts.get(name);
    return n == null ? 0 : n.get();
  }

  /** Calls created, duplicates included. */
  public long created() {
    long total = 0;
    for (AtomicInteger n : creations.values()) {
      total += n.get();
    }
    return total;
  }

  /** How many times the call of this {@code name} was created: 0, 1, or a duplicate. */
  public int creations(String name) {
    AtomicInteger n = creations.get(name);
    return n == null ? 0 : n.get();
  }

  /** Names created more than once (exempt ones are not recorded). */
  public List<String> duplicates() {
    List<String> names = new ArrayList<>();
    creations.forEach((name, n) -> {
      if (n.get() > 1) {
        names.add(name);
      }
    });
    return names;
  }

  /** The faults the attempts for this {@code name} got, in order (empty when none did). */
  public List<Fault> faults(String name) {
    return faultsByName.getOrDefault(name, List.of());
  }

  /** Faults injected, by kind. */
  public Map<Fault, Integer> faultCounts() {
    Map<Fault, Integer> counts = new EnumMap<>(Fault.class);
    faults.forEach((f, n) -> counts.put(f, n.get()));
    return counts;
  }

  /** Requests the server could not make sense of (none expected). */
  public List<String> problems() {
    return new ArrayList<>(problems);
  }

  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException e) {
      // closing anyway
    }
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }

  private void accept() {
    while (!closed) {
      try {
        Socket socket = listener.accept();
        socket.setTcpNoDelay(true);
        open.add(socket);
        Thread t = new Thread(() -> serve(socket), "faulty-server-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        if (!closed) {
          problems.add("accept: " + e);
        }
      }
    }
  }

  /** One connection: requests one after the other (keep-alive) until the client closes it or a fault ends it. */
  private void serve(Socket socket) {
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      while (!closed) {
        Request request = Request.read(in);
        if (request == null) {
          return; // the client closed the connection
        }
        if (!request.method.equals("POST") || !request.path.endsWith("/call")) {
          respond(out, 404, "Not Found", new byte[0], "");
          continue;
        }
        if (!answer(socket, out, request)) {
          return;
        }
      }
    } catch (IOException e) {
      // the client went away (for instance after its timeout): nothing to answer
    } finally {
      open.remove(socket);
    }
  }

  /** Answers one create; false when the connection must end (a reset or a held answer). */
  private boolean answer(Socket socket, OutputStream out, Request request) throws IOException {
    String name;
    try {
      JsonNode body = JSON.readTree(request.body);
      name = body.path("name").asText("");
    } catch (IOException e) {
      problems.add("unreadable body: " + e.getMessage());
      respond(out, 400, "Bad Request", new byte[0], "");
      return true;
    }
    if (name.isEmpty()) {
      problems.add("a create without a name");
    }
    boolean exempted = name.startsWith(exempt);
    long n = exempted ? exemptPosts.incrementAndGet() : posts.incrementAndGet();
    if (!exempted) {
      attempts.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
    }
    // Every FAULT_EVERY-th request is faulted, the kinds taking turns: evenly spread, 1% each.
    Fault fault = exempted || n % FAULT_EVERY != 0 ? null
        : Fault.values()[(int) ((n / FAULT_EVERY) % Fault.values().length)];
    if (fault != null) {
      faults.get(fault).incrementAndGet();
      faultsByName.computeIfAbsent(name, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(fault);
    }
    if (exempted) {
      // answered below, never recorded
    } else if (fault == null || fault.created()) {
      creations.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
    }
    if (fault == null) {
      long id = ids.incrementAndGet();
      byte[] digits = Long.toString(id).getBytes(StandardCharsets.US_ASCII);
      byte[] response = new byte[ID_PREFIX.length + digits.length + createdBody.length];
      System.arraycopy(ID_PREFIX, 0, response, 0, ID_PREFIX.length);
      System.arraycopy(digits, 0, response, ID_PREFIX.length, digits.length);
      System.arraycopy(createdBody, 0, response, ID_PREFIX.length + digits.length, createdBody.length);
      respond(out, 200, "OK", response, "");
      return true;
    }
    switch (fault) {
      case UNAVAILABLE_BEFORE_CREATING:
      case UNAVAILABLE_AFTER_CREATING:
        respond(out, 503, "Service Unavailable", UNAVAILABLE, "");
        return true;
      case RATE_LIMITED:
        respond(out, 429, "Too Many Requests", RATE_LIMIT, "Retry-After: 0\r\n");
        return true;
      case RESET_AFTER_CREATING:
        socket.setSoLinger(true, 0); // close() then sends a RST, not a FIN
        socket.close();
        return false;
      default:
        // NO_ANSWER_AFTER_CREATING: nothing is written; wait until the client gives up and closes.
        InputStream in = socket.getInputStream();
        while (!closed && in.read() >= 0) {
          // a client that sent more on this connection gets no answer either
        }
        return false;
    }
  }

  private static void respond(OutputStream out, int status, String reason, byte[] body, String extraHeaders)
      throws IOException {
    String head = "HTTP/1.1 " + status + " " + reason + "\r\n"
        + "Content-Type: application/json\r\n"
        + "Content-Length: " + body.length + "\r\n"
        + extraHeaders
        + "\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, all, 0, headBytes.length);
    System.arraycopy(body, 0, all, headBytes.length, body.length);
    out.write(all); // one write: no Nagle wait between head and body
    out.flush();
  }

  /** An HTTP/1.1 request: its line, the headers it needs, and its body (Content-Length or chunked). */
  private static final class Request {
    final String method;
    final String path;
    final byte[] body;

    private Request(String method, String path, byte[] body) {
      this.method = method;
      this.path = path;
      this.body = body;
    }

    /** The next request on the connection, or null when the client closed it between requests. */
    static Request read(InputStream in) throws IOException {
      String line = line(in);
      if (line == null) {
        return null;
      }
      while (line.isEmpty()) { // tolerated before a request line (RFC 9112, 2.2)
        line = line(in);
        if (line == null) {
          return null;
        }
      }
      String[] parts = line.split(" ");
      if (parts.length < 2) {
        throw new IOException("not a request line: " + line);
      }
      long length = 0;
      boolean chunked = false;
      for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
        int colon = header.indexOf(':');
        if (colon < 0) {
          continue;
        }
        String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = header.substring(colon + 1).trim();
        if (name.equals("content-length")) {
          length = Long.parseLong(value);
        } else if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
          chunked = true;
        }
      }
      byte[] body = chunked ? chunked(in) : in.readNBytes((int) length);
      if (!chunked && body.length != length) {
        throw new IOException("the body ended early");
      }
      return new Request(parts[0], parts[1], body);
    }

    private static byte[] chunked(InputStream in) throws IOException {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      while (true) {
        String size = line(in);
        if (size == null) {
          throw new IOException("the body ended early");
        }
        int semicolon = size.indexOf(';');
        int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
        if (n == 0) {
          for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
            // trailers are not used
          }
          return body.toByteArray();
        }
        body.write(in.readNBytes(n));
        line(in); // the CRLF after the chunk
      }
    }

    /** A line without its CRLF; null at the end of the stream before any byte of it. */
    private static String line(InputStream in) throws IOException {
      StringBuilder s = new StringBuilder();
      int b = in.read();
      if (b < 0) {
        return null;
      }
      while (b >= 0 && b != '\n') {
        if (b != '\r') {
          s.append((char) b);
        }
        b = in.read();
      }
      return s.toString();
    }
  }
}
