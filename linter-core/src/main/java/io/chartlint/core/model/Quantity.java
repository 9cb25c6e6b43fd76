package io.chartlint.core.model;

import io.chartlint.core.model.QuantityFormatException.Reason;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A Kubernetes resource quantity ({@code 500m}, {@code 1Gi}, {@code 1e3}), parsed exactly as the
 * API server parses it and held as an exact {@link BigDecimal}.
 *
 * <p>Equality and ordering are numeric: {@code 1024Mi} equals {@code 1Gi} and {@code 0.5} equals
 * {@code 500m}, whatever was written and whatever the format.
 */
public final class Quantity implements Comparable<Quantity> {
  /**
   * Quantities already parsed, by their text: manifests repeat the same few ({@code 100m}, {@code
   * 256Mi}) over and over, and a quantity is immutable.
   */
  private static final Map<String, Quantity> PARSED = new ConcurrentHashMap<>();

  /** The same for plain YAML scalars, whose text goes through YAML's typing first. */
  private static final Map<String, Quantity> PARSED_PLAIN = new ConcurrentHashMap<>();

  private static final int PARSED_LIMIT = 4096;

  /** How Kubernetes serialises a quantity; it keeps the format of the suffix that was written. */
  public enum Format {
    /** {@code 12M}, {@code 500m}, plain numbers. */
    DECIMAL_SI,
    /** {@code 12Mi}: powers of 1024. */
    BINARY_SI,
    /** {@code 12e6}. */
    DECIMAL_EXPONENT
  }

  static final String SPLIT_REGEX = "^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$";

  private static final BigDecimal NANO = BigDecimal.ONE.movePointLeft(9);
  private static final BigDecimal BINARY_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
  private static final BigInteger KIBI = BigInteger.valueOf(1024);
  private static final BigInteger THOUSAND = BigInteger.valueOf(1000);
  private static final Quantity ZERO = new Quantity(BigDecimal.ZERO, "0", Format.DECIMAL_SI);

