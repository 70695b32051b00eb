package labapp.backends;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * The two accounts of a server we start: the app's (all rights on {@code ecommerce}) and a
 * read-only one for the grader. Passwords are random per start and checked for real
 * ({@code --skip-name-resolve}, no {@code --skip-grant-tables}).
 *
 * @param appUser the app's user
 * @param appPassword its password
 * @param readerUser a user with SELECT on {@code ecommerce} only
 * @param readerPassword its password
 */
public record DbAccounts(String appUser, String appPassword, String readerUser, String readerPassword) {

    /** Fresh random passwords for {@code labapp} and {@code labcheck}. */
    public static DbAccounts random() {
        return new DbAccounts("labapp", secret(), "labcheck", secret());
    }

    private static String secret() {
        byte[] b = new byte[12];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** SQL run by the server at each start ({@code --init-file}); one statement per line. */
    public List<String> initSql() {
        return List.of(
                "CREATE DATABASE IF NOT EXISTS " + DatabaseServer.DATABASE + ";",
                "CREATE USER IF NOT EXISTS '" + appUser + "'@'%' IDENTIFIED BY '" + appPassword + "';",
                "GRANT ALL PRIVILEGES ON " + DatabaseServer.DATABASE + ".* TO '" + appUser + "'@'%';",
                "CREATE USER IF NOT EXISTS '" + readerUser + "'@'%' IDENTIFIED BY '" + readerPassword + "';",
                "GRANT SELECT ON " + DatabaseServer.DATABASE + ".* TO '" + readerUser + "'@'%';");
    }

    @Override
    public String toString() {
        return "DbAccounts[appUser=" + appUser + ", readerUser=" + readerUser + ", passwords=***]";
    }
}
