package com.clarionhealth.client.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.BufferUnderflowException;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * Where an interrupted stream resumes: the rest of the range is {@code [position, end]}, and the calls
 * of the last delivered page (which ended at {@code position}) are not delivered again.
 *
 * <p>Its text form is opaque and URL-safe (base64url without padding) over a versioned binary layout:
 * version, end, position, limit, width hint, then the sorted edge ids as deltas, all varints, and a
 * CRC-32 so that a cut or mistyped cursor is refused rather than silently resuming elsewhere.
 */
public final class PagingCursor {
  private static final int VERSION = 1;

  private final long endMillis;
  private final long positionMillis;
  private final int limit;
  private final long widthHintMillis;
  private final long[] edgeIds;

  PagingCursor(long endMillis, long positionMillis, int limit, long widthHintMillis, long[] edgeIds) {
    this.endMillis = endMillis;
    this.positionMillis = positionMillis;
    this.limit = limit;
    this.widthHintMillis = widthHintMillis;
    this.edgeIds = edgeIds.clone();
    Arrays.sort(this.edgeIds);
  }

  /** The cursor after {@code window}, whose page {@code dedup} has just accepted. */
  public static PagingCursor after(
      Window window, long endMillis, int limit, long widthHintMillis, EdgeDeduplicator<?> dedup) {
    return new PagingCursor(endMillis, window.leMillis(), limit, widthHintMillis, dedup.edgeIds());
  }

  public long endMillis() {
    return endMillis;
  }

  public long positionMillis() {
    return positionMillis;
  }

  public int limit() {
    return limit;
  }

  public long widthHintMillis() {
    return widthHintMillis;
  }

  /** Whether the page the cursor was taken after was the last of its range. */
  public boolean isComplete() {
    return positionMillis >= endMillis;
  }

  long[] edgeIds() {
    return edgeIds.clone();
  }

  /** The opaque, URL-safe text form. */
  public String encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(32 + edgeIds.length * 3);
    writeVarLong(out, VERSION);
    writeVarLong(out, endMillis);
    writeVarLong(out, positionMillis);
    writeVarLong(out, limit);
    writeVarLong(out, widthHintMillis);
    writeVarLong(out, edgeIds.length);
    long previous = 0;
    for (long id : edgeIds) {
      writeVarLong(out, zigZag(id - previous));
      previous = id;
    }
    CRC32 crc = new CRC32();
    crc.update(out.toByteArray());
    writeVarLong(out, crc.getValue());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
  }

  /**
   * Parses a cursor from {@link #encode()}.
   *
   * @throws IllegalArgumentException naming {@code cursor} if it was not made by this client, or cut
   */
  public static PagingCursor decode(String cursor) {
    try {
      ByteBuffer in = ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor));
      if (readVarLong(in) != VERSION) {
        throw invalid(null);
      }
      long end = readVarLong(in);
      long position = readVarLong(in);
      long limit = readVarLong(in);
      long width = readVarLong(in);
      long count = readVarLong(in);
      if (count < 0 || count > WindowPlanner.MAX_LIMIT || limit < 1 || limit > WindowPlanner.MAX_LIMIT
          || position > end || width < 1) {
        throw invalid(null);
      }
      long[] ids = new long[(int) count];
      long previous = 0;
      for (int i = 0; i < ids.length; i++) {
        previous += unZigZag(readVarLong(in));
        ids[i] = previous;
      }
      int checked = in.position();
      CRC32 crc = new CRC32();
      crc.update(in.array(), 0, checked);
      if (readVarLong(in) != crc.getValue() || in.hasRemaining()) {
        throw invalid(null);
      }
      return new PagingCursor(end, position, (int) limit, width, ids);
    } catch (IllegalArgumentException | BufferUnderflowException e) {
      throw invalid(e);
    }
  }

  private static IllegalArgumentException invalid(Exception cause) {
    return new IllegalArgumentException(
        "cursor is not a paging cursor made by this client, or it was cut short", cause);
  }

  private static void writeVarLong(ByteArrayOutputStream out, long value) {
    while ((value & ~0x7FL) != 0) {
      out.write((int) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    out.write((int) value);
  }

  private static long readVarLong(ByteBuffer in) {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      byte b = in.get();
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new IllegalArgumentException("varint too long");
  }

  private static long zigZag(long v) {
    return (v << 1) ^ (v >> 63);
  }

  private static long unZigZag(long v) {
    return (v >>> 1) ^ -(v & 1);
  }
}
