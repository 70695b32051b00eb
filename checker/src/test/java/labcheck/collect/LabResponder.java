package labcheck.collect;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import labcheck.evidence.Ec2Instance;

/**
 * Answers a query-protocol call from the {@link Lab}, as AWS would: ids and EC2 filters narrow
 * the answer (so a collector that forgets a VPC filter sees the other VPC, and the test notices).
 */
final class LabResponder implements ResponseDefinitionTransformerV2 {

    static final String NAME = "lab";

    private final Supplier<Lab> lab;

    LabResponder(Supplier<Lab> lab) {
        this.lab = lab;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Map<String, String> form = parse(event.getRequest().getBodyAsString());
        Lab l = lab.get();
        String body = switch (form.getOrDefault("Action", "")) {
            case "GetCallerIdentity" -> AwsXml.callerIdentity(FakeAws.ACCOUNT, FakeAws.CALLER_ARN);
            case "AssumeRole" -> AwsXml.assumeRole(form.get("RoleArn").replace(":role/", ":assumed-role/")
                    .replace("arn:aws:iam:", "arn:aws:sts:") + "/" + form.get("RoleSessionName"));
            case "DescribeCacheClusters" -> AwsXml.cacheClusters(l.clusters());
            case "DescribeReplicationGroups" -> AwsXml.replicationGroups(l.groups());
            case "DescribeServerlessCaches" -> AwsXml.serverlessCaches(l.serverless());
            case "DescribeCacheSubnetGroups" -> AwsXml.cacheSubnetGroups(l.subnetGroups().stream()
                    .filter(g -> !form.containsKey("CacheSubnetGroupName")
                            || g.cacheSubnetGroupName().equals(form.get("CacheSubnetGroupName"))).toList());
            case "DescribeSubnets" -> AwsXml.subnets(l.subnets().stream()
                    .filter(s -> in(form, "SubnetId", s.subnetId())).filter(s -> filter(form, "vpc-id", s.vpcId())).toList());
            case "DescribeRouteTables" -> AwsXml.routeTables(l.routeTables().stream()
                    .filter(t -> filter(form, "vpc-id", t.vpcId())).toList());
            case "DescribeSecurityGroups" -> AwsXml.securityGroups(l.securityGroups().stream()
                    .filter(g -> in(form, "GroupId", g.groupId())).toList());
            case "DescribeInstances" -> AwsXml.instances(l.instances().stream().filter(instanceFilters(form)).toList());
            case "DescribeDBInstances" -> AwsXml.dbInstances(l.dbs());
            default -> null;
        };
        if (body == null) {
            return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition().withStatus(400)
                    .withHeader("Content-Type", "text/xml").withBody(AwsXml.queryError(AwsXml.ELASTICACHE_NS,
                            "InvalidAction", "The fake AWS does not know " + form.get("Action"))).build();
        }
        return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                .withHeader("Content-Type", "text/xml;charset=UTF-8").withBody(body).build();
    }

    private static Predicate<Ec2Instance> instanceFilters(Map<String, String> form) {
        return i -> filter(form, "vpc-id", i.vpcId()) && filter(form, "ip-address", i.publicIpAddress())
                && filter(form, "dns-name", i.publicDnsName()) && filter(form, "private-ip-address", i.privateIpAddress())
                && filter(form, "instance-state-name", i.state());
    }

    /** True when the request lists no {@code name.N} ids, or lists {@code value}. */
    private static boolean in(Map<String, String> form, String name, String value) {
        List<String> ids = values(form, name + ".");
        return ids.isEmpty() || ids.contains(value);
    }

    /** True when the request has no EC2 filter {@code name}, or the filter lists {@code value}. */
    private static boolean filter(Map<String, String> form, String name, String value) {
        for (int n = 1; form.containsKey("Filter." + n + ".Name"); n++) {
            if (form.get("Filter." + n + ".Name").equals(name)) {
                return values(form, "Filter." + n + ".Value.").contains(value);
            }
        }
        return true;
    }

    private static List<String> values(Map<String, String> form, String prefix) {
        List<String> values = new ArrayList<>();
        for (int n = 1; form.containsKey(prefix + n); n++) {
            values.add(form.get(prefix + n));
        }
        return values;
    }

    static Map<String, String> parse(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
