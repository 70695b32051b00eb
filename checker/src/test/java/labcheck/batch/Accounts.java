package labcheck.batch;

import java.nio.file.Path;
import java.util.List;
import labcheck.evidence.CacheCluster;
import labcheck.evidence.CallerIdentity;
import labcheck.evidence.Evidence;
import labcheck.evidence.EvidenceBundle;
import labcheck.evidence.Fact;
import labcheck.evidence.Subject;
import labcheck.evidence.Unavailable;

/** Writes what a student's AWS account "holds" as an evidence bundle, for {@link FixtureGrader} to collect. */
public final class Accounts {

    private Accounts() {
    }

    public static void cluster(Path accounts, String studentId, String account, String status, String nodeType) {
        Evidence empty = Evidence.empty(new Subject(studentId, null, "us-east-1", null, null, null, "fixture"),
                "2026-01-01T00:00:00Z");
        CacheCluster cluster = CacheCluster.builder().cacheClusterId(TestRubric.DEFAULT_CLUSTER)
                .cacheClusterStatus(status)
                .engine("redis").engineVersion("7.1").cacheNodeType(nodeType).numCacheNodes(1)
                .cacheSubnetGroupName("redis-subnet-group").securityGroupIds(List.of("sg-1"))
                .cacheNodes(List.of()).preferredAvailabilityZone("us-east-1a")
                .transitEncryptionEnabled(false).authTokenEnabled(false).build();
        write(accounts, studentId, empty, Fact.of(new CallerIdentity(account,
                "arn:aws:iam::" + account + ":user/judge", "AIDEXAMPLE")), Fact.of(List.of(cluster)));
    }

    static void accessDenied(Path accounts, String studentId, String account) {
        Evidence empty = Evidence.empty(new Subject(studentId, null, "us-east-1", null, null, null, "fixture"),
                "2026-01-01T00:00:00Z");
        write(accounts, studentId, empty, Fact.of(new CallerIdentity(account,
                        "arn:aws:iam::" + account + ":user/judge", "AIDEXAMPLE")),
                Fact.unavailable(Unavailable.accessDenied("elasticache:DescribeCacheClusters")));
    }

    private static void write(Path accounts, String studentId, Evidence e, Fact<CallerIdentity> identity,
                              Fact<List<CacheCluster>> clusters) {
        EvidenceBundle.write(accounts.resolve(studentId), e.toBuilder().identity(identity).cacheClusters(clusters)
                .build());
    }
}
