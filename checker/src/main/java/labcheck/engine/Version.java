package labcheck.engine;

/** labcheck's own version, as stamped on every scoresheet. */
public final class Version {

    private Version() {
    }

    /** The jar's Implementation-Version, or {@code dev} when run from classes (tests, IDE). */
    public static String current() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
