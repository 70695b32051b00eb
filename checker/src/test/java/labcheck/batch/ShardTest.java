package labcheck.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShardTest {

    @Test
    void everyStudentLandsInExactlyOneShardAndTheShardsAreRoughlyEven() {
        List<String> ids = IntStream.range(0, 1000).mapToObj(i -> "student-" + i).toList();
        Map<Integer, Integer> sizes = new HashMap<>();
        for (String id : ids) {
            List<Integer> owners = IntStream.rangeClosed(1, 4).filter(k -> new Shard(k, 4).owns(id)).boxed().toList();
            assertThat(owners).as(id).hasSize(1);
            sizes.merge(owners.get(0), 1, Integer::sum);
        }
        assertThat(sizes.values()).allMatch(n -> n > 200 && n < 300);
    }

    @Test
    void theSplitIsPinnedSoItIsTheSameOnEveryMachineAndRelease() {
        // First 8 bytes of SHA-256(id) as a non-negative long, mod N, plus 1; computed outside Java once.
        // A change here would move students between shards in the middle of an event.
        Map<String, List<Integer>> pinned = Map.of("s01", List.of(1, 3), "s02", List.of(1, 4),
                "s03", List.of(2, 2), "s04", List.of(3, 2), "student-1", List.of(3, 1));
        pinned.forEach((id, shards) -> {
            assertThat(owner(id, 3)).as("%s of 3", id).isEqualTo(shards.get(0));
            assertThat(owner(id, 4)).as("%s of 4", id).isEqualTo(shards.get(1));
        });
    }

    private static int owner(String id, int count) {
        return IntStream.rangeClosed(1, count).filter(k -> new Shard(k, count).owns(id)).findFirst().getAsInt();
    }

    @Test
    void theShardComesFromTheOptionThenLabcheckShardThenAnArrayIndex() {
        assertThat(Shard.resolve("2/4", null, Map.of("LABCHECK_SHARD", "1/2"))).isEqualTo(new Shard(2, 4));
        assertThat(Shard.resolve(null, null, Map.of("LABCHECK_SHARD", "1/2"))).isEqualTo(new Shard(1, 2));
        assertThat(Shard.resolve(null, 5, Map.of("JOB_COMPLETION_INDEX", "0"))).isEqualTo(new Shard(1, 5));
        assertThat(Shard.resolve(null, null, Map.of("AWS_BATCH_JOB_ARRAY_INDEX", "3", "LABCHECK_SHARD_COUNT", "4")))
                .isEqualTo(new Shard(4, 4));
        assertThat(Shard.resolve(null, null, Map.of())).isEqualTo(Shard.ALL);
    }

    @Test
    void aShardThatCannotBeMeantIsRefusedWithTheFix() {
        assertThatThrownBy(() -> Shard.resolve("0/4", null, Map.of())).hasMessageContaining("1 <= K <= N");
        assertThatThrownBy(() -> Shard.resolve("5/4", null, Map.of())).hasMessageContaining("1 <= K <= N");
        assertThatThrownBy(() -> Shard.resolve("two", null, Map.of())).hasMessageContaining("write K/N");
        assertThatThrownBy(() -> Shard.resolve(null, null, Map.of("JOB_COMPLETION_INDEX", "1")))
                .hasMessageContaining("pass --shard-count N or set LABCHECK_SHARD_COUNT");
        assertThatThrownBy(() -> Shard.resolve(null, 2, Map.of("JOB_COMPLETION_INDEX", "2")))
                .hasMessageContaining("the index must be 0..1");
        assertThatThrownBy(() -> Shard.resolve(null, 2, Map.of())).hasMessageContaining("no index");
    }
}
