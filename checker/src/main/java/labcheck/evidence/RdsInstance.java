package labcheck.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** RDS DescribeDBInstances, one instance. No master password is ever part of this record. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RdsInstance(
        String dbInstanceIdentifier,
        String engine,
        String engineVersion,
        String dbInstanceStatus,
        Boolean publiclyAccessible,
        String dbSubnetGroupName,
        String vpcId,
        List<String> subnetIds,
        List<String> vpcSecurityGroupIds,
        Endpoint endpoint) {

    /** A builder with every field unset (null: unknown), for collectors and test fixtures. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this RdsInstance's fields, to change some and build a new one. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.dbInstanceIdentifier = dbInstanceIdentifier;
        b.engine = engine;
        b.engineVersion = engineVersion;
        b.dbInstanceStatus = dbInstanceStatus;
        b.publiclyAccessible = publiclyAccessible;
        b.dbSubnetGroupName = dbSubnetGroupName;
        b.vpcId = vpcId;
        b.subnetIds = subnetIds;
        b.vpcSecurityGroupIds = vpcSecurityGroupIds;
        b.endpoint = endpoint;
        return b;
    }

    /** Builds a {@link RdsInstance} by field name; a field left unset stays null. */
    public static final class Builder {
        private String dbInstanceIdentifier;
        private String engine;
        private String engineVersion;
        private String dbInstanceStatus;
        private Boolean publiclyAccessible;
        private String dbSubnetGroupName;
        private String vpcId;
        private List<String> subnetIds;
        private List<String> vpcSecurityGroupIds;
        private Endpoint endpoint;

        private Builder() {
        }

        public Builder dbInstanceIdentifier(String dbInstanceIdentifier) {
            this.dbInstanceIdentifier = dbInstanceIdentifier;
            return this;
        }

        public Builder engine(String engine) {
            this.engine = engine;
            return this;
        }

        public Builder engineVersion(String engineVersion) {
            this.engineVersion = engineVersion;
            return this;
        }

        public Builder dbInstanceStatus(String dbInstanceStatus) {
            this.dbInstanceStatus = dbInstanceStatus;
            return this;
        }

        public Builder publiclyAccessible(Boolean publiclyAccessible) {
            this.publiclyAccessible = publiclyAccessible;
            return this;
        }

        public Builder dbSubnetGroupName(String dbSubnetGroupName) {
            this.dbSubnetGroupName = dbSubnetGroupName;
            return this;
        }

        public Builder vpcId(String vpcId) {
            this.vpcId = vpcId;
            return this;
        }

        public Builder subnetIds(List<String> subnetIds) {
            this.subnetIds = subnetIds;
            return this;
        }

        public Builder vpcSecurityGroupIds(List<String> vpcSecurityGroupIds) {
            this.vpcSecurityGroupIds = vpcSecurityGroupIds;
            return this;
        }

        public Builder endpoint(Endpoint endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        public RdsInstance build() {
            return new RdsInstance(dbInstanceIdentifier, engine, engineVersion, dbInstanceStatus,
                    publiclyAccessible, dbSubnetGroupName, vpcId, subnetIds, vpcSecurityGroupIds, endpoint);
        }
    }
}
