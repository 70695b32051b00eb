/** The {@code labcheck} command line (picocli): one subcommand per file. */
package labcheck.cli;
