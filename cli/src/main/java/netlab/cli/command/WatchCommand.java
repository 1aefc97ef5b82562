package netlab.cli.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import netlab.analyzers.StandardAnalyzers;
import netlab.analyzers.arp.ArpBinding;
import netlab.analyzers.event.EventListener;
import netlab.analyzers.mac.Station;
import netlab.analyzers.oui.OuiTable;
import netlab.analyzers.stationdb.StationDb;
import netlab.analyzers.stationdb.StationDbEvent;
import netlab.capture.live.Accounts;
import netlab.capture.live.CaptureStats;
import netlab.capture.live.LiveException;
import netlab.capture.live.LiveHandle;
import netlab.capture.live.LiveOptions;
import netlab.capture.live.NetInterface;
import netlab.capture.live.Platform;
import netlab.cli.db.DbLock;
import netlab.cli.db.StationDbFile;
import netlab.cli.io.StdoutException;
import netlab.cli.live.KafkaEvents;
import netlab.cli.live.LiveErrors;
import netlab.cli.live.LiveSession;
import netlab.cli.live.PrivilegeDrop;
import netlab.cli.live.Signals;
import netlab.cli.live.WatchWeb;
import netlab.cli.report.CaptureStatsReport;
import netlab.cli.support.Durations;
import netlab.cli.support.ExitCode;
import netlab.cli.support.Hosts;
import netlab.cli.support.Messages;
import netlab.cli.support.NetlabException;
import netlab.cli.support.OptionCheck;
import netlab.report.LiveEvents;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netlab watch IFACE}: arpwatch's job with netlab's analyzers, and a station database that survives restarts. */
@Command(name = "watch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Watch an interface like arpwatch: learn IP to MAC bindings and the MAC table from live traffic "
                + "and print events as they happen (new_station, changed_mac, flip_flop, ip_conflict, "
                + "unsolicited_reply, sender_mismatch, arp_storm, MAC flooding, broadcast storm); needs root or CAP_NET_RAW.",
            "With --db FILE the bindings (with their MAC history) and stations are kept in FILE (JSON), read at start "
                + "so a known station is not new again, and written atomically every --checkpoint and on every exit "
                + "(SIGINT/SIGTERM: written, then exit 130/143; also when the interface goes away or stdout closes). "
                + "It holds at most --db-cap bindings and stations, evicting those known for the shortest time "
                + "(a db_eviction event says so); one watch at a time may use a FILE.",
            "With -f only the frames the filter passes are analyzed (bindings, MAC table and broadcast rates alike); "
                + "with -Z the interface is opened as root, then the database is read and written as USER.",
            "Exit: 0 at --duration, 3 the database cannot be read, 4 it is not a database netlab will load (left as "
                + "it is), 6 the filter does not compile, 8 the database cannot be written or another watch uses it "
                + "(or --kafka: no broker answered, an event was lost), 9 not permitted (or -Z failed), 10 interface unusable, 130/143 on a signal."})
public final class WatchCommand implements Callable<Integer> {
    private final Platform platform;

