package netlab.cli.live;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import netlab.analyzers.event.Event;
import netlab.analyzers.event.EventListener;
import netlab.cli.support.ExitCode;
import netlab.cli.support.NetlabException;
import netlab.report.EventJson;
import netlab.report.Json;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code watch --kafka}: sends each event, as its {@code --json} line, to a Kafka topic, keyed by the segment
 * so one segment's events stay in one partition, in order. The capture thread only offers to a bounded queue
 * ({@link #QUEUE_CAP} events; when full, events are dropped and counted, never blocking the capture); one
 * sender thread hands them to an idempotent producer (acks=all, retries until {@link #DELIVERY_TIMEOUT}), so a
 * broker restart within that time loses and duplicates nothing. Loaded only when --kafka is given: the
 * Kafka client stays off every other command's start-up path.
 */
public final class KafkaEvents implements EventListener, AutoCloseable {
    static final int QUEUE_CAP = 65_536;
    /** How long an event is retried before it counts as failed: a broker restart or short outage fits. */
    static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
    private static final String STOP = new String("stop");

    private final String bootstrap;
    private final String topic;
    private final String key;
    private final PrintWriter err;
    private final KafkaProducer<String, String> producer;
    private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(QUEUE_CAP);
    private final Thread sender;
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    /** Set by the callback when the producer refused the record now (sender thread only). */
    private Exception rejected;

    private KafkaEvents(String bootstrap, String topic, String key, List<String> properties, PrintWriter err) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.key = key;
        this.err = err;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put("max.in.flight.requests.per.connection", "5");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(DELIVERY_TIMEOUT.toMillis()));
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        // The producer's own buffer is bounded too: 8 MiB of records waiting for a broker.
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Integer.toString(8 << 20));
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(CONNECT_TIMEOUT.toMillis()));
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "netlab-watch-" + key);
        for (String kv : properties) {
            int eq = kv.indexOf('=');
            if (eq < 1) {
                throw new NetlabException(ExitCode.USAGE, "--kafka-property '" + kv + "'", "not KEY=VALUE",
                        "e.g. --kafka-property security.protocol=SSL");
            }
            p.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        try {
            producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        } catch (KafkaException e) {
            throw new NetlabException(ExitCode.USAGE, "kafka " + bootstrap, rootMessage(e), "check --kafka and --kafka-property", e);
        }
        sender = new Thread(this::sendLoop, "netlab-kafka-sender");
        sender.setDaemon(true);
    }

    /**
     * Connects (waits up to 15 s for the topic's metadata) and starts the sender.
     *
     * @throws NetlabException (exit 8) when no broker answers, naming the bootstrap servers
     */
    public static KafkaEvents open(String bootstrap, String topic, String key, List<String> properties, PrintWriter err) {
        KafkaEvents k = new KafkaEvents(bootstrap, topic, key, properties, err);
        try {
            k.producer.partitionsFor(topic);
        } catch (KafkaException e) {
            k.producer.close(Duration.ZERO);
            throw new NetlabException(ExitCode.WRITE_ERROR, "kafka " + bootstrap, e instanceof TimeoutException
                    ? "no answer about topic '" + topic + "' in " + CONNECT_TIMEOUT.toSeconds() + " s" : rootMessage(e),
                    "is the broker up, and the topic there or auto-created?", e);
        }
        k.sender.start();
        return k;
    }

    @Override
    public void onEvent(Event e) {
        if (!queue.offer(line(e)) && dropped.getAndIncrement() == 0) {
            err.println("netlab: kafka " + bootstrap + ": " + QUEUE_CAP + " events waiting, dropping new ones "
                    + "(the broker is slow or gone; counts at exit)");
            err.flush();
        }
    }

    private static String line(Event e) {
        StringWriter w = new StringWriter(256);
        try (JsonGenerator g = Json.compact(w)) {
            EventJson.write(g, e);
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
        return w.toString();
    }

    private void sendLoop() {
        try {
            for (String value = queue.take(); value != STOP; value = queue.take()) {
                send(value);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Hands one event to the producer, waiting while its buffer is full or the topic's partition unknown (the
     * broker down): the producer reports that to the callback, on this thread, before {@code send} returns,
     * without taking the record; it is then offered again, so nothing behind it overtakes it.
     */
    private void send(String value) throws InterruptedException {
        while (true) {
            rejected = null;
            try {
                producer.send(new ProducerRecord<>(topic, key, value), (meta, x) -> {
                    if (x instanceof TimeoutException && Thread.currentThread() == sender) {
                        rejected = x;
                    } else if (x == null) {
                        acked.incrementAndGet();
                    } else if (failed.getAndIncrement() == 0) {
                        err.println("netlab: kafka " + bootstrap + ": event not delivered: " + rootMessage(x)
                                + " (counts at exit)");
                        err.flush();
                    }
                });
            } catch (TimeoutException e) {
                rejected = e;
            } catch (KafkaException e) {
                failed.incrementAndGet();
                return;
            }
            if (rejected == null) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /** Events the broker acknowledged so far. */
    long acknowledged() {
        return acked.get();
    }

    /** Events lost: not delivered in time, or dropped at a full queue. */
    public long lost() {
        return failed.get() + dropped.get();
    }

    /** Sends what is queued (up to the delivery timeout), closes the producer and prints the counts on stderr. */
    @Override
    public void close() throws InterruptedException {
        queue.put(STOP);
        sender.join(DELIVERY_TIMEOUT.toMillis());
        producer.flush();
        producer.close(Duration.ofSeconds(5));
        err.println("netlab: kafka " + bootstrap + ": " + acked.get() + " events sent to topic '" + topic
                + "' (acknowledged), " + failed.get() + " not delivered, " + dropped.get() + " dropped");
        err.flush();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
