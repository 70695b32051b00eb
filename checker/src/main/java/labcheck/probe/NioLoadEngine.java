package labcheck.probe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A wrk-like HTTP/1.1 client for plain {@code http://} targets: non-blocking keep-alive
 * connections, one selector per thread, one request in flight per connection, responses
 * parsed just enough to find their end (Content-Length, chunked, or close). The JDK
 * HttpClient spends several times more CPU per request, which on a small machine would
 * measure the client rather than the app.
 */
final class NioLoadEngine {

    private final List<URI> targets;
    private final int concurrency;
    private final long requestTimeoutNanos;
    private final LoadStats stats;

    NioLoadEngine(List<URI> targets, int concurrency, long requestTimeoutNanos, LoadStats stats) {
        this.targets = targets;
        this.concurrency = concurrency;
        this.requestTimeoutNanos = requestTimeoutNanos;
        this.stats = stats;
    }

    /** Whether every target is plain HTTP on one host and port. */
    static boolean supports(List<URI> targets) {
        URI first = targets.get(0);
        return targets.stream().allMatch(u -> "http".equalsIgnoreCase(u.getScheme()) && u.getHost() != null
                && u.getHost().equals(first.getHost()) && port(u) == port(first));
    }

    private static int port(URI u) {
        return u.getPort() > 0 ? u.getPort() : 80;
    }

    /** Runs until the stats window closes; returns requests still in flight when it stopped. */
    long run(long hardStopNanos) throws InterruptedException {
        URI first = targets.get(0);
        InetSocketAddress addr = new InetSocketAddress(first.getHost(), port(first));
        byte[][] requests = targets.stream().map(u -> ("GET " + (u.getRawPath() == null || u.getRawPath().isEmpty()
                ? "/" : u.getRawPath()) + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()) + " HTTP/1.1\r\nHost: "
                + u.getHost() + ":" + port(u) + "\r\nAccept: */*\r\nUser-Agent: labcheck-load\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
        int threads = Math.max(1, Math.min(concurrency, Runtime.getRuntime().availableProcessors()));
        List<Worker> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int share = concurrency / threads + (t < concurrency % threads ? 1 : 0);
            workers.add(new Worker(addr, requests, share, t, hardStopNanos));
        }
        List<Thread> running = new ArrayList<>();
        for (Worker w : workers) {
            Thread th = new Thread(w, "labcheck-load-" + running.size());
            th.setDaemon(true);
            th.start();
            running.add(th);
        }
        for (Thread th : running) {
            th.join(Math.max(1, (hardStopNanos - System.nanoTime()) / 1_000_000 + 1000));
        }
        return workers.stream().mapToLong(w -> w.inFlightAtEnd).sum();
    }

    /** One selector thread and its connections. */
    private final class Worker implements Runnable {
        private final InetSocketAddress addr;
        private final byte[][] requests;
        private final int connections;
        private final long hardStop;
        private int next;
        long inFlightAtEnd;

        Worker(InetSocketAddress addr, byte[][] requests, int connections, int offset, long hardStop) {
            this.addr = addr;
            this.requests = requests;
            this.connections = connections;
            this.hardStop = hardStop;
            this.next = offset;
        }

        @Override
        public void run() {
            try (Selector sel = Selector.open()) {
                for (int i = 0; i < connections; i++) {
                    open(sel);
                }
                while (true) {
                    long now = System.nanoTime();
                    int busy = 0;
                    List<SelectionKey> late = new ArrayList<>();
                    for (SelectionKey k : sel.keys()) {
                        Conn c = (Conn) k.attachment();
                        if (k.isValid() && c != null && c.inFlight) {
                            busy++;
                            if (now - c.t0 > requestTimeoutNanos) {
                                late.add(k);
                            }
                        }
                    }
                    for (SelectionKey k : late) {
                        Conn c = (Conn) k.attachment();
                        stats.record(c.t0, now, false, "no answer within " + requestTimeoutNanos / 1_000_000 + " ms");
                        reopen(sel, k, c, false);
                    }
                    if ((!stats.running(now) && busy == 0) || now > hardStop) {
                        inFlightAtEnd = busy;
                        break;
                    }
                    sel.select(20);
                    for (var it = sel.selectedKeys().iterator(); it.hasNext(); ) {
                        SelectionKey k = it.next();
                        it.remove();
                        if (k.isValid()) {
                            handle(sel, k);
                        }
                    }
                }
                for (SelectionKey k : sel.keys()) {
                    k.channel().close();
                }
            } catch (IOException e) {
                stats.abandoned(1, "selector failed: " + e.getMessage());
            }
        }

        private void open(Selector sel) throws IOException {
            if (!stats.running(System.nanoTime())) {
                return;
            }
            SocketChannel ch = SocketChannel.open();
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Conn c = new Conn();
            c.t0 = System.nanoTime();
            c.inFlight = true;
            if (ch.connect(addr)) {
                ch.register(sel, 0, c);
                send(ch.keyFor(sel), c);
            } else {
                ch.register(sel, SelectionKey.OP_CONNECT, c);
            }
        }

        private void reopen(Selector sel, SelectionKey k, Conn c, boolean unused) throws IOException {
            k.cancel();
            k.channel().close();
            c.inFlight = false;
            open(sel);
        }

        private void handle(Selector sel, SelectionKey k) throws IOException {
            Conn c = (Conn) k.attachment();
            SocketChannel ch = (SocketChannel) k.channel();
            try {
                if (k.isConnectable()) {
                    ch.finishConnect();
                    send(k, c);
                    return;
                }
                if (k.isWritable()) {
                    ch.write(c.out);
                    if (!c.out.hasRemaining()) {
                        k.interestOps(SelectionKey.OP_READ);
                    }
                    return;
                }
                if (k.isReadable()) {
                    int n = ch.read(c.in);
                    if (n < 0) {
                        boolean complete = c.untilClose && c.state == Conn.BODY;
                        long t1 = System.nanoTime();
                        stats.record(c.t0, t1, complete && c.status / 100 == 2, complete ? "HTTP " + c.status
                                : "connection closed by the app mid-response");
                        reopen(sel, k, c, false);
                        return;
                    }
                    c.in.flip();
                    boolean done = c.parse();
                    c.in.compact();
                    if (c.failure != null) {
                        stats.record(c.t0, System.nanoTime(), false, c.failure);
                        reopen(sel, k, c, false);
                    } else if (done) {
                        long t1 = System.nanoTime();
                        stats.record(c.t0, t1, c.status / 100 == 2, "HTTP " + c.status);
                        c.inFlight = false;
                        if (c.closeAfter || !stats.running(t1)) {
                            reopen(sel, k, c, false);
                        } else {
                            send(k, c);
                        }
                    }
                }
            } catch (IOException e) {
                stats.record(c.t0, System.nanoTime(), false, e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
                reopen(sel, k, c, false);
            }
        }

        private void send(SelectionKey k, Conn c) throws IOException {
            c.reset(requests[Math.floorMod(next++, requests.length)]);
            c.t0 = System.nanoTime();
            c.inFlight = true;
            ((SocketChannel) k.channel()).write(c.out);
            k.interestOps(c.out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }
    }

    /** One connection's request and response parsing state. */
    static final class Conn {
        static final int HEADERS = 0;
        static final int BODY = 1;
        static final int CHUNK_SIZE = 2;
        static final int CHUNK_DATA = 3;
        static final int CHUNK_END = 4;
        static final int TRAILERS = 5;
        private static final int MAX_HEADER = 64 * 1024;

        ByteBuffer out;
        ByteBuffer in = ByteBuffer.allocate(16 * 1024);
        long t0;
        boolean inFlight;
        int state;
        int status;
        long left;
        boolean untilClose;
        boolean closeAfter;
        String failure;

        void reset(byte[] request) {
            out = ByteBuffer.wrap(request);
            state = HEADERS;
            status = 0;
            left = 0;
            untilClose = false;
            closeAfter = false;
            failure = null;
        }

        /** Consumes what {@code in} holds (flipped); true when the response is complete. */
        boolean parse() {
            while (true) {
                switch (state) {
                    case HEADERS -> {
                        int end = find(in, "\r\n\r\n");
                        if (end < 0) {
                            if (in.remaining() >= MAX_HEADER || in.limit() == in.capacity() && in.position() == 0
                                    && in.capacity() >= MAX_HEADER) {
                                failure = "response headers larger than " + MAX_HEADER + " bytes";
                            } else if (in.position() == 0 && in.limit() == in.capacity()) {
                                grow();
                            }
                            return false;
                        }
                        byte[] head = new byte[end - in.position()];
                        in.get(head);
                        in.position(in.position() + 4);
                        if (!headers(new String(head, StandardCharsets.ISO_8859_1))) {
                            return false;
                        }
                    }
                    case BODY -> {
                        if (untilClose) {
                            in.position(in.limit());
                            return false;
                        }
                        long take = Math.min(left, in.remaining());
                        in.position(in.position() + (int) take);
                        left -= take;
                        return left == 0;
                    }
                    case CHUNK_SIZE -> {
                        int eol = find(in, "\r\n");
                        if (eol < 0) {
                            return false;
                        }
                        byte[] line = new byte[eol - in.position()];
                        in.get(line);
                        in.position(in.position() + 2);
                        String hex = new String(line, StandardCharsets.ISO_8859_1).split(";")[0].trim();
                        try {
                            left = Long.parseLong(hex, 16);
                        } catch (NumberFormatException e) {
                            failure = "invalid chunk size";
                            return false;
                        }
                        state = left == 0 ? TRAILERS : CHUNK_DATA;
                    }
                    case CHUNK_DATA -> {
                        long take = Math.min(left, in.remaining());
                        in.position(in.position() + (int) take);
                        left -= take;
                        if (left > 0) {
                            return false;
                        }
                        state = CHUNK_END;
                    }
                    case CHUNK_END -> {
                        if (in.remaining() < 2) {
                            return false;
                        }
                        in.position(in.position() + 2);
                        state = CHUNK_SIZE;
                    }
                    case TRAILERS -> {
                        int eol = find(in, "\r\n");
                        if (eol < 0) {
                            return false;
                        }
                        boolean empty = eol == in.position();
                        in.position(eol + 2);
                        if (empty) {
                            return true;
                        }
                    }
                    default -> throw new IllegalStateException("state " + state);
                }
            }
        }

        private boolean headers(String head) {
            String[] lines = head.split("\r\n");
            String[] statusLine = lines[0].split(" ", 3);
            try {
                status = Integer.parseInt(statusLine[1]);
            } catch (RuntimeException e) {
                failure = "not an HTTP response: " + lines[0];
                return false;
            }
            long length = -1;
            boolean chunked = false;
            for (int i = 1; i < lines.length; i++) {
                String l = lines[i];
                int colon = l.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = l.substring(0, colon).trim().toLowerCase();
                String value = l.substring(colon + 1).trim().toLowerCase();
                if (name.equals("content-length")) {
                    try {
                        length = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        length = -2;
                    }
                    if (length < 0) {
                        // an app's broken header is an error answer for this request, not a dead load thread
                        failure = "malformed Content-Length header '" + (value.length() > 40
                                ? value.substring(0, 40) + "..." : value) + "'";
                        return false;
                    }
                } else if (name.equals("transfer-encoding") && value.contains("chunked")) {
                    chunked = true;
                } else if (name.equals("connection") && value.contains("close")) {
                    closeAfter = true;
                }
            }
            if (lines[0].startsWith("HTTP/1.0")) {
                closeAfter = true;
            }
            if (chunked) {
                state = CHUNK_SIZE;
            } else if (length >= 0 || status == 204 || status == 304 || status / 100 == 1) {
                left = Math.max(0, length);
                state = BODY;
            } else {
                untilClose = true;
                closeAfter = true;
                state = BODY;
            }
            return true;
        }

        private void grow() {
            ByteBuffer bigger = ByteBuffer.allocate(in.capacity() * 2);
            bigger.put(in);
            bigger.flip();
            in = bigger;
        }

        private static int find(ByteBuffer b, String pattern) {
            byte[] p = pattern.getBytes(StandardCharsets.US_ASCII);
            outer:
            for (int i = b.position(); i <= b.limit() - p.length; i++) {
                for (int j = 0; j < p.length; j++) {
                    if (b.get(i + j) != p[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
