/** Transport to the app's instance: one SSH connection, its forwards, remote commands (timing, source); IMDS. */
package labcheck.reach;
