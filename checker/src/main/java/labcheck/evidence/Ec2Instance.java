package labcheck.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** EC2 DescribeInstances, one instance (its Name tag only; other tags are not kept). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Ec2Instance(
        String instanceId,
        String name,
        String state,
        String instanceType,
        String vpcId,
        String subnetId,
        String publicIpAddress,
        String publicDnsName,
        String privateIpAddress,
        List<String> securityGroupIds) {

    /** A builder with every field unset (null: unknown), for collectors and test fixtures. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this Ec2Instance's fields, to change some and build a new one. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.instanceId = instanceId;
        b.name = name;
        b.state = state;
        b.instanceType = instanceType;
        b.vpcId = vpcId;
        b.subnetId = subnetId;
        b.publicIpAddress = publicIpAddress;
        b.publicDnsName = publicDnsName;
        b.privateIpAddress = privateIpAddress;
        b.securityGroupIds = securityGroupIds;
        return b;
    }

    /** Builds a {@link Ec2Instance} by field name; a field left unset stays null. */
    public static final class Builder {
        private String instanceId;
        private String name;
        private String state;
        private String instanceType;
        private String vpcId;
        private String subnetId;
        private String publicIpAddress;
        private String publicDnsName;
        private String privateIpAddress;
        private List<String> securityGroupIds;

        private Builder() {
        }

        public Builder instanceId(String instanceId) {
            this.instanceId = instanceId;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder state(String state) {
            this.state = state;
            return this;
        }

        public Builder instanceType(String instanceType) {
            this.instanceType = instanceType;
            return this;
        }

        public Builder vpcId(String vpcId) {
            this.vpcId = vpcId;
            return this;
        }

        public Builder subnetId(String subnetId) {
            this.subnetId = subnetId;
            return this;
        }

        public Builder publicIpAddress(String publicIpAddress) {
            this.publicIpAddress = publicIpAddress;
            return this;
        }

        public Builder publicDnsName(String publicDnsName) {
            this.publicDnsName = publicDnsName;
            return this;
        }

        public Builder privateIpAddress(String privateIpAddress) {
            this.privateIpAddress = privateIpAddress;
            return this;
        }

        public Builder securityGroupIds(List<String> securityGroupIds) {
            this.securityGroupIds = securityGroupIds;
            return this;
        }

        public Ec2Instance build() {
            return new Ec2Instance(instanceId, name, state, instanceType, vpcId, subnetId, publicIpAddress,
                    publicDnsName, privateIpAddress, securityGroupIds);
        }
    }
}
