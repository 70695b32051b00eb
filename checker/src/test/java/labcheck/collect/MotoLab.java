package labcheck.collect;

import java.net.URI;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * Builds the lab in moto through setup-only clients: the only place in the code base where a
 * mutating AWS call is made, and each such client is marked {@link ReadOnlyGuard#SETUP}.
 */
public final class MotoLab {

    String vpcId;
    String privateA;
    String privateB;
    String publicSubnet;
    String publicTable;
    String redisSg;
    String appSg;
    String instanceId;
    String publicIp;

    public static MotoLab create(String endpoint) {
        MotoLab lab = new MotoLab();
        try (Ec2Client ec2 = setup(Ec2Client.builder(), endpoint).build();
             ElastiCacheClient cache = setup(ElastiCacheClient.builder(), endpoint).build();
             RdsClient rds = setup(RdsClient.builder(), endpoint).build()) {
            lab.vpcId = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
            lab.publicSubnet = subnet(ec2, lab.vpcId, "10.0.1.0/24", "us-east-1a");
            lab.privateA = subnet(ec2, lab.vpcId, "10.0.3.0/24", "us-east-1a");
            lab.privateB = subnet(ec2, lab.vpcId, "10.0.4.0/24", "us-east-1b");
            String igw = ec2.createInternetGateway().internetGateway().internetGatewayId();
            ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(lab.vpcId));
            lab.publicTable = ec2.createRouteTable(r -> r.vpcId(lab.vpcId)).routeTable().routeTableId();
            ec2.createRoute(r -> r.routeTableId(lab.publicTable).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
            ec2.associateRouteTable(r -> r.routeTableId(lab.publicTable).subnetId(lab.publicSubnet));

            lab.appSg = ec2.createSecurityGroup(r -> r.groupName("web-sg").description("app").vpcId(lab.vpcId)).groupId();
            lab.redisSg = ec2.createSecurityGroup(r -> r.groupName("redis-sg").description("redis").vpcId(lab.vpcId))
                    .groupId();
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(lab.redisSg).ipPermissions(IpPermission.builder()
                    .ipProtocol("tcp").fromPort(6379).toPort(6379)
                    .userIdGroupPairs(UserIdGroupPair.builder().groupId(lab.appSg).build()).build()));

            ec2.modifySubnetAttribute(r -> r.subnetId(lab.publicSubnet).mapPublicIpOnLaunch(b -> b.value(true)));
            String ami = ec2.describeImages().images().get(0).imageId();
            var instance = ec2.runInstances(r -> r.imageId(ami).instanceType(InstanceType.T2_MICRO).minCount(1)
                    .maxCount(1).subnetId(lab.publicSubnet).securityGroupIds(lab.appSg)).instances().get(0);
            lab.instanceId = instance.instanceId();
            lab.publicIp = ec2.describeInstances(r -> r.instanceIds(lab.instanceId)).reservations().get(0)
                    .instances().get(0).publicIpAddress();

            cache.createCacheSubnetGroup(r -> r.cacheSubnetGroupName("redis-subnet-group")
                    .cacheSubnetGroupDescription("Redis subnet group").subnetIds(lab.privateA, lab.privateB));
            cache.createCacheCluster(r -> r.cacheClusterId(Labs.CLUSTER).engine("redis").engineVersion("7.0")
                    .cacheNodeType("cache.t2.micro").numCacheNodes(1).cacheSubnetGroupName("redis-subnet-group")
                    .securityGroupIds(lab.redisSg));

            rds.createDBSubnetGroup(r -> r.dbSubnetGroupName("db-subnets").dbSubnetGroupDescription("db")
                    .subnetIds(lab.privateA, lab.privateB));
            rds.createDBInstance(r -> r.dbInstanceIdentifier("products-db").engine("mysql").dbInstanceClass("db.t3.micro")
                    .allocatedStorage(20).masterUsername("admin").masterUserPassword("not-a-real-password-1")
                    .dbSubnetGroupName("db-subnets").publiclyAccessible(false));
        }
        return lab;
    }

    private static String subnet(Ec2Client ec2, String vpc, String cidr, String az) {
        return ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidr).availabilityZone(az)).subnet().subnetId();
    }

    public static <B extends AwsClientBuilder<B, ?>> B setup(B builder, String endpoint) {
        return builder.region(Region.US_EAST_1).endpointOverride(URI.create(endpoint))
                .overrideConfiguration(c -> c.putExecutionAttribute(ReadOnlyGuard.SETUP, true));
    }
}
