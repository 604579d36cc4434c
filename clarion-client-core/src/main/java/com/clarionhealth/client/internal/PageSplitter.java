package com.clarionhealth.client.internal;

import com.clarionhealth.client.ClarionApiException;
import com.clarionhealth.client.model.Call;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits the body of {@code GET /call}, a JSON array of calls, into the bytes of each call as the
 * body arrives, in one pass that tracks only nesting and strings; each call is then bound from its
 * own bytes ({@link CallBinder}), with no token buffering and no second scan. Both clients feed it:
 * the blocking one a whole body (not copied), the reactive one buffer by buffer (copied once).
 *
 * <p>It refuses what would otherwise silently change a stream: anything but one array (a lone object
 * read as a one-call page, values after the array read as more calls, an empty body read as an empty
 * page that skips a window), an array cut short, and a call larger than {@code maxCallSize}.
 * Refusals are {@link IllegalStateException}s, which the transports turn into
 * {@link com.clarionhealth.client.ClarionDecodingException}s.
 */
public final class PageSplitter {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  /** The bytes that matter inside a call outside its strings. */
  private static final boolean[] STRUCTURE = new boolean[256];

  static {
    for (char c : new char[] {'"', '{', '}', '[', ']'}) {
      STRUCTURE[c] = true;
    }
  }

  private final int maxCallSize;

  private byte[] bytes;
  private int length;
  private int scanned;

  private int count;
  // Where each element is: kept (a thousand pairs of ints) so that tests can see the split exactly.
  private int[] starts = new int[64];
  private int[] ends = new int[64];
  private int arrayStart;
  private int arrayEnd;

  private boolean opened;
  private boolean closed;
  private int depth;
  private boolean inString;
  private boolean escaped;
  private int elementStart = -1;
  private boolean scalar;
  // Between elements: one comma after each but the last, so that "[{..}{..}]" and "[{..},]" are refused.
  private boolean afterElement;
  private boolean afterComma;

  /** What a client makes of a page once its whole body has been split. */
  @FunctionalInterface
  public interface Finish<T> {
    T apply(PageSplitter page) throws IOException;
  }

  public PageSplitter(int maxCallSize) {
    this(maxCallSize, -1L);
  }

  /**
   * @param expectedBytes the body's {@code Content-Length}, or -1: with it the bytes are copied once,
   *     into a buffer of the right size (a 10 MB page would otherwise be copied again at each doubling)
   */
  public PageSplitter(int maxCallSize, long expectedBytes) {
    this.maxCallSize = maxCallSize;
    this.bytes = new byte[expectedBytes > 0 && expectedBytes < Integer.MAX_VALUE - 8 ? (int) expectedBytes : 8192];
  }

  private PageSplitter(int maxCallSize, byte[] body) {
    this.maxCallSize = maxCallSize;
    this.bytes = body;
    this.length = body.length;
  }

  /** Splits a whole body, in place (the clients feed theirs as it arrives; tests use this). */
  static PageSplitter of(byte[] body, int maxCallSize) {
    PageSplitter splitter = new PageSplitter(maxCallSize, body);
    splitter.scan();
    return splitter;
  }

