package labcheck.run;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Where a forward to the cache or the database goes: the endpoint name resolved on labcheck's
 * side, so the address is labcheck's choice and not whatever the instance's own name resolution
 * (its {@code /etc/hosts}, which the student controls) says. AWS publishes ElastiCache and RDS
 * names in public DNS, pointing at their private addresses, so they resolve from anywhere. An
 * address, or a loopback name (the instance's own machine), is forwarded as given; a name that
 * does not resolve here is left to the instance, and {@link #note} says what that means.
 *
 * <pre>{@code
 * ChosenAddress at = ChosenAddress.of("product-cache.abc123.0001.use1.cache.amazonaws.com", Duration.ofSeconds(5));
 * int port = reach.forward(at.forwardHost(), 6379, trial);   // e.g. 10.0.2.45
 * }</pre>
 *
 * @param name    the endpoint as given (as the instance sees it)
 * @param address the address labcheck resolved it to, or null (an address or loopback name given, or unresolved)
 * @param problem why the name did not resolve here, or null
 */
record ChosenAddress(String name, String address, String problem) {

    /** Resolves {@code host} here, for up to {@code timeout} (a lookup cannot be interrupted; it is left behind). */
    static ChosenAddress of(String host, Duration timeout) {
        if (literal(host) || loopback(host)) {
            return new ChosenAddress(host, null, null);
        }
        FutureTask<InetAddress[]> lookup = new FutureTask<>(() -> InetAddress.getAllByName(host));
        Thread t = new Thread(lookup, "labcheck-resolve");
        t.setDaemon(true);
        t.start();
        try {
            InetAddress[] all = lookup.get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
            InetAddress pick = all[0];
            for (InetAddress a : all) {
                if (a instanceof Inet4Address) {   // as the instance's private subnet addresses are
                    pick = a;
                    break;
                }
            }
            return new ChosenAddress(host, pick.getHostAddress(), null);
        } catch (TimeoutException e) {
            lookup.cancel(true);
            return new ChosenAddress(host, null, "no answer from this machine's resolver within "
                    + Math.max(1, timeout.toSeconds()) + " s");
        } catch (ExecutionException e) {
            return new ChosenAddress(host, null, e.getCause() instanceof UnknownHostException
                    ? "this machine's resolver does not know it" : String.valueOf(e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ChosenAddress(host, null, "the lookup was interrupted");
        }
    }

    /** The host the forward asks the instance to connect to: the address chosen here, else the name as given. */
    String forwardHost() {
        return address != null ? address : name;
    }

    /**
     * What the judge should know about this forward, or null when there is nothing to say (an
     * address or a loopback name was given).
     *
     * @param what     e.g. "Redis" or "the database"
     * @param compared what cross-checks a server reached at the instance's word, for the sentence
     */
    String note(String what, int port, String compared) {
        if (address != null) {
            return what + " " + name + ":" + port + " was forwarded to " + address + ":" + port + ", the address"
                    + " labcheck resolved the name to itself; the instance's own name resolution (its /etc/hosts,"
                    + " which its owner controls) was not used.";
        }
        if (problem != null) {
            return "labcheck could not resolve " + name + " from this machine (" + problem + "), so the instance"
                    + " resolved it for the forward to " + what + ": the server reached is wherever the instance's"
                    + " name resolution (its /etc/hosts, which its owner controls) points, and what it holds is the"
                    + " instance's word; " + compared + ". Fix: run labcheck where the name resolves (AWS publishes"
                    + " ElastiCache and RDS endpoints in public DNS), or give the endpoint's private address.";
        }
        return null;
    }

    /**
     * What the judge should know when the instance could not connect to the address chosen here
     * and the forward went to the name as the instance resolves it.
     */
    String fallbackNote(String what, int port, String compared) {
        return "The instance could not connect to " + address + ":" + port + ", the address labcheck resolved " + name
                + " to (a publicly accessible RDS instance's name resolves to its public address outside its VPC),"
                + " so the forward to " + what + " went to " + name + " as the instance resolves it: the server reached"
                + " is wherever the instance's name resolution (its /etc/hosts, which its owner controls) points,"
                + " and what it holds is the instance's word; " + compared + ".";
    }

    /** Whether {@code host} is an IPv4 or IPv6 address (no lookup). */
    static boolean literal(String host) {
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || (host.contains(":") && host.matches("[0-9A-Fa-f:.%]+"));
    }

    /** Whether {@code host} names the machine itself: the instance's own loopback, whatever resolves it. */
    static boolean loopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.endsWith(".localhost") || h.equals("localhost.localdomain")
                || h.equals("ip6-localhost") || h.equals("ip6-loopback");
    }
}
