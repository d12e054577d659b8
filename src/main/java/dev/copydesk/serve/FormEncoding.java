package dev.copydesk.serve;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** {@code application/x-www-form-urlencoded}, as LanguageTool's clients send queries and bodies. */
final class FormEncoding {

  private FormEncoding() {}

  /** A request body's parameters, read as UTF-8. */
  static Map<String, String> decode(byte[] body) throws RequestException {
    return decode(new String(body, StandardCharsets.UTF_8));
  }

  /** Decodes the parameters (null or empty: none); the first value of a repeated name wins. */
  static Map<String, String> decode(String encoded) throws RequestException {
    Map<String, String> parameters = new HashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return parameters;
    }
    try {
      for (String pair : encoded.split("&")) {
        int equals = pair.indexOf('=');
        String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
        String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
        parameters.putIfAbsent(name, value);
      }
    } catch (IllegalArgumentException e) {
      throw new RequestException(400, "malformed form encoding: " + e.getMessage());
    }
    return parameters;
  }
}
