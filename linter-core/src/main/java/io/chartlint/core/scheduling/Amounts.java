package io.chartlint.core.scheduling;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Resource amounts in words a person reads at a glance. */
final class Amounts {
  private static final String[] BINARY = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
  private static final BigDecimal KIBI = BigDecimal.valueOf(1024);

  private Amounts() {}

  /** {@code 500m} for cpu below a core, {@code 2} cores, {@code 1.5Gi} for bytes, else plain. */
  static String describe(String resource, BigDecimal amount) {
    if (ResourceList.CPU.equals(resource)) {
      return amount.compareTo(BigDecimal.ONE) < 0 && amount.signum() > 0
          ? amount.movePointRight(3).stripTrailingZeros().toPlainString() + "m"
          : amount.stripTrailingZeros().toPlainString();
    }
    if (ResourceList.MEMORY.equals(resource)
        || ResourceList.EPHEMERAL_STORAGE.equals(resource)
        || resource.startsWith("hugepages-")) {
      BigDecimal value = amount;
      int unit = 0;
      while (value.compareTo(KIBI) >= 0 && unit < BINARY.length - 1) {
        value = value.divide(KIBI);
        unit++;
      }
      return value
              .setScale(Math.min(2, Math.max(0, value.scale())), RoundingMode.HALF_UP)
              .stripTrailingZeros()
              .toPlainString()
          + BINARY[unit];
    }
    return amount.stripTrailingZeros().toPlainString();
  }
}
