package labcheck.cli;

import java.nio.file.Path;
import labcheck.checks.CheckCatalog;
import labcheck.rubric.Rubric;
import labcheck.rubric.RubricLoader;

/** The rubric a command uses: {@code --rubric FILE}, else the one shipped in the jar. */
final class Rubrics {

    private Rubrics() {
    }

    static Rubric load(Path fileOrNull) {
        return fileOrNull == null ? RubricLoader.shipped(CheckCatalog.ids()) : RubricLoader.load(fileOrNull, CheckCatalog.ids());
    }
}
