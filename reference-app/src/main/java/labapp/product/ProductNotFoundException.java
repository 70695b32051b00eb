package labapp.product;

/** No product has this id: the HTTP layer answers 404. */
public final class ProductNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int id;

    public ProductNotFoundException(int id) {
        super("product " + id + " not found", null, false, false);
        this.id = id;
    }

    public int id() {
        return id;
    }
}
