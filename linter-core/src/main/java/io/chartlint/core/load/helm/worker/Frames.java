package io.chartlint.core.load.helm.worker;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The worker protocol: each message is one frame of strings, {@code MAGIC}, a count, then each
 * string as a length and UTF-8 bytes. Requests go to the worker's standard input, answers come on
 * its standard output; anything else the worker prints goes to its standard error.
 */
final class Frames {
  /** "CHLW": a frame that does not start with it means the stream is not the protocol. */
  static final int MAGIC = 0x43484c57;

  private static final int MAX_FIELDS = 1_000_000;

  private Frames() {}

  static void write(DataOutputStream out, List<String> fields) throws IOException {
    out.writeInt(MAGIC);
    out.writeInt(fields.size());
    for (String field : fields) {
      byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
      out.writeInt(bytes.length);
      out.write(bytes);
    }
    out.flush();
  }

  /** The next frame, or null at the end of the stream. */
  static List<String> read(DataInputStream in) throws IOException {
    int magic;
    try {
      magic = in.readInt();
    } catch (EOFException e) {
      return null;
    }
    if (magic != MAGIC) {
      throw new IOException("not a chartlint worker frame");
    }
    int count = in.readInt();
    if (count < 0 || count > MAX_FIELDS) {
      throw new IOException("a worker frame with " + count + " fields");
    }
    List<String> fields = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int length = in.readInt();
      if (length < 0) {
        throw new IOException("a worker frame field of length " + length);
      }
      byte[] bytes = in.readNBytes(length);
      if (bytes.length != length) {
        throw new EOFException("a worker frame ends early");
      }
      fields.add(new String(bytes, StandardCharsets.UTF_8));
    }
    return fields;
  }

  /** Appends a list as its size and its items. */
  static void addList(List<String> fields, List<String> items) {
    fields.add(Integer.toString(items.size()));
    fields.addAll(items);
  }

  /** Reads what {@link #addList} wrote, starting at {@code at[0]}, which it moves past the list. */
  static List<String> list(List<String> fields, int[] at) {
    int size = Integer.parseInt(fields.get(at[0]++));
    List<String> items = new ArrayList<>(fields.subList(at[0], at[0] + size));
    at[0] += size;
    return items;
  }
}
