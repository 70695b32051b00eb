package labcheck.evidence;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import java.util.function.Function;

/**
 * One piece of evidence: either its value, or why it could not be had.
 *
 * <pre>{@code
 * Fact<List<Subnet>> subnets = Fact.of(list);
 * Fact<List<RouteTable>> tables = Fact.unavailable(Unavailable.accessDenied("ec2:DescribeRouteTables"));
 * }</pre>
 *
 * A check that needs an unavailable fact is unverifiable, never failed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Fact<T>(T value, Unavailable unavailable) {

    public Fact {
        if ((value == null) == (unavailable == null)) {
            throw new IllegalArgumentException("a Fact holds exactly one of value or unavailable");
        }
    }

    public static <T> Fact<T> of(T value) {
        return new Fact<>(Objects.requireNonNull(value, "value"), null);
    }

    public static <T> Fact<T> unavailable(Unavailable why) {
        return new Fact<>(null, Objects.requireNonNull(why, "why"));
    }

    public static <T> Fact<T> notCollected(String what, String howToCollect) {
        return unavailable(Unavailable.notCollected(what, howToCollect));
    }

    @JsonIgnore
    public boolean available() {
        return value != null;
    }

    /** Applies {@code f} to the value, keeping the reason when unavailable. */
    public <R> Fact<R> map(Function<? super T, ? extends R> f) {
        return available() ? Fact.of(f.apply(value)) : Fact.unavailable(unavailable);
    }
}
