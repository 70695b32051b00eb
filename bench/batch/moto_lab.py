"""Builds the Caching Server Lab in a moto server, for bench/batch/run.sh.

Mirrors checker/src/test/java/labcheck/collect/MotoLab.java (VPC, public and two private subnets,
web-sg and redis-sg, one EC2 instance, the Redis cluster in a subnet group, the RDS MySQL
instance), so the collector finds a correctly built lab. Every student in the benchmark is sent
to this one fake account.

    python3 bench/batch/moto_lab.py http://127.0.0.1:PORT
"""
import sys

import boto3


def main(endpoint):
    kw = dict(endpoint_url=endpoint, region_name="us-east-1",
              aws_access_key_id="testing", aws_secret_access_key="testing")
    ec2 = boto3.client("ec2", **kw)
    cache = boto3.client("elasticache", **kw)
    rds = boto3.client("rds", **kw)

    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]

    def subnet(cidr, az):
        return ec2.create_subnet(VpcId=vpc, CidrBlock=cidr, AvailabilityZone=az)["Subnet"]["SubnetId"]

    public = subnet("10.0.1.0/24", "us-east-1a")
    private_a = subnet("10.0.3.0/24", "us-east-1a")
    private_b = subnet("10.0.4.0/24", "us-east-1b")
    igw = ec2.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
    ec2.attach_internet_gateway(InternetGatewayId=igw, VpcId=vpc)
    table = ec2.create_route_table(VpcId=vpc)["RouteTable"]["RouteTableId"]
    ec2.create_route(RouteTableId=table, DestinationCidrBlock="0.0.0.0/0", GatewayId=igw)
    ec2.associate_route_table(RouteTableId=table, SubnetId=public)

    app_sg = ec2.create_security_group(GroupName="web-sg", Description="app", VpcId=vpc)["GroupId"]
    redis_sg = ec2.create_security_group(GroupName="redis-sg", Description="redis", VpcId=vpc)["GroupId"]
    ec2.authorize_security_group_ingress(GroupId=redis_sg, IpPermissions=[{
        "IpProtocol": "tcp", "FromPort": 6379, "ToPort": 6379,
        "UserIdGroupPairs": [{"GroupId": app_sg}]}])

    ec2.modify_subnet_attribute(SubnetId=public, MapPublicIpOnLaunch={"Value": True})
    ami = ec2.describe_images()["Images"][0]["ImageId"]
    ec2.run_instances(ImageId=ami, InstanceType="t2.micro", MinCount=1, MaxCount=1,
                      SubnetId=public, SecurityGroupIds=[app_sg])

    cache.create_cache_subnet_group(CacheSubnetGroupName="redis-subnet-group",
                                    CacheSubnetGroupDescription="Redis subnet group",
                                    SubnetIds=[private_a, private_b])
    cache.create_cache_cluster(CacheClusterId="product-cache-cluster", Engine="redis", EngineVersion="7.0",
                               CacheNodeType="cache.t2.micro", NumCacheNodes=1,
                               CacheSubnetGroupName="redis-subnet-group", SecurityGroupIds=[redis_sg])

    rds.create_db_subnet_group(DBSubnetGroupName="db-subnets", DBSubnetGroupDescription="db",
                               SubnetIds=[private_a, private_b])
    rds.create_db_instance(DBInstanceIdentifier="products-db", Engine="mysql", DBInstanceClass="db.t3.micro",
                           AllocatedStorage=20, MasterUsername="admin",
                           MasterUserPassword="not-a-real-password-1",
                           DBSubnetGroupName="db-subnets", PubliclyAccessible=False)
    print("moto lab created: vpc", vpc)


if __name__ == "__main__":
    main(sys.argv[1])
