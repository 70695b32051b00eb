package labcheck.probe;

/** Settings every JDK HTTP server in the tests needs, set before the first one starts. */
public final class TestServers {

    private TestServers() {
    }

    /**
     * The JDK server writes headers and body separately and reads its TCP_NODELAY setting once
     * per JVM, when its first server starts; with Nagle on, the body waits for the client's
     * delayed ACK (40 ms), which would swamp every timing. So every test server calls this first.
     */
    public static void noNagle() {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }
}
