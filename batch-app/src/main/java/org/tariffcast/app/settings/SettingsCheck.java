package org.tariffcast.app.settings;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.function.Predicate;
import org.quartz.CronExpression;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.tariffcast.model.run.RunLimits;
import org.tariffcast.reporting.text.Messages;

/**
 * Checks the settings of {@code config/application.yml} (and whatever overrides it) before
 * anything starts: durations, the time zone, the report folder, thread counts, the pool, and
 * every schedule's name, cron expression, zone, trials and threads. Each problem names the file,
 * line and column the value came from, and for a schedule its name. A wrong setting is a bad
 * input: exit status 2, and no database, log file or {@code data/} folder is created.
 */
public final class SettingsCheck {
  private final Environment env;
  private final Iterable<ConfigurationPropertySource> sources;
  private final List<SettingProblem> problems = new ArrayList<>();

  private SettingsCheck(Environment env) {
    this.env = env;
    this.sources = ConfigurationPropertySources.get(env);
  }

  /** Every problem of the settings; empty if none. */
  public static List<SettingProblem> check(Environment env) {
    SettingsCheck c = new SettingsCheck(env);
    c.run();
    return List.copyOf(c.problems);
  }

  /** Throws {@link SettingsException} listing every problem, if there is one. */
  public static void verify(Environment env) {
    List<SettingProblem> p = check(env);
    if (!p.isEmpty()) {
      throw new SettingsException(p);
    }
  }

  private void run() {
    Integer pool = integer(RunOptions.POOL, "a connection pool size in [" + (RunOptions.SPARE_CONNECTIONS + 1)
        + ", 1000]", n -> n > RunOptions.SPARE_CONNECTIONS && n <= 1000);
    int maxThreads = pool == null ? RunLimits.MAX_THREADS : RunOptions.maxThreads(env);
    String threadWords = "0 (one per core) or " + RunOptions.threadsWords(maxThreads);
    integer("tariffcast.threads", threadWords, n -> n >= 0 && n <= maxThreads);
    duration("tariffcast.stale-after", "a duration > 0 such as 10m", d -> !d.isNegative() && !d.isZero());
    duration("tariffcast.progress-interval", "a duration > 0 such as 10s", d -> !d.isNegative() && !d.isZero());
    duration("tariffcast.keep-partition-results", "a duration >= 0 such as 14d", d -> !d.isNegative());
    zone("tariffcast.zone", true);
    path("tariffcast.study", false);
    path("tariffcast.reports", true);
    number("tariffcast.report.chart-scale", "a scale in [1, 4]", x -> x >= 1 && x <= 4);
    integer("tariffcast.report.top-drivers", "a count in [1, 100]", n -> n >= 1 && n <= 100);
    language("tariffcast.report.language");
    List<String> names = new ArrayList<>();
    for (int i = 0; present("tariffcast.schedules[" + i + "]"); i++) {
      schedule(i, maxThreads, names);
    }
  }

  private void schedule(int i, int maxThreads, List<String> names) {
    String base = "tariffcast.schedules[" + i + "]";
    Setting nameSetting = get(base + ".name");
    String name = nameSetting == null ? null : nameSetting.text().trim();
    if (name == null || !name.matches("[A-Za-z0-9_-]{1,100}")) {
      problem(nameSetting, base, base + ".name", "a schedule name of 1-100 letters, digits, '-' or '_'");
      name = null;
    } else if (names.contains(name)) {
      problem(nameSetting, base, base + ".name", "a schedule name not used before");
    } else {
      names.add(name);
    }
    String label = name == null ? base : "tariffcast.schedules[" + name + "]";
    Setting zoneSetting = get(base + ".zone");
    ZoneId zone = zone(base + ".zone", label + ".zone", false);
    Setting cron = get(base + ".cron");
    if (cron == null || cron.text().isBlank()) {
      problem(cron, base, label + ".cron", "a Quartz cron expression (seconds first) such as 0 0 2 * * ?");
    } else {
      try {
        CronExpression e = new CronExpression(cron.text().trim());
        e.setTimeZone(TimeZone.getTimeZone(zone == null || zoneSetting == null ? ZoneId.of("UTC") : zone));
        if (e.getNextValidTimeAfter(new Date()) == null) {
          problem(cron, base, label + ".cron", "a cron expression that fires at some future time",
              "'" + cron.text() + "', which never fires again");
        }
      } catch (ParseException ex) {
        problem(cron, base, label + ".cron", "a Quartz cron expression (seconds first) such as 0 0 2 * * ?",
            "'" + cron.text() + "' (" + ex.getMessage() + ")");
      }
    }
    bool(base + ".enabled", label + ".enabled");
    Setting trials = get(base + ".trials");
    if (trials != null && !trials.text().isBlank()) {
      Long t = parseLong(trials.text());
      if (t == null || !RunLimits.trialsOk(t)) {
        problem(trials, base, label + ".trials", RunLimits.trialsWords());
      }
    }
    Setting seed = get(base + ".seed");
    if (seed != null && !seed.text().isBlank() && parseLong(seed.text()) == null) {
      problem(seed, base, label + ".seed", "an integer seed");
    }
    Setting threads = get(base + ".threads");
    if (threads != null && !threads.text().isBlank()) {
      Long t = parseLong(threads.text());
      if (t == null || t < 0 || t > maxThreads) {
        problem(threads, base, label + ".threads", "0 (tariffcast.threads) or " + RunOptions.threadsWords(maxThreads));
      }
    }
    path(base + ".study", label + ".study", false);
  }

  // --- typed reads -------------------------------------------------------------------------

  /** A setting's text and where it came from. */
  private record Setting(String text, Origin origin) {}