  private static final Map<Integer, String> DECIMAL_SUFFIXES =
      Map.of(-9, "n", -6, "u", -3, "m", 0, "", 3, "k", 6, "M", 9, "G", 12, "T", 15, "P", 18, "E");
  private static final Map<Integer, String> BINARY_SUFFIXES =
      Map.of(10, "Ki", 20, "Mi", 30, "Gi", 40, "Ti", 50, "Pi", 60, "Ei");
  private static final String[] BINARY_UNITS = {"", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
  private static final String[] DECIMAL_UNITS = {"", "kB", "MB", "GB", "TB", "PB", "EB"};

  private final BigDecimal value;
  private final String original;
  private final Format format;

  private Quantity(BigDecimal value, String original, Format format) {
    this.value = value;
    this.original = original;
    this.format = format;
  }

  /**
   * Parses a quantity string as {@code resource.ParseQuantity} does. Whitespace is not trimmed: a
   * JSON or YAML string value is trimmed by the unmarshaller before it gets here, see {@link
   * #ofYamlNumber}.
   *
   * @throws QuantityFormatException with Kubernetes' message when the API server would reject it
   */
  public static Quantity parse(String s) {
    Objects.requireNonNull(s, "s");
    return remembered(PARSED, s, Quantity::parseText);
  }

  /**
   * The quantity of a text from the cache, or parsed and remembered while the cache has room. A
   * text that does not parse throws every time.
   */
  private static Quantity remembered(
      Map<String, Quantity> cache,
      String text,
      java.util.function.Function<String, Quantity> parse) {
    Quantity known = cache.get(text);
    if (known != null) {
      return known;
    }
    Quantity parsed = parse.apply(text);
    if (cache.size() < PARSED_LIMIT) {
      cache.put(text, parsed);
    }
    return parsed;
  }

  private static Quantity parseText(String s) {
    // quantity.go ParseQuantity
    if (s.isEmpty()) {
      throw new QuantityFormatException(Reason.FORMAT_WRONG, s);
    }
    if (s.equals("0")) {
      return new Quantity(BigDecimal.ZERO, s, Format.DECIMAL_SI);
    }
    Scan scan = scan(s);
    Suffix suffix = interpret(scan.suffix, s);
    if (scan.value.chars().noneMatch(Quantity::isDigit) && !takesFastPath(scan, suffix)) {
      // Only the inf.Dec slow path re-reads the number part, and fails when it has no digit:
      // "e-10" and "Pi" are rejected while "e3" and "Ti" parse as zero.
      throw new QuantityFormatException(Reason.NUMERIC, s);
    }
    BigDecimal amount = amount(scan, suffix, s);
    Format format = suffix.format;
    if (amount.signum() != 0) {
      // quantity.go rounds away from zero to 1n, so a request for a tiny amount still gets some.
      BigDecimal magnitude = amount.abs();
      if (magnitude.precision() - magnitude.scale() <= -9) {
        magnitude = NANO;
      } else if (magnitude.scale() > 9) {
        magnitude = magnitude.setScale(9, RoundingMode.UP);
      }
      // Only BinarySI is capped, silently, at 2^63-1.
      if (format == Format.BINARY_SI && magnitude.compareTo(BINARY_MAX) > 0) {
        magnitude = BINARY_MAX;
      }
      if (format == Format.BINARY_SI && magnitude.compareTo(BigDecimal.ONE) < 0) {
        format = Format.DECIMAL_SI;
      }
      amount = amount.signum() < 0 ? magnitude.negate() : magnitude;
    }
    return new Quantity(amount, s, format);
  }

  /** Like {@link #parse}, empty when Kubernetes would reject the text. */
  public static Optional<Quantity> tryParse(String s) {
    try {
      return Optional.of(parse(s));
    } catch (QuantityFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * The quantity Kubernetes sees for a plain (unquoted) YAML scalar, such as {@code cpu: 0.5} or
   * {@code memory: 1e9}.
   *
   * <p>kubectl and Helm turn YAML into JSON with {@code sigs.k8s.io/yaml}, which types plain
   * scalars with go-yaml v2's resolver and writes numbers with {@code encoding/json}; the Quantity
   * unmarshaller then parses the number's text. So an integer becomes its decimal digits ({@code
   * 0x10} → {@code 16}, {@code 010} → {@code 8}, {@code 1_000} → {@code 1000}) and a float becomes
   * its shortest round-trip decimal: {@code 0.5} → {@code "0.5"} ({@code 500m}), {@code 1e9} →
   * {@code "1000000000"} ({@code 1G}, DecimalSI), {@code 1.0} → {@code "1"}, and only below 1e-6 or
   * from 1e21 up exponent form such as {@code "1e+21"} (DecimalExponent). A float keeps only 15–17
   * significant digits. A scalar go-yaml does not read as a number is sent as a string and parsed
   * as written; a boolean ({@code yes}, {@code n}, …) is rejected; an empty or {@code null} scalar
   * becomes zero. The result's {@link #original()} is the YAML text.
   *
   * @throws QuantityFormatException when Kubernetes (or the YAML to JSON step) would reject it
   */
  public static Quantity ofYamlNumber(String plainScalarText) {
    Objects.requireNonNull(plainScalarText, "plainScalarText");
    return remembered(PARSED_PLAIN, plainScalarText, Quantity::typeAndParse);
  }

  private static Quantity typeAndParse(String plainScalarText) {
    String json = YamlNumbers.jsonText(plainScalarText);
    if (json == null) {
      return new Quantity(BigDecimal.ZERO, plainScalarText, Format.DECIMAL_SI);
    }
    Quantity parsed;
    try {
      parsed = parse(YamlNumbers.goTrimSpace(json));
    } catch (QuantityFormatException e) {
      throw new QuantityFormatException(e.reason(), e.getMessage(), plainScalarText);
    }
    return new Quantity(parsed.value, plainScalarText, parsed.format);
  }

  /**
   * A quantity of this exact value in this format, as Kubernetes' arithmetic ({@code Add}, {@code
   * Sub}) produces one; it is written in its canonical form.
   */
  public static Quantity of(BigDecimal value, Format format) {
    return new Quantity(value, new Quantity(value, "", format).canonical(), format);
  }

  /** Zero, as Kubernetes' {@code resource.Quantity{}}. */
  public static Quantity zero() {
    return ZERO;
  }

  public BigDecimal value() {
    return value;
  }

  /** The text as written. */
  public String original() {
    return original;
  }

  /** The format Kubernetes keeps for serialisation (BinarySI below 1 in magnitude is DecimalSI). */
  public Format format() {
    return format;
  }

  /**
   * Kubernetes' canonical form: no fractional digits, the largest suffix or exponent that loses no
   * precision, the format as parsed, and a sign only when negative ({@code 1024Mi} → {@code 1Gi},
   * {@code 0.5} → {@code 500m}, {@code 1000m} → {@code 1}, {@code 1.1Ki} → {@code 1126400m}).
   *
   * <p>Right after parsing, Kubernetes' {@code String()} may echo the input instead when it already
   * looks canonical ({@code +1}, {@code 5.}, {@code 1e+3}); this method returns what {@code
   * String()} gives once that cache is reset ({@code 1}, {@code 5}, {@code 1e3}), which is also
   * what any arithmetic on the quantity produces.
   */
  public String canonical() {
    // quantity.go CanonicalizeBytes, amount.go AsCanonicalBytes / AsCanonicalBase1024Bytes
    if (value.signum() == 0) {
      return "0";
    }
    Format effective = format;
    if (effective == Format.BINARY_SI
        && (value.abs().compareTo(BigDecimal.valueOf(1024)) < 0 || !isMathematicalInteger())) {
      effective = Format.DECIMAL_SI;
    }
    if (effective == Format.BINARY_SI) {
      BigInteger amount = value.toBigIntegerExact();
      int exponent = 0;
      while (amount.abs().compareTo(KIBI) >= 0 && amount.mod(KIBI).signum() == 0) {
        amount = amount.divide(KIBI);
        exponent += 10;
      }
      return amount + BINARY_SUFFIXES.getOrDefault(exponent, "");
    }
    BigDecimal stripped = value.stripTrailingZeros();
    BigInteger mantissa = stripped.unscaledValue();
    long exponent = -(long) stripped.scale();
    int down = (int) Math.floorMod(exponent, 3L);
    mantissa = mantissa.multiply(BigInteger.TEN.pow(down));
    exponent -= down;
    String suffix = effective == Format.DECIMAL_SI ? DECIMAL_SUFFIXES.get((int) exponent) : null;
    if (suffix == null) {
      // DecimalSI has no suffix above E (10^18); Kubernetes falls back to exponent notation.
      suffix = exponent == 0 ? "" : "e" + exponent;
    }
    return mantissa + suffix;
  }

  @Override
  public int compareTo(Quantity other) {
    return value.compareTo(other.value);
  }

  public boolean isNegative() {
    return value.signum() < 0;
  }

  public boolean isZero() {
    return value.signum() == 0;
  }

  /**
   * Whether Kubernetes accepts this as a whole number, as it requires for extended resources and
   * object counts.
   *
   * <p>{@code validation.go} tests {@code MilliValue() % 1000 == 0}, and {@code MilliValue} rounds
   * away from zero to whole millis first, so a value less than 1m short of a whole number passes
   * ({@code 1.9999} is accepted, {@code 1.5} and {@code 500m} are not). Beyond about 9.2e15, where
   * Kubernetes' int64 overflows, this answers with exact arithmetic.
   */
  public boolean isInteger() {
    BigDecimal millis = value.movePointRight(3).setScale(0, RoundingMode.UP);
    return millis.toBigIntegerExact().mod(THOUSAND).signum() == 0;
  }

  /**
   * The exact value in plain decimal ({@code 512m} → {@code 0.512}, {@code 1Gi} → {@code
   * 1073741824}).
   */
  public String describe() {
    return plain(value);
  }

  /**
   * The value read as bytes: {@code 1Gi} → {@code 1 GiB}, {@code 1G} → {@code 1 GB}, {@code 512m} →
   * {@code 0.512 bytes}, {@code 1} → {@code 1 byte}. Whole multiples get the largest exact unit,
   * binary first when the quantity was written with a binary suffix, decimal first otherwise.
   */
  public String humanBytes() {
    if (isMathematicalInteger() && value.signum() != 0) {
      BigInteger bytes = value.toBigIntegerExact();
      String binary = inLargestUnit(bytes, KIBI, BINARY_UNITS);
      String decimal = inLargestUnit(bytes, THOUSAND, DECIMAL_UNITS);
      String preferred = format == Format.BINARY_SI ? binary : decimal;
      String other = format == Format.BINARY_SI ? decimal : binary;
      if (preferred != null) {
        return preferred;
      }
      if (other != null) {
        return other;
      }
    }
    return plain(value) + (value.compareTo(BigDecimal.ONE) == 0 ? " byte" : " bytes");
  }

  /** The value read as CPU: {@code 500m} → {@code 0.5 cores}, {@code 1} → {@code 1 core}. */
  public String humanCores() {
    return plain(value) + (value.compareTo(BigDecimal.ONE) == 0 ? " core" : " cores");
  }

  /** Numeric equality, consistent with {@link #compareTo}. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Quantity && value.compareTo(((Quantity) o).value) == 0;
  }

  @Override
  public int hashCode() {
    return value.signum() == 0 ? 0 : value.stripTrailingZeros().hashCode();
  }

  /** The text as written, so that messages quote the chart. */
  @Override
  public String toString() {
    return original;
  }

  private boolean isMathematicalInteger() {
    return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
  }

  private static String inLargestUnit(BigInteger bytes, BigInteger base, String[] units) {
    BigInteger amount = bytes;
    int unit = 0;
    while (unit < units.length - 1 && amount.mod(base).signum() == 0) {
      amount = amount.divide(base);
      unit++;
    }
    return unit == 0 ? null : amount + " " + units[unit];
  }

  private static String plain(BigDecimal v) {
    BigDecimal stripped = v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros();
    // A written exponent such as 1e100000 would otherwise print 100000 zeros.
    return Math.abs(stripped.scale()) > 64
        ? stripped.toString().replace("E+", "e").replace('E', 'e')
        : stripped.toPlainString();
  }

  // The result of quantity.go parseQuantityString: the sign, the number part as written
  // (sign included), its integer and fraction digits and the raw suffix.
  private record Scan(boolean positive, String value, String num, String denom, String suffix) {}

  private record Suffix(int base, int exponent, Format format) {}

  private static Scan scan(String str) {
    // quantity.go parseQuantityString, a hand-written scanner that accepts more than the regular
    // expression in its own error message ("." and "+" are zero; "Ki" alone is zero).
    boolean positive = true;
    int pos = 0;
    int end = str.length();
    if (str.charAt(0) == '-') {
      positive = false;
      pos++;
    } else if (str.charAt(0) == '+') {
      pos++;
    }
    for (int i = pos; ; i++) {
      if (i >= end) {
        return new Scan(positive, "0", "0", "", "");
      }
      if (str.charAt(i) != '0') {
        break;
      }
      pos++;
    }
    String num;
    for (int i = pos; ; i++) {
      if (i >= end) {
        return new Scan(positive, str, str.substring(pos), "", "");
      }
      if (!isDigit(str.charAt(i))) {
        num = str.substring(pos, i);
        pos = i;
        break;
      }
    }
    if (num.isEmpty()) {
      num = "0";
    }
    String denom = "";
    if (pos < end && str.charAt(pos) == '.') {
      pos++;
      for (int i = pos; ; i++) {
        if (i >= end) {
          return new Scan(positive, str, num, str.substring(pos), "");
        }
        if (!isDigit(str.charAt(i))) {
          denom = str.substring(pos, i);
          pos = i;
          break;
        }
      }
    }
    String value = str.substring(0, pos);
    int suffixStart = pos;
    for (int i = pos; ; i++) {
      if (i >= end) {
        return new Scan(positive, value, num, denom, str.substring(suffixStart));
      }
      if ("eEinumkKMGTP".indexOf(str.charAt(i)) < 0) {
        pos = i;
        break;
      }
    }
    if (str.charAt(pos) == '-' || str.charAt(pos) == '+') {
      pos++;
    }
    for (int i = pos; ; i++) {
      if (i >= end) {
        return new Scan(positive, value, num, denom, str.substring(suffixStart));
      }
      if (!isDigit(str.charAt(i))) {
        throw new QuantityFormatException(Reason.FORMAT_WRONG, str);
      }
    }
  }

  private static Suffix interpret(String suffix, String input) {
    // suffix.go: the lookup tables are case-sensitive and there is no "K", "B" or "ki".
    switch (suffix) {
      case "":
        return new Suffix(10, 0, Format.DECIMAL_SI);
      case "n":
        return new Suffix(10, -9, Format.DECIMAL_SI);
      case "u":
        return new Suffix(10, -6, Format.DECIMAL_SI);
      case "m":
        return new Suffix(10, -3, Format.DECIMAL_SI);
      case "k":
        return new Suffix(10, 3, Format.DECIMAL_SI);
      case "M":
        return new Suffix(10, 6, Format.DECIMAL_SI);
      case "G":
        return new Suffix(10, 9, Format.DECIMAL_SI);
      case "T":
        return new Suffix(10, 12, Format.DECIMAL_SI);
      case "P":
        return new Suffix(10, 15, Format.DECIMAL_SI);
      case "E":
        return new Suffix(10, 18, Format.DECIMAL_SI);
      case "Ki":
        return new Suffix(2, 10, Format.BINARY_SI);
      case "Mi":
        return new Suffix(2, 20, Format.BINARY_SI);
      case "Gi":
        return new Suffix(2, 30, Format.BINARY_SI);
      case "Ti":
        return new Suffix(2, 40, Format.BINARY_SI);
      case "Pi":
        return new Suffix(2, 50, Format.BINARY_SI);
      case "Ei":
        return new Suffix(2, 60, Format.BINARY_SI);
      default:
        break;
    }
    // A bare "E" is exa (above); "E" or "e" followed by a strconv.ParseInt integer is an exponent.
    if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
      try {
        // Kubernetes converts the int64 to int32 without a range check; so does this cast.
        int exponent = (int) Long.parseLong(suffix.substring(1));
        return new Suffix(10, exponent, Format.DECIMAL_EXPONENT);
      } catch (NumberFormatException e) {
        throw new QuantityFormatException(Reason.SUFFIX, input);
      }
    }
    throw new QuantityFormatException(Reason.SUFFIX, input);
  }

