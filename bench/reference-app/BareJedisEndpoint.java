import io.javalin.Javalin;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * The yardstick: a bare Javalin + JedisPool endpoint returning the cached string, no
 * contract, no error handling. ab.sh runs it beside the reference app on the same Redis, so
 * both are measured in the same minute of the same (shared, noisy) machine.
 * Usage: java -cp CLASSPATH BareJedisEndpoint REDIS_PORT HTTP_PORT
 */
public class BareJedisEndpoint {
    public static void main(String[] args) {
        JedisPool pool = new JedisPool("127.0.0.1", Integer.parseInt(args[0]));
        Javalin.create(c -> c.showJavalinBanner = false).get("/product/{id}", ctx -> {
            try (Jedis j = pool.getResource()) {
                ctx.contentType("application/json").result(j.get("product:" + ctx.pathParam("id")));
            }
        }).start("127.0.0.1", Integer.parseInt(args[1]));
    }
}
