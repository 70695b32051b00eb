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
        CacheCluster cluster = CacheCluster.builder().cacheClusterId(CLUSTER).cacheClusterStatus("available")
                .engine("redis")
                .engineVersion("7.0.7").cacheNodeType("cache.t2.micro").numCacheNodes(1)
                .cacheSubnetGroupName("redis-subnet-group").securityGroupIds(List.of(REDIS_SG))
                .cacheNodes(List.of(new CacheCluster.CacheNode("0001", "available",
                        new Endpoint(CLUSTER + ".abc123.0001.use1.cache.amazonaws.com", 6379), "us-east-1a")))
                .preferredAvailabilityZone("us-east-1a").transitEncryptionEnabled(false)
                .authTokenEnabled(false).cacheClusterCreateTime("2026-11-20T09:12:03.500Z").build();
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
                List.of(Ec2Instance.builder().instanceId("i-0app").name("product-api").state("running")
                        .instanceType("t2.micro").vpcId(VPC).subnetId(PUBLIC_A)
                        .publicIpAddress(APP_IP)
                        .publicDnsName("ec2-54-12-34-56.compute-1.amazonaws.com")
                        .privateIpAddress("10.0.1.10").securityGroupIds(List.of(APP_SG))
                        .launchTime("2026-11-20T08:40:00Z").build()),
                List.of(RdsInstance.builder().dbInstanceIdentifier("products-db").engine("mysql")
                        .engineVersion("8.0.35")
                        .dbInstanceStatus("available").publiclyAccessible(false)
                        .dbSubnetGroupName("db-subnets").vpcId(VPC)
                        .subnetIds(List.of(PRIVATE_A, PRIVATE_B))
                        .vpcSecurityGroupIds(List.of("sg-0db"))
                        .endpoint(new Endpoint("products-db.abc.us-east-1.rds.amazonaws.com", 3306))
                        .instanceCreateTime("2026-11-20T08:31:45Z").build()),
                List.of(MetricAlarm.builder().alarmName("redis-hit-ratio-low").namespace("AWS/ElastiCache")
                        .metricName("CacheHitRate").statistic("Average")
                        .comparisonOperator("LessThanThreshold").threshold(80.0)
                        .evaluationPeriods(1).period(300).stateValue("OK")
                        .dimensions(List.of(new MetricAlarm.Dimension("CacheClusterId", CLUSTER)))
                        .usesMetricMath(false).build()));
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
        return good().mapCluster(c -> CacheCluster.builder().cacheClusterId(c.cacheClusterId())
                .cacheClusterStatus(c.cacheClusterStatus())
                .engine(c.engine()).engineVersion(c.engineVersion())
                .cacheNodeType("cache.r6g.large").numCacheNodes(c.numCacheNodes())
                .cacheSubnetGroupName(c.cacheSubnetGroupName())
                .securityGroupIds(c.securityGroupIds()).cacheNodes(c.cacheNodes())
                .replicationGroupId(c.replicationGroupId())
                .preferredAvailabilityZone(c.preferredAvailabilityZone())
                .transitEncryptionEnabled(c.transitEncryptionEnabled())
                .authTokenEnabled(c.authTokenEnabled()).build());
    }

    /** Still being created: no endpoint yet, which AWS reports by leaving it out. */
    static Lab creating() {
        return good().mapCluster(c -> CacheCluster.builder().cacheClusterId(c.cacheClusterId())
                .cacheClusterStatus("creating")
                .engine(c.engine()).engineVersion(c.engineVersion())
                .cacheNodeType(c.cacheNodeType()).numCacheNodes(c.numCacheNodes())
                .cacheSubnetGroupName(c.cacheSubnetGroupName())
                .securityGroupIds(c.securityGroupIds())
                .cacheNodes(List.of(new CacheCluster.CacheNode("0001", "creating", null, "us-east-1a")))
                .preferredAvailabilityZone(c.preferredAvailabilityZone())
                .transitEncryptionEnabled(c.transitEncryptionEnabled())
                .authTokenEnabled(c.authTokenEnabled()).build());
    }

    /** The console's Easy create: a replication group whose one member is {@code <id>-001}. */
    static Lab consoleReplicationGroup() {
        Lab lab = good().mapCluster(c -> CacheCluster.builder().cacheClusterId(CLUSTER + "-001")
                .cacheClusterStatus(c.cacheClusterStatus())
                .engine(c.engine()).engineVersion(c.engineVersion())
                .cacheNodeType(c.cacheNodeType()).numCacheNodes(c.numCacheNodes())
                .cacheSubnetGroupName(c.cacheSubnetGroupName())
                .securityGroupIds(c.securityGroupIds()).cacheNodes(c.cacheNodes())
                .replicationGroupId(CLUSTER)
                .preferredAvailabilityZone(c.preferredAvailabilityZone())
                .transitEncryptionEnabled(c.transitEncryptionEnabled())
                .authTokenEnabled(c.authTokenEnabled()).build());
        return lab.withGroups(List.of(ReplicationGroup.builder().replicationGroupId(CLUSTER).status("available")
                .memberClusters(List.of(CLUSTER + "-001")).cacheNodeType("cache.t2.micro")
                .primaryEndpoint(new Endpoint(CLUSTER + ".abc123.ng.0001.use1.cache.amazonaws.com", 6379))
                .clusterEnabled(false).engine("redis").build()));
    }

    static Lab serverless() {
        return good().withClusters(List.of()).withServerless(List.of(ServerlessCache.builder()
                .serverlessCacheName(CLUSTER).status("available").engine("valkey")
                .majorEngineVersion("8").subnetIds(List.of(PRIVATE_A, PRIVATE_B))
                .securityGroupIds(List.of(REDIS_SG))
                .endpoint(new Endpoint(CLUSTER + "-abc123.serverless.use1.cache.amazonaws.com", 6379))
                .build()));
    }

    /** A second VPC (the account's default) whose main table routes to an internet gateway. */
    static Lab otherVpc() {
        String vpc = "vpc-0default";
        return new Lab(List.of(), List.of(), List.of(), List.of(),
                List.of(new Subnet("subnet-0def", vpc, "us-east-1a", "172.31.0.0/20", true)),
                List.of(new RouteTable("rtb-0defmain", vpc, true, List.of(),
                        List.of(route("172.31.0.0/16", "local", null), route("0.0.0.0/0", "igw-0def", null)))),
                List.of(), List.of(Ec2Instance.builder().instanceId("i-0other").name("someone-else").state("running")
                        .instanceType("t3.micro").vpcId(vpc).subnetId("subnet-0def")
                        .publicIpAddress("3.3.3.3").privateIpAddress("172.31.0.5")
                        .securityGroupIds(List.of("sg-0def")).build()),
                List.of(), List.of());
    }
}
