package labcheck.collect;

import java.util.List;
import java.util.function.Function;
import labcheck.evidence.CacheCluster;
import labcheck.evidence.CacheSubnetGroup;
import labcheck.evidence.Ec2Instance;
import labcheck.evidence.Endpoint;
import labcheck.evidence.RdsInstance;
import labcheck.evidence.ReplicationGroup;
import labcheck.evidence.RouteTable;
import labcheck.evidence.SecurityGroup;
import labcheck.evidence.ServerlessCache;
import labcheck.evidence.Subnet;

/**
 * Renders evidence records as the XML AWS answers with: ElastiCache (2015-02-02) and RDS
 * (2014-10-31) wrap a Result with PascalCase names and named list members; EC2 (2016-11-15)
 * has no Result wrapper, lowerCamel names and {@code <item>} lists. A null field is left out,
 * as AWS leaves out what it does not report.
 */
final class AwsXml {

    static final String ELASTICACHE_NS = "http://elasticache.amazonaws.com/doc/2015-02-02/";
    static final String EC2_NS = "http://ec2.amazonaws.com/doc/2016-11-15/";
    static final String RDS_NS = "http://rds.amazonaws.com/doc/2014-10-31/";
    static final String STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/";

    private AwsXml() {
    }

    static String query(String action, String ns, String result) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + action + "Response xmlns=\"" + ns + "\">\n  <" + action
                + "Result>" + result + "</" + action + "Result>\n  <ResponseMetadata><RequestId>"
                + "7f4b1e9c-0000-4000-8000-000000000001</RequestId></ResponseMetadata>\n</" + action + "Response>\n";
    }

    static String ec2(String action, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + action + "Response xmlns=\"" + EC2_NS + "\">\n"
                + "  <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>" + body + "\n</" + action + "Response>\n";
    }

    static String queryError(String ns, String code, String message) {
        return "<ErrorResponse xmlns=\"" + ns + "\"><Error><Type>Sender</Type><Code>" + code + "</Code><Message>"
                + message + "</Message></Error><RequestId>7f4b1e9c-err</RequestId></ErrorResponse>";
    }

    static String ec2Error(String code, String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>" + code + "</Code><Message>"
                + message + "</Message></Error></Errors><RequestID>ea966190-f9aa-478e-9ede-example</RequestID></Response>";
    }

    // ---- ElastiCache

    static String cacheClusters(List<CacheCluster> clusters) {
        return query("DescribeCacheClusters", ELASTICACHE_NS, "<CacheClusters>" + each(clusters, "CacheCluster", c ->
                el("CacheClusterId", c.cacheClusterId()) + el("CacheClusterStatus", c.cacheClusterStatus())
                        + el("Engine", c.engine()) + el("EngineVersion", c.engineVersion())
                        + el("CacheNodeType", c.cacheNodeType()) + el("NumCacheNodes", c.numCacheNodes())
                        + el("CacheSubnetGroupName", c.cacheSubnetGroupName())
                        + list("SecurityGroups", "member", c.securityGroupIds(),
                                id -> el("SecurityGroupId", id) + el("Status", "active"))
                        + list("CacheNodes", "CacheNode", c.cacheNodes(), n -> el("CacheNodeId", n.cacheNodeId())
                                + el("CacheNodeStatus", n.cacheNodeStatus()) + endpoint("Endpoint", n.endpoint())
                                + el("CustomerAvailabilityZone", n.customerAvailabilityZone()))
                        + el("ReplicationGroupId", c.replicationGroupId())
                        + el("PreferredAvailabilityZone", c.preferredAvailabilityZone())
                        + el("TransitEncryptionEnabled", c.transitEncryptionEnabled())
                        + el("AuthTokenEnabled", c.authTokenEnabled())
                        + el("CacheClusterCreateTime", c.cacheClusterCreateTime())) + "</CacheClusters>");
    }

    static String replicationGroups(List<ReplicationGroup> groups) {
        return query("DescribeReplicationGroups", ELASTICACHE_NS, "<ReplicationGroups>" + each(groups, "ReplicationGroup",
                g -> el("ReplicationGroupId", g.replicationGroupId()) + el("Status", g.status())
                        + list("MemberClusters", "ClusterId", g.memberClusters(), id -> id)
                        + (g.primaryEndpoint() == null ? "" : "<NodeGroups><NodeGroup><NodeGroupId>0001</NodeGroupId>"
                        + endpoint("PrimaryEndpoint", g.primaryEndpoint()) + "</NodeGroup></NodeGroups>")
                        + endpoint("ConfigurationEndpoint", g.configurationEndpoint())
                        + el("CacheNodeType", g.cacheNodeType()) + el("ClusterEnabled", g.clusterEnabled())
                        + el("Engine", g.engine())
                        + el("ReplicationGroupCreateTime", g.replicationGroupCreateTime())) + "</ReplicationGroups>");
    }

    static String serverlessCaches(List<ServerlessCache> caches) {
        return query("DescribeServerlessCaches", ELASTICACHE_NS, "<ServerlessCaches>" + each(caches, "member",
                s -> el("ServerlessCacheName", s.serverlessCacheName()) + el("Status", s.status())
                        + el("Engine", s.engine()) + el("MajorEngineVersion", s.majorEngineVersion())
                        + list("SubnetIds", "SubnetId", s.subnetIds(), id -> id)
                        + list("SecurityGroupIds", "SecurityGroupId", s.securityGroupIds(), id -> id)
                        + endpoint("Endpoint", s.endpoint()) + el("CreateTime", s.createTime()))
                + "</ServerlessCaches>");
    }

    static String cacheSubnetGroups(List<CacheSubnetGroup> groups) {
        return query("DescribeCacheSubnetGroups", ELASTICACHE_NS, "<CacheSubnetGroups>" + each(groups, "CacheSubnetGroup",
                g -> el("CacheSubnetGroupName", g.cacheSubnetGroupName())
                        + el("CacheSubnetGroupDescription", "Redis subnet group") + el("VpcId", g.vpcId())
                        + list("Subnets", "Subnet", g.subnetIds(), id -> el("SubnetIdentifier", id)))
                + "</CacheSubnetGroups>");
    }

    // ---- EC2

    static String subnets(List<Subnet> subnets) {
        return ec2("DescribeSubnets", list("subnetSet", "item", subnets, s -> el("subnetId", s.subnetId())
                + el("state", "available") + el("vpcId", s.vpcId()) + el("cidrBlock", s.cidrBlock())
                + el("availabilityZone", s.availabilityZone()) + el("mapPublicIpOnLaunch", s.mapPublicIpOnLaunch())));
    }

    static String routeTables(List<RouteTable> tables) {
        return ec2("DescribeRouteTables", list("routeTableSet", "item", tables, t -> el("routeTableId", t.routeTableId())
                + el("vpcId", t.vpcId())
                + list("routeSet", "item", t.routes(), r -> el("destinationCidrBlock", r.destinationCidrBlock())
                        + el("destinationIpv6CidrBlock", r.destinationIpv6CidrBlock())
                        + el("destinationPrefixListId", r.destinationPrefixListId()) + el("gatewayId", r.gatewayId())
                        + el("natGatewayId", r.natGatewayId()) + el("transitGatewayId", r.transitGatewayId())
                        + el("egressOnlyInternetGatewayId", r.egressOnlyInternetGatewayId())
                        + el("networkInterfaceId", r.networkInterfaceId()) + el("instanceId", r.instanceId())
                        + el("vpcPeeringConnectionId", r.vpcPeeringConnectionId()) + el("state", r.state()))
                + associations(t)));
    }

    private static String associations(RouteTable t) {
        if (t.associatedSubnetIds() == null && t.main() == null) {
            return "";
        }
        StringBuilder b = new StringBuilder("<associationSet>");
        if (Boolean.TRUE.equals(t.main())) {
            b.append("<item>").append(el("routeTableAssociationId", "rtbassoc-main-" + t.routeTableId()))
                    .append(el("routeTableId", t.routeTableId())).append(el("main", true)).append("</item>");
        }
        for (String subnet : t.associatedSubnetIds() == null ? List.<String>of() : t.associatedSubnetIds()) {
            b.append("<item>").append(el("routeTableAssociationId", "rtbassoc-" + subnet))
                    .append(el("routeTableId", t.routeTableId())).append(el("subnetId", subnet))
                    .append(el("main", false)).append("</item>");
        }
        return b.append("</associationSet>").toString();
    }

    static String securityGroups(List<SecurityGroup> groups) {
        return ec2("DescribeSecurityGroups", list("securityGroupInfo", "item", groups, g -> el("ownerId", "123456789012")
                + el("groupId", g.groupId()) + el("groupName", g.groupName()) + el("groupDescription", "lab")
                + el("vpcId", g.vpcId())
                + list("ipPermissions", "item", g.ingressRules(), r -> el("ipProtocol", r.ipProtocol())
                        + el("fromPort", r.fromPort()) + el("toPort", r.toPort())
                        + list("groups", "item", r.referencedGroupIds(), id -> el("userId", "123456789012")
                                + el("groupId", id))
                        + list("ipRanges", "item", r.ipv4Ranges(), c -> el("cidrIp", c) + el("description", r.description()))
                        + list("ipv6Ranges", "item", r.ipv6Ranges(), c -> el("cidrIpv6", c))
                        + list("prefixListIds", "item", r.prefixListIds(), p -> el("prefixListId", p)))));
    }

    static String instances(List<Ec2Instance> instances) {
        return ec2("DescribeInstances", list("reservationSet", "item", instances, i -> el("reservationId", "r-" + i.instanceId())
                + el("ownerId", "123456789012") + list("instancesSet", "item", List.of(i), x -> el("instanceId", x.instanceId())
                        + "<instanceState><code>16</code>" + el("name", x.state()) + "</instanceState>"
                        + el("instanceType", x.instanceType()) + el("launchTime", x.launchTime())
                        + el("vpcId", x.vpcId()) + el("subnetId", x.subnetId())
                        + el("privateIpAddress", x.privateIpAddress()) + el("ipAddress", x.publicIpAddress())
                        + "<dnsName>" + (x.publicDnsName() == null ? "" : x.publicDnsName()) + "</dnsName>"
                        + list("groupSet", "item", x.securityGroupIds(), id -> el("groupId", id))
                        + list("tagSet", "item", x.name() == null ? null : List.of(x.name()),
                                n -> el("key", "Name") + el("value", n)))));
    }

    // ---- RDS and STS

    static String dbInstances(List<RdsInstance> dbs) {
        return query("DescribeDBInstances", RDS_NS, "<DBInstances>" + each(dbs, "DBInstance",
                d -> el("DBInstanceIdentifier", d.dbInstanceIdentifier()) + el("Engine", d.engine())
                        + el("EngineVersion", d.engineVersion()) + el("DBInstanceStatus", d.dbInstanceStatus())
                        + el("PubliclyAccessible", d.publiclyAccessible()) + el("MasterUsername", "admin")
                        + "<DBSubnetGroup>" + el("DBSubnetGroupName", d.dbSubnetGroupName()) + el("VpcId", d.vpcId())
                        + list("Subnets", "Subnet", d.subnetIds(), id -> el("SubnetIdentifier", id)) + "</DBSubnetGroup>"
                        + list("VpcSecurityGroups", "VpcSecurityGroupMembership", d.vpcSecurityGroupIds(),
                                id -> el("VpcSecurityGroupId", id) + el("Status", "active"))
                        + endpoint("Endpoint", d.endpoint()) + el("InstanceCreateTime", d.instanceCreateTime()))
                + "</DBInstances>");
    }

    static String callerIdentity(String account, String arn) {
        return query("GetCallerIdentity", STS_NS, el("Arn", arn) + el("UserId", "AIDAEXAMPLEUSERID") + el("Account", account));
    }

    static String assumeRole(String roleArn) {
        return query("AssumeRole", STS_NS, "<Credentials>" + el("AccessKeyId", "assumed-key-id")
                + el("SecretAccessKey", "assumed-secret") + el("SessionToken", "assumed-token")
                + el("Expiration", "2099-01-01T00:00:00Z") + "</Credentials><AssumedRoleUser>"
                + el("AssumedRoleId", "AROAEXAMPLE:labcheck") + el("Arn", roleArn) + "</AssumedRoleUser>");
    }

    // ---- helpers

    private static String endpoint(String name, Endpoint e) {
        return e == null ? "" : "<" + name + ">" + el("Address", e.address()) + el("Port", e.port()) + "</" + name + ">";
    }

    static String el(String name, Object value) {
        return value == null ? "" : "<" + name + ">" + value + "</" + name + ">";
    }

    private static <T> String each(List<T> items, String member, Function<T, String> f) {
        StringBuilder b = new StringBuilder();
        items.forEach(i -> b.append('<').append(member).append('>').append(f.apply(i)).append("</").append(member).append('>'));
        return b.toString();
    }

    /** A wrapped list; a null list is left out entirely (AWS did not report it). */
    private static <T> String list(String name, String member, List<T> items, Function<T, String> f) {
        return items == null ? "" : "<" + name + ">" + each(items, member, f) + "</" + name + ">";
    }
}
