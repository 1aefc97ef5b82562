package netlab.cli;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A plain Kafka consumer run by the test inside the lab namespace: prints every record of a topic from the
 * beginning as {@code partition TAB offset TAB key TAB value}, until it has {@code count} records or 60 s passed.
 */
public final class TopicDump {
    private TopicDump() {
    }

    public static void main(String[] args) {
        String bootstrap = args[0];
        String topic = args[1];
        int count = Integer.parseInt(args[2]);
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("isolation.level", "read_committed");
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(60)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            int seen = 0;
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (seen < count && System.nanoTime() < end) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                    System.out.println(r.partition() + "\t" + r.offset() + "\t" + r.key() + "\t" + r.value());
                    seen++;
                }
            }
            // A little longer: anything past the expected count would be a duplicate.
            for (ConsumerRecord<String, String> r : c.poll(Duration.ofSeconds(2))) {
                System.out.println(r.partition() + "\t" + r.offset() + "\t" + r.key() + "\t" + r.value());
            }
        }
    }
}