  private static boolean takesFastPath(Scan scan, Suffix suffix) {
    // quantity.go ParseQuantity: the int64 fast path needs no digits; its precision estimate
    // decides which inputs reach the inf.Dec path.
    int digits = scan.num.length() + scan.denom.length();
    int precision;
    int scale;
    if (suffix.format == Format.BINARY_SI) {
      scale = 0;
      precision = scan.denom.isEmpty() ? 15 - scan.num.length() - suffix.exponent * 3 / 10 - 1 : -1;
    } else {
      scale = suffix.exponent;
      precision = 18 - digits;
    }
    return precision >= 0 && scale - scan.denom.length() >= -9;
  }

  private static BigDecimal amount(Scan scan, Suffix suffix, String input) {
    BigInteger unscaled = new BigInteger(scan.num + scan.denom);
    if (!scan.positive) {
      unscaled = unscaled.negate();
    }
    if (suffix.base == 2) {
      return new BigDecimal(unscaled.shiftLeft(suffix.exponent), scan.denom.length());
    }
    long scale = (long) scan.denom.length() - suffix.exponent;
    if (scale != (int) scale) {
      // Kubernetes' int32 scale arithmetic wraps here; no meaningful quantity gets this far.
      throw new QuantityFormatException(Reason.NUMERIC, input);
    }
    return new BigDecimal(unscaled, (int) scale);
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  /** How {@code sigs.k8s.io/yaml} turns a plain YAML scalar into JSON text. */
  static final class YamlNumbers {
    private static final Set<String> TRUE =
        Set.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
    private static final Set<String> FALSE =
        Set.of("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");
    private static final Set<String> NULL = Set.of("", "~", "null", "Null", "NULL");
    private static final Set<String> NAN = Set.of(".nan", ".NaN", ".NAN");
    private static final Set<String> POSITIVE_INF =
        Set.of(".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF");
    private static final Set<String> NEGATIVE_INF = Set.of("-.inf", "-.Inf", "-.INF");
    // goyaml.v2 resolve.go yamlStyleFloat
    private static final Pattern YAML_STYLE_FLOAT =
        Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern GO_DOT_FLOAT = Pattern.compile("\\.[0-9]+([eE][-+]?[0-9]+)?");
    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger UINT64_MAX =
        BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private YamlNumbers() {}

    /** The JSON text, a string's content for non-numbers, or null for JSON null. */
    static String jsonText(String in) {
      // sigs.k8s.io/yaml goyaml.v2/resolve.go resolve, then encoding/json
      if (TRUE.contains(in)) {
        return "true";
      }
      if (FALSE.contains(in)) {
        return "false";
      }
      if (NULL.contains(in)) {
        return null;
      }
      if (NAN.contains(in)) {
        throw notJson(in, "NaN");
      }
      if (POSITIVE_INF.contains(in)) {
        throw notJson(in, "+Inf");
      }
      if (NEGATIVE_INF.contains(in)) {
        throw notJson(in, "-Inf");
      }
      char first = in.charAt(0);
      if (first == '.') {
        if (GO_DOT_FLOAT.matcher(in).matches()) {
          double f = Double.parseDouble(in);
          if (!Double.isInfinite(f)) {
            return jsonFloat(f);
          }
        }
        return in;
      }
      if (!(isDigit(first) || first == '+' || first == '-')) {
        return in;
      }
      String plain = in.replace("_", "");
      BigInteger signed = goInteger(plain, true);
      if (signed != null && fits(signed, INT64_MIN, INT64_MAX)) {
        return signed.toString();
      }
      BigInteger unsigned = goInteger(plain, false);
      if (unsigned != null && fits(unsigned, BigInteger.ZERO, UINT64_MAX)) {
        return unsigned.toString();
      }
      boolean outOfRange = unsigned != null;
      if (YAML_STYLE_FLOAT.matcher(plain).matches()) {
        double f = Double.parseDouble(plain);
        if (!Double.isInfinite(f)) {
          return jsonFloat(f);
        }
      }
      if (plain.startsWith("0b") || plain.startsWith("-0b")) {
        // resolve.go retries binary with an explicit base, which lets a sign follow the prefix.
        String digits = plain.startsWith("0b") ? plain.substring(2) : "-" + plain.substring(3);
        BigInteger binary = explicitBase2(digits);
        if (binary != null
            && (fits(binary, INT64_MIN, INT64_MAX)
                || plain.startsWith("0b") && fits(binary, BigInteger.ZERO, UINT64_MAX))) {
          return binary.toString();
        }
      }
      if (outOfRange) {
        return goInteger(plain, true).toString();
      }
      return in;
    }

    /** Go's {@code strings.TrimSpace}, which the Quantity JSON unmarshaller applies. */
    static String goTrimSpace(String s) {
      int start = 0;
      int end = s.length();
      while (start < end && isGoSpace(s.charAt(start))) {
        start++;
      }
      while (end > start && isGoSpace(s.charAt(end - 1))) {
        end--;
      }
      return s.substring(start, end);
    }

    private static boolean isGoSpace(char c) {
      return c == '\t'
          || c == '\n'
          || c == 0x0B
          || c == '\f'
          || c == '\r'
          || c == 0x85
          || Character.isSpaceChar(c);
    }

    private static QuantityFormatException notJson(String in, String goFloat) {
      return new QuantityFormatException(
          Reason.NOT_JSON, Reason.NOT_JSON.message() + ": " + goFloat, in);
    }

    private static boolean fits(BigInteger v, BigInteger min, BigInteger max) {
      return v.compareTo(min) >= 0 && v.compareTo(max) <= 0;
    }

    // strconv.ParseInt/ParseUint with base 0, without the range check: a sign (when allowed),
    // then 0x, 0o, 0b or a leading 0 for octal.
    private static BigInteger goInteger(String s, boolean allowSign) {
      int i = 0;
      boolean negative = false;
      if (allowSign && !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
        negative = s.charAt(0) == '-';
        i = 1;
      }
      String body = s.substring(i);
      int base = 10;
      if (body.length() >= 2 && body.charAt(0) == '0') {
        char prefix = Character.toLowerCase(body.charAt(1));
        if (prefix == 'x' || prefix == 'o' || prefix == 'b') {
          base = prefix == 'x' ? 16 : prefix == 'o' ? 8 : 2;
          body = body.substring(2);
        } else {
          base = 8;
          body = body.substring(1);
        }
      }
      BigInteger v = digits(body, base);
      return v == null ? null : negative ? v.negate() : v;
    }

    private static BigInteger explicitBase2(String s) {
      boolean negative = !s.isEmpty() && s.charAt(0) == '-';
      String body = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? s.substring(1) : s;
      BigInteger v = digits(body, 2);
      return v == null ? null : negative ? v.negate() : v;
    }

    private static BigInteger digits(String body, int base) {
      if (body.isEmpty()) {
        return null;
      }
      for (int k = 0; k < body.length(); k++) {
        char c = body.charAt(k);
        if (c > 0x7F || Character.digit(c, base) < 0) {
          return null;
        }
      }
      return new BigInteger(body, base);
    }

    /** {@code encoding/json}'s text for a float64: shortest round-trip digits. */
    static String jsonFloat(double f) {
      if (f == 0) {
        return 1 / f < 0 ? "-0" : "0";
      }
      BigDecimal shortest = shortest(f);
      double abs = Math.abs(f);
      if (abs >= 1e-6 && abs < 1e21) {
        return shortest.toPlainString();
      }
      String digits = shortest.unscaledValue().abs().toString();
      long exponent = digits.length() - 1L - shortest.scale();
      String mantissa =
          digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      // encoding/json writes 'e' format and trims "e-07" to "e-7"; |exponent| is at least 7 here.
      return (f < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
    }

    private static BigDecimal shortest(double f) {
      BigDecimal exact = new BigDecimal(f);
      for (int digits = 1; digits <= 17; digits++) {
        BigDecimal nearest = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
        if (Double.parseDouble(nearest.toString()) == f) {
          return nearest.stripTrailingZeros();
        }
        // Next to a power of two the interval that reads back as f is lopsided, so the
        // nearest candidate can miss while the one on the other side still fits.
        for (RoundingMode mode : new RoundingMode[] {RoundingMode.UP, RoundingMode.DOWN}) {
          BigDecimal candidate = exact.round(new MathContext(digits, mode));
          if (Double.parseDouble(candidate.toString()) == f) {
            return candidate.stripTrailingZeros();
          }
        }
      }
      return exact.round(MathContext.DECIMAL64).stripTrailingZeros();
    }
  }
}
