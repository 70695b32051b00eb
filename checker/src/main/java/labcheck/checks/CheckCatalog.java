package labcheck.checks;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import labcheck.checks.app.AppHealthChecks;
import labcheck.checks.app.ExtensionChecks;
import labcheck.checks.app.HitRatioChecks;
import labcheck.checks.app.ImprovementChecks;
import labcheck.checks.app.LazyLoadingChecks;
import labcheck.checks.app.TtlChecks;
import labcheck.checks.cluster.ClusterChecks;
import labcheck.checks.extensions.CloudWatchAlarmChecks;
import labcheck.checks.instances.DatabaseChecks;
import labcheck.checks.instances.InstanceChecks;
import labcheck.checks.network.PrivateSubnetChecks;
import labcheck.checks.securitygroup.RedisPortChecks;
import labcheck.engine.CheckIndex;
import labcheck.rubric.Rubric;
import labcheck.rubric.RubricLoader;

/**
 * Every class holding checks. The grader selects these classes and runs the checks a
 * rubric names; a rubric naming an id none of them declares is rejected when loaded.
 *
 * <pre>{@code
 * Set<String> ids = CheckCatalog.ids();
 * Rubric rubric = RubricLoader.load(file, ids);
 * }</pre>
 */
public final class CheckCatalog {

    /** Add a new area's class here; order does not matter (rubrics order the scoresheet). */
    public static final List<Class<?>> CLASSES = List.of(
            ClusterChecks.class,
            PrivateSubnetChecks.class,
            RedisPortChecks.class,
            InstanceChecks.class,
            DatabaseChecks.class,
            CloudWatchAlarmChecks.class,
            AppHealthChecks.class,
            LazyLoadingChecks.class,
            TtlChecks.class,
            ImprovementChecks.class,
            HitRatioChecks.class,
            ExtensionChecks.class);

    private static final CheckIndex INDEX = CheckIndex.of(CLASSES);

    private CheckCatalog() {
    }

    public static CheckIndex index() {
        return INDEX;
    }

    public static Set<String> ids() {
        return INDEX.ids();
    }

    /** The rubric in {@code fileOrNull}, else the shipped one, validated against these checks. */
    public static Rubric rubric(Path fileOrNull) {
        return fileOrNull == null ? RubricLoader.shipped(ids()) : RubricLoader.load(fileOrNull, ids());
    }
}
