package labcheck.collect;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import labcheck.evidence.CacheCluster;
import labcheck.evidence.CacheSubnetGroup;
import labcheck.evidence.Ec2Instance;
import labcheck.evidence.MetricAlarm;
import labcheck.evidence.RdsInstance;
import labcheck.evidence.ReplicationGroup;
import labcheck.evidence.RouteTable;
import labcheck.evidence.SecurityGroup;
import labcheck.evidence.ServerlessCache;
import labcheck.evidence.Subnet;

/** What a fake AWS account holds, as evidence records (the fake renders them as AWS would). */
public record Lab(List<CacheCluster> clusters, List<ReplicationGroup> groups, List<ServerlessCache> serverless,
           List<CacheSubnetGroup> subnetGroups, List<Subnet> subnets, List<RouteTable> routeTables,
           List<SecurityGroup> securityGroups, List<Ec2Instance> instances, List<RdsInstance> dbs,
           List<MetricAlarm> alarms) {

    Lab withClusters(List<CacheCluster> v) {
        return new Lab(v, groups, serverless, subnetGroups, subnets, routeTables, securityGroups, instances, dbs, alarms);
    }

    Lab withGroups(List<ReplicationGroup> v) {
        return new Lab(clusters, v, serverless, subnetGroups, subnets, routeTables, securityGroups, instances, dbs, alarms);
    }

    Lab withServerless(List<ServerlessCache> v) {
        return new Lab(clusters, groups, v, subnetGroups, subnets, routeTables, securityGroups, instances, dbs, alarms);
    }

    Lab withRouteTables(List<RouteTable> v) {
        return new Lab(clusters, groups, serverless, subnetGroups, subnets, v, securityGroups, instances, dbs, alarms);
    }

    Lab withSecurityGroups(List<SecurityGroup> v) {
        return new Lab(clusters, groups, serverless, subnetGroups, subnets, routeTables, v, instances, dbs, alarms);
    }

    Lab plus(Lab other) {
        return new Lab(cat(clusters, other.clusters), cat(groups, other.groups), cat(serverless, other.serverless),
                cat(subnetGroups, other.subnetGroups), cat(subnets, other.subnets), cat(routeTables, other.routeTables),
                cat(securityGroups, other.securityGroups), cat(instances, other.instances), cat(dbs, other.dbs),
                cat(alarms, other.alarms));
    }

    /** Applies {@code f} to the one cluster of the lab (for the bad variants). */
    Lab mapCluster(UnaryOperator<CacheCluster> f) {
        return withClusters(clusters.stream().map(f).toList());
    }

    private static <T> List<T> cat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
