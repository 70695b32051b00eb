package labcheck.probe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Whether a server speaks TLS, asked with a TLS handshake and nothing else: so a failed probe can say
 * which scheme to use ({@code https://} for an app that answered an {@code http://} request with TLS,
 * {@code rediss://} for a Redis with in-transit encryption on) instead of guessing from an error text.
 *
 * <pre>{@code
 * if (TlsHello.ask("127.0.0.1", 6380, Duration.ofSeconds(2)) == TlsHello.Answer.TLS) { ... "rediss://" }
 * }</pre>
 */
final class TlsHello {

    private TlsHello() {
    }

    /** What a server answered a TLS handshake with. */
    enum Answer {
        /** The handshake completed: the server speaks TLS. */
        TLS,
        /** The connection opened but no TLS came back (an error, plain bytes, or silence): a plain server. */
        PLAIN,
        /** No connection could be made: nothing is known of the scheme. */
        NONE
    }

    /** What {@code host:port} answers a TLS handshake with, within {@code timeout} (connect and handshake each). */
    static Answer ask(String host, int port, Duration timeout) {
        int ms = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        try (Socket plain = new Socket()) {
            try {
                plain.connect(new InetSocketAddress(host, port), ms);
            } catch (IOException noConnection) {
                return Answer.NONE;
            }
            plain.setSoTimeout(ms);
            try (SSLSocket tls = (SSLSocket) anyCertificate().getSocketFactory().createSocket(plain, host, port, false)) {
                tls.startHandshake();
                return Answer.TLS;
            }
        } catch (IOException | GeneralSecurityException notTls) {
            return Answer.PLAIN;
        }
    }

    /**
     * A context that accepts any certificate: only whether the server speaks TLS is asked, nothing is sent
     * over the connection, and a self-signed certificate on a student's app is still TLS.
     */
    private static SSLContext anyCertificate() throws GeneralSecurityException {
        TrustManager any = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {any}, null);
        return context;
    }
}
