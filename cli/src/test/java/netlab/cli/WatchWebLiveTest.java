package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.cli.support.ExitCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code watch --web} on a bridge with three host namespaces (10.77.9.1-3): h1 watches and serves the live
 * view on its own loopback, where headless Chromium (started in h1 too) opens it; h2 announces its address,
 * h3 claims the same one. The page shows both stations and the conflict without a reload; the token is
 * required on every request; 50 concurrent streams are capped without the heap growing. Skipped unless root.
 */
class WatchWebLiveTest {
    private static final int T = 90;
    private static final int NET = 9;
    private static final String PEER_IP = NamespaceLab.bridgedIp(NET, 2);
    private static final Pattern URL = Pattern.compile("live view at http://127\\.0\\.0\\.1:(\\d+)/");
    private static NamespaceLab lab;

    @BeforeAll
    static void setUp() {
        lab = NamespaceLab.bridged(NET, 3);
    }

    @AfterAll
    static void tearDown() {
        if (lab != null) {
            lab.close();
        }
    }

    /** Host k sends two gratuitous ARP requests claiming {@code ip} with its own MAC. */
    private static void announce(int k, String ip) {
        lab.announce(k, ip, T, "--interval", "0.1");
    }

    /** Starts watch --web in h1 and returns [process, port]. */
    private static Object[] watch(Path dir, String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("watch", "eth0", "--web", "127.0.0.1:0"));
        args.addAll(List.of(extra));
        Process p = lab.start(lab.host(1), dir, args.toArray(String[]::new));
        NamespaceLab.awaitText(p, dir.resolve("err.txt"), "live view at", T);
        Matcher m = URL.matcher(Files.readString(dir.resolve("err.txt")));
        assertTrue(m.find(), Files.readString(dir.resolve("err.txt")));
        return new Object[] {p, Integer.parseInt(m.group(1))};
    }

    private static String rows(String table) {
        return "Array.prototype.map.call(document.querySelectorAll('#" + table + " tbody tr'), "
                + "function (r) { return r.textContent; }).join('\\n')";
    }

    @Test
    void theLiveViewShowsNewStationsAndTheConflictWithoutReloading(@TempDir Path dir) throws Exception {
        Object[] w = watch(dir);
        Process p = (Process) w[0];
        String url = "http://127.0.0.1:" + w[1] + "/";
        try (Chromium c = Chromium.start(List.of("ip", "netns", "exec", lab.host(1)), 1400, 1000)) {
            c.navigate(url);
            c.waitFor("Number(document.body.getAttribute('data-updates')) >= 1");
            c.eval("window.netlabTestMark = 'same page'");
            announce(2, PEER_IP);
            c.waitFor(rows("table-stations") + ".indexOf('" + NamespaceLab.bridgedMac(NET, 2) + "') >= 0");
            announce(3, PEER_IP);
            c.waitFor(rows("table-events") + ".indexOf('ip_conflict') >= 0");
            c.waitFor(rows("table-stations") + ".indexOf('" + NamespaceLab.bridgedMac(NET, 3) + "') >= 0");
            String events = c.eval(rows("table-events")).asText();
            assertTrue(events.contains("new_station") && events.contains(PEER_IP), events);
            assertEquals("same page", c.eval("window.netlabTestMark").asText(), "the page was not reloaded");
            assertEquals("1", c.eval("document.querySelector('[data-figure=\"ip-conflicts\"] .value')"
                    + ".getAttribute('data-value')").asText());
            assertEquals(List.of(), c.errors);
            assertEquals(List.of(url, url + "events"), c.requests, "only the page and its stream");
            c.screenshot(Path.of("target", "screenshots", "watch-web.png"), 1400);
        } finally {
            NamespaceLab.signal(p, "INT");
        }
        NamespaceLab.Result r = NamespaceLab.finish(p, dir, T);
        assertEquals(ExitCode.SIGINT, r.code(), r.err());
        assertTrue(r.err().contains("web view: 1 streams served, 0 refused"), r.err());
    }

    @Test
    void everyRequestNeedsTheTokenAndTheTokenIsNeverPrinted(@TempDir Path dir) throws Exception {
        String token = "netlab-test-token-" + Long.toHexString(System.nanoTime());
        Object[] w = watch(dir, "--web-token", token);
        Process p = (Process) w[0];
        String py = "import http.client, sys\n"
                + "def req(method, path, headers={}):\n"
                + "    c = http.client.HTTPConnection('127.0.0.1', " + w[1] + ", timeout=30)\n"
                + "    c.request(method, path, headers=headers)\n"
                + "    r = c.getresponse()\n"
                + "    line = r.readline() if r.status == 200 and path.startswith('/events') else b''\n"
                + "    print(method, path.split('?')[0], r.status, r.getheader('Content-Type'), line[:5].decode())\n"
                + "    c.close()\n"
                + "t = sys.argv[1]\n"
                + "req('GET', '/')\n"
                + "req('GET', '/events')\n"
                + "req('GET', '/snapshot?token=wrong-' + t)\n"
                + "req('GET', '/', {'Authorization': 'Bearer ' + t[:-1]})\n"
                + "req('GET', '/?token=' + t)\n"
                + "req('GET', '/snapshot', {'Authorization': 'Bearer ' + t})\n"
                + "req('GET', '/events?token=' + t)\n"
                + "req('POST', '/?token=' + t)\n";
        NamespaceLab.Result r;
        try {
            r = lab.exec(lab.host(1), T, "python3", "-c", py, token);
        } finally {
            NamespaceLab.signal(p, "INT");
        }
        assertEquals(0, r.code(), r.err());
        assertEquals("""
                GET / 401 text/plain\s
                GET /events 401 text/plain\s
                GET /snapshot 401 text/plain\s
                GET / 401 text/plain\s
                GET / 200 text/html; charset=utf-8\s
                GET /snapshot 200 application/json\s
                GET /events 200 text/event-stream data:
                POST / 405 text/plain\s
                """, r.out());
        NamespaceLab.Result end = NamespaceLab.finish(p, dir, T);
        assertEquals(ExitCode.SIGINT, end.code(), end.err());
        assertFalse(end.err().contains(token) || end.out().contains(token), end.err());
        assertTrue(end.err().contains("4 requests without the token"), end.err());
    }

    @Test
    void fiftyConcurrentStreamsAreCappedAndTheHeapDoesNotGrow(@TempDir Path dir) throws Exception {
        Object[] w = watch(dir);
        Process p = (Process) w[0];
        // Three rounds of 50 concurrent GET /events, each held open for 3 s, reading what is pushed.
        String py = "import socket, threading, time\n"
                + "def one(out):\n"
                + "    s = socket.create_connection(('127.0.0.1', " + w[1] + "), timeout=30)\n"
                + "    s.sendall(b'GET /events HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n')\n"
                + "    status = s.recv(64).split(b' ')[1].decode()\n"
                + "    out.append(status)\n"
                + "    end = time.time() + 3\n"
                + "    while status == '200' and time.time() < end:\n"
                + "        s.settimeout(max(0.1, end - time.time()))\n"
                + "        try:\n"
                + "            s.recv(65536)\n"
                + "        except socket.timeout:\n"
                + "            pass\n"
                + "    s.close()\n"
                + "for round in range(3):\n"
                + "    out = []\n"
                + "    ts = [threading.Thread(target=one, args=(out,)) for _ in range(50)]\n"
                + "    [t.start() for t in ts]\n"
                + "    [t.join() for t in ts]\n"
                + "    print(out.count('200'), out.count('503'))\n"
                // Slots free once the server notices the closed streams (at its next pushes): one stream again.
                + "end = time.time() + 60\n"
                + "while time.time() < end:\n"
                + "    out = []\n"
                + "    one(out)\n"
                + "    if out == ['200']:\n"
                + "        print('again 200')\n"
                + "        break\n"
                + "    time.sleep(0.5)\n";
        long before;
        long after;
        NamespaceLab.Result r;
        try {
            before = heapAfterGc(p);
            r = lab.exec(lab.host(1), T, "python3", "-c", py);
            after = heapAfterGc(p);
        } finally {
            NamespaceLab.signal(p, "INT");
        }
        assertEquals(0, r.code(), r.err());
        // The first round meets a fresh server: exactly the cap is served. Later rounds may start while streams
        // of the previous one are still being noticed as closed: never more than the cap, the rest refused.
        List<String> rounds = r.out().lines().toList();
        assertEquals("16 34", rounds.get(0), r.out());
        for (String round : rounds.subList(1, 3)) {
            String[] n = round.split(" ");
            assertTrue(Integer.parseInt(n[0]) <= 16 && Integer.parseInt(n[0]) + Integer.parseInt(n[1]) == 50, r.out());
        }
        assertEquals("again 200", rounds.get(3), r.out());
        // 16 streams share each snapshot; what a stream may hold is a few of them, far below 16 MiB.
        assertTrue(after - before < 16 << 20, "heap grew from " + before + " to " + after + " bytes");
        NamespaceLab.Result end = NamespaceLab.finish(p, dir, T);
        assertEquals(ExitCode.SIGINT, end.code(), end.err());
        Matcher stats = Pattern.compile("web view: (\\d+) streams served, (\\d+) refused \\(at most 16 at once\\)")
                .matcher(end.err());
        assertTrue(stats.find(), end.err());
        int served = Integer.parseInt(stats.group(1));
        assertTrue(served <= 3 * 16 + 1 && served + Integer.parseInt(stats.group(2)) >= 151, end.err());
    }

    /** Heap in use after a full collection, from the JDK's jcmd (GC.run, then GC.heap_info). */
    private static long heapAfterGc(Process p) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        NamespaceLab.Result gc = lab.exec(lab.host(1), T, jcmd, Long.toString(p.pid()), "GC.run");
        assertEquals(0, gc.code(), gc.out() + gc.err());
        NamespaceLab.Result info = lab.exec(lab.host(1), T, jcmd, Long.toString(p.pid()), "GC.heap_info");
        long used = 0;
        Matcher m = Pattern.compile("(generation|space)\\s+total \\d+K, used (\\d+)K").matcher(info.out());
        while (m.find()) {
            used += Long.parseLong(m.group(2)) * 1024;
        }
        assertTrue(used > 0, info.out());
        return used;
    }
}
