package org.tariffcast.app.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throw-away schema in the local PostgreSQL ({@code 127.0.0.1:5432/test}, trust auth; 
 * {@code tariffcast.test.postgres.host/port} point elsewhere, see {@link Services#setting}).
 */
public final class Postgres {
  public static final String HOST = Services.setting("tariffcast.test.postgres.host", "127.0.0.1");
  public static final int PORT = Integer.parseInt(Services.setting("tariffcast.test.postgres.port", "5432"));
  public static final String USER = "postgres";
  static final String BASE = "jdbc:postgresql://" + HOST + ":" + PORT + "/test";

  private Postgres() {}

  /** A schema of its own; {@link #close()} drops it. */
  public record Schema(String name) implements AutoCloseable {
    public String url() {
      return BASE + "?currentSchema=" + name;
    }

    @Override
    public void close() throws Exception {
      try (Connection c = DriverManager.getConnection(BASE, USER, ""); Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
      }
    }
  }

  /** Skips (or in CI fails) when PostgreSQL is absent; else creates a fresh schema. */
  public static Schema freshSchema() throws Exception {
    Services.require("PostgreSQL", HOST, PORT);
    String name = "tc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(BASE, USER, ""); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + name);
    }
    return new Schema(name);
  }
}
