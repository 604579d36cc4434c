package com.clarionhealth.client.contract;

import com.clarionhealth.client.ClarionListener;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link ClarionListener} that writes down every event as one line, with what it was given beside
 * it, so that a test can compare the exact sequence and the very instances. Safe to call from any
 * thread: at concurrency above 1 the slots report at once.
 */
public final class RecordingListener implements ClarionListener {
  /** One callback: its line, and every argument it was given. */
  public record Event(String line, Request request, Stream stream, Throwable failure, List<Object> arguments) {
    public boolean is(String prefix) {
      return line.startsWith(prefix);
    }
  }

  private final List<Event> events = new CopyOnWriteArrayList<>();

  public List<Event> events() {
    return List.copyOf(events);
  }

  public List<String> lines() {
    return events.stream().map(Event::line).toList();
  }

  /** The events whose line starts with {@code prefix}, in order. */
  public List<Event> events(String prefix) {
    return events.stream().filter(e -> e.is(prefix)).toList();
  }

  public static String window(Instant start, Instant end) {
    return "[" + start + ", " + end + "]";
  }

  private static String request(Request request) {
    return request.method() + " " + request.pathTemplate() + " #" + request.attempt()
        + (request.stream() == null ? "" : " of the stream");
  }

  private static String failure(Throwable failure) {
    return failure == null ? "" : " " + failure.getClass().getSimpleName();
  }

  private void add(String line, Request request, Stream stream, Throwable failure, Object... arguments) {
    List<Object> all = new ArrayList<>();
    Collections.addAll(all, arguments);
    events.add(new Event(line, request, stream, failure, all));
  }

  @Override
  public void requestStarted(Request request) {
    add("started " + request(request), request, request.stream(), null, request);
  }

  @Override
  public void requestEnded(Request request, int status, Throwable failure) {
    add("ended " + request(request) + ": " + status + failure(failure), request, request.stream(), failure,
        request, status, failure);
  }

  @Override
  public void retryScheduled(Request request, Duration delay) {
    add("retry " + request(request) + " in " + delay.toMillis() + " ms", request, request.stream(), null,
        request, delay);
  }

  @Override
  public void streamStarted(Stream stream) {
    add("stream started", null, stream, null, stream);
  }

  @Override
  public void windowCompleted(Stream stream, Instant start, Instant end, int calls) {
    add("completed " + window(start, end) + ": " + calls, null, stream, null, stream, start, end, calls);
  }

  @Override
  public void fullPageDiscarded(Stream stream, Instant start, Instant end) {
    add("discarded " + window(start, end), null, stream, null, stream, start, end);
  }

  @Override
  public void streamEnded(Stream stream, Throwable failure) {
    add("stream ended" + failure(failure), null, stream, failure, stream, failure);
  }

  /**
   * Every string a listener could get out of what it was given: each argument's {@code toString()},
   * what the request and the stream say of themselves, and, through reflection, every field of the
   * client's own objects among them (the request, the stream, an exception), and theirs in turn.
   */
  public List<String> everythingGiven() {
    List<String> texts = new ArrayList<>();
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Event event : events) {
      for (Object argument : event.arguments()) {
        if (argument instanceof Request) {
          Request r = (Request) argument;
          texts.add(r.method());
          texts.add(r.pathTemplate());
          texts.add(String.valueOf(r.attributes()));
        }
        if (argument instanceof Stream) {
          texts.add(String.valueOf(((Stream) argument).attributes()));
        }
        for (Throwable t = event.failure(); t != null; t = t.getCause()) {
          texts.add(String.valueOf(t.getMessage()));
        }
        collect(argument, texts, seen, 0);
      }
    }
    return texts;
  }

  private void collect(Object value, List<String> texts, Set<Object> seen, int depth) {
    if (value == null || depth > 6 || !seen.add(value)) {
      return;
    }
    if (value instanceof ClarionListener && !isClients(value.getClass())) {
      return; // the application's own listener, which the client holds: not something it was given
    }
    texts.add(String.valueOf(value));
    if (!isClients(value.getClass())) {
      return; // the JDK's own types say what they hold in their toString; their fields are closed
    }
    for (Class<?> c = value.getClass(); c != null && isClients(c); c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
          continue;
        }
        try {
          field.setAccessible(true);
          collect(field.get(value), texts, seen, depth + 1);
        } catch (ReflectiveOperationException | RuntimeException e) {
          texts.add("unreadable field " + field);
        }
      }
    }
  }

  private static boolean isClients(Class<?> c) {
    return c.getName().startsWith("com.clarionhealth.client.") && !c.getName().startsWith(
        "com.clarionhealth.client.contract.");
  }
}
