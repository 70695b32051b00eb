package labcheck.collect;

import java.util.List;
import labcheck.evidence.CacheCluster;
import labcheck.evidence.CacheSubnetGroup;
import labcheck.evidence.Ec2Instance;
import labcheck.evidence.Endpoint;
import labcheck.evidence.MetricAlarm;
import labcheck.evidence.RdsInstance;
import labcheck.evidence.ReplicationGroup;
import labcheck.evidence.RouteTable;
import labcheck.evidence.SecurityGroup;
import labcheck.evidence.ServerlessCache;
import labcheck.evidence.Subnet;

/** The lab as the seed describes it, and each mistake its "Common Mistakes" table lists. */
public final class Labs {

    static final String VPC = "vpc-0lab";
    static final String PRIVATE_A = "subnet-0priva";
    static final String PRIVATE_B = "subnet-0privb";
    static final String PUBLIC_A = "subnet-0puba";
    static final String REDIS_SG = "sg-0redis";
    static final String APP_SG = "sg-0app";
    static final String APP_IP = "54.12.34.56";
    public static final String APP_URL = "http://" + APP_IP + ":5001";
    public static final String CLUSTER = "product-cache-cluster";

    private Labs() {
    }

    public static Lab good() {
        CacheCluster cluster = new CacheCluster(CLUSTER, "available", "redis", "7.0.7", "cache.t2.micro", 1,
                "redis-subnet-group", List.of(REDIS_SG),
                List.of(new CacheCluster.CacheNode("0001", "available",
                        new Endpoint(CLUSTER + ".abc123.0001.use1.cache.amazonaws.com", 6379), "us-east-1a")),
                null, "us-east-1a", false, false);
        // The private subnets have no explicit association: they use the VPC's main table, as most labs do.
        RouteTable mainTable = new RouteTable("rtb-0main", VPC, true, List.of(),
                List.of(route("10.0.0.0/16", "local", null)));
        RouteTable publicTable = new RouteTable("rtb-0public", VPC, false, List.of(PUBLIC_A),
                List.of(route("10.0.0.0/16", "local", null), route("0.0.0.0/0", "igw-0lab", null)));
        return new Lab(List.of(cluster), List.of(), List.of(),
                List.of(new CacheSubnetGroup("redis-subnet-group", VPC, List.of(PRIVATE_A, PRIVATE_B))),
                List.of(new Subnet(PRIVATE_A, VPC, "us-east-1a", "10.0.3.0/24", false),
                        new Subnet(PRIVATE_B, VPC, "us-east-1b", "10.0.4.0/24", false),
                        new Subnet(PUBLIC_A, VPC, "us-east-1a", "10.0.1.0/24", true)),
                List.of(mainTable, publicTable),
                List.of(new SecurityGroup(REDIS_SG, "redis-sg", VPC, List.of(new SecurityGroup.IngressRule("tcp", 6379,
                                6379, null, null, List.of(APP_SG), null, null))),
                        new SecurityGroup(APP_SG, "web-sg", VPC, List.of(new SecurityGroup.IngressRule("tcp", 22, 22,
                                List.of("203.0.113.7/32"), null, null, null, "SSH from my IP")))),
                List.of(new Ec2Instance("i-0app", "product-api", "running", "t2.micro", VPC, PUBLIC_A, APP_IP,
                        "ec2-54-12-34-56.compute-1.amazonaws.com", "10.0.1.10", List.of(APP_SG))),
                List.of(new RdsInstance("products-db", "mysql", "8.0.35", "available", false, "db-subnets", VPC,
                        List.of(PRIVATE_A, PRIVATE_B), List.of("sg-0db"),
                        new Endpoint("products-db.abc.us-east-1.rds.amazonaws.com", 3306))),
                List.of(new MetricAlarm("redis-hit-ratio-low", "AWS/ElastiCache", "CacheHitRate", "Average",
                        "LessThanThreshold", 80.0, 1, 300, "OK",
                        List.of(new MetricAlarm.Dimension("CacheClusterId", CLUSTER)), false)));
    }

    static RouteTable.Route route(String cidr, String gateway, String nat) {
        return new RouteTable.Route(cidr, null, null, gateway, nat, null, null, null, null, null, "active");
    }

