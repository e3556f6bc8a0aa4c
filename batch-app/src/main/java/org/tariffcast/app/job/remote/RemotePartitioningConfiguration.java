package org.tariffcast.app.job.remote;

import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.core.MessagingTemplate;
import org.tariffcast.app.explore.ExploreJobConfiguration;
import org.tariffcast.app.job.JobParams;
import org.tariffcast.app.job.WorkerThreads;

/**
 * Remote partitioning, the {@code remote} profile: the simulate step's partitions run on
 * worker processes ({@code tariffcast worker}) on any machine that reaches the message broker
 * (RabbitMQ) and the shared job repository (PostgreSQL, or one H2 file with AUTO_SERVER). The
 * manager (a {@code run} or {@code schedule} process) sends one request per partition to a
 * durable queue and polls the job repository until every partition step has ended; workers
 * execute the very same worker step, which stores its result in {@code partition_result}.
 * Partitions, merge and numbers are those of local partitioning. A sweep's grid points
 * ({@code run --explore}) go through the same queue to the same workers.
 */
@Configuration(proxyBeanMethods = false)
@Profile("remote")
public class RemotePartitioningConfiguration {

  @Bean(destroyMethod = "destroy")
  CachingConnectionFactory partitionBrokerConnectionFactory(
      @Value("${spring.rabbitmq.host:127.0.0.1}") String host, @Value("${spring.rabbitmq.port:5672}") int port,
      @Value("${spring.rabbitmq.username:guest}") String user, @Value("${spring.rabbitmq.password:guest}") String pass,
      @Value("${spring.rabbitmq.virtual-host:/}") String vhost) {
    CachingConnectionFactory f = new CachingConnectionFactory(host, port);
    f.setUsername(user);
    f.setPassword(pass);
    f.setVirtualHost(vhost);
    return f;
  }

  @Bean
  Queue partitionQueue(@Value("${tariffcast.remote.queue:tariffcast.partitions}") String name) {
    return new Queue(name, true);
  }

  @Bean
  RabbitAdmin partitionBrokerAdmin(CachingConnectionFactory partitionBrokerConnectionFactory) {
    return new RabbitAdmin(partitionBrokerConnectionFactory);
  }

  @Bean
  RabbitTemplate partitionRequests(CachingConnectionFactory partitionBrokerConnectionFactory, Queue partitionQueue) {
    RabbitTemplate t = new RabbitTemplate(partitionBrokerConnectionFactory);
    t.setRoutingKey(partitionQueue.getName());
    return t;
  }

  /** The manager side: requests go out through a channel bridged to the queue. */
  @Bean
  PartitionHandler simulatePartitionHandler(RabbitTemplate partitionRequests, JobRepository repository,
      @Value("${tariffcast.remote.poll-interval:500}") long pollInterval, RabbitAdmin partitionBrokerAdmin,
      Queue partitionQueue, org.springframework.jdbc.core.simple.JdbcClient jdbc,
      @Value("${tariffcast.remote.stall-after:15m}") java.time.Duration stallAfter) throws Exception {
    return new StallWatchingPartitionHandler(sending(JobParams.SIMULATE_PARTITION_STEP, partitionRequests, repository,
        pollInterval), repository, jdbc, partitionBrokerAdmin, partitionQueue.getName(), stallAfter);
  }

  /**
   * The manager side of a sweep ({@code run --explore}): each grid point is a request on the same
   * queue, run by the workers' point step; the manager polls the job repository until every
   * point has ended.
   */
  @Bean
  PartitionHandler explorePointsPartitionHandler(RabbitTemplate partitionRequests, JobRepository repository,
      @Value("${tariffcast.remote.poll-interval:500}") long pollInterval) throws Exception {
    return sending(ExploreJobConfiguration.POINT_STEP, partitionRequests, repository, pollInterval);
  }

  private static MessageChannelPartitionHandler sending(String stepName, RabbitTemplate partitionRequests,
      JobRepository repository, long pollInterval) throws Exception {
    DirectChannel requests = new DirectChannel();
    requests.subscribe(message -> partitionRequests.convertAndSend(
        PartitionRequests.encode((StepExecutionRequest) message.getPayload())));
    MessageChannelPartitionHandler handler = new MessageChannelPartitionHandler();
    handler.setMessagingOperations(new MessagingTemplate(requests));
    handler.setStepName(stepName);
    handler.setJobRepository(repository);
    handler.setPollInterval(pollInterval);
    handler.setTimeout(Long.MAX_VALUE);
    handler.afterPropertiesSet();
    return handler;
  }

  /** The worker side, for {@code tariffcast worker} only. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(name = "tariffcast.mode", havingValue = "worker")
  static class Worker {
    @Bean
    PartitionWorker partitionWorker(JobRepository repository, Step simulatePartitionStep, Step explorePointStep,
        WorkerThreads threads, @Value("${tariffcast.remote.worker-concurrency:1}") int concurrency) {
      threads.fixPerPartition(Math.max(1, threads.defaultThreads() / Math.max(1, concurrency)));
      StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
      handler.setJobRepository(repository);
      handler.setStepLocator(name -> switch (name) {
        case JobParams.SIMULATE_PARTITION_STEP -> simulatePartitionStep;
        case ExploreJobConfiguration.POINT_STEP -> explorePointStep;
        default -> throw new IllegalArgumentException("no step " + name + " on this worker");
      });
      return new PartitionWorker(handler);
    }

    @Bean(destroyMethod = "stop")
    SimpleMessageListenerContainer partitionListener(CachingConnectionFactory partitionBrokerConnectionFactory,
        Queue partitionQueue, PartitionWorker partitionWorker,
        @Value("${tariffcast.remote.worker-concurrency:1}") int concurrency) {
      SimpleMessageListenerContainer c = new SimpleMessageListenerContainer(partitionBrokerConnectionFactory);
      c.setQueueNames(partitionQueue.getName());
      c.setConcurrentConsumers(Math.max(1, concurrency));
      c.setPrefetchCount(1);
      c.setMessageListener(partitionWorker);
      c.setDefaultRequeueRejected(false);
      return c;
    }
  }
}
