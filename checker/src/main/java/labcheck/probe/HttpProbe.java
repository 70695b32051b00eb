package labcheck.probe;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * HTTP requests to one app, sent where it is dialled and described by its URL as the instance
 * sees it (a message never names an SSH forward), each bounded by a timeout covering the whole
 * exchange (headers and body: a slow drip is cut off), with the body capped in bytes. After
 * {@link #GIVE_UP_AFTER} timeouts in a row the app is taken as hung and further requests
 * fail at once, so a hung app costs a few timeouts, not one per planned request.
 */
final class HttpProbe {

    static final int GIVE_UP_AFTER = 3;

    private final HttpClient client;
    private final String dialBase;
    private final String url;
    private final Duration requestTimeout;
    private final int maxBodyBytes;
    private int timeoutsInARow;
    private boolean lastTimeoutWasConnect;
    /** What the app answers a TLS handshake with, asked once when a failure suggests the scheme is wrong. */
    private TlsHello.Answer tlsAnswer;

    HttpProbe(HttpClient client, AppTarget target, Duration requestTimeout, int maxBodyBytes) {
        this.client = client;
        this.dialBase = stripSlash(target.dialUrl());
        this.url = stripSlash(target.url());
        this.requestTimeout = requestTimeout;
        this.maxBodyBytes = maxBodyBytes;
    }

    static HttpClient newClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** The app's URL as the instance sees it, for messages and evidence. */
    String url() {
        return url;
    }

    /** Where requests to {@code path} go (the app itself, or a forward to it). */
    URI dial(String path) {
        return URI.create(dialBase + path);
    }

    /**
     * Why an answer the probe cannot read as the contract's JSON is not the app's fault alone: a redirect
     * (which the probe does not follow), or a compressed body it never asked for; null when neither.
     */
    private String unusual(int status, java.net.http.HttpHeaders headers) {
        if (status / 100 == 3) {
            String to = headers.firstValue("Location").map(labcheck.evidence.SafeUrl::strip).orElse("nowhere");
            String why = to.startsWith("https://") && dialBase.startsWith("http://")
                    ? "the app moved to HTTPS: give --app " + to.replaceFirst("(https://[^/]+).*", "$1") + "."
                    : to.startsWith("http://") && dialBase.startsWith("https://")
                    ? "the app sends HTTPS requests to plain HTTP: give --app with http://, or fix the app's redirect."
                    : "give --app the URL the app answers on itself (the probe does not follow redirects).";
            return "HTTP " + status + " redirects to " + to + "; " + why;
        }
        String encoding = headers.firstValue("Content-Encoding").orElse("identity").toLowerCase(java.util.Locale.ROOT);
        if (!encoding.equals("identity")) {
            return "HTTP " + status + " answered a " + encoding + "-compressed body the probe never asked for (it"
                    + " sends no Accept-Encoding); serve plain JSON to clients that do not ask for compression.";
        }
        return null;
    }

    boolean givenUp() {
        return timeoutsInARow >= GIVE_UP_AFTER;
    }

    HttpResult get(String path, Deadline deadline) {
        return exchange("GET", path, null, deadline);
    }

    HttpResult exchange(String method, String path, String jsonBody, Deadline deadline) {
        if (givenUp()) {
            String why = "skipped: " + url + " did not answer " + GIVE_UP_AFTER + " requests in a row within "
                    + requestTimeout.toMillis() + " ms each";
            return lastTimeoutWasConnect ? HttpResult.unreachable(why, 0) : HttpResult.failed(why, 0, true);
        }
        Duration timeout = deadline.cap(requestTimeout);
        if (timeout.toMillis() < 1) {
            return HttpResult.failed("skipped: the probe's time budget ran out", 0, true);
        }
        HttpRequest.BodyPublisher publisher = jsonBody == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody);
        HttpRequest.Builder b = HttpRequest.newBuilder(dial(path))
                .timeout(timeout)
                .header("Accept", "application/json")
                .method(method, publisher);
        if (jsonBody != null) {
            b.header("Content-Type", "application/json");
        }
        long t0 = System.nanoTime();
        CompletableFuture<java.net.http.HttpResponse<CappedBody.Bytes>> f =
                client.sendAsync(b.build(), info -> new CappedBody(maxBodyBytes));
        try {
            var r = f.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            timeoutsInARow = 0;
            // nginx answers a plain request on its TLS port with "400 The plain HTTP request was sent to HTTPS port"
            String scheme = r.statusCode() == 400 ? wrongScheme(timeout) : null;
            if (scheme != null) {
                return HttpResult.unreachable(scheme, System.nanoTime() - t0);
            }
            String odd = unusual(r.statusCode(), r.headers());
            if (odd != null) {
                return HttpResult.failed(method + " " + path + ": " + odd, System.nanoTime() - t0, false);
            }
            return HttpResult.answered(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null),
                    r.body(), System.nanoTime() - t0);
        } catch (TimeoutException e) {
            f.cancel(true);
            return timedOut(method, path, timeout, t0);
        } catch (ExecutionException e) {
            return failure(method, path, e.getCause(), timeout, t0);
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            return HttpResult.failed("interrupted", System.nanoTime() - t0, false);
        }
    }

    private HttpResult timedOut(String method, String path, Duration timeout, long t0) {
        timeoutsInARow++;
        lastTimeoutWasConnect = false;
        return HttpResult.failed(method + " " + path + " gave no complete answer within " + timeout.toMillis()
                + " ms", System.nanoTime() - t0, true);
    }

    private HttpResult failure(String method, String path, Throwable cause, Duration timeout, long t0) {
        // a plain server may sit silent on a TLS hello, so an https:// connect that times out may be the scheme
        String scheme = cause instanceof HttpConnectTimeoutException && url.startsWith("https://")
                ? wrongScheme(timeout) : null;
        if (scheme != null) {
            return HttpResult.unreachable(scheme, System.nanoTime() - t0);
        }
        if (cause instanceof HttpConnectTimeoutException) {
            timeoutsInARow++;
            lastTimeoutWasConnect = true;
            return HttpResult.unreachable("connecting to " + url + " timed out after "
                    + timeout.toMillis() + " ms (is the port open to this host? From outside, reach the app through its"
                    + " instance with --ssh USER@HOST)", System.nanoTime() - t0);
        }
        if (cause instanceof HttpTimeoutException) {
            return timedOut(method, path, timeout, t0);
        }
        timeoutsInARow = 0;
        scheme = cause instanceof IOException && !(cause instanceof ConnectException) ? wrongScheme(timeout) : null;
        if (scheme != null) {
            return HttpResult.unreachable(scheme, System.nanoTime() - t0);
        }
        if (cause instanceof ConnectException) {
            return HttpResult.unreachable("connection to " + url + " refused (is the app running and its port open "
                    + "to this host? From outside, reach the app through its instance with --ssh USER@HOST)",
                    System.nanoTime() - t0);
        }
        return HttpResult.failed(method + " " + path + " failed: " + describe(cause), System.nanoTime() - t0, false);
    }

    /**
     * Why the app cannot be spoken to with the scheme dialled, with the one to use: a TLS app asked for
     * {@code http://}, or a plain one for {@code https://}; null when the scheme is right or the app cannot be
     * reached at all. One TLS handshake decides, once per app. A fragment, as every failure is.
     */
    private String wrongScheme(Duration timeout) {
        if (tlsAnswer == null) {
            URI dial = URI.create(dialBase);
            int port = dial.getPort() > 0 ? dial.getPort() : dialBase.startsWith("https://") ? 443 : 80;
            tlsAnswer = TlsHello.ask(dial.getHost(), port, timeout);
        }
        boolean https = url.startsWith("https://");
        if (tlsAnswer == TlsHello.Answer.NONE || https == (tlsAnswer == TlsHello.Answer.TLS)) {
            return null;
        }
        String other = https ? url.replaceFirst("^https://", "http://") : url.replaceFirst("^http://", "https://");
        return "the app at " + url + (https ? " does not speak TLS (it answered the TLS handshake as plain HTTP)"
                : " speaks TLS (HTTPS), not plain HTTP") + ". Fix: use " + other + " in place of " + url;
    }

    private static String describe(Throwable t) {
        String msg = t.getMessage();
        String kind = t instanceof IOException ? "I/O error" : t.getClass().getSimpleName();
        return msg == null || msg.isBlank() ? kind : kind + " (" + msg + ")";
    }
}
