package labcheck.checks;

import java.util.ArrayList;
import java.util.List;
import labcheck.evidence.CacheCluster;
import labcheck.evidence.CacheSubnetGroup;
import labcheck.evidence.CallerIdentity;
import labcheck.evidence.Ec2Instance;
import labcheck.evidence.Endpoint;
import labcheck.evidence.Evidence;
import labcheck.evidence.Fact;
import labcheck.evidence.MetricAlarm;
import labcheck.evidence.RdsInstance;
import labcheck.evidence.ReplicationGroup;
import labcheck.evidence.RouteTable.Route;
import labcheck.evidence.RouteTable;
import labcheck.evidence.SecurityGroup.IngressRule;
import labcheck.evidence.SecurityGroup;
import labcheck.evidence.ServerlessCache;
import labcheck.evidence.Subject;
import labcheck.evidence.Subnet;
import labcheck.evidence.TrailLookup;
import labcheck.evidence.Unavailable;

/**
 * Hand-built evidence of a lab done right, as the seed describes it; tests change one part
 * to make each mistake. Fields are public and mutable on purpose: a test reads as the change.
 *
 * <pre>{@code
 * LabEvidence lab = LabEvidence.correct();
 * lab.clusters = List.of(LabEvidence.cluster("creating", "cache.t2.micro"));
 * Evidence evidence = lab.build();
 * }</pre>
 */
public final class LabEvidence {

    public static final String VPC = "vpc-0a1";
    public static final String DEFAULT_VPC = "vpc-default";
    public static final String CLUSTER = "product-cache-cluster";

    public Subject subject = new Subject("s001", "Student One", "us-east-1", CLUSTER, "http://54.1.2.3:5001",
            "http://54.1.2.3:5000", "sample account");
    public Fact<CallerIdentity> identity = Fact.of(new CallerIdentity("123456789012",
            "arn:aws:iam::123456789012:user/student", "AIDAEXAMPLEUSERID"));
    public List<CacheCluster> clusters = new ArrayList<>(List.of(cluster("available", "cache.t2.micro")));
    public List<ReplicationGroup> replicationGroups = new ArrayList<>();
    public List<ServerlessCache> serverless = new ArrayList<>();
    public List<CacheSubnetGroup> subnetGroups = new ArrayList<>(List.of(
            new CacheSubnetGroup("redis-subnet-group", VPC, List.of("subnet-priv-a", "subnet-priv-b"))));
    public List<Subnet> subnets = new ArrayList<>(List.of(
            new Subnet("subnet-pub-a", VPC, "us-east-1a", "10.0.1.0/24", true),
            new Subnet("subnet-priv-a", VPC, "us-east-1a", "10.0.11.0/24", false),
            new Subnet("subnet-priv-b", VPC, "us-east-1b", "10.0.12.0/24", false),
            new Subnet("subnet-default-a", DEFAULT_VPC, "us-east-1a", "172.31.0.0/20", true)));
    public List<RouteTable> routeTables = new ArrayList<>(List.of(
            // the lab VPC's main table: private, its default route goes through a NAT gateway
            new RouteTable("rtb-main", VPC, true, List.of(), List.of(local("10.0.0.0/16"), nat("0.0.0.0/0"))),
            new RouteTable("rtb-public", VPC, false, List.of("subnet-pub-a"),
                    List.of(local("10.0.0.0/16"), igw("0.0.0.0/0", "igw-lab"))),
            // another VPC's main table is public; it must never decide for the lab VPC's subnets
            new RouteTable("rtb-default-main", DEFAULT_VPC, true, List.of(),
                    List.of(local("172.31.0.0/16"), igw("0.0.0.0/0", "igw-default")))));
    public List<SecurityGroup> securityGroups = new ArrayList<>(List.of(
            new SecurityGroup("sg-redis", "redis-sg", VPC, List.of(fromGroup("tcp", 6379, 6379, "sg-app"))),
            new SecurityGroup("sg-app", "app-sg", VPC, List.of(fromCidr("tcp", 22, 22, "203.0.113.7/32"),
                    fromCidr("tcp", 5000, 5001, "0.0.0.0/0")))));
    public List<Ec2Instance> instances = new ArrayList<>(List.of(appInstance()));
    public List<RdsInstance> databases = new ArrayList<>(List.of(RdsInstance.builder()
            .dbInstanceIdentifier("product-db").engine("mysql").engineVersion("8.0.39")
            .dbInstanceStatus("available").publiclyAccessible(false)
            .dbSubnetGroupName("db-subnet-group").vpcId(VPC)
            .subnetIds(List.of("subnet-priv-a", "subnet-priv-b"))
            .vpcSecurityGroupIds(List.of("sg-db"))
            .endpoint(new Endpoint("product-db.abc.us-east-1.rds.amazonaws.com", 3306)).build()));
    public List<MetricAlarm> alarms = new ArrayList<>(List.of(hitRateAlarm("LessThanThreshold", 80.0, CLUSTER)));
    /** Graded with a deadline, and nothing changed since: CloudTrail lists no write on the lab after it. */
    public String deadline = "2026-11-20T09:00:00Z";
    public Fact<TrailLookup> cloudTrail = Fact.of(TrailLookup.builder().from(deadline).to("2026-11-20T10:00:00Z")
            .resources(List.of(CLUSTER, "i-0app", "sg-app", "sg-redis")).events(List.of()).eventsRead(0).build());
    /** Set to make one AWS call's evidence unavailable, e.g. "routeTables". */
    public String denied;

