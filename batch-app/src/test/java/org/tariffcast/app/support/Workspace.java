package org.tariffcast.app.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.tariffcast.app.cli.Cli;
import org.tariffcast.app.cli.SpringContexts;

/**
 * A planner's working directory in a temporary folder: its own H2 file database under
 * {@code data/}, its {@code reports/} and its log file. Commands run through the real command
 * line; contexts are the real application.
 */
public final class Workspace {
  public final Path root;
  public final Path reports;
  public final Path data;
  private final Map<String, String> properties = new LinkedHashMap<>();

  private Workspace(Path root) {
    this.root = root;
    this.reports = root.resolve("reports");
    this.data = root.resolve("data");
    properties.put("tariffcast.reports", reports.toString());
    properties.put("tariffcast.study", Studies.GSIM.toString());
    properties.put("tariffcast.progress-interval", "1s");
    properties.put("tariffcast.time-zone", "UTC");
    properties.put("logging.file.name", data.resolve("logs/tariffcast.log").toString());
  }

  /** An H2 file database under {@code root/data/}. */
  public static Workspace h2(Path root) {
    Workspace w = new Workspace(root);
    w.properties.put("spring.datasource.url", w.h2Url());
    return w;
  }

  /** The given PostgreSQL schema (see {@link Postgres}). */
  public static Workspace postgres(Path root, Postgres.Schema schema) {
    Workspace w = new Workspace(root);
    w.properties.put("spring.profiles.active", "postgres");
    w.properties.put("spring.datasource.url", schema.url());
    w.properties.put("spring.datasource.username", Postgres.USER);
    return w;
  }

  public String h2Url() {
    return "jdbc:h2:file:" + data.resolve("tariffcast") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
  }

  public String url() {
    return properties.get("spring.datasource.url");
  }

  public Workspace with(String key, String value) {
    properties.put(key, value);
    return this;
  }

  public Map<String, String> properties() {
    return Map.copyOf(properties);
  }

  /** What a command printed and returned. */
  public record Result(int code, String out, String err) {}

  public Result cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Cli.execute(args, properties, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  public ConfigurableApplicationContext context(boolean schedule, String... extra) {
    List<String> args = new ArrayList<>();
    properties.forEach((k, v) -> args.add("--" + k + "=" + v));
    args.addAll(List.of(extra));
    return SpringContexts.application(args, schedule);
  }

  /** A plain JDBC view of the database, for assertions. */
  public JdbcTemplate jdbc() {
    return new JdbcTemplate(dataSource());
  }

  public DataSource dataSource() {
    try {
      boolean h2 = url().startsWith("jdbc:h2:");
      return new SimpleDriverDataSource(java.sql.DriverManager.getDriver(url()), url(), h2 ? "sa" : Postgres.USER, "");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

}
