package labcheck.collect;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** A free TCP port on 127.0.0.1 below 32768 (clear of the ephemeral range and of well-known ports). */
public final class FreePort {

    private FreePort() {
    }

    public static int find() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20000, 32768);
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                s.setReuseAddress(true);
                return port;
            } catch (IOException busy) {
                // taken; try another
            }
        }
        throw new IllegalStateException("no free port found in 20000-32767 after 200 attempts");
    }
}
