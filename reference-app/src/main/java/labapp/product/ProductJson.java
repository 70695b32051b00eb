package labapp.product;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The one JSON form of a product, used as the cached value and in responses. */
public final class ProductJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProductJson() {
    }

    /** {@code {"id":1,"name":"Laptop","price":999.99,"description":"...","views":1500}}. */
    public static String write(Product p) {
        try {
            return MAPPER.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise product " + p.id(), e);
        }
    }

    /** Reads a product written by {@link #write(Product)}. */
    public static Product read(String json) {
        try {
            return MAPPER.readValue(json, Product.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a product: " + e.getOriginalMessage(), e);
        }
    }

    /** A cheap shape check before a cached value is spliced into a response unparsed. */
    static boolean looksLikeObject(String json) {
        return json.length() >= 2 && json.charAt(0) == '{' && json.charAt(json.length() - 1) == '}';
    }
}
