package dev.copydesk.core;

import java.util.Optional;

/**
 * A language variant copydesk checks in. This is the one list of them: config, the command line,
 * the servers and LanguageTool's adapter all take their codes and names from here.
 */
public enum Variant {
  EN_US("en-US", "English (US)"),
  EN_GB("en-GB", "English (GB)");

  /** The variant a draft is checked in when it gives no evidence of its own. */
  public static final Variant FALLBACK = EN_US;

  private final String code;
  private final String displayName;

  Variant(String code, String displayName) {
    this.code = code;
    this.displayName = displayName;
  }

  /** LanguageTool's short code with country, such as {@code en-GB}. */
  public String code() {
    return code;
  }

  /** The name LanguageTool's API gives the variant, such as {@code English (GB)}. */
  public String displayName() {
    return displayName;
  }

  /** The variant of a code in any case ({@code en-gb} is en-GB), or empty for any other code. */
  public static Optional<Variant> of(String code) {
    for (Variant variant : values()) {
      if (variant.code.equalsIgnoreCase(code.trim())) {
        return Optional.of(variant);
      }
    }
    return Optional.empty();
  }

  /** The codes, as a user may write them in a list: {@code en-GB, en-US}. */
  public static String codes() {
    StringBuilder codes = new StringBuilder();
    for (Variant variant : values()) {
      codes.append(codes.length() == 0 ? "" : ", ").append(variant.code);
    }
    return codes.toString();
  }

  @Override
  public String toString() {
    return code;
  }
}
