package com.clarionhealth.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * The CPU samples ({@code jdk.ExecutionSample}) of a JFR recording, summarized: the share of samples per
 * component (by the package of the sampled frame), the hottest methods by self time, and the methods of
 * our clients by inclusive time.
 */
public final class JfrSummary {
  private final int samples;
  private final int serverSamples;
  private final Map<String, Integer> components;
  private final Map<String, Integer> selfMethods;
  private final Map<String, Integer> ourInclusive;

  private JfrSummary(int samples, int serverSamples, Map<String, Integer> components,
      Map<String, Integer> selfMethods, Map<String, Integer> ourInclusive) {
    this.samples = samples;
    this.serverSamples = serverSamples;
    this.components = components;
    this.selfMethods = selfMethods;
    this.ourInclusive = ourInclusive;
  }

  public static JfrSummary read(Path recording) throws IOException {
    int samples = 0;
    int serverSamples = 0;
    Map<String, Integer> components = new HashMap<>();
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> ours = new HashMap<>();
    for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
        continue;
      }
      RecordedStackTrace stack = event.getStackTrace();
      if (stack == null || stack.getFrames().isEmpty()) {
        continue;
      }
      String thread = event.getThread("sampledThread") == null ? ""
          : String.valueOf(event.getThread("sampledThread").getJavaName());
      if (thread.startsWith("bench-server") || thread.startsWith("HTTP-Dispatcher")) {
        serverSamples++;
        continue; // the server is reported apart; the rest is the client's
      }
      samples++;
      List<RecordedFrame> frames = stack.getFrames();
      String top = name(frames.get(0).getMethod());
      self.merge(top, 1, Integer::sum);
      components.merge(component(frames), 1, Integer::sum);
      Set<String> seen = new HashSet<>();
      for (RecordedFrame frame : frames) {
        String method = name(frame.getMethod());
        if (method.startsWith("com.clarionhealth.client.") && !method.startsWith("com.clarionhealth.client.model.")
            && seen.add(method)) {
          ours.merge(method, 1, Integer::sum);
        }
      }
    }
    return new JfrSummary(samples, serverSamples, top(components, 12), top(self, 15), top(ours, 10));
  }

  private static String name(RecordedMethod method) {
    return method.getType().getName() + "." + method.getName();
  }

  /**
   * The component that the sampled frame's code belongs to. The generated model classes
   * ({@code com.clarionhealth.client.model}, setters Jackson calls) are every contestant's but the stock
   * clients', so they are counted apart from our client's code.
   */
  private static String component(List<RecordedFrame> frames) {
    String top = frames.get(0).getMethod().getType().getName();
    if (top.startsWith("com.clarionhealth.client.model.")) {
      return "generated model classes (com.clarionhealth.client.model)";
    }
    if (top.startsWith("com.fasterxml.jackson.")) {
      return "Jackson 2 (decoding)";
    }
    if (top.startsWith("tools.jackson.")) {
      return "Jackson 3 (decoding)";
    }
    if (top.startsWith("io.netty.")) {
      return "Netty";
    }
    if (top.startsWith("reactor.")) {
      return "Reactor";
    }
    if (top.startsWith("org.springframework.")) {
      return "Spring";
    }
    if (top.startsWith("com.clarionhealth.client.")) {
      return "our client (com.clarionhealth.client)";
    }
    if (top.startsWith("com.clarionhealth.benchmarks.stock")) {
      return "stock generated code";
    }
    if (top.startsWith("jdk.internal.net.http.") || top.startsWith("java.net.http.")) {
      return "JDK HttpClient";
    }
    // JDK code: attribute it to the first non-JDK caller, which says what it was doing.
    for (RecordedFrame frame : frames) {
      String type = frame.getMethod().getType().getName();
      if (type.startsWith("com.fasterxml.jackson.")) {
        return "Jackson 2 (decoding)";
      }
      if (type.startsWith("tools.jackson.")) {
        return "Jackson 3 (decoding)";
      }
      if (type.startsWith("jdk.internal.net.http.")) {
        return "JDK HttpClient";
      }
      if (type.startsWith("io.netty.")) {
        return "Netty";
      }
      if (type.startsWith("reactor.") || type.startsWith("org.springframework.")) {
        return "Reactor/Spring";
      }
      if (type.startsWith("com.clarionhealth.client.model.")) {
        return "generated model classes (com.clarionhealth.client.model)";
      }
      if (type.startsWith("com.clarionhealth.client.")) {
        return "our client (com.clarionhealth.client)";
      }
      if (type.startsWith("com.clarionhealth.benchmarks.stock")) {
        return "stock generated code";
      }
    }
    return "other JDK";
  }

  private static Map<String, Integer> top(Map<String, Integer> counts, int n) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(n)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
  }

  /** Markdown: the three tables. */
  public String markdown(String title) {
    StringBuilder s = new StringBuilder();
    s.append("**").append(title).append("**: ").append(samples).append(" client-side CPU samples (")
        .append(serverSamples).append(" more on the server's threads, left out).\n\n");
    s.append("| component (where the sampled frame's code belongs) | share of samples |\n|---|---:|\n");
    components.forEach((k, v) -> s.append("| ").append(k).append(" | ").append(pct(v)).append(" |\n"));
    s.append("\n| hottest methods (self) | share |\n|---|---:|\n");
    selfMethods.forEach((k, v) -> s.append("| `").append(k).append("` | ").append(pct(v)).append(" |\n"));
    if (!ourInclusive.isEmpty()) {
      s.append("\n| our client's methods (inclusive) | share |\n|---|---:|\n");
      ourInclusive.forEach((k, v) -> s.append("| `").append(k).append("` | ").append(pct(v)).append(" |\n"));
    }
    return s.append('\n').toString();
  }

  private String pct(int count) {
    return String.format("%.1f%%", 100.0 * count / Math.max(1, samples));
  }
}
