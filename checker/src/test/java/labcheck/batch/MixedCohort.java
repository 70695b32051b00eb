package labcheck.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The mixed roster the batch tests grade: good, broken, unreachable, slow and lying apps, an
 * account without access, two students on one account, and malformed rows. Two real HTTP
 * servers play the students' EC2 instances.
 */
public final class MixedCohort implements AutoCloseable {

    public final LabServer a;
    final LabServer b;
    public final Path accounts;
    public final Path roster;

    public MixedCohort(Path dir) throws IOException {
        a = new LabServer().app("good", new LabServer.App("connected", 1, 100))
                .app("broken", new LabServer.App("disconnected", 1, 100))
                .app("liar", new LabServer.App("connected", 5000, 100));
        b = new LabServer().app("good", new LabServer.App("connected", 1, 100))
                .app("slow", new LabServer.App("connected", 1, 6000));
        accounts = Files.createDirectories(dir.resolve("accounts"));
        Accounts.cluster(accounts, "s01", "111111111111", "available", "cache.t2.micro");
        Accounts.cluster(accounts, "s02", "222222222222", "available", "cache.t2.micro");
        Accounts.cluster(accounts, "s03", "333333333333", "available", "cache.t2.micro");
        Accounts.cluster(accounts, "s04", "111111111111", "available", "cache.m5.large");
        Accounts.cluster(accounts, "s05", "555555555555", "available", "cache.t2.micro");
        Accounts.cluster(accounts, "s06", "666666666666", "available", "cache.t2.micro");
        Accounts.accessDenied(accounts, "s07", "777777777777");
        String closed = "http://127.0.0.1:" + LabServer.closedPort() + "/gone";
        String csv = String.join("\r\n",
                "student_id,name,region,profile,app_url,baseline_url,cluster_id",
                "s01,Good One,us-east-1,judge," + a.url("good") + ",,product-cache-cluster",
                "s02,\"Broken, Redis\",us-east-1,judge," + a.url("broken") + ",,",
                "s03,Unreachable,us-east-1,judge," + closed + ",,",
                "s04,Wrong Node,us-east-1,judge," + b.url("good") + ",,",
                "s05,Liar,us-east-1,judge," + a.url("liar") + ",,",
                "s06,Slow,us-east-1,judge," + b.url("slow") + ",,",
                "s07,No Access,us-east-1,judge," + b.url("good") + ",,",
                "s10,No Account,,," + a.url("good") + ",,",
                ",Missing Id,us-east-1,judge," + a.url("good") + ",,",
                "s08,Bad Url,us-east-1,judge,ftp://files.example/app,,",
                "s09,Inline Secret,us-east-1,judge,http://admin:hunter2@127.0.0.1:1/x,,",
                "s11,Twin A,us-east-1,judge," + a.url("good") + ",,",
                "s11,Twin B,us-east-1,judge," + a.url("good") + ",,",
                "s12,Ann \"Bo\" B,us-east-1,judge," + a.url("good") + ",,") + "\r\n";
        roster = dir.resolve("roster.csv");
        Files.writeString(roster, csv);
    }

    public static final String EXPECTED_MARKS = String.join("\r\n",
            "student_id,name,status,redis_cluster,app_connects_redis,performance,total,max",
            "s01,Good One,full_marks,4,3,3,10,10",
            "s02,\"Broken, Redis\",marks_lost,4,0,3,7,10",
            "s03,Unreachable,marks_lost,4,0,0,4,10",
            "s04,Wrong Node,marks_lost,2,3,3,8,10",
            "s05,Liar,marks_lost,4,3,0,7,10",
            "s06,Slow,timed_out,4,0,0,4,10",
            "s07,No Access,marks_lost,0,3,3,6,10",
            "s08,,roster_error,,,,,",
            "s09,,roster_error,,,,,",
            "s10,No Account,marks_lost,0,3,3,6,10",
            "s11,,roster_error,,,,,") + "\r\n";

    @Override
    public void close() {
        a.close();
        b.close();
    }
}
