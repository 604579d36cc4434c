package com.clarionhealth.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clarionhealth.client.ClarionApiException;
import com.clarionhealth.client.model.Call;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The split of a {@code GET /call} body into the bytes of each call. Each element is checked through
 * a binder that keeps the element's exact text (in {@code transcript}), so "the same elements" means
 * byte for byte, whether the body came whole (blocking client) or buffer by buffer (reactive).
 */
class PageSplitterTest {
  private static final int MAX = 16 * 1024 * 1024;

  /**
   * Binds each element of the array the splitter found to a Call holding its exact text; JSON null to
   * null, as the clients' binders do. It checks that it is given exactly the array's bytes.
   */
  private static final class Recorder implements CallBinder {
    final List<String> seen = new ArrayList<>();
    private final PageSplitter splitter;

    Recorder(PageSplitter splitter) {
      this.splitter = splitter;
    }

    @Override
    public Call bind(byte[] bytes, int offset, int length) {
      throw new AssertionError("a page is bound as one array");
    }

    @Override
    public List<Call> bindArray(byte[] bytes, int offset, int length) {
      String array = new String(bytes, offset, length, StandardCharsets.UTF_8);
      assertThat(array).startsWith("[").endsWith("]");
      List<Call> calls = new ArrayList<>();
      for (String text : splitter.elementTexts()) {
        assertThat(array).contains(text);
        seen.add(text);
        calls.add(text.equals("null") ? null : new Call().transcript(text));
      }
      return calls;
    }
  }

  private static final CallBinder NEVER = new CallBinder() {
    @Override
    public Call bind(byte[] bytes, int offset, int length) {
      throw new AssertionError("a full page is discarded: binding it is wasted work");
    }

    @Override
    public List<Call> bindArray(byte[] bytes, int offset, int length) {
      throw new AssertionError("a full page is discarded: binding it is wasted work");
    }
  };

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Every element's text, JSON nulls included, in order. */
  private static List<String> elements(PageSplitter splitter) throws IOException {
    Recorder recorder = new Recorder(splitter);
    splitter.calls(recorder);
    assertThat(recorder.seen).hasSize(splitter.size());
    return recorder.seen;
  }

  private static List<String> calls(PageSplitter splitter) throws IOException {
    return splitter.calls(new Recorder(splitter)).stream().map(Call::getTranscript).toList();
  }

  /** The body fed at the given cut points, each piece a slice of a larger array (position > 0). */
  private static PageSplitter fed(byte[] body, int maxCallSize, int... cuts) {
    PageSplitter splitter = new PageSplitter(maxCallSize);
    int from = 0;
    for (int cut : cuts) {
      splitter.feed(ByteBuffer.wrap(body, from, cut - from));
      from = cut;
    }
    splitter.feed(ByteBuffer.wrap(body, from, body.length - from));
    return splitter;
  }

  private static PageSplitter byteByByte(byte[] body, int maxCallSize) {
    PageSplitter splitter = new PageSplitter(maxCallSize);
    for (byte b : body) {
      splitter.feed(ByteBuffer.wrap(new byte[] {b}));
    }
    return splitter;
  }

  /** Both ways of reading a body give exactly {@code expected}. */
  private static void assertSplit(String body, String... expected) throws IOException {
    byte[] bytes = utf8(body);
    assertThat(elements(PageSplitter.of(bytes, MAX))).as("whole").containsExactly(expected);
    assertThat(elements(byteByByte(bytes, MAX))).as("byte by byte").containsExactly(expected);
    assertThat(elements(fed(bytes, MAX, bytes.length / 2))).as("in halves").containsExactly(expected);
  }

