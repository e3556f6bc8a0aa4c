package org.tariffcast.app.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The identity of the database this process uses: the UUID its first migration stored. */
public class DatabaseIdentity {
  private final JdbcClient jdbc;
  private volatile String id;

  public DatabaseIdentity(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The database's UUID. */
  public String id() {
    String v = id;
    if (v == null) {
      v = jdbc.sql("SELECT database_id FROM database_identity").query(String.class).single();
      id = v;
    }
    return v;
  }
}
