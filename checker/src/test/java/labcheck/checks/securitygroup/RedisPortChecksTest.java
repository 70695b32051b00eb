package labcheck.checks.securitygroup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import labcheck.checks.LabEvidence;
import labcheck.engine.CheckHarness;
import labcheck.engine.CheckRun;
import labcheck.evidence.Ec2Instance;
import labcheck.evidence.SecurityGroup.IngressRule;
import labcheck.evidence.SecurityGroup;
import labcheck.evidence.Subject;
import labcheck.report.Outcome;
import org.junit.jupiter.api.Test;

class RedisPortChecksTest {

    private static final String ONLY_APP = "ec2_redis_port_open_only_to_app_sg";
    private static final String NO_CIDR = "ec2_redis_port_not_open_to_cidr";

    private final LabEvidence lab = LabEvidence.correct();

    private void redisRules(IngressRule... rules) {
        lab.securityGroups = new ArrayList<>(lab.securityGroups);
        lab.securityGroups.set(0, new SecurityGroup("sg-redis", "redis-sg", LabEvidence.VPC, List.of(rules)));
    }

    @Test
    void portOpenOnlyToAppGroupPasses() {
        CheckRun run = CheckHarness.run(ONLY_APP, lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(run.message()).isEqualTo("Port 6379 of sg-redis (redis-sg) is open to sg-app, the security group of"
                + " app instance i-0app (product-api), and to no other security group.");
        assertThat(run.details()).isEqualTo("sg-redis: tcp 6379 from security group sg-app");
    }

    @Test
    void noRuleFailsWithTheSeedsFix() {
        redisRules();

        CheckRun run = CheckHarness.run(ONLY_APP, lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(run.message()).isEqualTo("Security group sg-redis (redis-sg) of ElastiCache cluster"
                + " product-cache-cluster does not allow port 6379 from sg-app, the security group of app instance"
                + " i-0app (product-api); expected an inbound rule tcp 6379 from it, without which the app's connection"
                + " to Redis times out. Fix (the seed's: add inbound rule port 6379 from the EC2 SG): `aws ec2"
                + " authorize-security-group-ingress --group-id sg-redis --protocol tcp --port 6379 --source-group"
                + " sg-app`.");
        assertThat(CheckHarness.run(NO_CIDR, lab.build()).outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void allTrafficRuleFromTheAppGroupCoversTheRedisPort() {
        redisRules(LabEvidence.fromGroup("-1", null, null, "sg-app"));

        assertThat(CheckHarness.run(ONLY_APP, lab.build()).outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void anotherGroupAlsoAllowedFailsWithTheExactRevoke() {
        redisRules(LabEvidence.fromGroup("tcp", 6379, 6379, "sg-app"),
                LabEvidence.fromGroup("tcp", 6000, 7000, "sg-bastion"));

        CheckRun run = CheckHarness.run(ONLY_APP, lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(run.message()).isEqualTo("Security group sg-redis of ElastiCache cluster product-cache-cluster also"
                + " allows port 6379 from security group sg-bastion through rule tcp 6000-7000; expected only the app"
                + " instance's group sg-app: every instance in sg-bastion can reach Redis too. Fix: `aws ec2"
                + " revoke-security-group-ingress --group-id sg-redis --ip-permissions"
                + " 'IpProtocol=tcp,FromPort=6000,ToPort=7000,UserIdGroupPairs=[{GroupId=sg-bastion}]'`.");
    }

    @Test
    void aGroupNamingItselfIsNotAnotherClient() {
        redisRules(LabEvidence.fromGroup("tcp", 6379, 6379, "sg-app"), LabEvidence.fromGroup("-1", null, null, "sg-redis"));

        assertThat(CheckHarness.run(ONLY_APP, lab.build()).outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void onlyToAppFailsWhenNoAppInstanceRuns() {
        lab.instances = List.of();

        CheckRun run = CheckHarness.run(ONLY_APP, lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(run.message()).startsWith("No running EC2 instance was found in vpc-0a1, the cache's VPC;");
    }

    @Test
    void severalInstancesAreResolvedByTheAppUrlOrElseUnverifiable() {
        Ec2Instance app = LabEvidence.appInstance();
        Ec2Instance other = Ec2Instance.builder().instanceId("i-0other").name("bastion").state("running")
                .instanceType("t2.micro").vpcId(LabEvidence.VPC).subnetId("subnet-pub-a")
                .publicIpAddress("54.9.9.9").privateIpAddress("10.0.1.11")
                .securityGroupIds(List.of("sg-bastion")).build();
        lab.instances = List.of(app, other);
        redisRules(LabEvidence.fromGroup("tcp", 6379, 6379, "sg-app"), LabEvidence.fromGroup("tcp", 6379, 6379, "sg-bastion"));

        assertThat(CheckHarness.run(ONLY_APP, lab.build()).message()).contains("from security group sg-bastion");

        lab.subject = new Subject("s001", null, "us-east-1", LabEvidence.CLUSTER, null, null, "aws");
        CheckRun run = CheckHarness.run(ONLY_APP, lab.build());
        assertThat(run.outcome()).isEqualTo(Outcome.UNVERIFIABLE);
        assertThat(run.message()).isEqualTo("Several running EC2 instances in vpc-0a1, the cache's VPC (i-0app"
                + " (product-api) and i-0other (bastion)) could be the app; run labcheck with --app"
                + " http://<app-public-ip>:5001 so it knows which one is the app.");
    }

    @Test
    void noCidrPasses() {
        CheckRun run = CheckHarness.run(NO_CIDR, lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(run.message()).isEqualTo("No address range can reach port 6379 of sg-redis (redis-sg).");
    }

    @Test
    void openToTheWorldFailsForIpv4AndIpv6AtOnce() {
        redisRules(LabEvidence.fromGroup("tcp", 6379, 6379, "sg-app"), LabEvidence.fromCidr("tcp", 6379, 6379, "0.0.0.0/0"),
                LabEvidence.fromCidr6("-1", null, null, "::/0"));

        CheckRun run = CheckHarness.run(NO_CIDR, lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(run.message().lines().toList()).containsExactly(
                "Security group sg-redis of ElastiCache cluster product-cache-cluster allows port 6379 from 0.0.0.0/0"
                        + " (the whole internet) through rule tcp 6379; expected no address range at all, only the app"
                        + " instance's security group: whoever holds an address in that range can use Redis, which"
                        + " has no password. Fix: `aws ec2 revoke-security-group-ingress --group-id sg-redis"
                        + " --ip-permissions 'IpProtocol=tcp,FromPort=6379,ToPort=6379,IpRanges=[{CidrIp=0.0.0.0/0}]'`.",
                "Security group sg-redis of ElastiCache cluster product-cache-cluster allows port 6379 from ::/0"
                        + " (the whole internet) through rule all traffic; expected no address range at all, only the app"
                        + " instance's security group: whoever holds an address in that range can use Redis, which"
                        + " has no password. Fix: `aws ec2 revoke-security-group-ingress --group-id sg-redis"
                        + " --ip-permissions 'IpProtocol=-1,Ipv6Ranges=[{CidrIpv6=::/0}]'`.");
        assertThat(CheckHarness.run(ONLY_APP, lab.build()).outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void anyCidrFailsEvenAPrivateOneAndRangesCoveringThePort() {
        redisRules(LabEvidence.fromCidr("tcp", 0, 65535, "10.0.0.0/16"));

        CheckRun run = CheckHarness.run(NO_CIDR, lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(run.message()).contains("allows port 6379 from 10.0.0.0/16 through rule tcp 0-65535");
    }

    @Test
    void aPrefixListIsAnAddressRangeToo() {
        redisRules(LabEvidence.fromGroup("tcp", 6379, 6379, "sg-app"),
                new IngressRule("tcp", 6379, 6379, List.of(), List.of(), List.of(), List.of("pl-0corp"), null));

        CheckRun run = CheckHarness.run(NO_CIDR, lab.build());

        assertThat(run.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(run.message()).contains("allows port 6379 from pl-0corp (a prefix list) through rule tcp 6379")
                .contains("'IpProtocol=tcp,FromPort=6379,ToPort=6379,PrefixListIds=[{PrefixListId=pl-0corp}]'");
    }

    @Test
    void rulesNotCoveringThePortAreIgnored() {
        redisRules(LabEvidence.fromGroup("tcp", 6379, 6379, "sg-app"), LabEvidence.fromCidr("tcp", 22, 22, "0.0.0.0/0"),
                LabEvidence.fromCidr("udp", 6379, 6379, "0.0.0.0/0"));

        assertThat(CheckHarness.run(NO_CIDR, lab.build()).outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void noCidrFailsWhenNoClusterIsFound() {
        lab.clusters = List.of();

        assertThat(CheckHarness.run(NO_CIDR, lab.build()).outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void unverifiableWhenSecurityGroupsAreDenied() {
        lab.denied = "securityGroups";

        assertThat(CheckHarness.run(NO_CIDR, lab.build()).outcome()).isEqualTo(Outcome.UNVERIFIABLE);
        assertThat(CheckHarness.run(ONLY_APP, lab.build()).outcome()).isEqualTo(Outcome.UNVERIFIABLE);
    }
}
