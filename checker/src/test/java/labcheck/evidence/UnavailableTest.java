package labcheck.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Why a fact could not be had names the real cause: a refused sign-in is a login, never an IAM grant. */
class UnavailableTest {

    @Test
    void givenADatabaseThatRefusedTheLoginWhenAskedHowToVerifyThenItIsTheUserAndPasswordNotAGrant() {
        Unavailable refused = new Unavailable("AccessDenied", "mysql:jdbc:mysql://db:3306/ecommerce",
                "The database refused the probe's credentials.");

        assertThat(refused.howToVerify()).doesNotContain("Grant").contains("--db-user").contains("--db-password-env");
        assertThat(refused.subject()).isEqualTo("mysql:jdbc:mysql://db:3306/ecommerce");
    }

    @Test
    void givenAnIamDenialWhenAskedHowToVerifyThenItNamesTheActionToGrant() {
        assertThat(Unavailable.accessDenied("ec2:DescribeRouteTables").howToVerify())
                .startsWith("Grant ec2:DescribeRouteTables to the identity labcheck runs as");
    }

    @Test
    void givenFactsLeftOutForOneMissingFlagWhenComparedThenTheyShareOneSubject() {
        Unavailable clusters = Unavailable.notGiven("--region", "ElastiCache clusters", "run with --region.");
        Unavailable rds = Unavailable.notGiven("--region", "RDS instances", "run with --region.");

        assertThat(clusters.subject()).isEqualTo(rds.subject()).isEqualTo("--region");
        assertThat(Unavailable.notCollected("The load test", "run with --concurrency N.").subject())
                .isEqualTo("The load test");
    }

    @Test
    void givenAFixFromTheReaderWhenAskedHowToVerifyThenTheReadersFixWins() {
        Unavailable refused = new Unavailable("AccessDenied", "mysql:jdbc:mysql://db:3306/ecommerce", "Refused.",
                "Set DB_PASSWORD to user admin's password.");

        assertThat(refused.howToVerify()).isEqualTo("Set DB_PASSWORD to user admin's password.");
    }
}
