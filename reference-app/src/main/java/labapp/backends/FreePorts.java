package labapp.backends;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks a free TCP port on 127.0.0.1 below 32768, away from the kernel's ephemeral range, so a
 * port we choose is not taken by an outgoing connection before our server binds it.
 */
public final class FreePorts {
    private FreePorts() {
    }

    /** A port in 10000..32767 that was free a moment ago. */
    public static int pick() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(10_000, 32_768);
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                s.setReuseAddress(true);
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free TCP port found in 10000..32767 after 200 tries");
    }
}
