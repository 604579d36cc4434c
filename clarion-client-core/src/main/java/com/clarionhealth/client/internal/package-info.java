/**
 * Building blocks shared by the blocking and the reactive Clarion clients: retry policy, configuration checks and
 * API-key handling.
 *
 * <p><strong>Not API.</strong> These classes are public only because the two client modules use them; they may change
 * in any release without notice. Applications should configure the clients through their builders instead.
 */
package com.clarionhealth.client.internal;
