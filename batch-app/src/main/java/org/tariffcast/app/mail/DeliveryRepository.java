package org.tariffcast.app.mail;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code delivery} table, an outbox: a mail is recorded (PENDING) before it is sent, claimed
 * by one process at a time (SENDING), then SENT, retried later (PENDING again, with the error),
 * or GAVE_UP. Its {@code dedup_key} makes each event mail once.
 */
@Repository
public class DeliveryRepository {
  private final JdbcClient jdbc;

  public DeliveryRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A mail to send. */
  public record Mail(String dedupKey, String kind, String event, Long runId, List<String> recipients, String subject,
      String body, List<String> attachments) {}

  /** A recorded delivery. */
  public record Delivery(long id, String dedupKey, String kind, String event, Long runId, List<String> recipients,
      String subject, String body, List<String> attachments, String status, int attempts, String lastError,
      Instant createdAt, Instant sentAt) {}

  static OffsetDateTime ts(Instant i) {
    return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }

  /** Records a mail to send now; false if one with the same key was recorded before. */
  public boolean enqueue(Mail m, Instant now) {
    try {
      jdbc.sql("""
          INSERT INTO delivery (dedup_key, kind, event, run_id, recipients, subject, body, attachments, status,
            attempts, created_at, next_attempt_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)""")
          .params(m.dedupKey(), m.kind(), m.event(), m.runId(), String.join(", ", m.recipients()),
              truncate(m.subject(), 500), m.body(), m.attachments().isEmpty() ? null : String.join("\n", m.attachments()),
              ts(now), ts(now))
          .update();
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  public boolean exists(String dedupKey) {
    return jdbc.sql("SELECT COUNT(*) FROM delivery WHERE dedup_key = ?").param(dedupKey).query(Long.class).single() > 0;
  }

  /**
   * Claims the deliveries due now for this process: PENDING ones whose time has come, and
   * SENDING ones whose claimer has been silent for {@code staleClaim} (it died while sending).
   */
  public List<Delivery> claimDue(String owner, Instant now, java.time.Duration staleClaim) {
    List<Long> ids = jdbc.sql("""
        SELECT delivery_id FROM delivery WHERE (status = 'PENDING' AND next_attempt_at <= ?)
          OR (status = 'SENDING' AND claimed_at < ?) ORDER BY delivery_id""")
        .params(ts(now), ts(now.minus(staleClaim))).query(Long.class).list();
    List<Delivery> claimed = new ArrayList<>();
    for (long id : ids) {
      int n = jdbc.sql("""
          UPDATE delivery SET status = 'SENDING', claimed_by = ?, claimed_at = ?
          WHERE delivery_id = ? AND ((status = 'PENDING' AND next_attempt_at <= ?)
            OR (status = 'SENDING' AND claimed_at < ?))""")
          .params(owner, ts(now), id, ts(now), ts(now.minus(staleClaim))).update();
      if (n == 1) {
        find(id).ifPresent(claimed::add);
      }
    }
    return claimed;
  }

  public void sent(long id, Instant now) {
    jdbc.sql("UPDATE delivery SET status = 'SENT', attempts = attempts + 1, sent_at = ?, last_error = NULL "
        + "WHERE delivery_id = ?").params(ts(now), id).update();
  }

  /** Records a failed attempt: retried at {@code next}, or given up when {@code next} is null. */
  public void failed(long id, String error, Instant next) {
    jdbc.sql("UPDATE delivery SET status = ?, attempts = attempts + 1, last_error = ?, next_attempt_at = "
        + "COALESCE(?, next_attempt_at), claimed_by = NULL, claimed_at = NULL WHERE delivery_id = ?")
        .params(next == null ? "GAVE_UP" : "PENDING", truncate(error, 4000), ts(next), id).update();
  }

  public Optional<Delivery> find(long id) {
    return jdbc.sql("SELECT * FROM delivery WHERE delivery_id = ?").param(id).query(DeliveryRepository::row)
        .optional();
  }

  /** Every delivery of a run, oldest first. */
  public List<Delivery> ofRun(long runId) {
    return jdbc.sql("SELECT * FROM delivery WHERE run_id = ? ORDER BY delivery_id").param(runId)
        .query(DeliveryRepository::row).list();
  }

  public List<Delivery> all() {
    return jdbc.sql("SELECT * FROM delivery ORDER BY delivery_id").query(DeliveryRepository::row).list();
  }

  /**
   * One word per run for {@code history} and the console: {@code sent}, {@code pending}
   * (not sent yet, being retried), {@code gave up}, or "-" when nothing was mailed.
   */
  public String summary(long runId) {
    List<String> statuses = jdbc.sql("SELECT status FROM delivery WHERE run_id = ?").param(runId)
        .query(String.class).list();
    if (statuses.isEmpty()) {
      return "-";
    }
    if (statuses.contains("GAVE_UP")) {
      return "gave up";
    }
    if (statuses.contains("PENDING") || statuses.contains("SENDING")) {
      return "pending";
    }
    return "sent";
  }

  static Delivery row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    String att = rs.getString("attachments");
    OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
    OffsetDateTime sent = rs.getObject("sent_at", OffsetDateTime.class);
    return new Delivery(rs.getLong("delivery_id"), rs.getString("dedup_key"), rs.getString("kind"),
        rs.getString("event"), rs.getObject("run_id", Long.class), List.of(rs.getString("recipients").split(",\\s*")),
        rs.getString("subject"), rs.getString("body"), att == null ? List.of() : List.of(att.split("\n")),
        rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"),
        created == null ? null : created.toInstant(), sent == null ? null : sent.toInstant());
  }

  static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
