package labapp.product;

import java.util.List;
import java.util.Optional;

/**
 * Product reads and writes for one app: with a cache (lazy loading, write-through, invalidation)
 * or without (every read goes to the database, as the lab's baseline).
 *
 * <pre>{@code
 * ProductService cached = ProductService.cached(repo, cache, 30);
 * Lookup l = cached.get(1);          // GET product:1, else SELECT then SETEX product:1 3600
 * ProductService direct = ProductService.direct(repo);
 * }</pre>
 */
public final class ProductService {
    private final ProductRepository repo;
    private final ProductCache cache;
    private final MissingIds missing;
    private final SingleFlight<Integer, Optional<String>> loads = new SingleFlight<>();
    private final Counters counters = new Counters();

    private ProductService(ProductRepository repo, ProductCache cache, int missingTtlSeconds) {
        this.repo = java.util.Objects.requireNonNull(repo, "repo");
        this.cache = cache;
        this.missing = new MissingIds(missingTtlSeconds);
    }

    /** The cache app: lazy loading in front of the repository. */
    public static ProductService cached(ProductRepository repo, ProductCache cache, int missingTtlSeconds) {
        return new ProductService(repo, java.util.Objects.requireNonNull(cache, "cache"), missingTtlSeconds);
    }

    /** The no-cache app: the database every time. */
    public static ProductService direct(ProductRepository repo) {
        return new ProductService(repo, null, 0);
    }

    /**
     * The product, from Redis when cached, else from the database (then cached). Redis being down
     * only costs the cache; the database being down fails only uncached reads.
     *
     * @throws ProductNotFoundException no such product
     * @throws DatabaseUnavailableException not cached and the database cannot answer
     */
    public Lookup get(int id) {
        if (cache == null) {
            Product p = repo.find(id).orElseThrow(() -> notFound(id));
            counters.other();
            return new Lookup(ProductJson.write(p), false);
        }
        ProductCache.Read read = cache.get(id);
        if (read.hit() && ProductJson.looksLikeObject(read.value())) {
            counters.hit();
            return new Lookup(read.value(), true);
        }
        if (missing.contains(id)) {
            counters.miss();
            throw new ProductNotFoundException(id);
        }
        // One query per id at a time; the SETEX happens before waiting callers are released, so
        // requests arriving just after the load find the key instead of querying again.
        Optional<String> loaded = loads.load(id, () -> {
            Optional<String> json = repo.find(id).map(ProductJson::write);
            if (json.isPresent() && read.reachable()) {
                cache.put(id, json.get());
            }
            return json;
        });
        counters.miss();
        if (loaded.isEmpty()) {
            missing.add(id);
            throw new ProductNotFoundException(id);
        }
        return new Lookup(loaded.get(), false);
    }

    /** Write-through: the database first, then the cache gets the stored row. */
    public ProductRepository.Saved save(int id, ProductChange change) {
        ProductRepository.Saved saved = repo.save(id, change);
        if (cache != null) {
            missing.forget(id);
            cache.put(id, ProductJson.write(saved.product()));
        }
        return saved;
    }

    /** Invalidation: delete the row, then the key; false when there was no such product. */
    public boolean delete(int id) {
        boolean deleted = repo.delete(id);
        if (cache != null) {
            cache.evict(id);
            if (deleted) {
                missing.add(id);
            }
        }
        return deleted;
    }

    /**
     * Cache warming: SETEX the {@code n} most viewed products in one pipeline.
     *
     * @return the ids warmed, most viewed first
     */
    public List<Integer> warm(int n) {
        if (cache == null) {
            throw new IllegalStateException("the no-cache app has no cache to warm");
        }
        List<Product> top = repo.topByViews(n);
        cache.putAll(top);
        top.forEach(p -> missing.forget(p.id()));
        return top.stream().map(Product::id).toList();
    }

    /** Whether this is the cache app. */
    public boolean caching() {
        return cache != null;
    }

    /** The cache, or null for the no-cache app. */
    public ProductCache cache() {
        return cache;
    }

    public ProductRepository repository() {
        return repo;
    }

    public Counters counters() {
        return counters;
    }

    private static ProductNotFoundException notFound(int id) {
        return new ProductNotFoundException(id);
    }
}
