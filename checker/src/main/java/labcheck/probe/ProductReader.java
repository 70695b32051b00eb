package labcheck.probe;

import com.fasterxml.jackson.databind.JsonNode;
import labcheck.evidence.app.ProductAnswer;

/** Turns one {@code GET /product/{id}} exchange into a {@link ProductAnswer} and its product. */
final class ProductReader {

    private ProductReader() {
    }

    /** The answer as evidence plus the product node (null when there is none). */
    record Read(ProductAnswer answer, JsonNode product) {
    }

    static Read read(int id, HttpResult r) {
        Json.Parsed p = Json.object(r);
        if (!p.ok()) {
            return new Read(new ProductAnswer(r.status(), null, null, r.millis(), null, p.problem()), null);
        }
        StringBuilder problems = new StringBuilder();
        JsonNode o = p.node();
        if (r.status() != 200) {
            Json.note(problems, "HTTP " + r.status() + " for product " + id);
        }
        Double reported = Json.number(o, "response_time_ms", problems);
        if (reported == null && !o.has("response_time_ms")) {
            Json.note(problems, "response_time_ms is missing");
        } else if (reported != null && (reported < 0 || reported.isNaN())) {
            Json.note(problems, "response_time_ms is negative");
            reported = null;
        }
        String status = Json.text(o, "cache_status", problems);
        if (status != null && !status.equalsIgnoreCase("HIT") && !status.equalsIgnoreCase("MISS")) {
            Json.note(problems, "cache_status is \"" + Json.snippet(status, 20) + "\", not HIT or MISS");
            status = null;
        }
        JsonNode product = o.get("product");
        if (product == null || product.isNull()) {
            Json.note(problems, "product is missing or null");
            product = null;
        } else if (!product.isObject()) {
            Json.note(problems, "product is " + Json.kind(product) + ", not an object");
            product = null;
        } else if (!product.has("id") || product.get("id").asInt(-1) != id) {
            Json.note(problems, "product.id is " + product.get("id") + ", not " + id);
        }
        String shown = product == null ? null : Json.compact(product);
        return new Read(new ProductAnswer(r.status(), status == null ? null : status.toUpperCase(), reported,
                r.millis(), shown, problems.length() == 0 ? null : problems.toString()), product);
    }
}
