package org.tariffcast.reporting.text;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.tariffcast.model.time.Horizon;
import org.tariffcast.model.time.YearQuarter;

/**
 * The words of the brief (and of other front texts) in one language, from the message bundle
 * {@code org/tariffcast/reporting/text/messages[_xx].properties} (UTF-8; {@link MessageFormat}
 * patterns, so a literal apostrophe is written as the typographic ’ or doubled). A translation is
 * one more properties file with the same keys; {@link #LANGUAGES} lists the shipped ones (English,
 * Vietnamese). Numbers follow the language's convention: {@code 1,234.5} in English,
 * {@code 1.234,5} in Vietnamese.
 */
public final class Messages {
  /** Base name of the bundle. */
  public static final String BUNDLE = "org.tariffcast.reporting.text.messages";
  /** Languages shipped, by ISO 639-1 code: {@code en} (the default) and {@code vi}. */
  public static final List<String> LANGUAGES = List.of("en", "vi");

  private final Locale locale;
  private final ResourceBundle bundle;

  private Messages(Locale locale) {
    this.locale = locale;
    // no fallback to the JVM's default locale: an English brief stays English on a Vietnamese machine
    this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /**
   * The messages of {@code language} (an ISO 639-1 code from {@link #LANGUAGES}).
   *
   * @throws IllegalArgumentException naming the language and the shipped ones if it is not shipped
   */
  public static Messages of(String language) {
    if (language == null || !LANGUAGES.contains(language)) {
      throw new IllegalArgumentException("language must be one of " + LANGUAGES + ", found '" + language + "'");
    }
    return new Messages(language.equals("en") ? Locale.ROOT : Locale.forLanguageTag(language));
  }

  public static Messages english() {
    return of("en");
  }

  /** ISO 639-1 code of these messages. */
  public String language() {
    return locale.getLanguage().isEmpty() ? "en" : locale.getLanguage();
  }

  public boolean has(String key) {
    return bundle.containsKey(key);
  }

  /** The message {@code key} with {@code args} filled in (strings as given, numbers already formatted by the caller). */
  public String get(String key, Object... args) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      throw new IllegalStateException("message '" + key + "' is missing from " + BUNDLE + " (" + language() + ")", e);
    }
    return args.length == 0 && !pattern.contains("''") ? pattern : new MessageFormat(pattern, Locale.ROOT).format(args);
  }

  /** The message, or {@code fallback} if the bundle has no such key. */
  public String getOr(String key, String fallback, Object... args) {
    return has(key) ? get(key, args) : fallback;
  }

  /** A number formatted by {@link NumberText} in English, in this language's separators. */
  public String number(String english) {
    if (!language().equals("vi")) {
      return english;
    }
    StringBuilder b = new StringBuilder(english.length());
    for (char c : english.toCharArray()) {
      b.append(c == ',' ? '.' : c == '.' ? ',' : c);
    }
    return b.toString();
  }

  /** {@code value} with {@code decimals} decimals and grouping. */
  public String fixed(double value, int decimals) {
    return number(NumberText.fixed(value, decimals)).replace("-", "\u2212");
  }

  /** USD in billions, e.g. "USD 136.6 bn" or "136,6 tỷ USD". */
  public String usdBn(double usd) {
    return get("number.usdBn", number(NumberText.bn(usd)).replace("-", "\u2212"));
  }

  /** A probability for readers, with "< 0.1 %" / "> 99.9 %" near 0 and 1. */
  public String probability(double p) {
    return number(NumberText.probabilityText(p));
  }

  /** A signed percentage change, e.g. "−14.0 %". */
  public String signedPercent(double fraction) {
    return number(NumberText.signedPercent(fraction)).replace("-", "\u2212");
  }

  /** A month of a quarter's start or end, e.g. "March 2031" or "tháng 3/2031". */
  public String month(YearQuarter q, boolean end) {
    int m = q.quarter() * 3 - (end ? 0 : 2);
    return get("month." + m, Integer.toString(q.year()));
  }

  /** The final year in calendar words: "2027", or "year to March 2031" when it straddles two calendar years. */
  public String finalYear(Horizon h) {
    YearQuarter first = h.quarter(h.finalYearStart());
    return first.quarter() == 1 ? get("year.calendar", Integer.toString(h.end().year()))
        : get("year.to", month(h.end(), true));
  }

  /** e.g. "in 2027" or "in the year to March 2031". */
  public String inFinalYear(Horizon h) {
    YearQuarter first = h.quarter(h.finalYearStart());
    return first.quarter() == 1 ? get("in.year.calendar", Integer.toString(h.end().year()))
        : get("in.year.to", month(h.end(), true));
  }

  /** e.g. "April 2025 to March 2031". */
  public String horizon(Horizon h) {
    return get("horizon", month(h.start(), false), month(h.end(), true));
  }

  /** {@code s} with its first letter in upper case (for a phrase that opens a sentence). */
  public static String capitalise(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}
