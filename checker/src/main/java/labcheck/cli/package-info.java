/** The labcheck command line: one picocli subcommand per file. */
package labcheck.cli;
