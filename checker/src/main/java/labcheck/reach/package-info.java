/** Transport to the app's instance: one SSH connection, its forwards and remote commands (the timing loop, the source), IMDS. */
package labcheck.reach;
