package labcheck.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;

/** STS GetCallerIdentity: who labcheck ran as. Holds no credential, only identifiers. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallerIdentity(String account, String arn, String userId) {
}
