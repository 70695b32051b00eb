package labcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The SSH settings as labcheck.yaml keys, like every other option; a passphrase itself is refused. */
class YamlSshKeysTest {

    @TempDir
    Path dir;

    @Test
    void sshKeysInLabcheckYamlAreTheLongOptionNames() throws Exception {
        Path yaml = Files.writeString(dir.resolve("labcheck.yaml"), "ssh: ec2-user@3.80.1.2\nssh-key: keys/lab.pem\n"
                + "ssh-known-hosts: kh\nssh-accept-new: true\nssh-key-passphrase-env: LAB_KEY_PASS\n");
        YamlDefaults defaults = YamlDefaults.locate(Map.of("LABCHECK_CONFIG", yaml.toString()));
        CommandSpec spec = new CommandLine(new CheckCommand()).getCommandSpec();

        assertThat(defaults.defaultValue(spec.findOption("--ssh"))).isEqualTo("ec2-user@3.80.1.2");
        assertThat(defaults.defaultValue(spec.findOption("--ssh-key"))).isEqualTo("keys/lab.pem");
        assertThat(defaults.defaultValue(spec.findOption("--ssh-known-hosts"))).isEqualTo("kh");
        assertThat(defaults.defaultValue(spec.findOption("--ssh-accept-new"))).isEqualTo("true");
        assertThat(defaults.defaultValue(spec.findOption("--ssh-key-passphrase-env"))).isEqualTo("LAB_KEY_PASS");
    }

    @Test
    void aPassphraseWrittenInTheFileIsRefusedWithTheFix() throws Exception {
        Path yaml = Files.writeString(dir.resolve("labcheck.yaml"), "ssh-key-passphrase: hunter2\n");
        assertThatThrownBy(() -> YamlDefaults.locate(Map.of("LABCHECK_CONFIG", yaml.toString())))
                .hasMessageContaining("would hold a secret").hasMessageContaining("ssh-key-passphrase-env")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    }
}
