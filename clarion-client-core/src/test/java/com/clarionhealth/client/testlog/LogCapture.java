package com.clarionhealth.client.testlog;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.event.Level;

/**
 * The log events of the current thread while open: {@code try (LogCapture logs = LogCapture.start())}.
 * Per thread, so that nothing another test logs meanwhile is mixed in, and nothing is kept when no
 * test asks.
 */
public final class LogCapture implements AutoCloseable {
  private static final ThreadLocal<LogCapture> OPEN = new ThreadLocal<>();

  /** One logging call, its message already formatted. */
  public record Event(String logger, Level level, String message, List<String> arguments, Throwable throwable) {
    @Override
    public String toString() {
      return level + " " + logger + ": " + message;
    }
  }

  private final List<Event> events = new ArrayList<>();

  private LogCapture() {}

  public static LogCapture start() {
    if (!CapturingSlf4jProvider.isBound()) {
      throw new IllegalStateException("SLF4J is not bound to CapturingSlf4jProvider: another binding is on the "
          + "test classpath, so log lines cannot be asserted");
    }
    LogCapture capture = new LogCapture();
    OPEN.set(capture);
    return capture;
  }

  static void record(Event event) {
    LogCapture capture = OPEN.get();
    if (capture != null) {
      capture.events.add(event);
    }
  }

  public List<Event> events() {
    return List.copyOf(events);
  }

  /** The formatted messages of {@code logger} at {@code level}, in order. */
  public List<String> messages(String logger, Level level) {
    return events.stream().filter(e -> e.logger().equals(logger) && e.level() == level)
        .map(Event::message).collect(Collectors.toList());
  }

  /** Everything an appender could print of every event: messages, arguments and throwables. */
  public String everything() {
    StringBuilder all = new StringBuilder();
    for (Event e : events) {
      all.append(e.logger()).append(' ').append(e.message()).append(' ').append(e.arguments()).append('\n');
      for (Throwable t = e.throwable(); t != null; t = t.getCause()) {
        all.append(t).append('\n');
      }
    }
    return all.toString();
  }

  @Override
  public void close() {
    OPEN.remove();
  }
}
