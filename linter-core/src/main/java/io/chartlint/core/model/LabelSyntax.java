package io.chartlint.core.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Kubernetes' syntax checks for label keys, label values, DNS subdomains and decimal integers, with
 * the messages the API server returns (apimachinery v0.35 and later). Each method returns an empty
 * list when the input is valid.
 */
public final class LabelSyntax {
  static final String LABEL_KEY_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  static final String LABEL_VALUE_FMT = "(" + LABEL_KEY_FMT + ")?";
  static final String DNS1123_SUBDOMAIN_FMT =
      "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";

  private static final int LABEL_KEY_MAX_LENGTH = 63;
  private static final int LABEL_VALUE_MAX_LENGTH = 63;
  private static final int DNS1123_SUBDOMAIN_MAX_LENGTH = 253;

  private static final String LABEL_KEY_ERR_MSG =
      "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an"
          + " alphanumeric character";
  private static final String LABEL_VALUE_ERR_MSG =
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or"
          + " '.', and must start and end with an alphanumeric character";
  private static final String DNS1123_SUBDOMAIN_ERR_MSG =
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or"
          + " '.', and must start and end with an alphanumeric character";
  private static final String DECIMAL_INTEGER_ERR_MSG =
      "must be a valid decimal integer in canonical form";

  private LabelSyntax() {}

  /**
   * Whether the whole text matches {@link #LABEL_KEY_FMT} (as Go's regexp with ^...$ anchors: a
   * trailing newline does not match). Checked character by character: every label, key and
   * toleration of every object goes through here.
   */
  public static boolean matchesLabelKeyFormat(String s) {
    int length = s.length();
    if (length == 0 || !isAlphanumeric(s.charAt(0)) || !isAlphanumeric(s.charAt(length - 1))) {
      return false;
    }
    for (int i = 1; i < length - 1; i++) {
      char c = s.charAt(i);
      if (!isAlphanumeric(c) && c != '-' && c != '_' && c != '.') {
        return false;
      }
    }
    return true;
  }

  /** Whether the whole text matches {@link #DNS1123_SUBDOMAIN_FMT}; no length limit. */
  public static boolean matchesDns1123SubdomainFormat(String s) {
    int start = 0;
    for (int i = 0; i <= s.length(); i++) {
      if (i == s.length() || s.charAt(i) == '.') {
        // each dot-separated label: [a-z0-9]([-a-z0-9]*[a-z0-9])?
        if (i == start
            || !isLowerAlphanumeric(s.charAt(start))
            || !isLowerAlphanumeric(s.charAt(i - 1))) {
          return false;
        }
        for (int j = start + 1; j < i - 1; j++) {
          char c = s.charAt(j);
          if (!isLowerAlphanumeric(c) && c != '-') {
            return false;
          }
        }
        start = i + 1;
      }
    }
    return true;
  }

  private static boolean isAlphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static boolean isLowerAlphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  /**
   * {@code IsQualifiedName} / {@code IsLabelKey}: {@code [prefix/]name}, the prefix a DNS-1123
   * subdomain, the name at most 63 bytes.
   */
  public static List<String> qualifiedNameErrors(String key) {
    // apimachinery/pkg/api/validate/content/kube.go IsLabelKey
    List<String> errors = new ArrayList<>();
    String name;
    int slash = key.indexOf('/');
    if (slash < 0) {
      name = key;
    } else if (key.indexOf('/', slash + 1) >= 0) {
      errors.add(
          "a valid label key "
              + regexError(LABEL_KEY_ERR_MSG, LABEL_KEY_FMT, "MyName", "my.name", "123-abc")
              + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
      return errors;
    } else {
      String prefix = key.substring(0, slash);
      name = key.substring(slash + 1);
      if (prefix.isEmpty()) {
        errors.add("prefix part " + emptyError());
      } else {
        for (String message : dns1123SubdomainErrors(prefix)) {
          errors.add("prefix part " + message);
        }
      }
    }
    if (name.isEmpty()) {
      errors.add("name part " + emptyError());
    } else if (byteLength(name) > LABEL_KEY_MAX_LENGTH) {
      errors.add("name part " + maxLenError(LABEL_KEY_MAX_LENGTH));
    }
    if (!matchesLabelKeyFormat(name)) {
      errors.add(
          "name part "
              + regexError(LABEL_KEY_ERR_MSG, LABEL_KEY_FMT, "MyName", "my.name", "123-abc"));
    }
    return errors;
  }

  /** {@code IsValidLabelValue} / {@code IsLabelValue}: empty, or a name of at most 63 bytes. */
  public static List<String> labelValueErrors(String value) {
    // apimachinery/pkg/api/validate/content/kube.go IsLabelValue
    List<String> errors = new ArrayList<>();
    if (byteLength(value) > LABEL_VALUE_MAX_LENGTH) {
      errors.add(maxLenError(LABEL_VALUE_MAX_LENGTH));
    }
    if (!value.isEmpty() && !matchesLabelKeyFormat(value)) {
      errors.add(regexError(LABEL_VALUE_ERR_MSG, LABEL_VALUE_FMT, "MyValue", "my_value", "12345"));
    }
    return errors;
  }

  /** {@code IsDNS1123Subdomain}: lowercase, dot-separated labels, at most 253 bytes. */
  public static List<String> dns1123SubdomainErrors(String value) {
    // apimachinery/pkg/api/validate/content/dns.go IsDNS1123Subdomain
    List<String> errors = new ArrayList<>();
    if (byteLength(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) {
      errors.add(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
    }
    if (!matchesDns1123SubdomainFormat(value)) {
      errors.add(regexError(DNS1123_SUBDOMAIN_ERR_MSG, DNS1123_SUBDOMAIN_FMT, "example.com"));
    }
    return errors;
  }

  /**
   * {@code IsDecimalInteger}, used for toleration {@code Lt}/{@code Gt} values: {@code 0} or an
   * optional {@code -} and digits without a leading zero. It does not check the int64 range.
   */
  public static List<String> decimalIntegerErrors(String value) {
    // apimachinery/pkg/api/validate/content/decimal_int.go IsDecimalInteger
    if (value.isEmpty()) {
      return List.of(emptyError());
    }
    if (value.equals("0")) {
      return List.of();
    }
    int start = value.charAt(0) == '-' ? 1 : 0;
    if (start == value.length() || value.charAt(start) < '1' || value.charAt(start) > '9') {
      return List.of(DECIMAL_INTEGER_ERR_MSG);
    }
    for (int i = start + 1; i < value.length(); i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        return List.of(DECIMAL_INTEGER_ERR_MSG);
      }
    }
    return List.of();
  }

  // Go's len() counts UTF-8 bytes; for non-ASCII input that changes which messages appear.
  private static int byteLength(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return s.getBytes(StandardCharsets.UTF_8).length;
      }
    }
    return s.length(); // ASCII: one byte a character
  }

  private static String emptyError() {
    return "must be non-empty";
  }

  private static String maxLenError(int length) {
    // "bytes" since apimachinery v0.35; "characters" before.
    return "must be no more than " + length + " bytes";
  }

  private static String regexError(String message, String format, String... examples) {
    // Kubernetes' RegexError writes "', " after each example and " or " before the next one,
    // hence the two spaces before "or".
    StringBuilder out = new StringBuilder(message).append(" (e.g. ");
    for (int i = 0; i < examples.length; i++) {
      if (i > 0) {
        out.append(" or ");
      }
      out.append('\'').append(examples[i]).append("', ");
    }
    return out.append("regex used for validation is '").append(format).append("')").toString();
  }
}
