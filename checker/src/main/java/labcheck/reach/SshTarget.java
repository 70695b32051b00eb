package labcheck.reach;

/**
 * Where to SSH, parsed from {@code USER@HOST[:PORT]} (or {@code USER@[IPv6]:PORT}).
 *
 * <pre>{@code
 * SshTarget t = SshTarget.parse("ec2-user@3.80.1.2");   // port 22
 * }</pre>
 */
public record SshTarget(String user, String host, int port) {

    public static SshTarget parse(String text) {
        String t = text == null ? "" : text.trim();
        int at = t.indexOf('@');
        if (at <= 0 || at == t.length() - 1) {
            throw new IllegalArgumentException("--ssh '" + t + "' is not USER@HOST[:PORT]. Fix: give the instance's"
                    + " user and address, e.g. --ssh ec2-user@3.80.1.2 (Amazon Linux) or ubuntu@3.80.1.2.");
        }
        String user = t.substring(0, at);
        String rest = t.substring(at + 1);
        String host = rest;
        int port = 22;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("--ssh '" + t + "' opens [ without ]. Fix: write USER@[ADDRESS]:PORT.");
            }
            host = rest.substring(1, close);
            if (rest.length() > close + 1) {
                port = port(t, rest.substring(close + 1).replaceFirst("^:", ""));
            }
        } else if (rest.indexOf(':') > 0 && rest.indexOf(':') == rest.lastIndexOf(':')) {
            host = rest.substring(0, rest.indexOf(':'));
            port = port(t, rest.substring(rest.indexOf(':') + 1));
        }
        if (host.isBlank() || !host.matches("[A-Za-z0-9._:%-]+") || !user.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("--ssh '" + t + "' has an invalid user or host. Fix: give"
                    + " USER@HOST[:PORT], e.g. --ssh ec2-user@3.80.1.2.");
        }
        return new SshTarget(user, host, port);
    }

    private static int port(String whole, String p) {
        try {
            int v = Integer.parseInt(p);
            if (v < 1 || v > 65535) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--ssh '" + whole + "' has no valid port. Fix: give USER@HOST or"
                    + " USER@HOST:PORT with a port from 1 to 65535.");
        }
    }

    /** The same user and port at {@code host}. */
    public SshTarget at(String host) {
        return new SshTarget(user, host, port);
    }

    /** {@code user@host:port}, as messages show it. */
    @Override
    public String toString() {
        return user + "@" + server();
    }

    /** {@code host:port}, as messages show the server. */
    public String server() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