    /** Mistake: a cache subnet is explicitly associated with the public route table (0.0.0.0/0 to an IGW). */
    static Lab publicSubnet() {
        Lab lab = good();
        return lab.withRouteTables(lab.routeTables().stream().map(t -> !t.routeTableId().equals("rtb-0public") ? t
                : new RouteTable(t.routeTableId(), t.vpcId(), t.main(), List.of(PUBLIC_A, PRIVATE_A), t.routes()))
                .toList());
    }

    /** Mistake: port 6379 open to the world. */
    static Lab openToWorld() {
        Lab lab = good();
        return lab.withSecurityGroups(lab.securityGroups().stream().map(g -> !g.groupId().equals(REDIS_SG) ? g
                : new SecurityGroup(REDIS_SG, "redis-sg", VPC, List.of(new SecurityGroup.IngressRule("tcp", 6379, 6379,
                        List.of("0.0.0.0/0"), List.of("::/0"), null, null, "anywhere")))).toList());
    }

    /** Mistake: the Redis security group has no inbound rule (connection timeout). */
    static Lab noRule() {
        Lab lab = good();
        return lab.withSecurityGroups(lab.securityGroups().stream().map(g -> !g.groupId().equals(REDIS_SG) ? g
                : new SecurityGroup(REDIS_SG, "redis-sg", VPC, List.of())).toList());
    }

    static Lab wrongNodeType() {
        return good().mapCluster(c -> new CacheCluster(c.cacheClusterId(), c.cacheClusterStatus(), c.engine(),
                c.engineVersion(), "cache.r6g.large", c.numCacheNodes(), c.cacheSubnetGroupName(), c.securityGroupIds(),
                c.cacheNodes(), c.replicationGroupId(), c.preferredAvailabilityZone(), c.transitEncryptionEnabled(),
                c.authTokenEnabled()));
    }

    /** Still being created: no endpoint yet, which AWS reports by leaving it out. */
    static Lab creating() {
        return good().mapCluster(c -> new CacheCluster(c.cacheClusterId(), "creating", c.engine(), c.engineVersion(),
                c.cacheNodeType(), c.numCacheNodes(), c.cacheSubnetGroupName(), c.securityGroupIds(),
                List.of(new CacheCluster.CacheNode("0001", "creating", null, "us-east-1a")), null,
                c.preferredAvailabilityZone(), c.transitEncryptionEnabled(), c.authTokenEnabled()));
    }

    /** The console's Easy create: a replication group whose one member is {@code <id>-001}. */
    static Lab consoleReplicationGroup() {
        Lab lab = good().mapCluster(c -> new CacheCluster(CLUSTER + "-001", c.cacheClusterStatus(), c.engine(),
                c.engineVersion(), c.cacheNodeType(), c.numCacheNodes(), c.cacheSubnetGroupName(), c.securityGroupIds(),
                c.cacheNodes(), CLUSTER, c.preferredAvailabilityZone(), c.transitEncryptionEnabled(),
                c.authTokenEnabled()));
        return lab.withGroups(List.of(new ReplicationGroup(CLUSTER, "available", List.of(CLUSTER + "-001"),
                "cache.t2.micro", new Endpoint(CLUSTER + ".abc123.ng.0001.use1.cache.amazonaws.com", 6379), null,
                false, "redis")));
    }

    static Lab serverless() {
        return good().withClusters(List.of()).withServerless(List.of(new ServerlessCache(CLUSTER, "available",
                "valkey", "8", List.of(PRIVATE_A, PRIVATE_B), List.of(REDIS_SG),
                new Endpoint(CLUSTER + "-abc123.serverless.use1.cache.amazonaws.com", 6379))));
    }

    /** A second VPC (the account's default) whose main table routes to an internet gateway. */
    static Lab otherVpc() {
        String vpc = "vpc-0default";
        return new Lab(List.of(), List.of(), List.of(), List.of(),
                List.of(new Subnet("subnet-0def", vpc, "us-east-1a", "172.31.0.0/20", true)),
                List.of(new RouteTable("rtb-0defmain", vpc, true, List.of(),
                        List.of(route("172.31.0.0/16", "local", null), route("0.0.0.0/0", "igw-0def", null)))),
                List.of(), List.of(new Ec2Instance("i-0other", "someone-else", "running", "t3.micro", vpc, "subnet-0def",
                        "3.3.3.3", null, "172.31.0.5", List.of("sg-0def"))),
                List.of(), List.of());
    }
}
