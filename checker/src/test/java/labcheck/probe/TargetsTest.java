package labcheck.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each target keeps the address the instance sees while it is dialled elsewhere (an SSH forward). */
class TargetsTest {

    @Test
    void anAppDialledAtAForwardKeepsItsUrlSchemeAndPath() {
        AppTarget app = AppTarget.at("http://localhost:5001/api").via("127.0.0.1", 40123);

        assertThat(app.url()).isEqualTo("http://localhost:5001/api");
        assertThat(app.dialUrl()).isEqualTo("http://127.0.0.1:40123/api");
        assertThat(app.host()).isEqualTo("localhost");
        assertThat(app.port()).isEqualTo(5001);
        assertThat(AppTarget.at("https://app.example").port()).isEqualTo(443);
    }

    @Test
    void withoutAForwardEachTargetIsDialledWhereTheInstanceSeesIt() {
        assertThat(AppTarget.at("http://3.80.1.2:5001").dialUrl()).isEqualTo("http://3.80.1.2:5001");
        RedisTarget redis = RedisTarget.of("cache.abc.use1.cache.amazonaws.com", 6379, false);
        assertThat(redis.dialHost() + ":" + redis.dialPort()).isEqualTo(redis.endpoint());
        DbTarget db = DbTarget.of("jdbc:mysql://mydb.abc.us-east-1.rds.amazonaws.com:3306/ecommerce", null);
        assertThat(db.dialUrl()).isEqualTo(db.jdbcUrl());
    }

    @Test
    void aDatabaseDialledAtAForwardKeepsItsJdbcUrlAndDatabase() {
        DbTarget db = DbTarget.of("jdbc:mysql://mydb.abc.us-east-1.rds.amazonaws.com/ecommerce", null);

        assertThat(db.hostPort()).isEqualTo(new DbTarget.HostPort("mydb.abc.us-east-1.rds.amazonaws.com", 3306));
        DbTarget dialled = db.via("127.0.0.1", 40125);

        assertThat(dialled.jdbcUrl()).isEqualTo("jdbc:mysql://mydb.abc.us-east-1.rds.amazonaws.com/ecommerce");
        assertThat(dialled.dialUrl()).isEqualTo("jdbc:mysql://127.0.0.1:40125/ecommerce");
        assertThat(DbTarget.of("jdbc:mysql:loadbalance://a,b/ecommerce", null).hostPort()).isNull();
    }

    @Test
    void aLibrarysErrorTextNamesTheTargetAsTheInstanceSeesIt() {
        RedisTarget redis = RedisTarget.of("product-cache.abc.use1.cache.amazonaws.com", 6379, false)
                .via("127.0.0.1", 40124);
        DbTarget db = DbTarget.of("jdbc:mysql://mydb.abc.us-east-1.rds.amazonaws.com:3306/ecommerce", null)
                .via("127.0.0.1", 40125);

        assertThat(redis.asSeen("Failed to connect to 127.0.0.1:40124."))
                .isEqualTo("Failed to connect to product-cache.abc.use1.cache.amazonaws.com:6379.");
        assertThat(db.asSeen("Socket fail to connect to 127.0.0.1:40125"))
                .isEqualTo("Socket fail to connect to mydb.abc.us-east-1.rds.amazonaws.com:3306");
        assertThat(RedisTarget.of("10.0.0.5", 6379, false).asSeen("Failed to connect to 10.0.0.5:6379."))
                .isEqualTo("Failed to connect to 10.0.0.5:6379.");
    }
}
