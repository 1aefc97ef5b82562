package netlab.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one JVM: {@code kafka.Kafka}, from
 * the kafka_2.13 Maven artifact on this JVM's classpath), run as a child process inside a lab namespace and
 * listening on that namespace's loopback only. It can be stopped (SIGTERM, as an operator would) and started
 * again on the same log directory; {@link #close()} kills it.
 */
final class KafkaBroker implements AutoCloseable {
    private static final int T = 120;
    private final String ns;
    private final Path dir;
    private final Path props;
    private final int port;
    private Process process;
    private int starts;

    /** Formats the storage of a broker listening on 127.0.0.1:{@code port} (controller on port + 1) in {@code ns}. */
    KafkaBroker(String ns, Path dir, int port) throws IOException, InterruptedException {
        this.ns = ns;
        this.dir = dir;
        this.port = port;
        props = dir.resolve("server.properties");
        Files.writeString(props, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + (port + 1),
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + (port + 1),
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "num.partitions=1",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "") );
        Files.writeString(dir.resolve("log4j2.properties"), String.join("\n",
                "rootLogger.level=info", "rootLogger.appenderRef.out.ref=out",
                "appender.out.type=Console", "appender.out.name=out", "appender.out.target=SYSTEM_OUT",
                "appender.out.layout.type=PatternLayout", "appender.out.layout.pattern=%d %p %c{1}: %m%n", ""));
        Process format = builder("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                "-c", props.toString()).redirectOutput(dir.resolve("format.txt").toFile()).start();
        if (!format.waitFor(T, TimeUnit.SECONDS) || format.exitValue() != 0) {
            format.destroyForcibly();
            fail("kafka storage format failed: " + Files.readString(dir.resolve("format.txt")));
        }
    }

    /** Starts the broker and waits until it says it has started. */
    void start() throws IOException, InterruptedException {
        Path log = dir.resolve("broker-" + ++starts + ".txt");
        process = builder("kafka.Kafka", props.toString()).redirectOutput(log.toFile()).start();
        NamespaceLab.awaitText(process, log, "Kafka Server started", T);
    }

    /** Stops the broker as {@code kafka-server-stop.sh} does (SIGTERM: a controlled shutdown) and waits for it. */
    void stop() throws InterruptedException {
        NamespaceLab.signal(process, "TERM");
        if (!process.waitFor(T, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("broker did not stop within " + T + " s");
        }
    }

    String bootstrap() {
        return "127.0.0.1:" + port;
    }

    private ProcessBuilder builder(String main, String... args) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-XX:+UseSerialGC",
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"),
                "-cp", System.getProperty("java.class.path"), main));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
