package labcheck.cli;

import java.nio.file.Path;
import labcheck.report.Reports;
import picocli.CommandLine.Option;

/** {@code --templates DIR}, shared by every command that renders scoresheets. */
public final class TemplatesOption {

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Directory of FreeMarker templates overriding the shipped ones.")
    Path templates;

    /** The renderers, with the override when given; a path that is not a directory is a usage error. */
    Reports reports() {
        return CommandSupport.reports(templates);
    }
}