    public static LabEvidence correct() {
        return new LabEvidence();
    }

    public Evidence build() {
        return Evidence.empty(subject, "2026-11-20T10:00:00Z").toBuilder()
                .identity(denied("identity", identity))
                .cacheClusters(fact("cacheClusters", clusters))
                .replicationGroups(fact("replicationGroups", replicationGroups))
                .serverlessCaches(fact("serverlessCaches", serverless))
                .cacheSubnetGroups(fact("cacheSubnetGroups", subnetGroups))
                .subnets(fact("subnets", subnets))
                .routeTables(fact("routeTables", routeTables))
                .securityGroups(fact("securityGroups", securityGroups))
                .instances(fact("instances", instances))
                .dbInstances(fact("dbInstances", databases))
                .alarms(fact("alarms", alarms))
                .deadline(deadline)
                .cloudTrail(deadline == null ? Fact.notCollected("CloudTrail's event history", Evidence.NO_DEADLINE)
                        : denied("cloudTrail", cloudTrail))
                .build();
    }

    private <T> Fact<T> fact(String name, T value) {
        return denied(name, Fact.of(value));
    }

    private <T> Fact<T> denied(String name, Fact<T> fact) {
        return name.equals(denied) ? Fact.unavailable(Unavailable.accessDenied(action(name))) : fact;
    }

    private static String action(String name) {
        return switch (name) {
            case "cacheClusters" -> "elasticache:DescribeCacheClusters";
            case "cacheSubnetGroups" -> "elasticache:DescribeCacheSubnetGroups";
            case "subnets" -> "ec2:DescribeSubnets";
            case "routeTables" -> "ec2:DescribeRouteTables";
            case "securityGroups" -> "ec2:DescribeSecurityGroups";
            case "instances" -> "ec2:DescribeInstances";
            case "dbInstances" -> "rds:DescribeDBInstances";
            case "alarms" -> "cloudwatch:DescribeAlarms";
            case "cloudTrail" -> "cloudtrail:LookupEvents";
            default -> name;
        };
    }

    public static CacheCluster cluster(String status, String nodeType) {
        return CacheCluster.builder().cacheClusterId(CLUSTER).cacheClusterStatus(status).engine("redis")
                .engineVersion("7.0.7").cacheNodeType(nodeType).numCacheNodes(1)
                .cacheSubnetGroupName("redis-subnet-group").securityGroupIds(List.of("sg-redis"))
                .cacheNodes(List.of(new CacheCluster.CacheNode("0001", status,
                        new Endpoint(CLUSTER + ".abc123.0001.use1.cache.amazonaws.com", 6379), "us-east-1a")))
                .preferredAvailabilityZone("us-east-1a").transitEncryptionEnabled(false)
                .authTokenEnabled(false).build();
    }

    public static Ec2Instance appInstance() {
        return Ec2Instance.builder().instanceId("i-0app").name("product-api").state("running")
                .instanceType("t2.micro").vpcId(VPC).subnetId("subnet-pub-a")
                .publicIpAddress("54.1.2.3").publicDnsName("ec2-54-1-2-3.compute-1.amazonaws.com")
                .privateIpAddress("10.0.1.10").securityGroupIds(List.of("sg-app")).build();
    }

    public static MetricAlarm hitRateAlarm(String operator, Double threshold, String clusterId) {
        return MetricAlarm.builder().alarmName("cache-hit-ratio-low").namespace("AWS/ElastiCache")
                .metricName("CacheHitRate").statistic("Average").comparisonOperator(operator)
                .threshold(threshold).evaluationPeriods(1).period(300).stateValue("OK")
                .dimensions(List.of(new MetricAlarm.Dimension("CacheClusterId", clusterId)))
                .usesMetricMath(false).build();
    }

    public static Route local(String cidr) {
        return new Route(cidr, null, null, "local", null, null, null, null, null, null, "active");
    }

    public static Route igw(String cidr, String gateway) {
        return new Route(cidr, null, null, gateway, null, null, null, null, null, null, "active");
    }

    public static Route igw6(String gateway) {
        return new Route(null, "::/0", null, gateway, null, null, null, null, null, null, "active");
    }

    public static Route nat(String cidr) {
        return new Route(cidr, null, null, null, "nat-0lab", null, null, null, null, null, "active");
    }

    public static IngressRule fromGroup(String protocol, Integer from, Integer to, String group) {
        return new IngressRule(protocol, from, to, List.of(), List.of(), List.of(group), List.of(), null);
    }

    public static IngressRule fromCidr(String protocol, Integer from, Integer to, String cidr) {
        return new IngressRule(protocol, from, to, List.of(cidr), List.of(), List.of(), List.of(), null);
    }

    public static IngressRule fromCidr6(String protocol, Integer from, Integer to, String cidr) {
        return new IngressRule(protocol, from, to, List.of(), List.of(cidr), List.of(), List.of(), null);
    }
}
