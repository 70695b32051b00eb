package labapp.product;

/**
 * A product found, as JSON, and where it came from.
 *
 * @param json the product's JSON
 * @param fromCache true on a cache hit
 */
public record Lookup(String json, boolean fromCache) {
}
