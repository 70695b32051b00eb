package labapp.config;

import java.util.Map;
import picocli.CommandLine.Option;

/** Flags of the HTTP servers: mode, ports, bind address and connection handling. */
public class ServeOptions {
    @Option(names = "--mode", paramLabel = "cache|no-cache|both",
            description = "Which app to serve (env APP_MODE; default both).")
    String mode;

    @Option(names = "--cache-port", paramLabel = "PORT",
            description = "Port of the cache app (env CACHE_PORT; default 5001; 0 = any free port).")
    Integer cachePort;

    @Option(names = "--no-cache-port", paramLabel = "PORT",
            description = "Port of the no-cache app (env NO_CACHE_PORT; default 5000; 0 = any free port).")
    Integer noCachePort;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Address to listen on (env BIND_ADDRESS; default 0.0.0.0).")
    String bindAddress;

    @Option(names = "--no-cache-db", paramLabel = "pooled|per-request",
            description = "Connections of the no-cache app: pooled (default) or per-request, as the lab's "
                    + "app_no_cache.py, to reproduce its baseline (env NO_CACHE_DB).")
    String noCacheDb;

    /** Applies these flags, then the environment, over the builder. */
    /** The cache app's port as given by flag or CACHE_PORT, or null. */
    public Integer cachePort(Map<String, String> env) {
        return ConnectionOptions.intOf(cachePort, env, "CACHE_PORT");
    }

    /** The no-cache app's port as given by flag or NO_CACHE_PORT, or null. */
    public Integer noCachePort(Map<String, String> env) {
        return ConnectionOptions.intOf(noCachePort, env, "NO_CACHE_PORT");
    }

    public Settings.Builder applyTo(Settings.Builder b, Map<String, String> env) {
        ConnectionOptions.pick(mode, env.get("APP_MODE"), v -> b.mode(Mode.parse(v)));
        Integer cp = ConnectionOptions.intOf(cachePort, env, "CACHE_PORT");
        if (cp != null) {
            b.cachePort(cp);
        }
        Integer np = ConnectionOptions.intOf(noCachePort, env, "NO_CACHE_PORT");
        if (np != null) {
            b.noCachePort(np);
        }
        ConnectionOptions.pick(bindAddress, env.get("BIND_ADDRESS"), b::bindAddress);
        ConnectionOptions.pick(noCacheDb, env.get("NO_CACHE_DB"), v -> b.noCacheConnections(DbConnections.parse(v)));
        return b;
    }
}
