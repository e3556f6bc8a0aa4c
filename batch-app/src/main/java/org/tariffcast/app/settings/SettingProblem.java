package org.tariffcast.app.settings;

/**
 * One thing wrong with a setting, located: {@code config/application.yml:27:13:
 * tariffcast.schedules[nightly].cron: expected ..., found ...}. Where the setting came from
 * something without lines (the command line, the environment), {@code where} names it.
 *
 * @param where file:line:column, or the setting's source
 * @param key the setting, e.g. {@code tariffcast.stale-after}
 * @param expected what would have been right
 * @param found what was there
 */
public record SettingProblem(String where, String key, String expected, String found) {
  public String message() {
    return where + ": " + key + ": expected " + expected + ", found " + found;
  }

  @Override
  public String toString() {
    return message();
  }
}
