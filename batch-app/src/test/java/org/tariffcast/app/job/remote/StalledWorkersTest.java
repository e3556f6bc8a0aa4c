package org.tariffcast.app.job.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.context.ConfigurableApplicationContext;
import org.tariffcast.app.support.Services;
import org.tariffcast.app.support.Studies;
import org.tariffcast.app.support.Workspace;

/**
 * Remote partitioning with no worker on the queue: the run fails after
 * {@code tariffcast.remote.stall-after} with a message naming the queue and the partitions no
 * worker took; with a worker started in time it completes.
 */
class StalledWorkersTest {
  @TempDir
  Path tmp;

  Workspace remote(String queue) {
    return Workspace.h2(tmp.resolve("ws")).with("spring.profiles.active", "remote")
        .with("tariffcast.remote.queue", queue).with("spring.rabbitmq.host", Services.RABBIT_HOST)
        .with("spring.rabbitmq.port", "" + Services.RABBIT_PORT).with("tariffcast.remote.poll-interval", "100");
  }

  @Test
  void aRemoteRunWithNoWorkerFailsAfterTheStallTimeNamingTheQueueAndThePartitions() throws Exception {
    Services.require("RabbitMQ", Services.RABBIT_HOST, Services.RABBIT_PORT);
    String queue = "tariffcast.test." + UUID.randomUUID();
    Workspace ws = remote(queue).with("tariffcast.remote.stall-after", "3s");
    Path study = Studies.gsimWithPartitions(tmp.resolve("study"), 3);
    try {
      long start = System.nanoTime();
      Workspace.Result r = ws.cli("run", "--config", study.toString(), "--trials", "300");
      double seconds = (System.nanoTime() - start) / 1e9;
      assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
      String message = ws.jdbc().queryForObject("SELECT message FROM projection_run WHERE run_id = 1", String.class);
      assertThat(message).contains("no partition progressed for 3s", "queue '" + queue + "'",
          "3 requests waiting, 0 workers consuming it", "0 of 3 partitions done",
          "no worker took partition0, partition1, partition2", "tariffcast resume --run 1");
      assertThat(ws.jdbc().queryForObject("SELECT status FROM projection_run WHERE run_id = 1", String.class))
          .isEqualTo("FAILED");
      assertThat(ws.jdbc().queryForObject("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE "
          + "'simulate-partition:%' AND STATUS = 'FAILED'", Integer.class)).isEqualTo(3);
      assertThat(seconds).as("failed after the stall time, not never").isLessThan(120);
    } finally {
      deleteQueue(ws, queue);
    }
  }

  @Test
  void withAWorkerStartedInTimeTheRemoteRunCompletes() throws Exception {
    Services.require("RabbitMQ", Services.RABBIT_HOST, Services.RABBIT_PORT);
    String queue = "tariffcast.test." + UUID.randomUUID();
    Workspace ws = remote(queue).with("tariffcast.remote.stall-after", "20s");
    Path study = Studies.gsimWithPartitions(tmp.resolve("study"), 3);
    CompletableFuture<Workspace.Result> run = CompletableFuture.supplyAsync(
        () -> ws.cli("run", "--config", study.toString(), "--trials", "300"));
    try {
      waitForRequests(ws);
      try (ConfigurableApplicationContext worker = ws.context(false, "--tariffcast.mode=worker")) {
        Workspace.Result r = run.get();
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(worker.getBean(PartitionWorker.class).handled()).isEqualTo(3);
      }
    } finally {
      deleteQueue(ws, queue);
    }
  }

  /** Until the manager has sent its requests: the worker starts after the run, as a late worker would. */
  void waitForRequests(Workspace ws) throws InterruptedException {
    long end = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < end) {
      try {
        Integer n = ws.jdbc().queryForObject("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE "
            + "'simulate-partition:%'", Integer.class);
        if (n != null && n == 3) {
          return;
        }
      } catch (RuntimeException e) {
        // tables not there yet
      }
      Thread.sleep(100);
    }
  }

  static void deleteQueue(Workspace ws, String queue) {
    org.springframework.amqp.rabbit.connection.CachingConnectionFactory f =
        new org.springframework.amqp.rabbit.connection.CachingConnectionFactory(Services.RABBIT_HOST,
            Services.RABBIT_PORT);
    try {
      new RabbitAdmin(f).deleteQueue(queue);
    } finally {
      f.destroy();
    }
  }
}
