package org.tariffcast.app.monitoring;

import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** The message broker of remote partitioning: reachable, and the partition queue's depth and consumers (workers). */
public class BrokerHealthIndicator extends AbstractHealthIndicator {
  private final ConnectionFactory factory;
  private final RabbitAdmin admin;
  private final String queue;

  public BrokerHealthIndicator(ConnectionFactory factory, RabbitAdmin admin, String queue) {
    super("the message broker cannot be reached");
    this.factory = factory;
    this.admin = admin;
    this.queue = queue;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    try (Connection c = factory.createConnection()) {
      builder.up().withDetail("host", factory.getHost() + ":" + factory.getPort()).withDetail("queue", queue);
      var info = admin.getQueueInfo(queue);
      if (info != null) {
        builder.withDetail("requests_waiting", info.getMessageCount()).withDetail("workers", info.getConsumerCount());
      }
    }
  }
}
