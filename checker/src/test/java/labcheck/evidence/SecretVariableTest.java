package labcheck.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** One rule for every option, variable and column that names a secret's environment variable. */
class SecretVariableTest {

    private static final Map<String, String> ENV = Map.of("DB_PASSWORD", "s3cret", "lab_pw", "s3cret2");

    @Test
    void aSetVariableIsReadWhateverItsCase() {
        assertThat(SecretVariable.password("--db-password-env").read("DB_PASSWORD", ENV)).isEqualTo("s3cret");
        assertThat(SecretVariable.password("--db-password-env").read(" lab_pw ", ENV)).isEqualTo("s3cret2");
    }

    @Test
    void anUnsetConventionalNameIsNamedWithTheFix() {
        assertThat(SecretVariable.password("--db-password-env").problem("NOPE_PW", ENV)).isEqualTo(
                "--db-password-env: the variable NOPE_PW is not set. Fix: read -rs NOPE_PW; export NOPE_PW (it stays"
                        + " off the screen), then run labcheck again.");
    }

    @Test
    void whatIsNotANameIsRefusedUnquotedWithTheFixInTheWordsOfWhereItWasGiven() {
        // GIVEN a passphrase, a password and a token typed where a variable's name belongs
        String flag = SecretVariable.passphrase("--ssh-key-passphrase-env").problem("correct horse Pl4nted!", ENV);
        String variable = SecretVariable.passphrase("LABCHECK_SSH_KEY_PASSPHRASE_ENV").problem("Pl4nted#1", ENV);
        String column = SecretVariable.password("db_password_env").problem("hunter2-Pl4nted", ENV);

        // THEN none is quoted, and each fix says how to name a variable there
        assertThat(flag).isEqualTo("--ssh-key-passphrase-env must name an environment variable such as"
                + " SSH_KEY_PASSPHRASE, and what was given is not one (not shown: it may be the passphrase itself)."
                + " Fix: read -rs SSH_KEY_PASSPHRASE; export SSH_KEY_PASSPHRASE; then pass --ssh-key-passphrase-env"
                + " SSH_KEY_PASSPHRASE.");
        assertThat(variable).endsWith("then set LABCHECK_SSH_KEY_PASSPHRASE_ENV=SSH_KEY_PASSPHRASE.");
        assertThat(column).endsWith("then write DB_PASSWORD in db_password_env.");
        assertThat(flag + variable + column).doesNotContain("Pl4nted", "horse");
    }

    @Test
    void anUnsetNameThatMayBeTheSecretItselfIsNotShown() {
        // GIVEN shell-valid names that are not set: lower case, and an AWS access key id's shape
        String lower = SecretVariable.token("--redis-password-env").problem("hunter2pl4nted", ENV);
        String keyId = SecretVariable.token("--redis-password-env").problem("AKIA" + "Q3EXAMPLE7KEYID0", ENV);

        assertThat(lower).contains("is not set as one (not shown: it may be the AUTH token itself)")
                .doesNotContain("hunter2");
        assertThat(keyId).contains("not shown").doesNotContain("EXAMPLE7");
    }

    @Test
    void requireNameAcceptsAnUnsetNameAndRefusesWhatIsNone() {
        assertThat(SecretVariable.password("--db-password-env").requireName("UNSET_ONE")).isEqualTo("UNSET_ONE");
        assertThatThrownBy(() -> SecretVariable.password("--db-password-env").requireName("pa ss"))
                .hasMessageContaining("is not one (not shown").hasMessageNotContaining("pa ss");
    }
}
