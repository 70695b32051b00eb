package labcheck.rubric;

import java.util.List;

/** A rubric file that cannot be used; each problem names the file, the line and the fix. */
public class RubricException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public RubricException(String origin, List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
                : "rubric " + origin + " has " + problems.size() + " problems:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One sentence per problem, each "FILE, line N: what. Fix: how." */
    public List<String> problems() {
        return problems;
    }
}
