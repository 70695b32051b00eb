/** How labcheck reaches what the app's instance sees: directly, or over one SSH connection (forwards, remote timing, the source). */
package labcheck.reach;