    /** The command on {@code platform}: the machine's own (libpcap), or a fake one in tests. */
    public WatchCommand(Platform platform) {
        this.platform = platform;
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IFACE", description = "Interface name, or its number in 'netlab interfaces'.")
    String iface;

    @Option(names = "--db", paramLabel = "FILE", description = "Station database to read at start and keep written (JSON; created if missing).")
    Path dbPath;

    @Option(names = "--checkpoint", paramLabel = "DURATION", converter = Durations.class, defaultValue = "60s",
            description = "Write the database this often (default: ${DEFAULT-VALUE}; arpwatch's 15 min loses a quarter "
                    + "hour of stations to a crash, and a write costs milliseconds).")
    long checkpointNanos;

    @Option(names = "--db-cap", paramLabel = "N", defaultValue = "65536", description = "Bindings and stations the "
            + "database holds at most, each (default: ${DEFAULT-VALUE}, a /16 LAN); beyond it those known for the "
            + "shortest time are evicted, so a flood of made-up addresses cannot push out long-known stations.")
    int dbCap;

    @Option(names = "--json", description = "Events as JSON Lines.")
    boolean json;

    @Option(names = "--duration", paramLabel = "DURATION", converter = Durations.class,
            description = "Stop after this long (exit 0): 30s, 2m, 1h, or a bare number of seconds.")
    Long durationNanos;

    @Option(names = {"-p", "--no-promiscuous-mode"}, description = "Do not put the interface in promiscuous mode.")
    boolean noPromiscuous;

    @Option(names = {"-f", "--filter"}, paramLabel = "BPF", description = "Analyze only the frames this BPF filter "
            + "(pcap-filter(7)) passes, applied in the kernel as capture -f does. It replaces watch's default of every "
            + "frame, for the MAC table and broadcast rates too; unlike Debian arpwatch -F nothing is added around it "
            + "('arp' watches ARP alone; VLAN-tagged ARP as well: 'arp or (vlan and arp)').")
    String filter;

    @Option(names = {"-Z", "--relinquish-privileges"}, paramLabel = "USER", description = "After opening the interface, "
            + "become USER before the --db file is read or written (Debian arpwatch -u): its directory must be "
            + "writable by USER, the file readable. Unlike capture -Z there is no $SUDO_USER default: a database "
            + "is long-lived state, often in a root-owned directory.")
    String user;

    @Option(names = "--kafka", paramLabel = "BOOTSTRAP", description = "Also send every event (its --json line) to "
            + "Kafka at these bootstrap servers (host:port[,host:port]), to --topic, keyed by --segment: one "
            + "segment's events stay in order. Idempotent producer, acks=all, retried for 5 minutes (a broker restart "
            + "loses nothing), at most 65,536 events queued; counts on stderr at exit (exit 8 if any was lost).")
    String kafka;

    @Option(names = "--topic", paramLabel = "TOPIC", defaultValue = "netlab-events",
            description = "Kafka topic for --kafka (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--segment", paramLabel = "NAME", description = "The segment name for --kafka, its record key "
            + "(default: HOST/IFACE).")
    String segment;

    @Option(names = "--kafka-property", paramLabel = "KEY=VALUE", description = "A Kafka producer setting for --kafka "
            + "(repeatable), e.g. security.protocol=SSL.")
    List<String> kafkaProperties = new ArrayList<>();

    @Mixin
    AnalyzerOptions options;

    @Mixin
    WatchWeb web;

    private StandardAnalyzers set;
    private EventListener events;
    private KafkaEvents kafkaEvents;
    private LiveEvents liveEvents;
    /** How often buffered events are written: what a reader of watch's output waits at most. */
    private static final long FLUSH_MILLIS = 100;
    /** How long the end of a run waits for a checkpoint in progress: an interrupt would abort its write. */
    private static final long CHECKPOINT_WAIT_SECONDS = 60;
    private StationDb db;
    private String dbUser;
    private Supplier<OuiTable> vendors;

    @Override
    public Integer call() throws LiveException {
        OptionCheck check = new OptionCheck("watch");
        check.duration("--checkpoint", checkpointNanos, 1_000_000_000L, Long.MAX_VALUE);
        check.duration("--duration", durationNanos, 1_000L, Long.MAX_VALUE);
        check.range("--db-cap", dbCap, 1, Integer.MAX_VALUE);
        options.validate(check);
        web.check();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LiveEvents live = new LiveEvents(out, json, false);
        liveEvents = live;
        kafkaEvents = kafka == null ? null
                : KafkaEvents.open(kafka, topic, segment != null ? segment : Hosts.name() + "/" + iface, kafkaProperties, err);
        events = e -> {
            live.onEvent(e);
            web.onEvent(e);
            if (kafkaEvents != null) {
                kafkaEvents.onEvent(e);
            }
        };
        set = options.analyzers(events);
        try (LiveHandle capture = open();
             LiveSession session = new LiveSession(capture, "netlab-watch-timer")) {
            // Debian arpwatch -u: the handle is open, every file access from here on is the user's.
            Accounts.Account account = PrivilegeDrop.apply(platform.accounts(), user, false);
            dbUser = account == null ? null : account.name();
            try (DbLock lock = dbPath == null ? null : DbLock.acquire(dbPath, dbUser)) {
                loadDb();
                checkpoint();
                err.println("netlab: watching " + Messages.text(capture.device()) + (db == null ? "" : ", "
                        + db.bindingCount() + " bindings and " + db.stationCount() + " stations known from "
                        + Messages.path(dbPath)) + removed(lock));
                err.flush();
                web.start(set, capture.device(), session, err);
                int code = runAndSave(session, err);
                report(err, session.stats());
                return closeKafka(code);
            }
        } catch (LiveException e) {
            throw LiveErrors.of(e);
        } finally {
            closeKafka(0);
            web.close(err);
            out.flush();
        }
    }

    /** Sends what --kafka still holds and prints its counts; exit 8 (when otherwise 0) if an event was lost. */
    private int closeKafka(int code) {
        KafkaEvents k = kafkaEvents;
        kafkaEvents = null;
        if (k == null) {
            return code;
        }
        try {
            k.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return code == ExitCode.OK && k.lost() > 0 ? ExitCode.WRITE_ERROR : code;
    }

    private static String removed(DbLock lock) {
        return lock == null || lock.removed() == 0 ? "" : "; removed " + lock.removed() + " temporary files ("
                + lock.removedBytes() + " bytes) a killed watch left";
    }

    /**
     * Runs until the end, then writes the final state. On every way out (the interface gone, stdout closed, an
     * error) the database is written first; a failure to write it then is reported without hiding the cause.
     */
    private int runAndSave(LiveSession session, PrintWriter err) throws LiveException {
        int code;
        try {
            code = run(session, err);
        } catch (LiveException | RuntimeException | Error e) {
            session.finishTimer(CHECKPOINT_WAIT_SECONDS);
            try {
                checkpoint();
            } catch (NetlabException | StdoutException second) {
                err.println(second instanceof NetlabException ne ? ne.line() : "netlab: " + second.getMessage());
            }
            throw e;
        }
        session.finishTimer(CHECKPOINT_WAIT_SECONDS);
        synchronized (set) {
            set.finish();
        }
        checkpoint();
        return code;
    }

    private LiveHandle open() {
        try {
            NetInterface ni = platform.findInterface(iface);
            // Frames in blocks, as capture --analyze takes them (an event waits at most the 100 ms block
            // timeout): immediate mode's wake-up per frame cost 39% of an ARP flood at 29 kpps in the kernel.
            return platform.open(LiveOptions.defaults(ni.name()).withSnapLength(512)
                    .withPromiscuous(!noPromiscuous).withFilter(filter));
        } catch (LiveException e) {
            throw LiveErrors.of(e);
        }
    }

    private void loadDb() {
        if (dbPath != null) {
            db = StationDbFile.load(dbPath, dbUser, dbCap);
            db.bindings().forEach(set.arp()::seed);
            vendors = options.vendors();
        }
    }

    private int run(LiveSession session, PrintWriter err) throws LiveException {
        if (db != null) {
            session.every(checkpointNanos, checkpointNanos, () -> {
                try {
                    checkpoint();
                } catch (NetlabException e) {
                    err.println(e.line() + " (will try again)");
                    err.flush();
                }
            });
        }
        session.stopAfter(durationNanos);
        long flush = TimeUnit.MILLISECONDS.toNanos(FLUSH_MILLIS);
        session.every(flush, flush, liveEvents::flush);
        try (Signals signals = session.trapSignals()) {
            session.loop(f -> {
                synchronized (set) {
                    set.offer(f);
                }
                return true;
            });
            return session.signalExitCode();
        }
    }

    /**
     * Takes the analyzers' state under their lock, merges it (evicting beyond the cap, with an event), then
     * writes outside the lock.
     */
    private synchronized void checkpoint() {
        if (db == null) {
            return;
        }
        List<ArpBinding> bindings;
        List<Station> stations;
        synchronized (set) {
            bindings = set.arp().bindings();
            stations = set.macTable().stations();
        }
        StationDb.Evicted evicted = db.update(bindings, stations);
        if (evicted.any()) {
            events.onEvent(new StationDbEvent.Evicted(evicted.timeNanos(), evicted.bindings(), evicted.stations(),
                    db.cap(), db.evictedBindings(), db.evictedStations()));
        }
        Instant now = Instant.now();
        OuiTable table = vendors.get();
        try {
            StationDbFile.write(db, dbPath, iface, now.getEpochSecond() * 1_000_000_000L + now.getNano(), table::vendor);
        } catch (IOException e) {
            throw StationDbFile.cannot(true, dbPath, dbUser, e);
        }
    }

    private void report(PrintWriter err, CaptureStats s) {
        if (db != null) {
            long evicted = db.evictedBindings() + db.evictedStations();
            err.println("netlab: wrote " + Messages.path(dbPath) + ": " + db.bindingCount() + " bindings, "
                    + db.stationCount() + " stations" + (evicted == 0 ? "" : " (" + db.evictedBindings()
                    + " bindings and " + db.evictedStations() + " stations evicted at the cap of " + db.cap() + " so far)"));
        }
        err.println(CaptureStatsReport.line(s));
        err.flush();
    }
}