  /** Both ways of reading a body refuse it, at the latest when its elements are asked for. */
  private static void assertRefused(byte[] body, int maxCallSize, int... cuts) {
    assertThatThrownBy(() -> PageSplitter.of(body, maxCallSize).size()).as("whole: %s", show(body))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> fed(body, maxCallSize, cuts).size()).as("fed: %s", show(body))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> byteByByte(body, maxCallSize).size()).as("byte by byte: %s", show(body))
        .isInstanceOf(IllegalStateException.class);
  }

  private static String show(byte[] body) {
    return new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
  }

  // ---- what is accepted ----

  @ParameterizedTest
  @ValueSource(strings = {"[]", " [ ] ", "\n[\t]\r\n", "[\r\n]"})
  void anEmptyArrayIsAnEmptyPage(String body) throws IOException {
    assertSplit(body);
    assertThat(PageSplitter.of(utf8(body), MAX).calls(NEVER)).isEmpty();
  }

  @Test
  void nullsAreCountedInSizeButLeftOutOfCalls() throws IOException {
    // The server's limit counts every element: a page of 2 nulls and 1 call at limit 3 is full.
    PageSplitter splitter = PageSplitter.of(utf8("[null, {\"id\":1} ,null]"), MAX);
    assertThat(splitter.size()).isEqualTo(3);
    assertThat(calls(splitter)).containsExactly("{\"id\":1}");
    assertSplit("[null,{\"id\":1},null]", "null", "{\"id\":1}", "null");
  }

  @Test
  void withRawJsonEachCallComesWithItsExactTextNullsLeftOut() throws IOException {
    // Multi-byte UTF-8 cut between two feeds, the server's whitespace and number spellings kept.
    String first = "{\"id\":1, \"np_note\":\"Zoë \u2014 ✓\",\n \"time\":1767977409575}";
    String second = "{\"id\":2,\"np_x\":1.0E3}";
    byte[] body = utf8("[" + first + ",null, " + second + "]");
    PageSplitter splitter = fed(body, MAX, 20, 21, 22);

    FetchedPage page = splitter.page(4, new Recorder(splitter), true);

    assertThat(page.size()).isEqualTo(3);
    assertThat(page.rawJson()).containsExactly(first, second);
    assertThat(page.calls()).extracting(Call::getTranscript).containsExactly(first, second);
    // What the stream holds for the page: the body and the texts.
    assertThat(page.bytes()).isEqualTo(body.length + utf8(first).length + utf8(second).length);

    FetchedPage full = fed(body, MAX).page(3, NEVER, true);
    assertThat(full.calls()).isNull();
    assertThat(full.rawJson()).isNull();
    assertThat(fed(body, MAX).page(4, new Recorder(splitter), false).rawJson()).isNull();
  }

  @Test
  void stringsMayHoldBracketsBracesCommasEscapedQuotesAndBackslashes() throws IOException {
    String brackets = "{\"transcript\":\"]} closing [{ opening, and a comma\"}";
    String quotes = "{\"summary\":\"she said \\\"] }\\\" and left\"}";
    String backslashEnd = "{\"path\":\"C:\\\\\"}"; // the string ends in an escaped backslash
    String backslashQuote = "{\"s\":\"\\\\\\\"]\"}"; // \\ then \" then ]
    String unicode = "{\"s\":\"\\u005d\\u007d caf\u00e9 \u65e5\u672c \ud83d\ude00\"}";
    String keyBrackets = "{\"]\":\"[\",\"}{\":\",\"}";
    assertSplit("[" + brackets + "," + quotes + "," + backslashEnd + "," + backslashQuote + "," + unicode + ","
        + keyBrackets + "]", brackets, quotes, backslashEnd, backslashQuote, unicode, keyBrackets);
  }

  @Test
  void nestedObjectsAndArraysAreOneElement() throws IOException {
    String call = "{\"messages\":[{\"role\":\"bot\",\"content\":\"[1,2]\"},{\"a\":[[],{},[[{}]]]}],"
        + "\"analysis\":{\"structured_data\":{\"y\":[null, true, -1.5e3]}} , \"tags\" : [ ]}";
    assertSplit("[" + call + ",\n  " + call + "]", call, call);
  }

  @Test
  void scalarsAreElementsToo() throws IOException {
    // Not calls, but the splitter must keep the count and the boundaries right; the binder refuses them.
    assertSplit("[1, -2.5e3,true ,false,null,\"text\",\"with , comma ]\",0]",
        "1", "-2.5e3", "true", "false", "null", "\"text\"", "\"with , comma ]\"", "0");
    assertSplit("[ 7 ]", "7");
    assertSplit("[\"only\"]", "\"only\"");
  }

  @Test
  void feedingTakesTheBuffersRemainingBytesAndLeavesItsPositionAlone() throws IOException {
    byte[] body = utf8("xx[{\"id\":1},{\"id\":2}]yy");
    ByteBuffer buffer = ByteBuffer.wrap(body, 2, body.length - 4);
    PageSplitter splitter = new PageSplitter(MAX);
    splitter.feed(buffer);
    assertThat(buffer.position()).isEqualTo(2);
    assertThat(buffer.remaining()).isEqualTo(body.length - 4);
    assertThat(elements(splitter)).containsExactly("{\"id\":1}", "{\"id\":2}");

    ByteBuffer direct = ByteBuffer.allocateDirect(body.length - 4);
    direct.put(body, 2, body.length - 4).flip();
    PageSplitter fromDirect = new PageSplitter(MAX);
    fromDirect.feed(direct);
    fromDirect.feed(ByteBuffer.allocate(0));
    assertThat(elements(fromDirect)).containsExactly("{\"id\":1}", "{\"id\":2}");
  }

  @Test
  void aBodyLargerThanTheInitialBufferIsKeptWhole() throws IOException {
    // The fed splitter starts with 8 KiB and grows: elements after the growth must still be right.
    List<String> calls = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      calls.add("{\"id\":" + i + ",\"transcript\":\"" + "t".repeat(i % 50) + "\"}");
    }
    byte[] body = utf8("[" + String.join(",", calls) + "]");
    assertThat(body.length).isGreaterThan(64 * 1024);
    assertThat(elements(fed(body, MAX, 5, 8191, 8192, 8193, 30_000))).isEqualTo(calls);
    assertThat(elements(PageSplitter.of(body, MAX))).isEqualTo(calls);
  }

  // ---- what is refused ----

  @ParameterizedTest
  @ValueSource(strings = {
      "", // an empty body would read as an empty page and skip a window
      "   \n",
      "{\"id\":1}", // a lone object would read as a one-call page
      "null",
      "\"[]\"",
      "x[]",
      "[] []", // content after the array would read as more calls
      "[]{}",
      "[1] 2",
      "[{\"id\":1}] ,",
      "[", // cut off
      "[{\"id\":1}",
      "[{\"id\":1},",
      "[{\"id\":1},{\"id\":",
      "[{\"id\":\"unterminated]}",
      "[\"a\\\"]",
      "[{} {}]", // missing comma
      "[{}{}]",
      "[\"a\" \"b\"]",
      "[1 2]",
      "[null{\"id\":2}]",
      "[1\"a\"]",
      "[true[]]",
      "[{}\"a\"]",
      "[{},,{}]", // double comma
      "[{}, ,{}]",
      "[,{}]",
      "[,]",
      "[{},]", // trailing comma
      "[1,]",
      "[{} , ]",
      "[}", // not an array's closing bracket
      "[{}}",
      "[1}"})
  void whatIsNotOneCompleteArrayIsRefused(String body) {
    byte[] bytes = utf8(body);
    assertRefused(bytes, MAX, bytes.length / 2);
  }

  @Test
  void refusalsSayWhat() {
    assertThatThrownBy(() -> PageSplitter.of(new byte[0], MAX).size()).hasMessageContaining("an empty body");
    assertThatThrownBy(() -> PageSplitter.of(utf8("[{}"), MAX).size())
        .hasMessageContaining("ends before its closing bracket");
    assertThatThrownBy(() -> PageSplitter.of(utf8("[{} {}]"), MAX)).hasMessageContaining("lacks a comma");
    assertThatThrownBy(() -> PageSplitter.of(utf8("[{},]"), MAX)).hasMessageContaining("comma before its closing");
    assertThatThrownBy(() -> PageSplitter.of(utf8("[] {}"), MAX)).hasMessageContaining("more after it");
  }

  @Test
  void contentAfterTheArrayIsRefusedAsItArrives() {
    PageSplitter splitter = new PageSplitter(MAX);
    splitter.feed(ByteBuffer.wrap(utf8("[{\"id\":1}]  ")));
    assertThatThrownBy(() -> splitter.feed(ByteBuffer.wrap(utf8(", {\"id\":2}"))))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anUnfinishedBodyHasNoSizeYet() {
    PageSplitter splitter = new PageSplitter(MAX);
    splitter.feed(ByteBuffer.wrap(utf8("[{\"id\":1},{\"id\":2}")));
    assertThatThrownBy(splitter::size).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> splitter.calls(NEVER)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> splitter.page(100, NEVER, false)).isInstanceOf(IllegalStateException.class);
  }

  // ---- maxCallSize ----

  @Test
  void anElementOfExactlyMaxCallSizeIsAccepted() throws IOException {
    String call = "{\"transcript\":\"" + "a".repeat(100) + "\"}";
    int max = utf8(call).length;
    byte[] body = utf8("[" + call + ",  " + call + "]");
    // Ten calls of max bytes: the bound is per call, not per page.
    assertThat(elements(PageSplitter.of(body, max))).containsExactly(call, call);
    assertThat(elements(byteByByte(body, max))).containsExactly(call, call);
    assertThat(PageSplitter.of(utf8("[" + String.join(",", java.util.Collections.nCopies(10, call)) + "]"), max)
        .size()).isEqualTo(10);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"transcript\":\"%s\"}", "[\"%s\"]", "\"%s\"", "1%s"})
  void anElementLargerThanMaxCallSizeIsRefusedWhileFeedingBeforeTheBodyEnds(String shape) {
    String filler = shape.startsWith("1") ? "0".repeat(100) : "a".repeat(100);
    String call = String.format(shape, filler);
    int max = utf8(call).length - 1;
    byte[] body = utf8("[" + call + "]");
    // Fed all but the closing bracket: the element is already too large, so the body is refused
    // before the rest of it (possibly megabytes) is buffered.
    PageSplitter splitter = new PageSplitter(max);
    assertThatThrownBy(() -> splitter.feed(ByteBuffer.wrap(body, 0, body.length - 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("maxCallSize (" + max + " bytes)");
    assertThatThrownBy(() -> PageSplitter.of(body, max)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aHugeElementIsRefusedAtTheFirstBufferThatCrossesTheBound() {
    PageSplitter splitter = new PageSplitter(1024);
    splitter.feed(ByteBuffer.wrap(utf8("[{\"id\":1},{\"transcript\":\"")));
    splitter.feed(ByteBuffer.wrap(utf8("b".repeat(900))));
    assertThatThrownBy(() -> splitter.feed(ByteBuffer.wrap(utf8("b".repeat(200)))))
        .isInstanceOf(IllegalStateException.class);
  }

  // ---- head() and page() ----

  @Test
  void headIsTheFirst8KiBOfTheBody() {
    byte[] large = utf8("[" + "{\"id\":1},".repeat(3000) + "{\"id\":1}]");
    assertThat(large.length).isGreaterThan(ClarionApiException.MAX_BODY_BYTES);
    byte[] prefix = Arrays.copyOf(large, ClarionApiException.MAX_BODY_BYTES);
    assertThat(PageSplitter.of(large, MAX).head()).isEqualTo(prefix).hasSize(8192);
    assertThat(fed(large, MAX, 100, 9000).head()).isEqualTo(prefix);

    byte[] small = utf8("<html>not json</html>");
    PageSplitter refused = new PageSplitter(MAX);
    assertThatThrownBy(() -> refused.feed(ByteBuffer.wrap(small))).isInstanceOf(IllegalStateException.class);
    // What the reactive client shows in the ClarionDecodingException of a refused body.
    assertThat(refused.head()).isEqualTo(small);
    assertThat(PageSplitter.of(new byte[0], MAX).head()).isEmpty();
    assertThat(new PageSplitter(MAX).head()).isEmpty();
  }

  @Test
  void aFullPageIsCountedNeverBound() throws IOException {
    byte[] body = utf8("[{\"id\":1},null,{\"id\":3}]");
    FetchedPage exactlyFull = PageSplitter.of(body, MAX).page(3, NEVER, false);
    assertThat(exactlyFull.size()).isEqualTo(3);
    assertThat(exactlyFull.calls()).isNull();
    // A server that answers more than the limit: still full, still not bound.
    assertThat(fed(body, MAX, 4).page(2, NEVER, false).size()).isEqualTo(3);
    // Nulls count towards the limit.
    assertThat(PageSplitter.of(utf8("[null,null]"), MAX).page(2, NEVER, false).calls()).isNull();
  }

  @Test
  void aShortPageIsBoundWithoutItsNulls() throws IOException {
    byte[] body = utf8("[{\"id\":1},null,{\"id\":3}]");
    PageSplitter splitter = PageSplitter.of(body, MAX);
    Recorder recorder = new Recorder(splitter);
    FetchedPage page = splitter.page(4, recorder, false);
    assertThat(page.size()).isEqualTo(3);
    assertThat(page.calls()).extracting(Call::getTranscript).containsExactly("{\"id\":1}", "{\"id\":3}");
    assertThat(recorder.seen).containsExactly("{\"id\":1}", "null", "{\"id\":3}");

    FetchedPage empty = PageSplitter.of(utf8("[]"), MAX).page(1, NEVER, false);
    assertThat(empty.size()).isZero();
    assertThat(empty.calls()).isEmpty();
  }

  @Test
  void aBinderFailureIsTheCallersToSee() {
    CallBinder refusing = new CallBinder() {
      @Override
      public Call bind(byte[] bytes, int offset, int length) throws IOException {
        throw new IOException("not a call");
      }

      @Override
      public List<Call> bindArray(byte[] bytes, int offset, int length) throws IOException {
        throw new IOException("not a call");
      }
    };
    assertThatThrownBy(() -> PageSplitter.of(utf8("[1]"), MAX).page(2, refusing, false))
        .isInstanceOf(IOException.class).hasMessage("not a call");
  }

  // ---- properties: random arrays, random whitespace, random buffer boundaries ----

  /** A generated body: its bytes, its elements' texts, and where its element-separating commas are. */
  record Page(byte[] body, List<String> elements, List<Integer> commas, int closingBracket) {
    @Override
    public String toString() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  @Provide
  Arbitrary<Page> pages() {
    Arbitrary<List<String>> elements = element().list().ofMaxSize(25);
    Arbitrary<List<String>> spaces = whitespace().list().ofSize(64);
    return Combinators.combine(elements, spaces).as(PageSplitterTest::page);
  }

  private static Page page(List<String> elements, List<String> spaces) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<Integer> commas = new ArrayList<>();
    int w = 0;
    out.writeBytes(utf8(spaces.get(w++ % spaces.size()) + "[" + spaces.get(w++ % spaces.size())));
    for (int i = 0; i < elements.size(); i++) {
      if (i > 0) {
        out.writeBytes(utf8(spaces.get(w++ % spaces.size())));
        commas.add(out.size());
        out.writeBytes(utf8("," + spaces.get(w++ % spaces.size())));
      }
      out.writeBytes(utf8(elements.get(i)));
    }
    out.writeBytes(utf8(spaces.get(w++ % spaces.size())));
    int closing = out.size();
    out.writeBytes(utf8("]" + spaces.get(w % spaces.size())));
    return new Page(out.toByteArray(), elements, commas, closing);
  }

  private static Arbitrary<String> whitespace() {
    return Arbitraries.of("", "", "", " ", "  ", "\n", "\t", "\r\n", " \n\t ");
  }

  /** Mostly calls; some nulls and scalars, which the array may hold too. */
  private static Arbitrary<String> element() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, object(3)),
        Tuple.of(2, Arbitraries.just("null")),
        Tuple.of(2, scalar()),
        Tuple.of(1, array(2)));
  }

  private static Arbitrary<String> value(int depth) {
    return depth == 0 ? scalar() : Arbitraries.frequencyOf(
        Tuple.of(4, scalar()), Tuple.of(1, object(depth - 1)), Tuple.of(1, array(depth - 1)));
  }

  private static Arbitrary<String> object(int depth) {
    Arbitrary<List<String>> members = Combinators.combine(string(), whitespace(), value(depth))
        .as((key, w, value) -> key + w + ":" + w + value).list().ofMaxSize(4);
    return Combinators.combine(members, whitespace())
        .as((m, w) -> "{" + w + String.join(w + "," + w, m) + w + "}");
  }

  private static Arbitrary<String> array(int depth) {
    return Combinators.combine(value(depth).list().ofMaxSize(4), whitespace())
        .as((v, w) -> "[" + w + String.join(w + "," + w, v) + w + "]");
  }

  private static Arbitrary<String> scalar() {
    return Arbitraries.oneOf(string(),
        Arbitraries.of("0", "-1", "42", "3.25", "1e9", "-0.5E-3", "12345678901234567890", "true", "false", "null"));
  }

  /** A JSON string built from pieces that are already valid JSON string content, the hard ones included. */
  private static Arbitrary<String> string() {
    return Arbitraries.of("a", "Ada", " ", "]", "}", "[", "{", ",", ":", "\\\"", "\\\\", "\\/", "\\n", "\\u005d",
            "\\u0022", "\u00e9", "\u65e5\u672c", "\ud83d\ude00", "\\\\\\\"")
        .list().ofMaxSize(8).map(pieces -> "\"" + String.join("", pieces) + "\"");
  }

  /** Cut points inside the body, from random numbers. */
  private static int[] cuts(byte[] body, List<Integer> random) {
    TreeSet<Integer> cuts = new TreeSet<>();
    for (int r : random) {
      if (body.length > 0) {
        cuts.add(r % (body.length + 1));
      }
    }
    return cuts.stream().mapToInt(Integer::intValue).toArray();
  }

  @Property(tries = 300)
  void wholeOrInAnyPiecesTheElementsAreTheSame(
      @ForAll("pages") Page page, @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 100_000) Integer> random)
      throws IOException {
    List<String> whole = elements(PageSplitter.of(page.body(), MAX));
    assertThat(whole).isEqualTo(page.elements());
    assertThat(elements(fed(page.body(), MAX, cuts(page.body(), random)))).isEqualTo(page.elements());
    PageSplitter splitter = PageSplitter.of(page.body(), MAX);
    assertThat(splitter.size()).isEqualTo(page.elements().size());
    assertThat(calls(splitter)).isEqualTo(page.elements().stream().filter(e -> !e.equals("null")).toList());
  }

  @Property(tries = 200)
  void byteByByteTheElementsAreTheSame(@ForAll("pages") Page page) throws IOException {
    assertThat(elements(byteByByte(page.body(), MAX))).isEqualTo(page.elements());
  }

  @Property(tries = 200)
  void aMissingCommaIsRefused(@ForAll("pages") Page page, @ForAll @IntRange(min = 0, max = 1000) int which,
      @ForAll @Size(max = 6) List<@IntRange(min = 0, max = 100_000) Integer> random) {
    if (page.commas().isEmpty()) {
      return;
    }
    int at = page.commas().get(which % page.commas().size());
    if (isNumberByte(page.body()[at - 1]) && isNumberByte(page.body()[at + 1])) {
      return; // "-1,0" without its comma is "-10": one valid number, not a missing comma
    }
    byte[] without = new byte[page.body().length - 1];
    System.arraycopy(page.body(), 0, without, 0, at);
    System.arraycopy(page.body(), at + 1, without, at, without.length - at);
    assertRefused(without, MAX, cuts(without, random));
  }

  @Property(tries = 200)
  void aDoubleCommaIsRefused(@ForAll("pages") Page page, @ForAll @IntRange(min = 0, max = 1000) int which,
      @ForAll("spaces") String space) {
    if (page.commas().isEmpty()) {
      return;
    }
    int at = page.commas().get(which % page.commas().size());
    assertRefused(insert(page.body(), at, "," + space), MAX);
  }

  @Property(tries = 200)
  void aTrailingCommaIsRefused(@ForAll("pages") Page page, @ForAll("spaces") String space) {
    assertRefused(insert(page.body(), page.closingBracket(), "," + space), MAX);
  }

  @Property(tries = 200)
  void aBodyCutShortIsRefused(@ForAll("pages") Page page, @ForAll @IntRange(min = 0, max = 100_000) int random) {
    byte[] cut = Arrays.copyOf(page.body(), random % (page.closingBracket() + 1)); // without its closing bracket
    assertRefused(cut, MAX, cut.length / 2);
  }

  @Property(tries = 200)
  void maxCallSizeIsTheLargestElementAccepted(@ForAll("pages") Page page) throws IOException {
    int largest = page.elements().stream().mapToInt(e -> utf8(e).length).max().orElse(0);
    if (largest < 2) {
      return;
    }
    assertThat(elements(PageSplitter.of(page.body(), largest))).isEqualTo(page.elements());
    assertThat(elements(byteByByte(page.body(), largest))).isEqualTo(page.elements());
    assertRefused(page.body(), largest - 1, page.body().length / 3);
  }

  @Provide
  Arbitrary<String> spaces() {
    return whitespace();
  }

  private static byte[] insert(byte[] body, int at, String text) {
    byte[] inserted = utf8(text);
    byte[] result = new byte[body.length + inserted.length];
    System.arraycopy(body, 0, result, 0, at);
    System.arraycopy(inserted, 0, result, at, inserted.length);
    System.arraycopy(body, at, result, at + inserted.length, body.length - at);
    return result;
  }

  private static boolean isNumberByte(byte b) {
    return b >= '0' && b <= '9' || b == '-' || b == '.' || b == 'e' || b == 'E' || b == '+';
  }
}
