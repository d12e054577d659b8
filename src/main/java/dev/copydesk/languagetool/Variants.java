package dev.copydesk.languagetool;

import dev.copydesk.core.Variant;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.languagetool.JLanguageTool;

/**
 * Which variant a draft is written in, told from its own spellings (colour/color,
 * defence/defense, -ise/-ize...) with LanguageTool's list of 4,800 US/GB word pairs.
 */
final class Variants {

  private static final Pattern WORD = Pattern.compile("\\p{L}+");
  private static volatile Map<String, Variant> variantSpellings;

  private Variants() {}

  /** The variant the prose's spellings point to; {@code fallback} on no evidence or an even split. */
  static Variant guess(String prose, Variant fallback) {
    Map<String, Variant> spellings = variantSpellings();
    int british = 0;
    int american = 0;
    Matcher words = WORD.matcher(prose);
    while (words.find()) {
      Variant variant = spellings.get(words.group().toLowerCase(Locale.ROOT));
      if (variant == Variant.EN_GB) {
        british++;
      } else if (variant == Variant.EN_US) {
        american++;
      }
    }
    if (british == american) {
      return fallback;
    }
    return british > american ? Variant.EN_GB : Variant.EN_US;
  }

  /** The variant a word's spelling belongs to when the variants spell it differently; else null. */
  static Variant ofSpelling(String word) {
    return variantSpellings().get(word.toLowerCase(Locale.ROOT));
  }

  /** Each word that is spelled differently in the two variants, mapped to its variant. */
  private static Map<String, Variant> variantSpellings() {
    Map<String, Variant> result = variantSpellings;
    if (result != null) {
      return result;
    }
    result = new HashMap<>();
    String resource = "/org/languagetool/resource/en/en-US-GB.txt";
    try (InputStream in = JLanguageTool.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("LanguageTool resource missing: " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.startsWith("#") || !line.contains(";")) {
          continue;
        }
        String[] pair = line.split(";", 2);
        String us = pair[0].trim().toLowerCase(Locale.ROOT);
        String gb = pair[1].trim().toLowerCase(Locale.ROOT);
        // A few pairs differ only in a form both variants accept (-ize is also Oxford British);
        // count a word only when it belongs to one side.
        if (!us.equals(gb)) {
          result.putIfAbsent(us, Variant.EN_US);
          result.putIfAbsent(gb, Variant.EN_GB);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    variantSpellings = Map.copyOf(result);
    return variantSpellings;
  }
}
