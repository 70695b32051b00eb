package labcheck.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A host and port, as AWS reports an endpoint. Either part may be unknown (null). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Endpoint(String address, Integer port) {
}