  /** Takes the next bytes of the body (the buffer's remaining bytes; its position is not moved). */
  public void feed(ByteBuffer buffer) {
    int n = buffer.remaining();
    if (length + n > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(length + n, (int) Math.min(Integer.MAX_VALUE - 8, bytes.length * 2L)));
    }
    buffer.duplicate().get(bytes, length, n);
    length += n;
    scan();
  }

  /** The elements of the array, JSON {@code null}s included. Valid once the body has ended. */
  public int size() {
    end();
    return count;
  }

  /**
   * What a window's request answered: counted only when the page is full ({@code limit} elements),
   * since it is discarded; bound otherwise, with each call's text beside it when {@code rawJson}
   * (its exact bytes, decoded as UTF-8). {@link PagingPlan#pageOf} decides for both clients.
   */
  FetchedPage page(int limit, CallBinder binder, boolean rawJson) throws IOException {
    if (size() >= limit) {
      return FetchedPage.full(count, length);
    }
    if (!rawJson) {
      return FetchedPage.of(count, calls(binder), length);
    }
    List<Call> bound = bound(binder);
    List<Call> calls = new ArrayList<>(count);
    List<String> texts = new ArrayList<>(count);
    long textBytes = 0;
    for (int i = 0; i < count; i++) {
      Call call = bound.get(i);
      if (call != null) {
        calls.add(call);
        texts.add(new String(bytes, starts[i], ends[i] - starts[i], StandardCharsets.UTF_8));
        textBytes += ends[i] - starts[i];
      }
    }
    // The texts are held beside the calls until the consumer takes the page: they count as much again.
    return FetchedPage.withRawJson(count, calls, texts, length + textBytes);
  }

  /**
   * Every call of the array, in order, JSON {@code null}s left out: bound by one parser over the whole
   * array, which costs less than one parser a call (measured: about a fifth of a page's binding).
   */
  public List<Call> calls(CallBinder binder) throws IOException {
    List<Call> bound = bound(binder);
    List<Call> calls = new ArrayList<>(count);
    for (Call call : bound) {
      if (call != null) {
        calls.add(call);
      }
    }
    return calls;
  }

  /** Every element of the array bound, in order, a JSON {@code null} as null: one per element. */
  private List<Call> bound(CallBinder binder) throws IOException {
    end();
    if (count == 0) {
      return new ArrayList<>();
    }
    List<Call> bound = binder.bindArray(bytes, arrayStart, arrayEnd - arrayStart);
    if (bound.size() != count) {
      throw new IOException("the mapper read " + bound.size() + " calls where the page has " + count);
    }
    return bound;
  }

  /** The text of each element, JSON {@code null}s included: how the body was split. */
  List<String> elementTexts() {
    end();
    List<String> texts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      texts.add(new String(bytes, starts[i], ends[i] - starts[i], StandardCharsets.UTF_8));
    }
    return texts;
  }

  /** The first bytes of the body, for the message of a body that could not be read. */
  public byte[] head() {
    return Arrays.copyOf(bytes, Math.min(length, ClarionApiException.MAX_BODY_BYTES));
  }

  private void end() {
    if (!opened) {
      throw new IllegalStateException("expected a JSON array of calls, got " + (length == 0 ? "an empty body" : "nothing"));
    }
    if (!closed) {
      throw new IllegalStateException("the array of calls ends before its closing bracket");
    }
  }

  private void scan() {
    byte[] b = bytes;
    int i = scanned;
    int end = length;
    while (i < end) {
      if (inString) {
        if (escaped) { // the escaped byte was the first of this feed
          escaped = false;
          i++;
          continue;
        }
        i = skipString(b, i, end);
        if (i == end) {
          break;
        }
        if (b[i] == '\\') {
          if (i + 1 == end) {
            escaped = true;
          }
          i += 2;
          continue;
        }
        inString = false;
        i++;
        if (depth == 1) {
          endElement(i);
        }
        continue;
      }
      if (depth > 1) {
        // Inside a call and outside its strings only quotes and brackets matter: skip the rest.
        while (i < end && !STRUCTURE[b[i] & 0xFF]) {
          i++;
        }
        if (i == end) {
          break;
        }
      }
      structural(b[i], i);
      i++;
    }
    scanned = end;
    // An element still open must not outgrow the limit while more of it arrives.
    if (elementStart >= 0 && end - elementStart > maxCallSize) {
      throw new IllegalStateException("a call in the page is larger than maxCallSize (" + maxCallSize + " bytes)");
    }
  }

  /**
   * The index of the first '"' or '\\' in {@code b[i, end)}, or {@code end}. Most of a call is string
   * content (transcripts, messages), so this is where the scan spends its time: it tests eight bytes
   * at once (a SWAR "has zero byte" test on the bytes XORed with each character), then byte by byte.
   */
  private static int skipString(byte[] b, int i, int end) {
    while (i + 8 <= end) {
      long word = (long) LONGS.get(b, i);
      long quote = word ^ 0x2222222222222222L;
      long backslash = word ^ 0x5C5C5C5C5C5C5C5CL;
      long found = ((quote - 0x0101010101010101L) & ~quote | (backslash - 0x0101010101010101L) & ~backslash)
          & 0x8080808080808080L;
      if (found != 0) {
        // The lowest flagged byte is exact (a borrow can only flag bytes above a true match).
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
      i += 8;
    }
    while (i < end && b[i] != '"' && b[i] != '\\') {
      i++;
    }
    return i;
  }

  /** One byte outside any string. */
  private void structural(byte c, int i) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      if (scalar) {
        endElement(i);
      }
    } else if (closed) {
      throw new IllegalStateException("expected a JSON array of calls, got more after it");
    } else if (!opened) {
      if (c != '[') {
        throw new IllegalStateException("expected a JSON array of calls");
      }
      opened = true;
      depth = 1;
      arrayStart = i;
    } else if (c == '{' || c == '[') {
      if (depth == 1) {
        startElement(i);
      }
      depth++;
    } else if (c == '}' || c == ']') {
      if (scalar) {
        endElement(i);
      }
      if (depth == 1 && c == '}') {
        throw new IllegalStateException("expected a JSON array of calls, got a '}' where it should close");
      }
      if (depth == 1 && afterComma) {
        throw new IllegalStateException("the array of calls has a comma before its closing bracket");
      }
      depth--;
      if (depth == 1) {
        endElement(i + 1);
      } else if (depth == 0) {
        closed = true;
        arrayEnd = i + 1;
      }
    } else if (c == '"') {
      if (depth == 1) {
        startElement(i);
      }
      inString = true;
    } else if (c == ',') {
      if (scalar) {
        endElement(i);
      }
      if (depth == 1) {
        if (!afterElement) {
          throw new IllegalStateException("the array of calls has a comma where a call should be");
        }
        afterElement = false;
        afterComma = true;
      }
    } else if (depth == 1 && elementStart < 0) {
      startElement(i); // a number, true, false or null
      scalar = true;
    }
  }

  private void startElement(int at) {
    // elementStart >= 0 here means a scalar still open: "[null{...}]" lacks its comma too.
    if (afterElement || elementStart >= 0) {
      throw new IllegalStateException("the array of calls lacks a comma between two calls");
    }
    elementStart = at;
    afterComma = false;
  }

  private void endElement(int end) {
    if (elementStart < 0) {
      return;
    }
    // The scan's check sees every byte but the one that closes an object, array or string.
    if (end - elementStart > maxCallSize) {
      throw new IllegalStateException("a call in the page is larger than maxCallSize (" + maxCallSize + " bytes)");
    }
    if (scalar && !isScalar(elementStart, end)) {
      // "nullnull" is two elements that lack their comma, or no JSON at all.
      throw new IllegalStateException("the array of calls has an element that is no JSON value");
    }
    if (count == starts.length) {
      starts = Arrays.copyOf(starts, count * 2);
      ends = Arrays.copyOf(ends, count * 2);
    }
    starts[count] = elementStart;
    ends[count] = end;
    count++;
    elementStart = -1;
    scalar = false;
    afterElement = true;
  }

  /** Whether {@code bytes[from, to)} is {@code null}, {@code true}, {@code false} or a JSON number. */
  private boolean isScalar(int from, int to) {
    return isLiteral(from, to, "null") || isLiteral(from, to, "true") || isLiteral(from, to, "false")
        || isNumber(from, to);
  }

  private boolean isLiteral(int from, int to, String literal) {
    if (to - from != literal.length()) {
      return false;
    }
    for (int i = 0; i < literal.length(); i++) {
      if (bytes[from + i] != literal.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
  private boolean isNumber(int from, int to) {
    int i = from;
    if (i < to && bytes[i] == '-') {
      i++;
    }
    int digits = digits(i, to);
    if (digits == 0 || digits > 1 && bytes[i] == '0') {
      return false;
    }
    i += digits;
    if (i < to && bytes[i] == '.') {
      int fraction = digits(i + 1, to);
      if (fraction == 0) {
        return false;
      }
      i += 1 + fraction;
    }
    if (i < to && (bytes[i] == 'e' || bytes[i] == 'E')) {
      i++;
      if (i < to && (bytes[i] == '+' || bytes[i] == '-')) {
        i++;
      }
      int exponent = digits(i, to);
      if (exponent == 0) {
        return false;
      }
      i += exponent;
    }
    return i == to;
  }

  private int digits(int from, int to) {
    int i = from;
    while (i < to && bytes[i] >= '0' && bytes[i] <= '9') {
      i++;
    }
    return i - from;
  }
}
