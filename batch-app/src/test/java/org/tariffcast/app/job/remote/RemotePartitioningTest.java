package org.tariffcast.app.job.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tariffcast.app.support.Postgres;
import org.tariffcast.app.support.Results;
import org.tariffcast.app.support.Services;
import org.tariffcast.app.support.Studies;
import org.tariffcast.app.support.Workspace;

/**
 * Remote partitioning through the local RabbitMQ: a worker application runs every partition a
 * {@code run} of the remote profile sends, on a shared PostgreSQL repository (an H2 file when
 * PostgreSQL is absent), and the stored numbers equal those of a local run.
 */
class RemotePartitioningTest {
  @TempDir
  Path tmp;

  @Test
  void aWorkerRunsThePartitionsAndTheNumbersEqualALocalRun() throws Exception {
    Services.require("RabbitMQ", Services.RABBIT_HOST, Services.RABBIT_PORT);
    Postgres.Schema schema = null;
    Workspace ws;
    String profiles = "remote";
    try {
      schema = Postgres.freshSchema();
      ws = Workspace.postgres(tmp.resolve("ws"), schema);
      profiles = "postgres,remote";
    } catch (org.opentest4j.TestAbortedException e) {
      ws = Workspace.h2(tmp.resolve("ws"));
    }
    try {
      String queue = "tariffcast.test." + UUID.randomUUID();
      ws.with("spring.profiles.active", profiles).with("tariffcast.remote.queue", queue)
          .with("spring.rabbitmq.host", Services.RABBIT_HOST).with("spring.rabbitmq.port", "" + Services.RABBIT_PORT)
          .with("tariffcast.remote.poll-interval", "100");
      Path study = Studies.gsimWithPartitions(tmp.resolve("study"), 4);
      try (ConfigurableApplicationContext worker = ws.context(false, "--tariffcast.mode=worker")) {
        PartitionWorker partitionWorker = worker.getBean(PartitionWorker.class);

        Workspace.Result r = ws.cli("run", "--config", study.toString(), "--trials", "800");

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(partitionWorker.handled()).isEqualTo(4);
        worker.getBean(org.springframework.amqp.rabbit.core.RabbitAdmin.class).deleteQueue(queue);
      }
      JdbcTemplate db = ws.jdbc();
      assertThat(db.queryForObject("SELECT COUNT(*) FROM partition_result", Integer.class)).isEqualTo(4);
      Workspace local = Workspace.h2(tmp.resolve("local"));
      assertThat(local.cli("run", "--config", study.toString(), "--trials", "800").code()).isZero();
      Results.assertSameNumbers(Results.load(ws, 1), Results.load(local, 1));
    } finally {
      if (schema != null) {
        schema.close();
      }
    }
  }
}