  private Setting get(String key) {
    ConfigurationPropertyName name = ConfigurationPropertyName.of(key);
    for (ConfigurationPropertySource s : sources) {
      ConfigurationProperty p = s.getConfigurationProperty(name);
      if (p != null) {
        return new Setting(p.getValue() == null ? "" : String.valueOf(p.getValue()), p.getOrigin());
      }
    }
    return null;
  }

  private boolean present(String key) {
    ConfigurationPropertyName name = ConfigurationPropertyName.of(key);
    for (ConfigurationPropertySource s : sources) {
      if (s.containsDescendantOf(name) == ConfigurationPropertyState.PRESENT) {
        return true;
      }
    }
    return false;
  }

  private Integer integer(String key, String expected, Predicate<Integer> ok) {
    Setting s = get(key);
    if (s == null) {
      return null;
    }
    Long n = parseLong(s.text());
    if (n == null || n < Integer.MIN_VALUE || n > Integer.MAX_VALUE || !ok.test(n.intValue())) {
      problem(s, key, key, expected);
      return null;
    }
    return n.intValue();
  }

  private void number(String key, String expected, Predicate<Double> ok) {
    Setting s = get(key);
    if (s == null) {
      return;
    }
    try {
      double d = Double.parseDouble(s.text().trim());
      if (Double.isFinite(d) && ok.test(d)) {
        return;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problem(s, key, key, expected);
  }

  private void duration(String key, String expected, Predicate<Duration> ok) {
    Setting s = get(key);
    if (s == null || s.text().isBlank()) {
      return;
    }
    try {
      Duration d = DurationStyle.detectAndParse(s.text().trim());
      if (ok.test(d)) {
        return;
      }
    } catch (RuntimeException e) {
      // reported below
    }
    problem(s, key, key, expected + " (units ms, s, m, h, d, or ISO-8601 such as PT10M)");
  }

  private ZoneId zone(String key, boolean emptyOk) {
    return zone(key, key, emptyOk);
  }

  private ZoneId zone(String key, String label, boolean emptyOk) {
    Setting s = get(key);
    if (s == null || s.text().isBlank() && emptyOk) {
      return null;
    }
    try {
      return ZoneId.of(s.text().trim());
    } catch (DateTimeException e) {
      problem(s, key, label, "a time zone such as Asia/Ho_Chi_Minh or UTC");
      return null;
    }
  }

  /** A report language: one of the shipped message bundles ({@link Messages#LANGUAGES}). */
  private void language(String key) {
    Setting s = get(key);
    if (s != null && !s.text().isBlank() && !Messages.LANGUAGES.contains(s.text().strip())) {
      problem(s, key, key, "a report language, one of " + String.join(", ", Messages.LANGUAGES)
          + " (the shipped message bundles)");
    }
  }

  private void bool(String key, String label) {
    Setting s = get(key);
    if (s != null && !s.text().isBlank()) {
      String t = s.text().trim().toLowerCase(Locale.ROOT);
      if (!t.equals("true") && !t.equals("false")) {
        problem(s, key, label, "true or false");
      }
    }
  }

  private void path(String key, boolean folder) {
    path(key, key, folder);
  }

  /** A path that can be written down; for {@code folder}, not an existing file and writable if it exists. */
  private void path(String key, String label, boolean folder) {
    Setting s = get(key);
    if (s == null || s.text().isBlank()) {
      return;
    }
    Path p;
    try {
      p = Path.of(s.text().trim());
    } catch (InvalidPathException e) {
      problem(s, key, label, "a path", "'" + s.text() + "' (" + e.getReason() + ")");
      return;
    }
    if (folder && Files.exists(p) && !Files.isDirectory(p)) {
      problem(s, key, label, "a folder (or a path where one can be created)", "'" + s.text() + "', which is a file");
    } else if (folder && Files.isDirectory(p) && !Files.isWritable(p)) {
      problem(s, key, label, "a folder this user can write", "'" + s.text() + "', which is read-only");
    }
  }

  private static Long parseLong(String text) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private void problem(Setting s, String key, String label, String expected) {
    problem(s, key, label, expected, s == null ? "nothing" : "'" + s.text() + "'");
  }

  private void problem(Setting s, String key, String label, String expected, String found) {
    problems.add(new SettingProblem(where(s, key), label, expected, found));
  }

  /** {@code file:line:column} of a setting, or where else it came from. */
  private String where(Setting s, String key) {
    Origin o = s == null ? null : s.origin();
    if (s == null) {
      // a missing value: locate the schedule (or whatever holds it) if possible
      int dot = key.lastIndexOf('.');
      Setting parent = null;
      if (dot > 0) {
        String base = key.substring(0, dot);
        for (String k : List.of(base + ".name", base + ".cron", base + ".zone")) {
          parent = get(k);
          if (parent != null) {
            break;
          }
        }
      }
      o = parent == null ? null : parent.origin();
    }
    for (int depth = 0; depth < 8 && o != null && !(o instanceof TextResourceOrigin); depth++) {
      o = o instanceof PropertySourceOrigin p && p.getOrigin() != null ? p.getOrigin() : o.getParent();
    }
    if (o instanceof TextResourceOrigin t && t.getLocation() != null) {
      return file(t.getResource()) + ":" + (t.getLocation().getLine() + 1) + ":" + (t.getLocation().getColumn() + 1);
    }
    return o == null ? "settings" : o.toString();
  }

  private static String file(Resource r) {
    if (r == null) {
      return "settings";
    }
    try {
      if (r.isFile()) {
        Path p = r.getFile().toPath().toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString();
      }
    } catch (java.io.IOException | RuntimeException e) {
      // fall back to the description
    }
    String d = r.getDescription();
    return d.startsWith("class path resource [") ? "classpath:" + d.substring(21, d.length() - 1) : d;
  }
}
