package labapp.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes JSON bodies and JSON errors; every answer of the app is JSON, errors included. */
final class Json {
    static final String TYPE = "application/json";
    static final String ERROR_WRITTEN = "labapp.errorWritten";
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private Json() {
    }

    static void send(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType(TYPE).result(MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** {@code {"error": message, "status": status}} plus any extra fields. */
    static void error(Context ctx, int status, String message, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("status", status);
        body.putAll(extra);
        ctx.attribute(ERROR_WRITTEN, Boolean.TRUE);
        send(ctx, status, body);
    }

    /** Rounds to two decimals, as the seed's {@code round(x, 2)}. */
    static double round2(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
